from django.urls import path

from . import views

urlpatterns = [
    path("<slug:slug>/", views.initiative_detail, name="initiative_detail"),
]
