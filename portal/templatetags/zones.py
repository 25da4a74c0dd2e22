"""Time as people read it: a time zone by its city ("Almaty, UTC+5", not "Asia/Almaty"), a
deadline by the time left."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django import template
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

register = template.Library()

# The region's zones by their city; another zone is named by the last part of its id.
CITIES = {
    "Asia/Almaty": _("Almaty"),
    "Asia/Ashgabat": _("Ashgabat"),
    "Asia/Bishkek": _("Bishkek"),
    "Asia/Dushanbe": _("Dushanbe"),
    "Asia/Tashkent": _("Tashkent"),
    "Asia/Qyzylorda": _("Kyzylorda"),
    "Asia/Aqtobe": _("Aktobe"),
}


@register.filter
def zone_name(zone) -> str:
    key = str(zone)
    city = CITIES.get(key) or key.rsplit("/", 1)[-1].replace("_", " ")
    offset = datetime.now(ZoneInfo(key)).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    utc = f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "") if minutes else "UTC"
    return f"{city}, {utc}"


@register.filter
def time_left(deadline, now=None) -> str:
    """ "3 d 4 h 12 min left": the words of the page's live countdown (static/js/drafts.js,
    whose `data-format` is the same sentence), so the page reads the same before its script
    runs and without it. Not Django's `timeuntil` inside a sentence: Russian agrees the verb
    with the number and noun it reads ("Осталась 1 неделя", "Осталось 2 недели"), which one
    sentence around a pre-made "1 неделя" cannot; abbreviated units agree with any number."""
    if not deadline:
        return ""
    seconds = max(0, int((deadline - (now or timezone.now())).total_seconds()))
    days, seconds = divmod(seconds, 86400)
    hours, seconds = divmod(seconds, 3600)
    return gettext("%(d)s d %(h)s h %(m)s min left") % {"d": days, "h": hours, "m": seconds // 60}
