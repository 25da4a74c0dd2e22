from django.contrib import admin

from .models import Delivery, Event, Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["user", "target_type", "meeting", "document", "frequency", "by_default"]
    list_filter = ["target_type", "frequency", "by_default"]
    raw_id_fields = ["user", "meeting", "document"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["key", "kind", "happened_at", "immediate_done_at"]
    list_filter = ["kind"]
    readonly_fields = ["kind", "key", "meeting", "document", "revision", "data", "happened_at"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["event", "user", "frequency", "sent_at"]
    list_filter = ["frequency"]
    raw_id_fields = ["event", "user", "subscription"]
