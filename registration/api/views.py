import json

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import permissions, renderers, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from delegations.permissions import membership_of
from portal.api import (
    LANG_PARAMETER,
    APIViewMixin,
    CachedMixin,
    ErrorSerializer,
    check_rule,
)
from portal.errors import error_body

from ..documents import badge_pdf_bytes
from ..models import Registration
from ..selectors import (
    affiliation_name,
    meeting_or_404,
    participants_public,
    registration_data,
    registrations_for,
)
from ..services import (
    AlreadyCheckedIn,
    BadgeRefused,
    BadgeUnknown,
    registration_accredit,
    registration_check_in,
    registration_nominate,
    registration_reject,
)
from .serializers import (
    CheckInRequestSerializer,
    CheckInSerializer,
    NominationSerializer,
    ParticipantListSerializer,
    ReasonSerializer,
    RegistrationSerializer,
)

NOT_FOUND = OpenApiResponse(
    ErrorSerializer, description="No such meeting or registration, or not yours to see"
)
FORBIDDEN = OpenApiResponse(ErrorSerializer, description="Not allowed")
INVALID = OpenApiResponse(ErrorSerializer, description="Invalid input")
REGISTRATION_EXAMPLE = {
    "id": 12,
    "meeting": 3,
    "delegation": 1,
    "organisation": "",
    "category": "state",
    "title": "ms",
    "given_name": "Aigerim",
    "family_name": "Sadykova",
    "given_name_cyrillic": "Айгерим",
    "family_name_cyrillic": "Садыкова",
    "function": "Deputy Minister of Ecology",
    "heads_delegation": True,
    "consent_public_list": True,
    "status": "nominated",
    "status_reason": "",
    "checked_in_at": None,
    "email": "a.sadykova@example.org",
    "phone": "+7 701 000 00 00",
    "has_photo": False,
    "badge_code": None,
}


class PdfRenderer(renderers.BaseRenderer):
    """The badge's own format; an error on this endpoint is still the JSON error body."""

    media_type = "application/pdf"
    format = "pdf"
    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data if isinstance(data, bytes) else json.dumps(data).encode()


def _meeting(pk: int):
    return meeting_or_404(pk=pk)


class MeetingParticipantsView(CachedMixin, APIViewMixin, APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        summary="The public list of participants of a meeting",
        description="Accredited participants who agreed to be listed, in the order of UN lists: "
        "States by their name in the list's language, then the United Nations system, other "
        "intergovernmental organisations, non-governmental organisations and the media; the "
        "head of each delegation first. The others are counted in `unnamed`. No e-mail, phone "
        "or photo, ever.",
        parameters=[LANG_PARAMETER],
        responses={200: ParticipantListSerializer, 404: NOT_FOUND},
        examples=[
            OpenApiExample(
                "Two delegations",
                value={
                    "meeting": 3,
                    "language": "en",
                    "named": 1,
                    "unnamed": 4,
                    "results": [
                        {
                            "name": "Aigerim Sadykova",
                            "title": "Ms",
                            "function": "Deputy Minister of Ecology",
                            "delegation": "Kazakhstan",
                            "delegation_id": 1,
                            "category": "state",
                            "heads_delegation": True,
                        }
                    ],
                },
                response_only=True,
            )
        ],
    )
    def get(self, request, pk: int):
        meeting = _meeting(pk)
        language = translation.get_language()
        public = participants_public(meeting, language)
        results = [
            {
                "name": person.display_name(language),
                "title": person.get_title_display(),
                "function": person.function,
                "delegation": affiliation_name(person, language),
                "delegation_id": person.delegation_id,
                "category": person.category,
                "heads_delegation": person.heads_delegation,
            }
            for person in public.participants
        ]
        return Response(
            ParticipantListSerializer(
                {
                    "meeting": meeting.pk,
                    "language": language,
                    "named": public.named,
                    "unnamed": public.unnamed,
                    "results": results,
                }
            ).data
        )


