"""Settings for the RES-2026 portal, read from the environment.

With nothing set, the portal runs on the *embedded default*: DEBUG on, a SQLite file,
Celery tasks executed eagerly in-process and e-mail printed to the console, so that a
fresh clone starts with one command. Every deployment difference is an environment
variable listed in `.env.example`; with DEBUG off these are production settings and the
portal refuses to start with an insecure SECRET_KEY.
"""

import re
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if env.bool("READ_DOT_ENV", default=True) and (BASE_DIR / ".env").exists():
    env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=True)

# A key that is only ever used on a developer's machine; production must bring its own.
_EMBEDDED_SECRET_KEY = "embedded-default-insecure-key-for-development-only"
SECRET_KEY = env.str("SECRET_KEY", default=_EMBEDDED_SECRET_KEY if DEBUG else "")
if not DEBUG and (not SECRET_KEY or SECRET_KEY == _EMBEDDED_SECRET_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters when DEBUG is off."
    )

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # First: its runserver serves WebSockets (live sessions) beside the pages.
    "daphne",
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "corsheaders",
    "rules",
    "simple_history",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # The ground floor: no models; its template tags (hooks) serve every app above it.
    "portal",
    "accounts",
    "programme",
    "delegations",
    "initiatives",
    "registration",
    "drafts",
    "consultation",
    "adoption",
    "register",
    "submissions",
    "live",
    # pdfs before akn: their hooks fill the revision page's downloads in this order.
    "pdfs",
    "akn",
    # Above every app whose texts it indexes.
    "search",
    # Following meetings, documents and calls; mail at once or as a daily digest.
    "subscriptions",
    # The project package: its start-up checks; the programme's models left it for programme/.
    "summit",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Anonymous API reads answered again from the cache, before the rest runs.
    "portal.api_cache.AnswerCacheMiddleware",
    "portal.middleware.RefuseUndecodableBodyMiddleware",
    # A view that cannot reach the database answers 503 with Retry-After, not 500.
    "portal.unavailable.DatabaseUnavailableMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Names the author of changes made outside the services (the admin) in the history.
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "summit.urls"
WSGI_APPLICATION = "summit.wsgi.application"
ASGI_APPLICATION = "summit.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "summit.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if DEBUG else 60)
# A persistent connection that PostgreSQL closed (a restart, a failover) is noticed and
# replaced at the start of the next request, instead of failing that request with a 500.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded default serves several threads (runserver, the live pages' WebSockets). By
    # default SQLite lets two transactions read, then refuses the second one's write at once
    # ("database is locked": a 503). A transaction takes the write lock when it begins and
    # waits for another's up to `timeout` seconds instead; WAL lets reads go on beside it.
    # (DATABASE_URL's own ?timeout= and the like win.)
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        **DATABASES["default"].get("OPTIONS", {}),
    }

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# --- django-allauth: e-mail is the login, and nobody signs up without an invitation.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = env.str("ACCOUNT_EMAIL_VERIFICATION", default="optional")
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
# Per account, logins stay strict: 5 wrong passwords (or second-factor codes, which allauth
# counts under the same action per user) lock that account for 5 minutes. Per address they are
# sized for a conference hall, whose delegates all come from the venue's one address (its NAT):
# allauth's 30 logins a minute would refuse half of sixty people arriving together, and 20
# failures in 5 minutes would lock the whole hall after twenty typos (docs/operations.md).
_RATE = re.compile(r"[1-9][0-9]*/[0-9]*[smhd]")
LOGIN_RATE_PER_ADDRESS = env.str("LOGIN_RATE_PER_ADDRESS", default="600/m")
LOGIN_FAILED_RATE_PER_ADDRESS = env.str("LOGIN_FAILED_RATE_PER_ADDRESS", default="300/5m")
for _name in ("LOGIN_RATE_PER_ADDRESS", "LOGIN_FAILED_RATE_PER_ADDRESS"):
    if not _RATE.fullmatch(vars()[_name]):
        raise ImproperlyConfigured(f"{_name} must be a rate like 600/m or 300/5m.")
ACCOUNT_RATE_LIMITS = {
    "login": f"{LOGIN_RATE_PER_ADDRESS}/ip",
    "login_failed": f"5/5m/key,{LOGIN_FAILED_RATE_PER_ADDRESS}/ip",
    "reset_password": "5/h/ip,3/h/key",
}
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "RES-2026"
# Mail from allauth goes through accounts.adapters.AccountAdapter.send_mail (Celery, in the
# recipient's language); people hear of password and address changes on their account.
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[RES-2026] "
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGOUT_REDIRECT_URL = "home"

SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 12)
SESSION_EXPIRE_AT_BROWSER_CLOSE = False
SESSION_COOKIE_SAMESITE = "Lax"

