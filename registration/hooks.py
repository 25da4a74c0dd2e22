"""What registration adds to lower apps' pages, through their slots (portal/hooks.py)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from portal.hooks import hook_register

from .selectors import delegation_participants, registration_is_open


@hook_register("delegation.participants")
def delegation_participants_block(context, delegation) -> str:
    """The delegation's accredited participants per meeting, on the public list's terms."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return render_to_string(
        "registration/_delegation_participants.html",
        {"meetings": delegation_participants(delegation, language), "delegation": delegation},
        request=context.get("request"),
    )


@hook_register("meeting.links")
def meeting_registration_links(context, meeting) -> str:
    """The meeting page links its list of participants, and nominations while they are open."""
    return render_to_string(
        "registration/_meeting_links.html",
        {"meeting": meeting, "open": registration_is_open(meeting)},
        request=context.get("request"),
    )
