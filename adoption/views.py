"""Adoption: the secretariat records it, heads record statements and sponsorship, everybody
reads the final document and the document's history."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from modeltranslation.utils import build_localized_fieldname

from accounts.decorators import secretariat_required
from delegations.permissions import membership_of
from drafts.models import OutcomeDocument
from drafts.selectors import paragraphs_numbered
from drafts.views.common import summit_zone
from portal.concurrency import EditConflict, add_service_errors, conflict_form
from portal.languages import language_codes

from . import services
from .forms import AdoptionForm, StatementForm
from .models import Statement
from .permissions import statements_open
from .selectors import document_final, document_history


def _public_document_or_404(slug) -> OutcomeDocument:
    document = get_object_or_404(OutcomeDocument.objects.select_related("summit"), slug=slug)
    if not document.is_published:
        raise Http404  # nothing of it has been circulated
    return document


@secretariat_required
def document_adopt(request, slug):
    """Record the adoption; the page first says which paragraphs are still open, if any."""
    document = get_object_or_404(OutcomeDocument.objects.select_related("summit"), slug=slug)
    if not request.user.has_perm("adoption.adopt_document", document):
        raise PermissionDenied
    final = document_final(document)
    if final.adoption is not None:
        return redirect("document_adopted", slug=slug)
    revision = final.revision
    open_paragraphs = services.paragraphs_not_agreed(revision) if revision else []
    zone = summit_zone(document)
    status = 200
    with timezone.override(zone):
        form = AdoptionForm(
            request.POST if request.method == "POST" else None,
            document=document,
            initial={
                "final_symbol": services.final_symbol_suggested(document),
                **{
                    build_localized_fieldname("title", code): services.final_title_suggested(
                        document, code
                    )
                    for code in language_codes()
                },
                "adopted_on": timezone.localdate(),
                "method": "consensus",
            },
        )
        if request.method == "POST":
            if form.is_valid():
                try:
                    services.document_adopt(
                        document=document,
                        user=request.user,
                        **form.cleaned_data,
                    )
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    messages.success(request, _("The adoption has been recorded."))
                    return redirect("document_adopted", slug=slug)
            status = 400
        return render(
            request,
            "adoption/document_adopt.html",
            {
                "document": document,
                "revision": revision,
                "open_paragraphs": open_paragraphs,
                "form": form,
                "summit_zone": zone,
            },
            status=status,
        )


def document_adopted(request, slug):
    """The final document: its symbol, the meeting, sponsors, the text and the statements."""
    document = _public_document_or_404(slug)
    final = document_final(document)
    if final.adoption is None:
        raise Http404
    return render(
        request,
        "adoption/document_adopted.html",
        {
            "document": document,
            "final": final,
            "adoption": final.adoption,
            "revision": final.revision,
            "paragraphs": paragraphs_numbered(final.revision),
            "statements_open": statements_open(document),
            "summit_zone": summit_zone(document),
        },
    )


@login_required
def statement_edit(request, slug):
    """The head of a delegation records, or changes, its statement on the document."""
    document = _public_document_or_404(slug)
    if not rules.has_perm("adoption.record_statement", request.user, document):
        raise PermissionDenied(
            _("Only a head of delegation records its statement, until the deadline.")
        )
    membership = membership_of(request.user)
    statement = Statement.objects.filter(
        document=document, delegation=membership.delegation
    ).first()
    final = document_final(document)
    paragraphs = paragraphs_numbered(final.revision)
    status = 200
    conflict = None
    if request.method == "POST":
        form = StatementForm(request.POST, paragraphs=paragraphs)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.statement_record(
                    document=document,
                    user=request.user,
                    kind=data["kind"],
                    text=data["text"],
                    paragraph_keys=data["paragraphs"],
                    version=data["version"],
                )
            except EditConflict as error:
                form = conflict_form(StatementForm, data, error, paragraphs=paragraphs)
                conflict = error.current
                status = 409
            except ValidationError as error:
                add_service_errors(form, error)
                status = 400
            else:
                messages.success(request, _("Your delegation's statement has been recorded."))
                return redirect(
                    "document_adopted" if final.adoption else "document_detail", slug=slug
                )
        else:
            status = 400
    else:
        form = StatementForm(
            paragraphs=paragraphs,
            initial={
                "version": statement.version if statement else 0,
                "kind": statement.kind if statement else None,
                "paragraphs": statement.paragraph_keys if statement else [],
                "text": statement.text if statement else "",
            },
        )
    return render(
        request,
        "adoption/statement_form.html",
        {
            "document": document,
            "form": form,
            "statement": statement,
            "conflict": conflict,
            "delegation": membership.delegation,
            "statements_open": statements_open(document),
            "summit_zone": summit_zone(document),
        },
        status=status,
    )


@login_required
@require_POST
def sponsorship_set(request, slug):
    document = _public_document_or_404(slug)
    sponsor = request.POST.get("sponsor") == "yes"
    services.sponsorship_set(document=document, user=request.user, sponsor=sponsor)
    messages.success(
        request,
        _("Your delegation is listed as a sponsor.")
        if sponsor
        else _("Your delegation's sponsorship has been withdrawn."),
    )
    return redirect("document_detail", slug=slug)


def document_history_view(request, slug):
    """Who did what to the document, and when: the public events for everybody, all of
    them for the secretariat."""
    document = _public_document_or_404(slug)
    full = request.user.has_perm("adoption.view_full_history")
    return render(
        request,
        "adoption/document_history.html",
        {
            "document": document,
            "events": document_history(document, full=full),
            "full": full,
            "summit_zone": summit_zone(document),
        },
    )
