import django_filters
from django.db.models import Q
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import viewsets

from initiatives.models import Initiative
from initiatives.selectors import initiative_detail_queryset
from portal.api import LANG_PARAMETER, FilterSet, PublicReadMixin
from portal.languages import localized_names

from .rows import initiative_list_rows, initiatives_listed
from .serializers import InitiativeDetailSerializer, InitiativeListSerializer

_DELEGATION = {
    "id": 1,
    "slug": "kz",
    "kind": "member_state",
    "name": "Kazakhstan",
    "acronym": "",
    "iso_code": "KZ",
}
_INITIATIVE = {
    "id": 1,
    "slug": "green-shield",
    "title": "Green Shield",
    "summary": "A regional initiative for ecosystems and priority species.",
    "status": "preparation",
    "lead_delegation": _DELEGATION,
    "partners": [],
    "tags": [{"slug": "snow-leopard", "kind": "species", "name": "Snow leopard"}],
    "funding_totals": [{"status": "pledged", "currency": "USD", "total": "1500000.00"}],
    "updated_at": "2026-03-01T10:00:00+05:00",
}
LIST_EXAMPLE = OpenApiExample("Green Shield", value=_INITIATIVE, response_only=True)
DETAIL_EXAMPLE = OpenApiExample(
    "Green Shield in full",
    value={
        **_INITIATIVE,
        "sections": [
            {
                "kind": "background",
                "position": 1,
                "body": "Central Asia's mountain ecosystems ...",
                "version": 3,
                "updated_at": "2026-03-01T10:00:00+05:00",
            }
        ],
        "results_framework": [
            {
                "position": 1,
                "title": "Ecosystems restored",
                "outputs": [
                    {
                        "position": 1,
                        "title": "Protected areas connected",
                        "indicators": [
                            {
                                "position": 1,
                                "title": "Area under protection",
                                "unit": "ha",
                                "baseline": "0",
                                "target": "100000",
                                "means_of_verification": "National reports",
                            }
                        ],
                    }
                ],
            }
        ],
        "funding": [
            {
                "source": _DELEGATION,
                "amount": "1500000.00",
                "currency": "USD",
                "status": "pledged",
                "note": "",
            }
        ],
    },
    response_only=True,
)


class InitiativeFilter(FilterSet):
    tag = django_filters.CharFilter(field_name="tags__slug", distinct=True)
    delegation = django_filters.CharFilter(
        method="filter_delegation", help_text="Slug of the lead or a partner delegation"
    )

    class Meta:
        model = Initiative
        fields = ["status", "tag", "delegation"]

    def filter_delegation(self, queryset, name, value):
        return queryset.filter(
            Q(lead_delegation__slug=value)
            | Q(
                pk__in=Initiative.partners.through.objects.filter(delegation__slug=value).values(
                    "initiative_id"
                )
            )
        )


@extend_schema_view(
    list=extend_schema(
        summary="The initiatives, with tags and funding totals by status",
        parameters=[LANG_PARAMETER],
        examples=[LIST_EXAMPLE],
    ),
    retrieve=extend_schema(
        summary="One initiative: sections, results framework, funding and totals",
        parameters=[LANG_PARAMETER],
        examples=[DETAIL_EXAMPLE],
    ),
)
class InitiativeViewSet(PublicReadMixin, viewsets.ReadOnlyModelViewSet):
    lookup_field = "slug"
    lookup_value_regex = r"[-\w]+"
    filterset_class = InitiativeFilter
    ordering_fields = ["position", "title", "status", "updated_at"]
    search_text_fields = localized_names("title", "summary")

    def get_queryset(self):
        if self.action == "retrieve":
            return initiative_detail_queryset()
        return initiatives_listed()  # rows, not model instances: see initiatives.api.rows

    def list(self, request, *args, **kwargs):
        rows = self.filter_queryset(self.get_queryset())
        page = initiative_list_rows(self.paginate_queryset(rows))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def get_serializer_class(self):
        return InitiativeDetailSerializer if self.action == "retrieve" else InitiativeListSerializer
