"""A meeting's register in the API: its documents (public), and issuing one (secretariat)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import parsers, permissions, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from portal.api import LANG_PARAMETER, APIViewMixin, CachedMixin, ErrorSerializer, check_rule
from portal.languages import language_codes
from programme.models import Meeting

from .. import selectors, services
from ..models import Document
from .serializers import RegisterDocumentIssueSerializer, RegisterDocumentSerializer

NOT_FOUND = OpenApiResponse(ErrorSerializer, description="No such meeting")
DOCUMENT_EXAMPLE = {
    "id": 2,
    "symbol": "RES-2026/PREP/1/INF/1/Rev.1",
    "series": "INF",
    "title": "Logistics note for participants",
    "issued": "2026-02-25T10:00:00+05:00",
    "languages": [
        {
            "lang": "ru",
            "url": "https://portal.example.org/ru/programme/almaty-preparatory/documents/2/ru/",
            "original": True,
            "format": "pdf",
            "size": 48213,
            "sha256": "9f2c…",
            "issued": "2026-02-25T10:00:00+05:00",
        }
    ],
    "revises": "RES-2026/PREP/1/INF/1",
    "adds_to": None,
    "corrects": None,
    "superseded_by": None,
    "agenda_item": {"id": 1, "position": 1, "title": "Opening of the meeting"},
    "url": "https://portal.example.org/en/programme/almaty-preparatory/documents/2/",
}


def _meeting(pk: int) -> Meeting:
    meeting = Meeting.objects.select_related("summit").filter(pk=pk).first()
    if meeting is None:
        raise NotFound()
    return meeting


def _related(meeting: Meeting, pk: int | None, field: str) -> Document | None:
    if pk is None:
        return None
    document = Document.objects.filter(meeting=meeting, pk=pk).first()
    if document is None:
        raise ValidationError({field: _("No document of this meeting has this id.")})
    return document


class MeetingDocumentsView(CachedMixin, APIViewMixin, APIView):
    parser_classes = [parsers.MultiPartParser, parsers.FormParser]

    def get_permissions(self):
        if self.request.method in ("GET", "HEAD", "OPTIONS"):
            return [permissions.AllowAny()]
        return [permissions.IsAuthenticated()]

    @extend_schema(
        summary="The documents of a meeting's register",
        description="Every document issued for the meeting, in the order of its series and "
        "numbers, with its language versions (a language missing from `languages` is still "
        "to be issued). `revises`, `adds_to` and `corrects` name the other document by its "
        "symbol; `superseded_by` names the latest revision when there is a newer one. The "
        "outcome documents are in `/api/v1/documents/`.",
        parameters=[LANG_PARAMETER],
        responses={200: RegisterDocumentSerializer(many=True), 404: NOT_FOUND},
        examples=[OpenApiExample("A revision", value=[DOCUMENT_EXAMPLE], response_only=True)],
    )
    def get(self, request, pk: int):
        meeting = _meeting(pk)
        documents = selectors.documents_of(meeting)
        return Response(
            RegisterDocumentSerializer(documents, many=True, context={"request": request}).data
        )

    @extend_schema(
        summary="Issue a document (secretariat)",
        description="Multipart: `series`, `title_ru`, `title_en`, `file_ru` and/or `file_en` "
        "(each a PDF or a DOCX by its content, at most 50 MB; anything else, a PNG renamed "
        ".pdf for instance, is refused with 400 naming the field), optional `original` (the "
        "language of the original), `revises`, `adds_to` or `corrects` (the id of another "
        "document of the meeting, whose series it then takes) and `agenda_item` (id). 201 "
        "with the document and its `symbol`, numbered in its series "
        "(`RES-2026/PREP/1/INF/1`, `…/Rev.1`).",
        request={"multipart/form-data": RegisterDocumentIssueSerializer},
        responses={
            201: RegisterDocumentSerializer,
            400: OpenApiResponse(ErrorSerializer, description="Invalid input or file"),
            403: OpenApiResponse(ErrorSerializer, description="Not the secretariat"),
            404: NOT_FOUND,
        },
        examples=[
            OpenApiExample(
                "Issued", value=DOCUMENT_EXAMPLE, response_only=True, status_codes=["201"]
            )
        ],
    )
    def post(self, request, pk: int):
        meeting = _meeting(pk)
        check_rule(request, "register.issue_document", meeting)
        data = RegisterDocumentIssueSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        files = {
            code: values[f"file_{code}"] for code in language_codes() if values.get(f"file_{code}")
        }
        agenda_item = None
        if values.get("agenda_item") is not None:
            agenda_item = meeting.agenda_items.filter(pk=values["agenda_item"]).first()
            if agenda_item is None:
                raise ValidationError(
                    {"agenda_item": _("The agenda item is not one of this meeting.")}
                )
        document = services.document_issue(
            meeting=meeting,
            series=values["series"],
            files=files,
            original_language=values.get("original"),
            agenda_item=agenda_item,
            revises=_related(meeting, values.get("revises"), "revises"),
            adds_to=_related(meeting, values.get("adds_to"), "adds_to"),
            corrects=_related(meeting, values.get("corrects"), "corrects"),
            by=request.user,
            **{f"title_{code}": values[f"title_{code}"] for code in language_codes()},
        )
        document = selectors.documents_of(meeting).get(pk=document.pk)
        return Response(
            RegisterDocumentSerializer(document, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )
