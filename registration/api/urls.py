"""The registration API, mounted under /api/v1/ by the one router (summit/api/)."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "meetings/<id:pk>/participants/",
        views.MeetingParticipantsView.as_view(),
        name="api-meeting-participants",
    ),
    path(
        "meetings/<id:pk>/registrations/",
        views.MeetingRegistrationsView.as_view(),
        name="api-meeting-registrations",
    ),
    path(
        "registrations/<id:pk>/",
        views.RegistrationDetailView.as_view(),
        name="api-registration-detail",
    ),
    path(
        "registrations/<id:pk>/accredit/",
        views.RegistrationAccreditView.as_view(),
        name="api-registration-accredit",
    ),
    path(
        "registrations/<id:pk>/reject/",
        views.RegistrationRejectView.as_view(),
        name="api-registration-reject",
    ),
    path(
        "registrations/<id:pk>/badge/",
        views.RegistrationBadgeView.as_view(),
        name="api-registration-badge",
    ),
    path("check-in/", views.CheckInView.as_view(), name="api-check-in"),
]
