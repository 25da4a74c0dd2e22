from django.shortcuts import get_object_or_404, render

from delegations.models import Delegation
from drafts.selectors import documents_public
from initiatives.models import Initiative

from .selectors import delegation_page, meetings_with_agenda, next_meeting, summit_current


def home(request):
    return render(
        request,
        "summit/home.html",
        {
            "summit": summit_current(),
            "next_meeting": next_meeting(),
            "initiatives": Initiative.objects.all(),
            "documents": documents_public(),
        },
    )


def programme(request):
    return render(
        request,
        "summit/programme.html",
        {"summit": summit_current(), "meetings": meetings_with_agenda()},
    )


def meeting_detail(request, slug):
    meeting = get_object_or_404(meetings_with_agenda(), slug=slug)
    return render(request, "summit/meeting_detail.html", {"meeting": meeting})


def delegation_detail(request, slug):
    """A delegation's public page: what it leads, supports and funds, what it said."""
    delegation = get_object_or_404(Delegation, slug=slug)
    return render(
        request, "delegations/delegation_detail.html", delegation_page(delegation, request.user)
    )
