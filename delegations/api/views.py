import django_filters
from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import viewsets

from delegations.models import Delegation, Membership
from portal.api import LANG_PARAMETER, FilterSet, PublicReadMixin
from portal.languages import localized_names

from .serializers import DelegationSerializer

EXAMPLE = OpenApiExample(
    "Kazakhstan, as a logged-in client sees it",
    value={
        "id": 1,
        "slug": "kz",
        "kind": "member_state",
        "name": "Kazakhstan",
        "acronym": "",
        "iso_code": "KZ",
        "members": [{"name": "Aigerim Sadykova", "role": "head"}],
    },
    response_only=True,
)


class DelegationFilter(FilterSet):
    country = django_filters.CharFilter(
        field_name="iso_code", lookup_expr="iexact", help_text="ISO 3166 code, e.g. KZ"
    )

    class Meta:
        model = Delegation
        fields = ["kind", "country"]


@extend_schema_view(
    list=extend_schema(
        summary="Countries and organisations taking part",
        description="Members' names are given only to logged-in clients (null otherwise).",
        parameters=[LANG_PARAMETER],
        examples=[EXAMPLE],
    ),
    retrieve=extend_schema(
        summary="One delegation", parameters=[LANG_PARAMETER], examples=[EXAMPLE]
    ),
)
class DelegationViewSet(PublicReadMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = DelegationSerializer
    filterset_class = DelegationFilter
    ordering_fields = ["sort_order", "name", "kind"]
    search_text_fields = localized_names("name", "acronym")

    def show_members(self) -> bool:
        return self.request.user.has_perm("delegations.view_member_names")

    def get_queryset(self):
        queryset = Delegation.objects.all()
        if self.show_members():
            queryset = queryset.prefetch_related(
                Prefetch(
                    "memberships",
                    queryset=Membership.objects.select_related("user").order_by(
                        "role", "user__last_name", "user__first_name"
                    ),
                )
            )
        return queryset

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "show_members": self.show_members()}
