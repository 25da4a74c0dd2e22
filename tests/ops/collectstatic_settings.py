"""Production settings with the manifest storage but without whitenoise's compression.

The manifest step is what fails on a missing or misspelt static reference; compressing
every file of the admin only makes the test slow.
"""

# ruff: noqa: F403, F405
from summit.settings import *

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
