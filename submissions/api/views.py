"""The submissions API: calls of a meeting, a call, and the submissions to it."""

from django.shortcuts import get_object_or_404
from django.utils import translation
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import permissions, status
from rest_framework.exceptions import NotAuthenticated, PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from portal.api import APIViewMixin, ErrorSerializer
from portal.errors import error_body
from programme.models import Meeting

from ..models import Call, Submission
from ..permissions import may_submit
from ..selectors import calls_of_meeting, delegation_name, submissions_in_list_order
from ..services import (
    DeadlinePassed,
    call_open,
    deadline_display,
    submission_submit,
)
from .serializers import (
    CallOpenSerializer,
    CallSerializer,
    ReceiptSerializer,
    SubmissionSerializer,
    SubmitSerializer,
)

NOT_FOUND = OpenApiResponse(ErrorSerializer, description="No such meeting or call")
FORBIDDEN = OpenApiResponse(ErrorSerializer, description="Not allowed")
INVALID = OpenApiResponse(ErrorSerializer, description="Invalid input")
CALL_EXAMPLE = {
    "id": 4,
    "meeting": 1,
    "subject": "Priorities for the regional water and climate agenda",
    "deadline": "2026-03-10T18:00:00+05:00",
    "deadline_display": "10 March 2026, 18:00 (Almaty, UTC+5)",
    "who": "all",
    "open": True,
    "published": False,
    "document": None,
    "url": "/en/calls/4/",
}
RECEIPT_EXAMPLE = {
    "id": 9,
    "number": "RES-2026-SUB-4-0001",
    "call": 4,
    "delegation": 1,
    "submitted_at": "2026-03-02T11:20:05+05:00",
    "updated_at": "2026-03-02T11:20:05+05:00",
    "replaced_at": None,
    "language": "en",
    "has_file": True,
    "url": "/en/calls/submissions/9/",
}
DEADLINE_ERROR = {
    "error": {
        "status": 400,
        "code": "deadline_passed",
        "message": "The deadline was 10 March 2026, 18:00 (Almaty, UTC+5): submissions are no "
        "longer accepted.",
        "deadline": "2026-03-10T18:00:00+05:00",
    }
}


def call_data(call: Call) -> dict:
    return {
        "id": call.pk,
        "meeting_id": call.meeting_id,
        "subject": call.subject,
        "deadline": call.deadline,
        "deadline_display": deadline_display(call.deadline),
        "who": call.who,
        "open": call.is_open(),
        "published": call.is_published,
        "document": call.document.symbol if call.document_id else None,
        "url": call.get_absolute_url(),
    }


def receipt_data(submission: Submission) -> dict:
    return {
        "id": submission.pk,
        "number": submission.number,
        "call_id": submission.call_id,
        "delegation_id": submission.delegation_id,
        "submitted_at": submission.submitted_at,
        "updated_at": submission.updated_at,
        "replaced_at": submission.replaced_at,
        "language": submission.language,
        "has_file": bool(submission.file),
        "url": submission.get_absolute_url(),
    }


def _deadline_passed(call: Call) -> Response:
    error = DeadlinePassed(call)
    return Response(
        error_body(400, "deadline_passed", error.messages[0], deadline=call.deadline.isoformat()),
        status=status.HTTP_400_BAD_REQUEST,
    )


def _refuse(request) -> None:
    if not request.user.is_authenticated:
        raise NotAuthenticated()
    raise PermissionDenied()


