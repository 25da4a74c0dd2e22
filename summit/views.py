from django.shortcuts import get_object_or_404, render

from drafts.selectors import documents_public
from initiatives.models import Initiative

from .selectors import meetings_with_agenda, next_meeting, summit_current


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
