"""The portal's production settings plus one bare JsonResponse view to compare against."""

# ruff: noqa: F403, F405
from summit.settings import *

ROOT_URLCONF = "bench.urls"
# The API answers JSON only; the manifest of collected static files is not needed here.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}
