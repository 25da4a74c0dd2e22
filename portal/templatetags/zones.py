"""A time zone as people name it: "Almaty, UTC+5", not "Asia/Almaty"."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django import template
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
