"""The one router of the API, mounted at /api/ without a language prefix (summit/urls.py).

This is `summit.api`: a package rather than a module because the summit's own serializers
and views sit beside it (summit/api/serializers.py, views.py), as in every app.
"""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.permissions import AllowAny
from rest_framework.routers import DefaultRouter

from delegations.api.views import DelegationViewSet
from drafts.api.views import CommentViewSet, DocumentViewSet
from initiatives.api.views import InitiativeViewSet
from pdfs.api.views import PdfJobViewSet, RevisionPdfView
from portal.api import not_found

from .views import MeetingViewSet, SummitViewSet

router = DefaultRouter()
router.include_root_view = False
# No `.json` suffixes: the API speaks JSON (and the compilation takes `?format=`); a suffixed
# path is an unknown endpoint, answered by `not_found` below.
router.include_format_suffixes = False
router.register("summits", SummitViewSet, basename="api-summit")
router.register("meetings", MeetingViewSet, basename="api-meeting")
router.register("initiatives", InitiativeViewSet, basename="api-initiative")
router.register("delegations", DelegationViewSet, basename="api-delegation")
router.register("documents", DocumentViewSet, basename="api-document")
router.register("comments", CommentViewSet, basename="api-comment")
router.register("pdf-jobs", PdfJobViewSet, basename="api-pdf-job")

urlpatterns = [
    # Under a document's revision, but the PDFs' own endpoint (pdfs/ owns every PDF route).
    path(
        "v1/documents/<id:pk>/revisions/<id:number>/pdf/",
        RevisionPdfView.as_view(),
        name="api-document-pdf",
    ),
    # Registration and accreditation: its own paths under meetings/, registrations/, check-in/.
    path("v1/", include("registration.api.urls")),
    path("v1/", include(router.urls)),
    path(
        "schema/",
        SpectacularAPIView.as_view(permission_classes=[AllowAny], authentication_classes=[]),
        name="api-schema",
    ),
    path(
        "docs/",
        SpectacularSwaggerView.as_view(url_name="api-schema", permission_classes=[AllowAny]),
        name="api-docs",
    ),
    path(
        "docs/redoc/",
        SpectacularRedocView.as_view(url_name="api-schema", permission_classes=[AllowAny]),
        name="api-redoc",
    ),
    # Anything else, newlines (%0A) included, is a JSON 404.
    re_path(r"", not_found),
]
