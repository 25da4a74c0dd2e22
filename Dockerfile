# The portal's one image: web (gunicorn), Celery worker and beat, migrations, backups.
# Debian bookworm, so that pg_dump matches the PostgreSQL 15 of docker-compose.yml.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=summit.settings \
    DEBUG=false \
    READ_DOT_ENV=0 \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/app/media

# WeasyPrint's libraries (Pango, HarfBuzz subsetting) and the PDF fonts, as in
# scripts/install-system-deps.sh; postgresql-client for scripts/backup.sh and restore.sh.
# Not pinned to versions: bookworm's point releases bring security fixes, and Debian drops
# superseded versions from its archive, which would break a pinned build.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
        fonts-paratype fonts-liberation2 fontconfig \
        postgresql-client \
    && fc-cache -f \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 summit \
    && useradd --system --uid 10001 --gid summit --home-dir /app --shell /usr/sbin/nologin summit

WORKDIR /app
COPY requirements.txt .
# The runtime only: tests, lint and tools are in requirements-dev.txt.
RUN pip install -r requirements.txt

# The code stays owned by root: the portal's user can write only media, private-media (the
# default PRIVATE_MEDIA_ROOT: participants' letters, photos, badges) and var/.
COPY . .
# Static files are collected into the image (whitenoise serves them); the key and hosts are
# placeholders that exist only for this build step.
RUN SECRET_KEY=collectstatic-only-build-time-placeholder-key-not-used-at-run-time-000 \
        ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput -v0 \
    && mkdir -p /app/media /app/private-media /app/var \
    && chown -R summit:summit /app/media /app/private-media /app/var

# Numeric, so that Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
USER 10001:10001
VOLUME ["/app/media", "/app/private-media"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"]

CMD ["gunicorn", "-c", "python:summit.gunicorn_conf", "summit.wsgi:application"]
