#!/usr/bin/env bash
# Backs up the portal: the PostgreSQL database (pg_dump custom format) and the media files
# (uploads and generated PDFs), into a new folder DEST/res2026-<UTC time>/ with checksums.
#
#   scripts/backup.sh [DEST]        DEST defaults to $BACKUP_DIR or ./backups
#
# Settings (DATABASE_URL, MEDIA_ROOT) are read exactly as the portal reads them.
# Restore with scripts/restore.sh DEST/res2026-<time>. See docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python )}"

dest_root="${1:-${BACKUP_DIR:-backups}}"
settings_env="$("$PYTHON" scripts/_portal_db_env.py)"
eval "$settings_env"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
dest="${dest_root%/}/res2026-${stamp}"
partial="${dest}.partial"
mkdir -p "$partial"
# A backup that did not finish must never look like one that did.
trap 'rm -rf "$partial"' EXIT

# Custom format: compressed, and pg_restore can recreate every object with --clean.
pg_dump --format=custom --no-owner --no-acl --file="$partial/db.dump"

if [ -d "$PORTAL_MEDIA_ROOT" ]; then
  tar -C "$PORTAL_MEDIA_ROOT" -czf "$partial/media.tar.gz" .
else
  tar -czf "$partial/media.tar.gz" -T /dev/null
fi

{
  echo "created=$stamp"
  echo "database=$PGDATABASE"
  echo "pg_dump=$(pg_dump --version)"
} > "$partial/manifest.txt"
(cd "$partial" && sha256sum db.dump media.tar.gz manifest.txt > SHA256SUMS)

mv "$partial" "$dest"
trap - EXIT
echo "$dest"
