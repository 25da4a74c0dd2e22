from django.urls import path

from . import desk, views

# Fixed routes first: a meeting's slug must not shadow them.
urlpatterns = [
    path("desk/", desk.desk, name="registration_desk"),
    path("desk/decide/", desk.desk_decide, name="registration_desk_decide"),
    path("desk/register/", desk.desk_register, name="registration_desk_register"),
    path("desk/windows/", desk.desk_windows, name="registration_desk_windows"),
    path("desk/documents/", desk.desk_document, name="registration_desk_document"),
    path("desk/export.<str:fmt>", desk.desk_export, name="registration_desk_export"),
    path("desk/<id:pk>/", desk.desk_detail, name="registration_desk_detail"),
    path("documents/<id:pk>/", desk.document, name="registration_document"),
    path("check-in/", desk.check_in, name="registration_check_in"),
    path("letters/<id:pk>/", views.letter_download, name="registration_letter"),
    path("focal-point/<slug:slug>/", views.focal_point, name="registration_focal_point"),
    path("<id:pk>/confirm/", views.confirm, name="registration_confirm"),
    path("<id:pk>/withdraw/", views.withdraw, name="registration_withdraw"),
    path("<id:pk>/photo/", views.photo, name="registration_photo"),
    path("<id:pk>/badge/", views.badge, name="registration_badge"),
    path("<slug:slug>/nominate/", views.nominations, name="registration_nominations"),
    path("<slug:slug>/register-myself/", views.self_register, name="registration_self"),
    path("<slug:slug>/letter/", views.letter_upload, name="registration_letter_upload"),
    path("<slug:slug>/participants/", views.participants, name="registration_participants"),
]
