from django.urls import path

from . import views

urlpatterns = [
    path("", views.delegation_list, name="delegation_list"),
]
