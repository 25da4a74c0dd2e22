from django.urls import path

from . import views

urlpatterns = [
    path("<id:pk>/", views.call_detail, name="call_detail"),
    path("<id:pk>/publish/", views.call_publish_view, name="call_publish"),
    path("submissions/<id:pk>/", views.submission_receipt, name="submission_receipt"),
    path("submissions/<id:pk>/file/", views.submission_file, name="submission_file"),
    path("open/<slug:slug>/", views.call_new, name="call_new"),
]
