"""Mounted under programme/<slug>/documents/ (summit/urls.py): a meeting's register."""

from django.urls import path

from . import feeds, views

app_name = "register"

urlpatterns = [
    path("", views.meeting_register, name="meeting"),
    path("feed/", feeds.MeetingDocumentsFeed(), name="feed"),
    path("issued/", views.issued_on_day, name="issued_today"),
    path("issued/<str:day>/", views.issued_on_day, name="issued"),
    path("issue/", views.document_issue, name="issue"),
    path("<id:pk>/", views.document_detail, name="document"),
    path("<id:pk>/add-version/", views.version_add, name="version_add"),
    path("<id:pk>/<str:language>/", views.version_download, name="download"),
]
