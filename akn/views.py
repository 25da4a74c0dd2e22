"""The Akoma Ntoso pages: a revision's XML for whoever may read it, the secretariat's import."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.decorators import secretariat_required
from drafts.access import revision_readable
from drafts.models import OutcomeDocument
from portal.concurrency import add_service_errors

from .documents import LANGUAGE_CODES, MAX_BYTES, akn_response
from .forms import AknImportForm
from .services import draft_import_akn


def revision_akn_download(request, slug, number, language):
    """The revision as Akoma Ntoso XML, one file per language edition, for whoever may read it."""
    if language not in LANGUAGE_CODES:
        raise Http404
    revision = revision_readable(request.user, slug=slug, number=number)
    return akn_response(revision, language)


@secretariat_required
def draft_import(request, slug):
    """Start the draft (or replace it) from Akoma Ntoso files; a refused file changes nothing
    and says why."""
    document = get_object_or_404(OutcomeDocument, slug=slug)
    if not request.user.has_perm("drafts.edit_draft", document):
        raise PermissionDenied
    status = 200
    if request.method == "POST":
        form = AknImportForm(request.POST, request.FILES)
        if form.is_valid():
            editions = form.editions(MAX_BYTES)
            try:
                draft_import_akn(
                    document=document,
                    user=request.user,
                    editions=editions,
                    replace_edits=form.cleaned_data["replace_edits"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
                status = 400
            else:
                messages.success(request, _("The draft now holds the imported text."))
                return redirect("draft_editor", slug=slug)
        else:
            status = 400
    else:
        form = AknImportForm()
    return render(
        request, "akn/akn_import.html", {"document": document, "form": form}, status=status
    )
