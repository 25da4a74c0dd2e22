"""Mounted under documents/ before drafts.urls (summit/urls.py): the paths are a document's."""

from django.urls import path

from . import views

urlpatterns = [
    path("<slug:slug>/adopt/", views.document_adopt, name="document_adopt"),
    path("<slug:slug>/adopted/", views.document_adopted, name="document_adopted"),
    path("<slug:slug>/statement/", views.statement_edit, name="statement_edit"),
    path("<slug:slug>/sponsorship/", views.sponsorship_set, name="sponsorship_set"),
    path("<slug:slug>/history/", views.document_history_view, name="document_history"),
]
