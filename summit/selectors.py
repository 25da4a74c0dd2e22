from django.db.models import Prefetch

from .models import AgendaItem, Meeting, Summit


def summit_current() -> Summit | None:
    return Summit.objects.order_by("-start_date").first()


def meetings_with_agenda():
    return Meeting.objects.select_related("summit").prefetch_related(
        Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position"))
    )
