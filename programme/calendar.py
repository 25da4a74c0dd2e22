"""The programme as iCalendar (RFC 5545): one event per meeting, its agenda in the event's
description, with the summit's time zone, the place and a link back to the meeting's page.

Meetings have dates, not hours: an event is a whole-day one from the first day to the day
after the last (DTEND is exclusive), and carries the summit's time zone (X-WR-TIMEZONE and a
VTIMEZONE) so that calendars place the days in Almaty's time.
"""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone

from .models import Meeting
from .selectors import meetings_with_agenda, summit_current

PRODID = "-//RES-2026//Summit portal//"


def _event(meeting: Meeting, request, stamp) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{request.get_host().split(':')[0]}")
    event.add("dtstamp", stamp)
    event.add("summary", meeting.title)
    if meeting.start_date:
        event.add("dtstart", meeting.start_date)
        event.add("dtend", (meeting.end_date or meeting.start_date) + timedelta(days=1))
    if meeting.place:
        event.add("location", meeting.place)
    url = request.build_absolute_uri(meeting.get_absolute_url())
    event.add("url", url)
    lines = [meeting.description.strip()] if meeting.description.strip() else []
    agenda = list(meeting.agenda_items.all())
    if agenda:
        lines.append(_("Agenda") + ":")
        lines += [f"{item.position}. {item.title}" for item in agenda]
    lines.append(url)
    event.add("description", "\n".join(lines))
    return event


def programme_calendar(meetings, request, *, name: str) -> bytes:
    summit = summit_current()
    tzid = summit.timezone if summit else settings.TIME_ZONE
    calendar = Calendar()
    calendar.add("prodid", PRODID + translation.get_language().upper())
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", tzid)
    calendar.add_component(Timezone.from_tzinfo(ZoneInfo(tzid)))
    stamp = timezone.now()
    for meeting in meetings:
        calendar.add_component(_event(meeting, request, stamp))
    return calendar.to_ical()


def _answer(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=900"
    return response


def programme_ical(request):
    content = programme_calendar(meetings_with_agenda(), request, name=_("RES-2026 programme"))
    return _answer(content, "res-2026-programme.ics")


def meeting_ical(request, slug):
    meeting = get_object_or_404(meetings_with_agenda(), slug=slug)
    content = programme_calendar([meeting], request, name=meeting.title)
    return _answer(content, f"{meeting.slug}.ics")