# The content languages too: every translated field, form and search configuration follows
# this list. Adding a language is this list (and LANGUAGE_LABEL_NAMES), a catalogue in
# locale/, and the migrations modeltranslation then asks for.
LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", _("Russian")), ("en", _("English"))]
# A language as a form label names it: "Text (Russian)", which Russian declines ("Текст (на
# русском языке)"), so the label's name has a context of its own. A language left out here
# is named as in LANGUAGES.
LANGUAGE_LABEL_NAMES = {
    "ru": pgettext_lazy("language in a label", "Russian"),
    "en": pgettext_lazy("language in a label", "English"),
}
# A text's edition in a language, as the PDF and reader pages name it; a language left out
# here is named "<language> edition".
LANGUAGE_EDITION_NAMES = {"ru": _("Russian edition"), "en": _("English edition")}
MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
# An empty translation shows the first language that has one, in the order of LANGUAGES.
MODELTRANSLATION_FALLBACK_LANGUAGES = tuple(code for code, _name in LANGUAGES)
# Slugs are made from the English title (Latin letters).
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "en"
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Almaty"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Personal files (nomination letters, participants' photos, badges): never under MEDIA_ROOT,
# which development serves as it is; they leave only through permission-checked views.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private-media")
# Days after a meeting ends before its participants' personal data is erased (registration).
REGISTRATION_RETENTION_DAYS = env.int("REGISTRATION_RETENTION_DAYS", default=180)
if REGISTRATION_RETENTION_DAYS < 0:
    raise ImproperlyConfigured("REGISTRATION_RETENTION_DAYS must be 0 or more.")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploaded and generated files (the PDFs) go to S3-compatible storage when a bucket is named;
# they are still served through the portal's views, which check who may read them.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "access_key": env.str("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default="") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# The register's files (PDF or DOCX per language version): the largest accepted upload.
REGISTER_MAX_UPLOAD_BYTES = env.int("REGISTER_MAX_UPLOAD_BYTES", default=50 * 1024 * 1024)
if REGISTER_MAX_UPLOAD_BYTES <= 0:
    raise ImproperlyConfigured("REGISTER_MAX_UPLOAD_BYTES must be a positive number of bytes.")

# --- E-mail: printed to the console unless EMAIL_URL names an SMTP server.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="RES-2026 <noreply@example.org>")
# The portal's address as readers reach it, for the links in mails sent with no request to
# take it from (the daily digest, the notices, their unsubscribe links). Default: the first
# of ALLOWED_HOSTS over HTTPS in production, http://localhost:8000 in DEBUG.
SITE_URL = env.str("SITE_URL", default="").rstrip("/") or (
    f"https://{ALLOWED_HOSTS[0].lstrip('.')}"
    if not DEBUG and ALLOWED_HOSTS and ALLOWED_HOSTS[0] != "*"
    else "http://localhost:8000"
)

# --- Celery: with no REDIS_URL, tasks run eagerly in the web process (embedded default).
REDIS_URL = env.str("REDIS_URL", default="")
# "memory://localhost": the in-process broker of the embedded default, with the host kombu would
# otherwise warn that it assumed.
CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
# The queue tasks go to and workers read by default (one Redis may serve several portals).
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="celery")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
# Publishing must never hang a request when Redis is down: bounded connect and retries.
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 3,
    "socket_timeout": 5,
    "max_retries": 1,
    # An unacknowledged message (acks_late) is redelivered after this long: longer than any
    # task may run (pdfs.tasks.TIME_LIMIT), so a task still running is never sent twice. A
    # worker that dies is faster: it sends its lost jobs again when it restarts.
    "visibility_timeout": 300,
}
CELERY_TASK_PUBLISH_RETRY = False
# WeasyPrint keeps memory between documents: recycle worker processes.
CELERY_WORKER_MAX_TASKS_PER_CHILD = 50
# Jobs whose message never reached the broker (or got lost with it) are sent again.
CELERY_BEAT_SCHEDULE = {
    "requeue-stale-pdf-jobs": {"task": "pdfs.requeue_stale_pdf_jobs", "schedule": 60.0},
    # Followers' mails "at once" whose task never reached the broker.
    "deliver-pending-notices": {"task": "subscriptions.deliver_pending", "schedule": 300.0},
    # The daily digest, at 18:00 in CELERY_TIMEZONE (Asia/Almaty, the summit's time).
    "send-daily-digests": {
        "task": "subscriptions.send_digests",
        "schedule": crontab(hour=18, minute=0),
    },
    # Daily: participants' personal data past REGISTRATION_RETENTION_DAYS.
    "erase-participant-data": {
        "task": "registration.erase_personal_data",
        "schedule": 24 * 60 * 60.0,
    },
}

CACHES = {
    "default": (
        {
            # Fails open: a Redis outage costs throttling and caching, never a request.
            "BACKEND": "portal.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 2},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Live sessions' messages (live/services.py → every ASGI process's WebSockets): Redis, so that
# several daphne processes share them; in memory in the one process of the embedded default.
CHANNEL_LAYERS = {
    "default": (
        {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL]},
        }
        if REDIS_URL
        else {"BACKEND": "channels.layers.InMemoryChannelLayer"}
    )
}

# --- Django REST framework: deny by default; public endpoints say AllowAny.
REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # Token first: DRF answers an unauthenticated request with the first class's challenge,
    # so API clients get 401 with `WWW-Authenticate: Token` rather than a bare 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_SCHEMA_CLASS": "portal.schema.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": [
        "portal.api.FilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "DEFAULT_PARSER_CLASSES": [
        "portal.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "RES-2026 portal API",
    "DESCRIPTION": "Public data of the Regional Ecological Summit of Central Asia.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
}
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/.*$"

