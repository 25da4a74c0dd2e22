"""Mounted under documents/ before drafts.urls (summit/urls.py): the paths are a document's."""

from django.urls import path

from . import views

urlpatterns = [
    path("<slug:slug>/draft/import/", views.draft_import, name="draft_import"),
    path(
        "<slug:slug>/rev/<id:number>/akn/<str:language>/",
        views.revision_akn_download,
        name="revision_akn",
    ),
]
