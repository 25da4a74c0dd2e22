#!/usr/bin/env bash
# Installs the system packages the portal needs and a fresh machine may lack: the PDF fonts
# (Cyrillic and the Latin letters of Central Asian languages), poppler-utils (reading PDFs back
# in tests), Chromium (browser tests) and Redis (the broker). Does nothing when all are there.
set -euo pipefail

missing=()
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -d /usr/share/fonts/truetype/paratype ] || missing+=(fonts-paratype)
[ -d /usr/share/fonts/truetype/liberation2 ] || missing+=(fonts-liberation2)
# WeasyPrint's own libraries.
ldconfig -p 2>/dev/null | grep libpango-1.0 >/dev/null || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
ldconfig -p 2>/dev/null | grep libharfbuzz-subset >/dev/null || missing+=(libharfbuzz-subset0)

[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
  echo "Please install as root: apt-get install -y ${missing[*]}" >&2; exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "No apt-get here: please install ${missing[*]} with your package manager." >&2; exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
command -v fc-cache >/dev/null && fc-cache -f >/dev/null || true