# --- Demo data: never in production.
DEMO_PASSWORD = env.str("DEMO_PASSWORD", default="")

# --- Production hardening (DEBUG off).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # WeasyPrint logs every rendering step at INFO.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}

# --- Operations (docs/operations.md): health probes, Content Security Policy, JSON logs.
# The probes answer before the host check and the HTTPS redirect, because load balancers and
# container health checks call them over plain HTTP with the container's own address as host.
MIDDLEWARE.insert(0, "summit.health.HealthProbeMiddleware")
INSTALLED_APPS.append("csp")
MIDDLEWARE.append("csp.middleware.CSPMiddleware")
# Everything the portal serves comes from its own origin (no CDN, no inline script or style);
# QR codes of the two-factor setup are data: images. tests/ops/test_csp.py keeps the templates
# inside this policy.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        **({} if DEBUG else {"upgrade-insecure-requests": True}),
    }
}
if IS_POSTGRES:
    # A readiness probe or a request must fail within seconds, not hang, when the database
    # host is unreachable.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

LOG_FORMAT = env.str("LOG_FORMAT", default="text" if DEBUG else "json")
if LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured("LOG_FORMAT must be 'text' or 'json'.")
if LOG_FORMAT == "json":
    # One JSON object per line on stdout, for the container's log collector.
    LOGGING["formatters"] = {
        "json": {
            "()": "portal.logs.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    }
    LOGGING["handlers"]["console"].update(formatter="json", stream="ext://sys.stdout")
    # Celery would otherwise replace the root handler with its own plain-text one.
    CELERY_WORKER_HIJACK_ROOT_LOGGER = False
    # Python warnings (deprecations, a missing static folder) would be plain text on stderr.
    import logging

    logging.captureWarnings(True)
# --- The public API (summit/api): errors, throttling, paging, search, docs served locally.
INSTALLED_APPS += ["drf_spectacular_sidecar"]
REST_FRAMEWORK.update(
    {
        "EXCEPTION_HANDLER": "portal.api.exception_handler",
        "DEFAULT_CONTENT_NEGOTIATION_CLASS": "portal.negotiation.ContentNegotiation",
        "DEFAULT_PAGINATION_CLASS": "portal.api.Pagination",
        "DEFAULT_FILTER_BACKENDS": [
            *REST_FRAMEWORK["DEFAULT_FILTER_BACKENDS"],
            "portal.textsearch.TextSearchFilter",
        ],
        "DEFAULT_THROTTLE_CLASSES": [
            "portal.throttles.AnonRateThrottle",
            "portal.throttles.UserRateThrottle",
        ],
        "DEFAULT_THROTTLE_RATES": {
            "anon": env.str("API_THROTTLE_ANON", default="120/minute"),
            "user": env.str("API_THROTTLE_USER", default="600/minute"),
        },
    }
)
# Anonymous API reads are kept this many seconds by the portal itself (0: off).
API_CACHE_SECONDS = env.int("API_CACHE_SECONDS", default=10)
SPECTACULAR_SETTINGS.update(
    {
        "SWAGGER_UI_DIST": "SIDECAR",
        "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
        "REDOC_DIST": "SIDECAR",
        "COMPONENT_SPLIT_REQUEST": True,
        "POSTPROCESSING_HOOKS": [
            "drf_spectacular.hooks.postprocess_schema_enums",
            "summit.api.schema.document_errors",
        ],
        "SCHEMA_PATH_PREFIX": r"/api/v1",
        "ENUM_NAME_OVERRIDES": {
            "LanguageEnum": LANGUAGES,
            "MeetingKindEnum": "programme.models.Meeting.Kind",
            "TagKindEnum": "initiatives.models.Tag.Kind",
            "SectionKindEnum": "initiatives.models.Section.Kind",
            "InitiativeStatusEnum": "initiatives.models.Initiative.Status",
            "FundingStatusEnum": "initiatives.models.FundingEntry.Status",
            "DelegationKindEnum": "delegations.models.Delegation.Kind",
            "RegistrationStatusEnum": "registration.models.Registration.Status",
            "RegistrationCategoryEnum": "registration.models.Registration.Category",
            "RegistrationTitleEnum": "registration.models.Registration.Title",
            "DocumentKindEnum": "drafts.models.OutcomeDocument.Kind",
            "DocumentStatusEnum": "drafts.models.OutcomeDocument.Status",
            "StatementKindEnum": "adoption.models.Statement.Kind",
            "AdoptionMethodEnum": "adoption.models.Adoption.Method",
            "ParagraphKindEnum": "drafts.models.Paragraph.Kind",
            "CommentKindEnum": "consultation.models.Comment.Kind",
            "CommentStatusEnum": "consultation.models.Comment.Status",
        },
    }
)
