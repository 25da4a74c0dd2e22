from django.urls import path

from . import views

urlpatterns = [
    path("document/<slug:slug>/", views.document_sessions, name="live_document"),
    path("<id:pk>/", views.follow, name="live_follow"),
    path("<id:pk>/screen/", views.screen, name="live_screen"),
    path("<id:pk>/chair/", views.chair, name="live_chair"),
]
