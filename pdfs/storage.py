import os
import tempfile

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages


class AtomicFileSystemStorage(FileSystemStorage):
    """Writes a file whole or not at all: a temporary file in the same directory, then rename.

    Django's FileSystemStorage writes in place, so a worker killed mid-write would leave a
    truncated PDF under its final name. Names are content-addressed (they carry the sha256),
    so overwriting an existing name only ever replaces a file with the same bytes.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_overwrite", True)
        super().__init__(**kwargs)

    def _save(self, name, content):
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        os.makedirs(directory, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=".partial-")
        try:
            with os.fdopen(descriptor, "wb") as target:
                for chunk in content.chunks():
                    target.write(chunk)
                target.flush()
                os.fsync(target.fileno())
            if self.file_permissions_mode is not None:
                os.chmod(temporary, self.file_permissions_mode)
            else:
                os.chmod(temporary, 0o644)
            os.replace(temporary, full_path)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise
        return str(name).replace("\\", "/")


def pdf_storage() -> Storage:
    """Local media by default (written atomically); the configured storage otherwise.

    S3-compatible storages (django-storages) upload an object whole, so they need no help.
    """
    backend = settings.STORAGES["default"]["BACKEND"]
    if backend == "django.core.files.storage.FileSystemStorage":
        return AtomicFileSystemStorage()
    return storages["default"]
