from django.urls import path

from . import calendar, views

urlpatterns = [
    path("", views.programme, name="programme"),
    path("<slug:slug>.ics", calendar.meeting_ical, name="meeting_ical"),
    path("<slug:slug>/", views.meeting_detail, name="meeting_detail"),
]
