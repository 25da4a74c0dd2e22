"""What live adds to drafts' document page (portal/hooks.py): the secretariat's way to its
live sessions, and everybody's to a session that is open or to the log of a closed one."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from portal.hooks import hook_register

from .models import LiveSession


@hook_register("document.secretariat_actions")
def live_link(context, document) -> str:
    if not context["request"].user.has_perm("live.open_session", None):
        return ""
    return format_html(
        '<a href="{}">{}</a>', reverse("live_document", args=[document.slug]), _("Live sessions")
    )


@hook_register("document.links")
def live_sessions(context, document) -> str:
    user = context["request"].user
    sessions = [
        session
        for session in LiveSession.objects.filter(revision__document=document).select_related(
            "revision"
        )
        if user.has_perm("live.follow_session", session)
    ]
    if not sessions:
        return ""
    return render_to_string("live/_document_sessions.html", {"sessions": sessions})
