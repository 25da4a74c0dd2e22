from django.shortcuts import render

from drafts.selectors import documents_public
from initiatives.models import Initiative

from .selectors import meetings_with_agenda, summit_current


def home(request):
    return render(
        request,
        "summit/home.html",
        {
            "summit": summit_current(),
            "meetings": meetings_with_agenda(),
            "initiatives": Initiative.objects.all(),
            "documents": documents_public(),
        },
    )
