from django.urls import path

from . import views

urlpatterns = [
    path("", views.subscription_list, name="subscription_list"),
    path("follow/", views.follow, name="subscription_follow"),
    path("<id:pk>/frequency/", views.frequency, name="subscription_frequency"),
    path("<id:pk>/unfollow/", views.unfollow, name="subscription_unfollow"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
