from django.urls import path

from . import views

urlpatterns = [
    path("", views.programme, name="programme"),
    path("<slug:slug>/", views.meeting_detail, name="meeting_detail"),
]