class MeetingRegistrationsView(APIViewMixin, APIView):
    @extend_schema(
        summary="Registrations for a meeting that you may see",
        description="The secretariat sees every one; a head of delegation or the focal point "
        "their delegation's; anyone else their own.",
        responses={200: RegistrationSerializer(many=True), 404: NOT_FOUND},
        examples=[
            OpenApiExample("One nomination", value=[REGISTRATION_EXAMPLE], response_only=True)
        ],
    )
    def get(self, request, pk: int):
        meeting = _meeting(pk)
        registrations = registrations_for(request.user, meeting=meeting).select_related("user")
        return Response(
            RegistrationSerializer(
                [registration_data(r, request.user) for r in registrations], many=True
            ).data
        )

    @extend_schema(
        summary="Nominate a participant",
        description="A head of delegation or the focal point nominates for their own delegation "
        "(`delegation` may be left out) while registration is open; the secretariat for any "
        "delegation (`delegation`: its id), or for an organisation or the media "
        "(`organisation`, `category`), at any time. 201 with the registration, `status` "
        "`nominated`; 400 when registration is closed or the input is not valid; 403 for "
        "another delegation.",
        request=NominationSerializer,
        responses={201: RegistrationSerializer, 400: INVALID, 403: FORBIDDEN, 404: NOT_FOUND},
        examples=[
            OpenApiExample(
                "A nomination",
                value={
                    "title": "ms",
                    "given_name": "Aigerim",
                    "family_name": "Sadykova",
                    "function": "Deputy Minister of Ecology",
                    "email": "a.sadykova@example.org",
                    "consent_public_list": True,
                },
                request_only=True,
            ),
            OpenApiExample(
                "Nominated", value=REGISTRATION_EXAMPLE, response_only=True, status_codes=["201"]
            ),
        ],
    )
    def post(self, request, pk: int):
        meeting = _meeting(pk)
        data = NominationSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        delegation = values.pop("delegation", None)
        if delegation is None:
            membership = membership_of(request.user)
            delegation = membership.delegation if membership is not None else None
        values.setdefault("language", request.user.language)
        registration = registration_nominate(
            meeting=meeting, user=request.user, delegation=delegation, **values
        )
        return Response(
            RegistrationSerializer(registration_data(registration, request.user)).data,
            status=status.HTTP_201_CREATED,
        )


def _registration(request, pk: int, perm: str = "registration.view_registration") -> Registration:
    registration = get_object_or_404(
        Registration.objects.select_related("meeting", "delegation", "nominated_by", "user"), pk=pk
    )
    check_rule(request, perm, registration, hide=True)
    return registration


class RegistrationDetailView(APIViewMixin, APIView):
    @extend_schema(
        summary="One registration",
        description="For the secretariat, the delegation's head or focal point and the "
        "participant (404 for anyone else); `badge_code` once accredited.",
        responses={200: RegistrationSerializer, 404: NOT_FOUND},
        examples=[OpenApiExample("Nominated", value=REGISTRATION_EXAMPLE, response_only=True)],
    )
    def get(self, request, pk: int):
        registration = _registration(request, pk)
        return Response(RegistrationSerializer(registration_data(registration, request.user)).data)


class RegistrationAccreditView(APIViewMixin, APIView):
    @extend_schema(
        summary="Accredit a registration (secretariat)",
        request=None,
        responses={200: RegistrationSerializer, 400: INVALID, 403: FORBIDDEN, 404: NOT_FOUND},
        examples=[
            OpenApiExample(
                "Accredited",
                value={
                    **REGISTRATION_EXAMPLE,
                    "status": "accredited",
                    "badge_code": "Zx8pQ2…:1a2b3c",
                },
                response_only=True,
            )
        ],
    )
    def post(self, request, pk: int):
        registration = _registration(request, pk)
        if not request.user.has_perm("registration.decide", registration):
            raise PermissionDenied()
        registration = registration_accredit(registration=registration, user=request.user)
        return Response(RegistrationSerializer(registration_data(registration, request.user)).data)


