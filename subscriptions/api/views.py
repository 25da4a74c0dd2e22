from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.response import Response

from portal.api import APIViewMixin, ErrorSerializer

from .. import services
from ..models import Subscription
from .serializers import SubscriptionCreateSerializer, SubscriptionSerializer

EXAMPLE = OpenApiExample(
    "Follow a document with the daily digest",
    value={
        "id": 7,
        "target_type": "document",
        "target": 1,
        "frequency": "daily",
        "label": "RES-2026/DECL/1 — Draft Astana Declaration",
        "url": "/en/documents/declaration/",
        "by_default": False,
        "created": "2026-12-05T10:00:00+05:00",
    },
    response_only=True,
)


@extend_schema_view(
    list=extend_schema(summary="What you follow", examples=[EXAMPLE]),
    create=extend_schema(
        summary=(
            "Follow a meeting, an outcome document, a call or a document of the register "
            "(or change how often)"
        ),
        description=(
            "201 with the new subscription; 200 with the existing one (its frequency changed) "
            "when you already follow the target. 400 names `target` for an id that does not "
            "exist or that you may not read."
        ),
        request=SubscriptionCreateSerializer,
        responses={
            201: SubscriptionSerializer,
            200: SubscriptionSerializer,
            400: OpenApiResponse(ErrorSerializer, description="Invalid input or unknown target"),
        },
        examples=[
            EXAMPLE,
            OpenApiExample(
                "Follow",
                value={"target_type": "document", "target": 1, "frequency": "daily"},
                request_only=True,
            ),
        ],
    ),
    destroy=extend_schema(
        summary="Stop following",
        responses={
            204: None,
            404: OpenApiResponse(ErrorSerializer, description="Not yours, or no such"),
        },
    ),
)
class SubscriptionViewSet(
    APIViewMixin,
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """The subscriptions of the person asking, and theirs only."""

    serializer_class = SubscriptionSerializer
    permission_classes = [permissions.IsAuthenticated]
    http_method_names = ["get", "post", "delete", "head", "options"]
    filter_backends: list = []
    ordering_fields: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Subscription.objects.none()
        return (
            Subscription.objects.filter(user=self.request.user)
            .with_targets()
            .order_by("-created", "-pk")
        )

    def create(self, request, *args, **kwargs):
        data = SubscriptionCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        target = services.target_find(
            user=request.user, target_type=values["target_type"], target_id=values["target"]
        )
        subscription, created = services.subscription_follow(
            user=request.user,
            target_type=values["target_type"],
            target=target,
            frequency=values["frequency"],
        )
        return Response(
            SubscriptionSerializer(subscription, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )

    def perform_destroy(self, instance):
        services.subscription_unfollow(subscription=instance)
