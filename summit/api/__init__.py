"""The one router of the API, mounted at /api/ without a language prefix (summit/urls.py).

This is `summit.api`, the project's: each app's serializers and views live in its own `api/`
(the summits and meetings in programme/api/), and are registered here.
"""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerView
from rest_framework.permissions import AllowAny
from rest_framework.routers import DefaultRouter

from adoption.api.views import (
    DocumentAdoptView,
    DocumentHistoryView,
    DocumentSponsorshipView,
    DocumentStatementView,
    DocumentViewSet,
)
from akn.api.views import DraftAknImportView, RevisionAknView
from consultation.api.views import CommentViewSet, RevisionCompilationView
from delegations.api.views import DelegationViewSet
from drafts.api.revisions import CompareView, RevisionView
from initiatives.api.views import InitiativeViewSet
from live.api.views import (
    LiveCloseView,
    LiveFloorView,
    LiveFocusView,
    LiveInsertView,
    LiveOpenView,
    LiveParagraphView,
    LiveStateView,
)
from pdfs.api.views import PdfJobViewSet, RevisionPdfView
from portal.api import not_found
from portal.ids import ID_PATH
from programme.api.views import MeetingViewSet, SummitViewSet
from search.api.views import SearchView
from subscriptions.api.views import SubscriptionViewSet

from .schema import SchemaView

router = DefaultRouter()
router.include_root_view = False
# No `.json` suffixes: the API speaks JSON (and the compilation takes `?format=`); a suffixed
# path is an unknown endpoint, answered by `not_found` below.
router.include_format_suffixes = False
router.register("summits", SummitViewSet, basename="api-summit")
router.register("meetings", MeetingViewSet, basename="api-meeting")
router.register("initiatives", InitiativeViewSet, basename="api-initiative")
router.register("delegations", DelegationViewSet, basename="api-delegation")
# Drafts' documents as adoption extends them (their final symbol, sponsors, statements).
router.register("documents", DocumentViewSet, basename="api-document")
router.register("comments", CommentViewSet, basename="api-comment")
router.register("pdf-jobs", PdfJobViewSet, basename="api-pdf-job")
router.register("subscriptions", SubscriptionViewSet, basename="api-subscription")


def document_part(part: str, view, name: str):
    """A sub-resource of a document, at the path (and id pattern) the router gives its own
    routes; `part` is a regular expression (a revision number in it is at most 9 digits)."""
    return re_path(rf"^v1/documents/(?P<pk>{ID_PATH})/{part}/$", view.as_view(), name=name)


urlpatterns = [
    # A document's adoption, statement, sponsorship and history: adoption's own views.
    document_part("adopt", DocumentAdoptView, "api-document-adopt"),
    document_part("statement", DocumentStatementView, "api-document-statement"),
    document_part("sponsorship", DocumentSponsorshipView, "api-document-sponsorship"),
    document_part("history", DocumentHistoryView, "api-document-history"),
    # Live negotiation on a document's draft, and the session itself: live's own views.
    document_part("live", LiveOpenView, "api-document-live"),
    re_path(rf"^v1/live/(?P<pk>{ID_PATH})/$", LiveStateView.as_view(), name="api-live"),
    re_path(
        rf"^v1/live/(?P<pk>{ID_PATH})/paragraphs/(?P<key>[0-9A-Za-z_-]{{1,12}})/$",
        LiveParagraphView.as_view(),
        name="api-live-paragraph",
    ),
    re_path(
        rf"^v1/live/(?P<pk>{ID_PATH})/paragraphs/(?P<key>[0-9A-Za-z_-]{{1,12}})/bis/$",
        LiveInsertView.as_view(),
        name="api-live-insert",
    ),
    re_path(rf"^v1/live/(?P<pk>{ID_PATH})/focus/$", LiveFocusView.as_view(), name="api-live-focus"),
    re_path(rf"^v1/live/(?P<pk>{ID_PATH})/floor/$", LiveFloorView.as_view(), name="api-live-floor"),
    re_path(rf"^v1/live/(?P<pk>{ID_PATH})/close/$", LiveCloseView.as_view(), name="api-live-close"),
    # A revision as Akoma Ntoso, and a draft from it: akn's own views.
    document_part(r"revisions/(?P<number>[0-9]{1,9})/akn", RevisionAknView, "api-document-akn"),
    document_part("draft/akn", DraftAknImportView, "api-document-akn-import"),
    # A document's revisions, and their comparison: sub-resources with views of their own
    # (drafts/api/revisions.py), at the paths the documents' router would give them.
    re_path(
        rf"^v1/documents/(?P<pk>{ID_PATH})/revisions/(?P<number>[0-9]{{1,9}})/$",
        RevisionView.as_view(),
        name="api-document-revision",
    ),
    re_path(
        rf"^v1/documents/(?P<pk>{ID_PATH})/compare/$",
        CompareView.as_view(),
        name="api-document-compare",
    ),
    # Under a document's revision, but the PDFs' own endpoint (pdfs/ owns every PDF route).
    path(
        "v1/documents/<id:pk>/revisions/<id:number>/pdf/",
        RevisionPdfView.as_view(),
        name="api-document-pdf",
    ),
    # A sub-resource of a revision, but the consultation's own endpoint.
    path(
        "v1/documents/<id:pk>/revisions/<id:number>/compilation/",
        RevisionCompilationView.as_view(),
        name="api-document-compilation",
    ),
    path("v1/search/", SearchView.as_view(), name="api-search"),
    # Registration and accreditation: its own paths under meetings/, registrations/, check-in/.
    path("v1/", include("registration.api.urls")),
    # A meeting's document register: the register's own path under meetings/.
    path("v1/", include("register.api.urls")),
    # Calls for written inputs: under meetings/ and calls/, submissions' own views.
    path("v1/", include("submissions.api.urls")),
    path("v1/", include(router.urls)),
    path(
        "schema/",
        SchemaView.as_view(permission_classes=[AllowAny], authentication_classes=[]),
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
