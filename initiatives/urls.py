from django.urls import path

from . import views

urlpatterns = [
    path("", views.initiative_list, name="initiative_list"),
    path("<slug:slug>/", views.initiative_detail, name="initiative_detail"),
]
