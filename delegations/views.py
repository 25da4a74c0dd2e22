from django.shortcuts import render

from .selectors import delegations_by_kind


def delegation_list(request):
    return render(request, "delegations/delegation_list.html", {"groups": delegations_by_kind()})
