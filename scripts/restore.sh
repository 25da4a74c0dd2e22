#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh: the database (created when it does not exist,
# otherwise cleaned and replaced) and the media files (replaced).
#
#   scripts/restore.sh BACKUP_FOLDER [--yes]
#
# It replaces the current data: stop web, worker and beat first (docs/operations.md).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python )}"

src="${1:?usage: scripts/restore.sh BACKUP_FOLDER [--yes]}"
confirm="${2:-}"
[ -f "$src/db.dump" ] && [ -f "$src/media.tar.gz" ] && [ -f "$src/SHA256SUMS" ] \
  || { echo "$src is not a backup made by scripts/backup.sh." >&2; exit 2; }
(cd "$src" && sha256sum --quiet --check SHA256SUMS) \
  || { echo "Checksums of $src do not match: the backup is damaged." >&2; exit 2; }

settings_env="$("$PYTHON" scripts/_portal_db_env.py)"
eval "$settings_env"

if [ "$confirm" != "--yes" ]; then
  read -r -p "Replace database '$PGDATABASE' and media in '$PORTAL_MEDIA_ROOT' with $src? [y/N] " answer
  [ "$answer" = "y" ] || [ "$answer" = "Y" ] || { echo "Cancelled."; exit 1; }
fi

exists="$(psql --dbname=postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '${PGDATABASE//\'/\'\'}'")"
if [ "$exists" != "1" ]; then
  createdb --maintenance-db=postgres "$PGDATABASE"
fi
# One transaction: a restore that fails half-way leaves the database as it was.
pg_restore --clean --if-exists --no-owner --no-acl --single-transaction --exit-on-error \
  --dbname="$PGDATABASE" "$src/db.dump"

# Media: unpack aside first, then swap, so a damaged archive destroys nothing.
mkdir -p "$PORTAL_MEDIA_ROOT"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
tar -C "$staging" -xzf "$src/media.tar.gz"
find "$PORTAL_MEDIA_ROOT" -mindepth 1 -delete
(cd "$staging" && tar -cf - .) | tar -C "$PORTAL_MEDIA_ROOT" -xf -

echo "Restored $src into database '$PGDATABASE' and $PORTAL_MEDIA_ROOT."
