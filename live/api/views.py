"""The live sessions' API: open one on a document's draft, read its state (with an ETag),
edit a paragraph under optimistic locking, insert one, move the focus, ask for the floor,
close it. Thin: parse, check the rule of live/permissions.py, call a service."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, permissions, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from drafts.api.schema import ERRORS
from drafts.models import Revision
from drafts.selectors import documents_readable_by
from portal.api import APIViewMixin, ErrorSerializer, check_rule
from portal.concurrency import EditConflict
from portal.errors import error_body
from portal.throttles import UserRateThrottle

from .. import services
from ..models import LiveParagraph, LiveSession
from ..selectors import paragraph_state, session_queue, session_state
from .serializers import (
    LiveCloseAnswerSerializer,
    LiveEditedParagraphSerializer,
    LiveEditSerializer,
    LiveFloorAnswerSerializer,
    LiveFloorSerializer,
    LiveFocusAnswerSerializer,
    LiveFocusSerializer,
    LiveInsertSerializer,
    LiveOpenSerializer,
    LiveParagraphSerializer,
    LiveStateSerializer,
)

KEY_PARAMETER = OpenApiParameter(
    "key", {"type": "string", "pattern": "^[0-9A-Za-z_-]{1,12}$"}, OpenApiParameter.PATH
)
CONFLICT = {409: OpenApiResponse(ErrorSerializer, description="Stale version: `current_text`")}


def etag(session: LiveSession) -> str:
    return f'"live-{session.pk}-{session.version}"'


class FloorThrottle(UserRateThrottle):
    """A delegate's button pressed over and over: the queue is not a toy."""

    scope = "live_floor"
    rate = "30/minute"


class LiveOpenView(APIViewMixin, generics.GenericAPIView):
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = LiveOpenSerializer

    def get_queryset(self):
        return documents_readable_by(self.request.user)

    @extend_schema(
        summary="Open a live session on the document's draft (secretariat)",
        description="The session works on one language edition of the draft revision; 400 "
        "when the document has no draft or a session is already open on it.",
        request=LiveOpenSerializer,
        responses={201: LiveStateSerializer, **ERRORS},
    )
    def post(self, request, pk=None):
        document = self.get_object()
        check_rule(request, "live.open_session", document)
        data = LiveOpenSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        draft = Revision.objects.drafts().filter(document=document).first()
        if draft is None:
            raise ValidationError(_("This document has no draft to negotiate."))
        session = services.session_open(
            revision=draft,
            user=request.user,
            language=data.validated_data.get("language") or settings.LANGUAGE_CODE,
            is_public=data.validated_data["is_public"],
        )
        return Response(session_state(session), status=status.HTTP_201_CREATED)


class LiveSessionMixin(APIViewMixin):
    def session(self, pk, perm: str) -> LiveSession:
        session = LiveSession.objects.filter(pk=pk).first()
        if session is None:
            raise NotFound()
        check_rule(self.request, perm, session)
        return session


class LiveStateView(LiveSessionMixin, APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        summary="The state of a live session",
        description="The whole text with each paragraph's version and status, the focus and "
        "the speakers' queue. The ETag is the session's version: with If-None-Match, a 304 "
        "while nothing changed (the follow page polls this every 2 s without a WebSocket).",
        parameters=[
            OpenApiParameter("If-None-Match", str, OpenApiParameter.HEADER, required=False)
        ],
        responses={
            200: LiveStateSerializer,
            304: OpenApiResponse(description="Not modified"),
            **ERRORS,
        },
    )
    def get(self, request, pk=None):
        session = self.session(pk, "live.follow_session")
        tag = etag(session)
        if tag in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
            response = Response(status=status.HTTP_304_NOT_MODIFIED)
        else:
            response = Response(session_state(session))
        response["ETag"] = tag
        response["Cache-Control"] = "private, no-cache"
        return response


