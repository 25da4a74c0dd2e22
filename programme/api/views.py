from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import viewsets

from portal.api import LANG_PARAMETER, FilterSet, IdFilter, PublicReadMixin
from programme.models import Meeting, Summit
from programme.selectors import meetings_with_agenda

from .serializers import MeetingSerializer, SummitSerializer

SUMMIT_EXAMPLE = OpenApiExample(
    "RES-2026",
    value={
        "id": 1,
        "acronym": "RES-2026",
        "name": "Regional Ecological Summit of Central Asia",
        "host_city": "Astana",
        "start_date": "2026-04-22",
        "end_date": "2026-04-24",
        "timezone": "Asia/Almaty",
        "description": "",
        "meetings": [
            {
                "id": 1,
                "slug": "almaty-preparatory",
                "kind": "preparatory",
                "title": "Preparatory meeting",
                "place": "Almaty",
                "start_date": "2026-02-25",
                "end_date": "2026-02-27",
            }
        ],
    },
    response_only=True,
)

MEETING_EXAMPLE = OpenApiExample(
    "Preparatory meeting",
    value={
        "id": 1,
        "slug": "almaty-preparatory",
        "summit": "RES-2026",
        "kind": "preparatory",
        "title": "Preparatory meeting",
        "place": "Almaty",
        "start_date": "2026-02-25",
        "end_date": "2026-02-27",
        "description": "",
        "agenda_items": [{"position": 1, "title": "Opening", "description": ""}],
    },
    response_only=True,
)


class MeetingFilter(FilterSet):
    summit = IdFilter(field_name="summit_id", help_text="Summit id")

    class Meta:
        model = Meeting
        fields = ["kind", "summit"]


@extend_schema_view(
    list=extend_schema(
        summary="The summits with their meetings",
        parameters=[LANG_PARAMETER],
        examples=[SUMMIT_EXAMPLE],
    ),
    retrieve=extend_schema(
        summary="One summit", parameters=[LANG_PARAMETER], examples=[SUMMIT_EXAMPLE]
    ),
)
class SummitViewSet(PublicReadMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = SummitSerializer
    ordering_fields = ["start_date", "acronym"]

    def get_queryset(self):

        return Summit.objects.prefetch_related(
            Prefetch("meetings", queryset=Meeting.objects.order_by("start_date", "title"))
        )


@extend_schema_view(
    list=extend_schema(
        summary="The meetings with their agenda items",
        parameters=[LANG_PARAMETER],
        examples=[MEETING_EXAMPLE],
    ),
    retrieve=extend_schema(
        summary="One meeting and its agenda",
        parameters=[LANG_PARAMETER],
        examples=[MEETING_EXAMPLE],
    ),
)
class MeetingViewSet(PublicReadMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter
    ordering_fields = ["start_date", "title"]

    def get_queryset(self):
        return meetings_with_agenda()
