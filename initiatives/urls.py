from django.urls import path

from . import views

urlpatterns = [
    path("", views.initiative_list, name="initiative_list"),
    path("<slug:slug>/", views.initiative_detail, name="initiative_detail"),
    path("<slug:slug>/edit/", views.initiative_edit, name="initiative_edit"),
    path("<slug:slug>/sections/<str:kind>/edit/", views.section_edit, name="section_edit"),
    path("<slug:slug>/sections/<str:kind>/history/", views.section_history, name="section_history"),
    path("<slug:slug>/funding/", views.funding_add, name="funding_add"),
    path("<slug:slug>/funding/<id:pk>/delete/", views.funding_delete, name="funding_delete"),
    path("<slug:slug>/results/add/<str:level>/", views.results_add, name="results_add"),
    path("<slug:slug>/results/indicators/<id:pk>/", views.indicator_edit, name="indicator_edit"),
]
