from django.db.models import F, Prefetch, Q
from django.utils import timezone

from .models import AgendaItem, Meeting, Summit


def summit_current() -> Summit | None:
    return Summit.objects.order_by(F("start_date").desc(nulls_first=True)).first()


def meetings_with_agenda():
    return Meeting.objects.select_related("summit").prefetch_related(
        Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position"))
    )


def next_meeting() -> Meeting | None:
    """The next meeting that has not ended; one without dates yet counts as upcoming."""
    today = timezone.localdate()
    return (
        Meeting.objects.filter(Q(end_date__gte=today) | Q(end_date__isnull=True))
        .order_by(F("start_date").asc(nulls_last=True))
        .first()
    )
