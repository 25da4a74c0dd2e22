from django.shortcuts import get_object_or_404, render

from drafts.selectors import documents_public

from .models import Initiative
from .selectors import funding_totals, initiative_detail_queryset


def initiative_detail(request, slug):
    initiative = get_object_or_404(initiative_detail_queryset(), slug=slug)
    return render(
        request,
        "initiatives/initiative_detail.html",
        {
            "initiative": initiative,
            "funding_totals": funding_totals(initiative),
            "documents": documents_public().filter(initiatives=initiative),
        },
    )


def initiative_list(request):
    initiatives = Initiative.objects.prefetch_related("tags").select_related("lead_delegation")
    return render(request, "initiatives/initiative_list.html", {"initiatives": initiatives})
