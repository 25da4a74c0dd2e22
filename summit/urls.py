from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from . import views

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("initiatives/", include("initiatives.urls")),
    path("documents/", include("drafts.urls")),
    path("pdf/", include("pdfs.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
