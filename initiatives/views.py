from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import secretariat_required
from portal.concurrency import versioned_edit
from portal.diff import word_diff
from portal.languages import localized_names, translations

from .forms import FundingEntryForm, IndicatorForm, OutcomeForm, OutputForm, SectionForm
from .models import FundingEntry, Indicator, Initiative, Section
from .selectors import funding_totals, initiative_detail_queryset
from .services import funding_entry_add, section_update


def initiative_list(request):
    initiatives = Initiative.objects.prefetch_related("tags").select_related("lead_delegation")
    return render(request, "initiatives/initiative_list.html", {"initiatives": initiatives})


def initiative_detail(request, slug):
    initiative = get_object_or_404(initiative_detail_queryset(), slug=slug)
    return render(
        request,
        "initiatives/initiative_detail.html",
        {
            "initiative": initiative,
            "funding_totals": funding_totals(initiative),
        },
    )


@secretariat_required
def initiative_edit(request, slug):
    initiative = get_object_or_404(initiative_detail_queryset(), slug=slug)
    return render(
        request,
        "initiatives/initiative_edit.html",
        {
            "initiative": initiative,
            "funding_form": FundingEntryForm(),
            "funding_totals": funding_totals(initiative),
        },
    )


@secretariat_required
def section_edit(request, slug, kind):
    section = get_object_or_404(
        Section.objects.select_related("initiative"), initiative__slug=slug, kind=kind
    )

    def save(data):
        section_update(section=section, user=request.user, **data)

    def done():
        messages.success(request, _("The section is saved."))
        return redirect("initiative_edit", slug=slug)

    return versioned_edit(
        request,
        form_class=SectionForm,
        initial={
            **{column: getattr(section, column) for column in localized_names("body")},
            "version": section.version,
        },
        save=save,
        done=done,
        template="initiatives/section_edit.html",
        context={"section": section},
    )


@secretariat_required
def section_history(request, slug, kind):
    section = get_object_or_404(
        Section.objects.select_related("initiative"), initiative__slug=slug, kind=kind
    )
    versions = list(section.versions.select_related("edited_by"))
    by_number = {v.number: v for v in versions}
    compare = None
    if "from" not in request.GET and "to" not in request.GET and len(versions) > 1:
        # Open on the latest change: the version before the newest, against the newest.
        old, new = versions[1], versions[0]
    else:
        try:
            old = by_number.get(int(request.GET.get("from", "")))
            new = by_number.get(int(request.GET.get("to", "")))
        except ValueError:
            old = new = None
    if old and new:
        compare = {
            "old": old,
            "new": new,
            # (its code, the language as a label names it, the word diff), language by language
            "diffs": [
                (code, language, word_diff(old_text, new_text))
                for (code, language, old_text), (_, _, new_text) in zip(
                    translations(old, "body"), translations(new, "body"), strict=True
                )
            ],
        }
    return render(
        request,
        "initiatives/section_history.html",
        {"section": section, "versions": versions, "compare": compare},
    )


@secretariat_required
@require_POST
def funding_add(request, slug):
    initiative = get_object_or_404(Initiative, slug=slug)
    form = FundingEntryForm(request.POST)
    if form.is_valid():
        funding_entry_add(initiative=initiative, **form.cleaned_data)
        messages.success(request, _("The funding entry is added."))
        return redirect("initiative_edit", slug=slug)
    initiative = get_object_or_404(initiative_detail_queryset(), slug=slug)
    return render(
        request,
        "initiatives/initiative_edit.html",
        {
            "initiative": initiative,
            "funding_form": form,
            "funding_totals": funding_totals(initiative),
        },
        status=400,
    )


@secretariat_required
@require_POST
def funding_delete(request, slug, pk):
    entry = get_object_or_404(FundingEntry, initiative__slug=slug, pk=pk)
    entry.delete()
    messages.success(request, _("The funding entry is removed."))
    return redirect("initiative_edit", slug=slug)


RESULTS_FORMS = {"outcome": OutcomeForm, "output": OutputForm, "indicator": IndicatorForm}


@secretariat_required
def results_add(request, slug, level):
    """Add an outcome, an output or an indicator to the results framework."""
    initiative = get_object_or_404(Initiative, slug=slug)
    form_class = RESULTS_FORMS.get(level)
    if form_class is None:
        raise Http404
    extra = {} if level == "outcome" else {"initiative": initiative}
    form = form_class(request.POST or None, **extra)
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        if level == "outcome":
            item.initiative = initiative
        item.save()
        messages.success(request, _("The results framework is updated."))
        return redirect("initiative_edit", slug=slug)
    return render(
        request,
        "initiatives/results_form.html",
        {"initiative": initiative, "form": form, "level": level},
        status=400 if request.method == "POST" else 200,
    )


@secretariat_required
def indicator_edit(request, slug, pk):
    indicator = get_object_or_404(
        Indicator.objects.select_related("output__outcome__initiative"),
        output__outcome__initiative__slug=slug,
        pk=pk,
    )
    initiative = indicator.output.outcome.initiative
    form = IndicatorForm(request.POST or None, instance=indicator, initiative=initiative)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The indicator is saved."))
        return redirect("initiative_edit", slug=slug)
    return render(
        request,
        "initiatives/results_form.html",
        {"initiative": initiative, "form": form, "level": "indicator", "indicator": indicator},
        status=400 if request.method == "POST" else 200,
    )
