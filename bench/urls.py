from django.http import JsonResponse
from django.urls import path

from summit.urls import urlpatterns as portal


def bare(request):
    """The baseline: Django's whole middleware stack, no DRF, no database."""
    return JsonResponse({"count": 1, "results": [{"id": 1, "title": "Green Shield"}]})


urlpatterns = [path("bench/json/", bare), *portal]
