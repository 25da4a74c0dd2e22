from typing import Any

from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from drafts.access import revision_readable
from pdfs.models import PdfJob
from pdfs.permissions import JobAsked, pdf_job_requester_key
from pdfs.selectors import pdf_job_payload
from pdfs.services import pdf_job_request
from portal.api import LANG_PARAMETER, APIViewMixin, ErrorSerializer, check_rule

from .serializers import PdfJobSerializer, PdfRequestSerializer

_EXAMPLE_JOB = {
    "id": 5,
    "status_label": "Queued",
    "error": "",
    "language": "ru",
    "revision": "RES-2026/DECL/1 Rev.2",
    "created_at": "2026-03-01T10:00:00+05:00",
    "status_url": "https://summit.example.org/api/v1/pdf-jobs/5/?key=Yx3-Jq0Sg8Ck2Wb0Zt7Hh9Ue1Np4Lm6Rv5Ia3Oc8Dd0",
}


def pdf_job_queued_example(status_code: str) -> OpenApiExample:
    return OpenApiExample(
        "Queued",
        value={
            **_EXAMPLE_JOB,
            "status": "queued",
            "message": "Queued: the PDF will be generated shortly…",
            "pages": None,
            "sha256": None,
            "finished_at": None,
            "file_url": None,
        },
        response_only=True,
        status_codes=[status_code],
    )


PDF_JOB_REDIS_DOWN = OpenApiExample(
    "Queue unavailable",
    description="The job is saved and sent to the queue automatically once it is back.",
    value={
        **_EXAMPLE_JOB,
        "status": "pending",
        "status_label": "Waiting for the queue",
        "message": "The PDF service is unavailable right now. Your request is saved and the PDF "
        "will be generated automatically in a few minutes.",
        "pages": None,
        "sha256": None,
        "finished_at": None,
        "file_url": None,
    },
    response_only=True,
    status_codes=["202"],
)
PDF_JOB_READY = OpenApiExample(
    "Ready",
    value={
        **_EXAMPLE_JOB,
        "status": "ready",
        "status_label": "Ready",
        "message": "The PDF is ready.",
        "pages": 3,
        "sha256": "9f2c4e0b7a1d3f5e6c8b9a0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f",
        "finished_at": "2026-03-01T10:00:04+05:00",
        "file_url": "https://summit.example.org/ru/pdf/jobs/5/download/",
    },
    response_only=True,
    status_codes=["200"],
)
NOT_FOUND = OpenApiResponse(ErrorSerializer, description="Not found (or not yours to follow)")


def job_answer(request: Request, job: PdfJob) -> dict[str, Any]:
    """The job as the API shows it: absolute URLs, the status URL with the requester key."""
    user = request.user if request.user.is_authenticated else None
    payload = pdf_job_payload(job, user=user)
    status_url = reverse("api-pdf-job-detail", kwargs={"pk": job.pk})
    key = pdf_job_requester_key(job, user)
    download = payload["download_url"]
    return {
        **payload,
        "status_url": request.build_absolute_uri(f"{status_url}?key={key}"),
        "file_url": request.build_absolute_uri(download) if download else None,
    }


@extend_schema_view(
    retrieve=extend_schema(
        summary="A PDF job: its status, error and file",
        description="For whoever asked for the PDF (with the `key` of the status URL they were "
        "given; a logged-in requester also without it) and the secretariat; 404 for anyone "
        "else. Poll it until `status` is `ready` (then `file_url` is the PDF) or `failed` "
        "(`error` says why; asking again retries).",
        parameters=[
            LANG_PARAMETER,
            OpenApiParameter("key", str, description="The requester key from the status URL"),
        ],
        responses={200: PdfJobSerializer, 404: NOT_FOUND},
        examples=[pdf_job_queued_example("200"), PDF_JOB_READY],
    )
)
class PdfJobViewSet(APIViewMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    # Open to anonymous clients: the public may ask for a published revision's PDF and
    # follow its job with the key; the rule below decides, and refuses with a 404.
    permission_classes = [permissions.AllowAny]
    serializer_class = PdfJobSerializer
    queryset = PdfJob.objects.select_related("revision__document")
    filter_backends: list = []

    def retrieve(self, request, pk=None):
        job = self.get_object()
        asked = JobAsked(job=job, key=request.query_params.get("key", "")[:200])
        check_rule(request, "pdfs.view_pdf_job", asked, hide=True)
        response = Response(PdfJobSerializer(job_answer(request, job)).data)
        # A status changes from one poll to the next: no cache may answer for the server.
        add_never_cache_headers(response)
        return response


class RevisionPdfView(APIViewMixin, APIView):
    permission_classes = [permissions.AllowAny]  # the public asks for published PDFs too

    @extend_schema(
        summary="Ask for the PDF of a revision",
        description="Whoever may read the revision may ask (the public for published ones; "
        "the draft is the secretariat's, 404 for anyone else). 200 when the file exists "
        "(`file_url`); otherwise 202 with the job, to follow at `status_url`. When the queue "
        "is unreachable the job stays `pending` and is sent automatically later; `message` "
        "says so. Asking again never renders twice; it retries a failed job.",
        parameters=[
            OpenApiParameter("id", int, OpenApiParameter.PATH, description="Document id"),
            OpenApiParameter(
                "number",
                {"type": "integer", "minimum": 1, "maximum": 100000},
                OpenApiParameter.PATH,
                description="Revision number",
            ),
            LANG_PARAMETER,
        ],
        request=PdfRequestSerializer,
        responses={
            200: OpenApiResponse(PdfJobSerializer, description="The PDF exists"),
            202: OpenApiResponse(PdfJobSerializer, description="The PDF is being made"),
            400: OpenApiResponse(ErrorSerializer, description="Invalid input"),
            404: NOT_FOUND,
        },
        examples=[
            OpenApiExample("Russian", value={"lang": "ru"}, request_only=True),
            PDF_JOB_READY,
            pdf_job_queued_example("202"),
            PDF_JOB_REDIS_DOWN,
        ],
    )
    def post(self, request: Request, pk: int, number: int) -> Response:
        revision = revision_readable(request.user, number=number, document_id=pk)
        data = PdfRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = request.user if request.user.is_authenticated else None
        # A broker outage is not an error here: the job row is saved first and stays pending
        # (pdfs.services), so the answer is a 202 whose message says the PDF will follow.
        job = pdf_job_request(revision=revision, language=data.validated_data["lang"], user=user)
        return Response(
            PdfJobSerializer(job_answer(request, job)).data,
            status=status.HTTP_200_OK if job.is_ready else status.HTTP_202_ACCEPTED,
        )
