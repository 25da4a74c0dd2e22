from django.urls import path

from . import views

urlpatterns = [
    path(
        "<slug:slug>/rev/<id:number>/<str:language>/",
        views.pdf_request,
        name="pdf_request",
    ),
    path("jobs/<id:pk>/", views.pdf_job_status, name="pdf_job_status"),
    path("jobs/<id:pk>/download/", views.pdf_job_download, name="pdf_job_download"),
]