class LiveParagraphView(LiveSessionMixin, APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        summary="Edit a paragraph (secretariat)",
        description="Its text and/or negotiation status, naming the paragraph's `version` "
        "the edit was made on; a stale version is a 409 carrying the current text.",
        parameters=[KEY_PARAMETER],
        request=LiveEditSerializer,
        responses={200: LiveEditedParagraphSerializer, **ERRORS, **CONFLICT},
    )
    def patch(self, request, pk=None, key=None):
        session = self.session(pk, "live.chair_session")
        if not LiveParagraph.objects.filter(session=session, key=key).exists():
            raise NotFound()
        data = LiveEditSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            paragraph = services.paragraph_edit(
                session=session,
                key=key,
                user=request.user,
                version=values["version"],
                text=values.get("text"),
                negotiation=values.get("negotiation"),
            )
        except EditConflict as conflict:
            return Response(
                error_body(
                    409,
                    "edit_conflict",
                    _("Somebody else changed this paragraph in the meantime; here is its text."),
                    current_version=conflict.current.version,
                    current_text=conflict.current.text,
                ),
                status=status.HTTP_409_CONFLICT,
            )
        session.refresh_from_db(fields=["version"])
        return Response({**paragraph_state(paragraph), "session_version": session.version})


class LiveInsertView(LiveSessionMixin, APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        summary="Insert a paragraph after this one (secretariat)",
        description="Numbered “bis”, “ter”… after the draft's paragraph it follows, until "
        "the next revision renumbers; it takes the focus.",
        parameters=[KEY_PARAMETER],
        request=LiveInsertSerializer,
        responses={201: LiveParagraphSerializer, **ERRORS},
    )
    def post(self, request, pk=None, key=None):
        session = self.session(pk, "live.chair_session")
        if not LiveParagraph.objects.filter(session=session, key=key).exists():
            raise NotFound()
        data = LiveInsertSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        paragraph = services.paragraph_insert(
            session=session, after=key, user=request.user, text=data.validated_data["text"]
        )
        return Response(paragraph_state(paragraph), status=status.HTTP_201_CREATED)


class LiveFocusView(LiveSessionMixin, APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        summary="Move the focus to a paragraph (secretariat)",
        request=LiveFocusSerializer,
        responses={200: LiveFocusAnswerSerializer, **ERRORS},
    )
    def post(self, request, pk=None):
        session = self.session(pk, "live.chair_session")
        data = LiveFocusSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        session = services.focus_set(
            session=session, key=data.validated_data["key"], user=request.user
        )
        return Response({"focus": session.focus, "version": session.version})


class LiveFloorView(LiveSessionMixin, APIView):
    permission_classes = [permissions.IsAuthenticated]
    throttle_classes = [*APIView.throttle_classes, FloorThrottle]

    @extend_schema(
        summary="Ask for the floor, or withdraw the request",
        description="For the user's delegation: once per delegation, the same call "
        "withdraws it. The secretariat names a `delegation` to take it off the queue.",
        request=LiveFloorSerializer,
        responses={200: LiveFloorAnswerSerializer, **ERRORS},
    )
    def post(self, request, pk=None):
        session = self.session(pk, "live.follow_session")
        data = LiveFloorSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        delegation = data.validated_data.get("delegation")
        if delegation is not None:
            services.floor_remove(session=session, delegation_id=delegation, user=request.user)
            requested = False
        else:
            requested = services.floor_toggle(session=session, user=request.user)
        return Response({"requested": requested, "queue": session_queue(session)})


class LiveCloseView(LiveSessionMixin, APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        summary="Close the session: its text becomes the draft (secretariat)",
        request=None,
        responses={200: LiveCloseAnswerSerializer, **ERRORS},
    )
    def post(self, request, pk=None):
        session = self.session(pk, "live.chair_session")
        revision = services.session_close(session=session, user=request.user)
        return Response({"revision": revision.number})
