from django.urls import path

from . import views

# Included before drafts.urls under documents/: its fixed routes (triage/, dashboard/…) must
# win over a document slug.
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("triage/", views.comment_triage, name="comment_triage"),
    path("triage/status/", views.comment_bulk_status, name="comment_bulk_status"),
    path("comments/<id:pk>/", views.comment_detail, name="comment_detail"),
    path("comments/<id:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("comments/<id:pk>/answer/", views.comment_answer, name="comment_answer"),
    path("comments/<id:pk>/hide/", views.comment_hide, name="comment_hide"),
    path("comments/<id:pk>/restore/", views.comment_restore, name="comment_restore"),
    path("<slug:slug>/rev/<id:number>/comment/", views.comment_create, name="comment_create"),
    path(
        "<slug:slug>/rev/<id:number>/threads/<str:key>/",
        views.paragraph_threads,
        name="paragraph_threads",
    ),
    path(
        "<slug:slug>/rev/<id:number>/form/<str:key>/",
        views.paragraph_form,
        name="paragraph_form",
    ),
    path(
        "<slug:slug>/rev/<id:number>/positions/",
        views.position_matrix_view,
        name="position_matrix",
    ),
    path(
        "<slug:slug>/rev/<id:number>/p/<str:key>/position/",
        views.position_record,
        name="position_record",
    ),
    path(
        "<slug:slug>/rev/<id:number>/compilation.<str:fmt>",
        views.compilation_download,
        name="compilation_download",
    ),
]
