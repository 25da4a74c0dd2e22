"""What the drafting's screens share."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.shortcuts import render

from ..models import OutcomeDocument


def summit_zone(document: OutcomeDocument) -> ZoneInfo:
    """Deadlines are entered and shown in the summit's time zone, whatever the browser's."""
    name = getattr(document.summit, "timezone", "") or settings.TIME_ZONE
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError):
        return ZoneInfo(settings.TIME_ZONE)


def bad_request(request, message: str, status: int = 400):
    return render(request, "drafts/error.html", {"message": message}, status=status)
