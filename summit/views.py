from django.shortcuts import get_object_or_404, render

from delegations.models import Delegation
from drafts.selectors import documents_public
from initiatives.models import Initiative
from programme.selectors import next_meeting, summit_current

from .selectors import delegation_page


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


def delegation_detail(request, slug):
    """A delegation's public page: what it leads, supports and funds, what it said."""
    delegation = get_object_or_404(Delegation, slug=slug)
    return render(
        request, "delegations/delegation_detail.html", delegation_page(delegation, request.user)
    )
