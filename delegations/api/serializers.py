from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from delegations.models import Delegation, Membership


class MemberSerializer(serializers.Serializer):
    name = serializers.CharField()
    role = serializers.ChoiceField(choices=Membership.Role.choices)


class DelegationSerializer(serializers.ModelSerializer):
    members = serializers.SerializerMethodField(
        help_text="Names and roles of the members; null unless the client is logged in."
    )

    page = serializers.SerializerMethodField(
        help_text="The delegation's public page on the portal, in the request's language."
    )

    class Meta:
        model = Delegation
        fields = ["id", "slug", "kind", "name", "acronym", "iso_code", "page", "members"]

    def get_page(self, delegation) -> str:
        request = self.context.get("request")
        path = delegation.get_absolute_url()
        return request.build_absolute_uri(path) if request else path

    @extend_schema_field(MemberSerializer(many=True, allow_null=True))
    def get_members(self, delegation):
        if not self.context.get("show_members"):
            return None
        return [
            {"name": str(membership.user), "role": membership.role}
            for membership in delegation.memberships.all()
        ]
