from django.shortcuts import get_object_or_404, render

from .selectors import meetings_with_agenda, summit_current


def programme(request):
    return render(
        request,
        "programme/programme.html",
        {"summit": summit_current(), "meetings": meetings_with_agenda()},
    )


def meeting_detail(request, slug):
    meeting = get_object_or_404(meetings_with_agenda(), slug=slug)
    return render(request, "programme/meeting_detail.html", {"meeting": meeting})
