"""The register's API, mounted under /api/v1/ by the one router (summit/api/)."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "meetings/<id:pk>/documents/",
        views.MeetingDocumentsView.as_view(),
        name="api-meeting-documents",
    ),
]
