from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, register_converter

from portal.ids import IdConverter
from programme.calendar import programme_ical

from . import views
from .sitemaps import sitemaps

# Registered before any app's URLs are read: they use `<id:…>` for ids and numbers.
register_converter(IdConverter, "id")

# A database outage outside a view is a 503 too (portal.unavailable).
handler500 = "portal.unavailable.server_error"

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    # The API has no language prefix: ?lang= or Accept-Language choose the language.
    path("api/", include("summit.api")),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("programme.ics", programme_ical, name="programme_ical"),
    # A meeting's document register, under its page (before programme.urls' slugs).
    path("programme/<slug:slug>/documents/", include("register.urls")),
    path("programme/", include("programme.urls")),
    path("initiatives/", include("initiatives.urls")),
    path("registration/", include("registration.urls")),
    path("calls/", include("submissions.urls")),
    path("delegations/", include("delegations.urls")),
    # After delegations.urls, whose fixed routes (invitations/…) must win over a slug.
    path("delegations/<slug:slug>/", views.delegation_detail, name="delegation_detail"),
    # Before drafts.urls, whose routes take any slug: consultation's fixed routes (triage/,
    # dashboard/…) and a document's adoption and Akoma Ntoso pages (adopt/, adopted/, akn/…).
    path("documents/", include("consultation.urls")),
    path("documents/", include("adoption.urls")),
    path("documents/", include("akn.urls")),
    path("documents/", include("drafts.urls")),
    path("accounts/", include("accounts.urls")),
    path("subscriptions/", include("subscriptions.urls")),
    path("live/", include("live.urls")),
    path("pdf/", include("pdfs.urls")),
    path("search/", include("search.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