class MeetingCallsView(APIViewMixin, APIView):
    def get_permissions(self):
        if self.request.method == "GET":
            return [permissions.AllowAny()]
        return super().get_permissions()

    @extend_schema(
        summary="The calls for written inputs of a meeting",
        responses={200: CallSerializer(many=True), 404: NOT_FOUND},
        examples=[OpenApiExample("One call", value=[CALL_EXAMPLE], response_only=True)],
    )
    def get(self, request, pk: int):
        meeting = get_object_or_404(Meeting, pk=pk)
        return Response(
            CallSerializer([call_data(c) for c in calls_of_meeting(meeting)], many=True).data
        )

    @extend_schema(
        summary="Open a call for written inputs (secretariat)",
        description="`subject` (in `language`, by default the request's), `deadline` as ISO "
        "8601 (without an offset: Asia/Almaty time), `who`: `states`, `organisations` or `all`. "
        "201 with the call and its `id`; 400 for a deadline in the past.",
        request=CallOpenSerializer,
        responses={201: CallSerializer, 400: INVALID, 403: FORBIDDEN, 404: NOT_FOUND},
        examples=[
            OpenApiExample(
                "A call",
                value={
                    "subject": "Priorities for the regional water and climate agenda",
                    "deadline": "2026-03-10T18:00:00+05:00",
                    "who": "all",
                },
                request_only=True,
            ),
            OpenApiExample("Opened", value=CALL_EXAMPLE, response_only=True, status_codes=["201"]),
        ],
    )
    def post(self, request, pk: int):
        meeting = get_object_or_404(Meeting, pk=pk)
        if not request.user.has_perm("submissions.open_call"):
            _refuse(request)
        data = CallOpenSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        call = call_open(meeting=meeting, by=request.user, **data.validated_data)
        return Response(CallSerializer(call_data(call)).data, status=status.HTTP_201_CREATED)


class CallDetailView(APIViewMixin, APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        summary="A call for written inputs",
        responses={200: CallSerializer, 404: NOT_FOUND},
        examples=[OpenApiExample("A call", value=CALL_EXAMPLE, response_only=True)],
    )
    def get(self, request, pk: int):
        call = get_object_or_404(Call.objects.select_related("document"), pk=pk)
        return Response(CallSerializer(call_data(call)).data)


class CallSubmissionsView(APIViewMixin, APIView):
    @extend_schema(
        summary="The submissions received (secretariat)",
        description="In the order of the list of participants, with their texts.",
        responses={200: SubmissionSerializer(many=True), 403: FORBIDDEN, 404: NOT_FOUND},
        examples=[
            OpenApiExample(
                "One submission",
                value=[
                    {
                        **RECEIPT_EXAMPLE,
                        "delegation_name": "Kazakhstan",
                        "text": "Kazakhstan proposes…",
                        "file_url": "/en/calls/submissions/9/file/",
                    }
                ],
                response_only=True,
            )
        ],
    )
    def get(self, request, pk: int):
        call = get_object_or_404(Call, pk=pk)
        if not request.user.has_perm("submissions.view_submissions", call):
            _refuse(request)
        language = translation.get_language()
        rows = [
            {
                **receipt_data(s),
                "delegation_name": delegation_name(s.delegation, language),
                "text": s.text,
                "file_url": s.file_url() or None,
            }
            for s in submissions_in_list_order(call, language)
        ]
        return Response(SubmissionSerializer(rows, many=True).data)

    @extend_schema(
        summary="Submit, or replace, your delegation's written input (head of delegation)",
        description="`text`, and optionally `file`, a PDF of at most 20 MB (multipart/form-data). "
        "A second submission replaces the first and keeps its receipt number (`replaced_at` "
        "says when; the earlier text is kept on record). 201 with the receipt; 400 after the "
        "deadline (`code` `deadline_passed`, the message naming the deadline in Almaty time) "
        "or for a file that is not a PDF; 403 for anyone but a head of a delegation the call "
        "is open to.",
        request={
            "multipart/form-data": SubmitSerializer,
            "application/json": SubmitSerializer,
        },
        responses={
            201: ReceiptSerializer,
            400: INVALID,
            401: OpenApiResponse(ErrorSerializer, description="Not logged in"),
            403: FORBIDDEN,
            404: NOT_FOUND,
        },
        examples=[
            OpenApiExample(
                "A submission", value={"text": "Kazakhstan proposes…"}, request_only=True
            ),
            OpenApiExample(
                "Received", value=RECEIPT_EXAMPLE, response_only=True, status_codes=["201"]
            ),
            OpenApiExample(
                "Too late", value=DEADLINE_ERROR, response_only=True, status_codes=["400"]
            ),
        ],
    )
    def post(self, request, pk: int):
        call = get_object_or_404(Call.objects.select_related("meeting__summit"), pk=pk)
        if not may_submit(request.user, call):
            _refuse(request)
        if not call.is_open():
            return _deadline_passed(call)
        data = SubmitSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            submission = submission_submit(call=call, user=request.user, **data.validated_data)
        except DeadlinePassed:  # the deadline passed while the request was on its way
            return _deadline_passed(call)
        return Response(
            ReceiptSerializer(receipt_data(submission)).data, status=status.HTTP_201_CREATED
        )
