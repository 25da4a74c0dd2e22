"""What submissions adds to lower apps' pages, through their slots (portal/hooks.py)."""

from django.template.loader import render_to_string

from portal.hooks import hook_register

from .selectors import calls_of_meeting


@hook_register("meeting.sections")
def meeting_calls(context, meeting) -> str:
    """The meeting page lists its calls for written inputs, open ones first to the eye by
    their deadline; the secretariat gets the way to open one."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return render_to_string(
        "submissions/_meeting_calls.html",
        {
            "meeting": meeting,
            "calls": list(calls_of_meeting(meeting)),
            "may_open": user is not None and user.has_perm("submissions.open_call"),
        },
        request=request,
    )
