"""The submissions API, mounted under /api/v1/ by the one router (summit/api/)."""

from django.urls import path

from . import views

urlpatterns = [
    path("meetings/<id:pk>/calls/", views.MeetingCallsView.as_view(), name="api-meeting-calls"),
    path("calls/<id:pk>/", views.CallDetailView.as_view(), name="api-call-detail"),
    path(
        "calls/<id:pk>/submissions/",
        views.CallSubmissionsView.as_view(),
        name="api-call-submissions",
    ),
]
