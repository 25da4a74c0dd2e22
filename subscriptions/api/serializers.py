from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from portal.api import MAX_ID, StrictIntegerField

from ..models import Frequency, Subscription, TargetType
from ..services import subscription_label


class SubscriptionSerializer(serializers.ModelSerializer):
    target = serializers.SerializerMethodField()
    label = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = Subscription
        fields = [
            "id",
            "target_type",
            "target",
            "frequency",
            "label",
            "url",
            "by_default",
            "created",
        ]
        read_only_fields = fields

    @extend_schema_field(
        serializers.IntegerField(
            help_text="The id of the meeting, outcome document, call or document of the register"
        )
    )
    def get_target(self, subscription) -> int:
        return subscription.target_id

    @extend_schema_field(
        serializers.CharField(help_text="What is followed, in the request's language")
    )
    def get_label(self, subscription) -> str:
        return subscription_label(subscription)

    @extend_schema_field(serializers.CharField(allow_null=True, help_text="Its page (a path)"))
    def get_url(self, subscription) -> str | None:
        target = subscription.target
        return target.get_absolute_url() if target is not None else None


class SubscriptionCreateSerializer(serializers.Serializer):
    target_type = serializers.ChoiceField(choices=TargetType.choices)
    target = StrictIntegerField(min_value=1, max_value=MAX_ID, help_text="Its id")
    frequency = serializers.ChoiceField(choices=Frequency.choices, default=Frequency.IMMEDIATE)
