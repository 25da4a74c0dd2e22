"""Where nomination letters, photos and badges live: never under the public media.

MEDIA_ROOT is served as it is in development (summit/urls.py) and may be published by a web
server; personal files go to PRIVATE_MEDIA_ROOT instead and leave it only through views that
check permission. With S3 configured the default storage is already private (the portal
serves its files), so it is used as is.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages


def private_storage() -> Storage:
    backend = settings.STORAGES["default"]["BACKEND"]
    if backend == "django.core.files.storage.FileSystemStorage":
        return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)
    return storages["default"]
