from django.urls import path

from . import views

urlpatterns = [
    path("", views.delegation_list, name="delegation_list"),
    path("invitations/", views.invitation_list, name="invitation_list"),
    path("invitations/new/", views.invitation_create, name="invitation_create"),
    path("invitations/<id:pk>/resend/", views.invitation_resend, name="invitation_resend"),
    path("invitations/<id:pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("join/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("<slug:slug>/members/", views.delegation_members, name="delegation_members"),
    path("members/<id:pk>/remove/", views.membership_remove, name="membership_remove"),
]
