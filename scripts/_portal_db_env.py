"""Prints the portal's database and media settings as shell assignments for backup/restore.

Reading them through Django means the scripts honour exactly what the portal uses: the
environment, a `.env` file, any DATABASE_URL scheme django-environ accepts.
"""

import os
import shlex
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "summit.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

database = settings.DATABASES["default"]
if not database["ENGINE"].endswith("postgresql"):
    sys.exit(f"backup/restore need PostgreSQL; DATABASE_URL points to {database['ENGINE']}.")
values = {
    "PGHOST": database.get("HOST") or "",
    "PGPORT": str(database.get("PORT") or ""),
    "PGUSER": database.get("USER") or "",
    "PGPASSWORD": database.get("PASSWORD") or "",
    "PGDATABASE": database["NAME"],
    "PORTAL_MEDIA_ROOT": str(settings.MEDIA_ROOT),
}
for name, value in values.items():
    if value:
        print(f"export {name}={shlex.quote(value)}")
