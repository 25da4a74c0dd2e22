from django.urls import path

from . import views

urlpatterns = [
    path("", views.document_list, name="document_list"),
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
    path("<slug:slug>/rev/<id:number>/notify/", views.revision_notify, name="revision_notify"),
]
