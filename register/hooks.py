"""What the register adds to lower apps' pages, through their slots (portal/hooks.py)."""

from django.db.models import F
from django.template.loader import render_to_string

from portal.hooks import hook_register
from programme.models import Meeting

from .models import Document


@hook_register("meeting.links")
def meeting_register_links(context, meeting) -> str:
    """The meeting page links its documents, what was issued today, the feed, and for the
    secretariat the form that issues a document."""
    request = context.get("request")
    return render_to_string(
        "register/_meeting_links.html",
        {
            "meeting": meeting,
            "count": Document.objects.filter(meeting=meeting).count(),
            "may_issue": request is not None and request.user.has_perm("register.issue_document"),
        },
        request=request,
    )


@hook_register("documents.links")
def documents_registers(context) -> str:
    """The outcome documents' list links the meetings' registers (the header's "Documents")."""
    meetings = Meeting.objects.order_by(F("start_date").asc(nulls_last=True), "title")
    return render_to_string(
        "register/_registers.html", {"meetings": meetings}, request=context.get("request")
    )
