from django.urls import path

from . import views

urlpatterns = [
    path("", views.document_list, name="document_list"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("triage/", views.comment_triage, name="comment_triage"),
    path("triage/status/", views.comment_bulk_status, name="comment_bulk_status"),
    path("comments/<id:pk>/", views.comment_detail, name="comment_detail"),
    path("comments/<id:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("comments/<id:pk>/answer/", views.comment_answer, name="comment_answer"),
    path("comments/<id:pk>/hide/", views.comment_hide, name="comment_hide"),
    path("comments/<id:pk>/restore/", views.comment_restore, name="comment_restore"),
    path("<slug:slug>/", views.document_detail, name="document_detail"),
    path("<slug:slug>/settings/", views.document_settings, name="document_settings"),
    path("<slug:slug>/compare/", views.revision_compare_view, name="revision_compare"),
    path("<slug:slug>/draft/", views.draft_editor, name="draft_editor"),
    path("<slug:slug>/draft/start/", views.draft_start, name="draft_start"),
    path("<slug:slug>/draft/add/", views.paragraph_add, name="paragraph_add"),
    path("<slug:slug>/draft/publish/", views.revision_publish, name="revision_publish"),
    path("<slug:slug>/draft/p/<str:key>/", views.paragraph_edit, name="paragraph_edit"),
    path("<slug:slug>/draft/p/<str:key>/delete/", views.paragraph_delete, name="paragraph_delete"),
    path("<slug:slug>/draft/p/<str:key>/move/", views.paragraph_move, name="paragraph_move"),
    path("<slug:slug>/rev/<id:number>/", views.revision_detail, name="revision_detail"),
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
    path("<slug:slug>/rev/<id:number>/notify/", views.revision_notify, name="revision_notify"),
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