class RegistrationRejectView(APIViewMixin, APIView):
    @extend_schema(
        summary="Reject a registration, with the reason (secretariat)",
        request=ReasonSerializer,
        responses={200: RegistrationSerializer, 400: INVALID, 403: FORBIDDEN, 404: NOT_FOUND},
        examples=[
            OpenApiExample("Reason", value={"reason": "No nomination letter."}, request_only=True),
            OpenApiExample(
                "Rejected",
                value={
                    **REGISTRATION_EXAMPLE,
                    "status": "rejected",
                    "status_reason": "No nomination letter.",
                },
                response_only=True,
            ),
        ],
    )
    def post(self, request, pk: int):
        registration = _registration(request, pk)
        if not request.user.has_perm("registration.decide", registration):
            raise PermissionDenied()
        data = ReasonSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        registration = registration_reject(
            registration=registration, user=request.user, reason=data.validated_data["reason"]
        )
        return Response(RegistrationSerializer(registration_data(registration, request.user)).data)


class RegistrationBadgeView(APIViewMixin, APIView):
    renderer_classes = [renderers.JSONRenderer, PdfRenderer]

    def handle_exception(self, exc):
        # An error is the one JSON error body, even for a client that asked for the PDF.
        response = super().handle_exception(exc)
        self.request.accepted_renderer = renderers.JSONRenderer()
        self.request.accepted_media_type = "application/json"
        return response

    @extend_schema(
        summary="The badge of an accredited participant, as PDF",
        description="For the secretariat, the delegation's head or focal point and the "
        "participant; 404 for anyone else and before accreditation.",
        responses={
            (200, "application/pdf"): OpenApiResponse(
                {"type": "string", "format": "binary"}, description="The badge"
            ),
            404: NOT_FOUND,
        },
    )
    def get(self, request, pk: int):
        registration = _registration(request, pk, "registration.view_badge")
        if not registration.may_enter:
            raise NotFound(_("Only an accredited participant has a badge."))
        content = badge_pdf_bytes(registration)
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="badge-{registration.pk}.pdf"'
        return response


class CheckInView(APIViewMixin, APIView):
    @extend_schema(
        summary="Check a participant in at the door (secretariat)",
        description="200 with the participant the first time; 409 with the time of the first "
        "check-in afterwards; 404 for a code that is forged, altered, unknown, or whose "
        "registration is withdrawn, rejected or not accredited.",
        request=CheckInRequestSerializer,
        responses={
            200: CheckInSerializer,
            400: INVALID,
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: OpenApiResponse(
                ErrorSerializer, description="Already checked in; `checked_in_at` says when"
            ),
        },
        examples=[
            OpenApiExample("A badge", value={"code": "Zx8pQ2…:1a2b3c"}, request_only=True),
            OpenApiExample(
                "Welcome",
                value={
                    "registration": 12,
                    "name": "Aigerim Sadykova",
                    "delegation": "Kazakhstan",
                    "category": "state",
                    "status": "accredited",
                    "has_photo": False,
                    "checked_in_at": "2026-06-02T09:14:00+05:00",
                },
                response_only=True,
                status_codes=["200"],
            ),
            OpenApiExample(
                "Second scan",
                value={
                    "error": {
                        "status": 409,
                        "code": "already_checked_in",
                        "message": "Already checked in at 09:14.",
                        "checked_in_at": "2026-06-02T09:14:00+05:00",
                    }
                },
                response_only=True,
                status_codes=["409"],
            ),
        ],
    )
    def post(self, request):
        if not request.user.has_perm("registration.check_in"):
            raise PermissionDenied()
        data = CheckInRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            entry = registration_check_in(code=data.validated_data["code"], user=request.user)
        except (BadgeUnknown, BadgeRefused) as error:
            raise NotFound(_("No valid badge has this code.")) from error
        except AlreadyCheckedIn as error:
            first = timezone.localtime(error.registration.checked_in_at)
            body = error_body(
                409,
                "already_checked_in",
                _("Already checked in at %(time)s.") % {"time": first.strftime("%H:%M")},
                checked_in_at=first.isoformat(),
            )
            return Response(body, status=status.HTTP_409_CONFLICT)
        registration = entry.registration
        language = translation.get_language()
        return Response(
            CheckInSerializer(
                {
                    "registration": registration.pk,
                    "name": registration.display_name(language),
                    "delegation": affiliation_name(registration, language),
                    "category": registration.category,
                    "status": registration.status,
                    "has_photo": bool(registration.photo),
                    "checked_in_at": entry.at,
                }
            ).data
        )
