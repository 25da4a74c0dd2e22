"""The register's pages: a meeting's documents by series, a document, what was issued on a day
of the meeting, the files, and the secretariat's forms to issue documents and versions."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from accounts.decorators import mfa_required_for_staff
from portal.concurrency import add_service_errors
from portal.languages import language_codes

from . import selectors, services
from .forms import DocumentIssueForm, VersionAddForm
from .models import LanguageVersion


def _meeting_or_404(slug):
    meeting = selectors.meeting_for_register(slug)
    if meeting is None:
        raise Http404
    return meeting


def _may_issue(request) -> bool:
    return request.user.has_perm("register.issue_document")


def meeting_register(request, slug):
    meeting = _meeting_or_404(slug)
    return render(
        request,
        "register/meeting_register.html",
        {
            "meeting": meeting,
            "groups": selectors.register_by_series(meeting),
            "outcome_documents": selectors.outcome_documents_of(meeting, request.user),
            "may_issue": _may_issue(request),
            "prefix": selectors.prefix_of(meeting),
            "days": selectors.meeting_days(meeting),
            "zone": selectors.meeting_zone(meeting),
        },
    )


def document_detail(request, slug, pk):
    meeting = _meeting_or_404(slug)
    document = selectors.document_for_page(meeting, pk)
    if document is None:
        raise Http404
    missing = [row for row in document.language_rows if row.version is None]
    return render(
        request,
        "register/document_detail.html",
        {
            "meeting": meeting,
            "document": document,
            "superseded_by": document.superseded_by,
            "may_issue": _may_issue(request),
            "missing": missing,
            "zone": selectors.meeting_zone(meeting),
        },
    )


def issued_on_day(request, slug, day: str | None = None):
    """What was issued on a day of the meeting (today by default), in the meeting's zone."""
    meeting = _meeting_or_404(slug)
    today = selectors.day_today(meeting)
    if day is None:
        chosen = today
    else:
        try:
            chosen = date.fromisoformat(day)
        except ValueError as error:
            raise Http404 from error
    return render(
        request,
        "register/issued.html",
        {
            "meeting": meeting,
            "day": chosen,
            "today": today,
            "days": selectors.meeting_days(meeting),
            "documents": selectors.issued_on(meeting, chosen),
            "zone": selectors.meeting_zone(meeting),
        },
    )


def version_download(request, slug, pk, language):
    """The stored file, as it was uploaded (a DOCX is offered as is), never a storage URL."""
    version = (
        LanguageVersion.objects.select_related("document__meeting")
        .filter(document_id=pk, document__meeting__slug=slug, language=language)
        .first()
    )
    if version is None:
        raise Http404
    try:
        handle = version.file.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    response = FileResponse(handle, content_type=version.mime_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=version.format != "pdf", filename=version.filename
    )
    response["ETag"] = f'"{version.sha256}"'
    response["Cache-Control"] = "public, max-age=86400"
    return response


@mfa_required_for_staff
def document_issue(request, slug):
    meeting = _meeting_or_404(slug)
    if not _may_issue(request):
        raise PermissionDenied
    initial = {"original_language": language_codes()[0]}
    for relation in ("revises", "adds_to", "corrects"):
        if request.GET.get(relation, "").isdigit():
            initial.update(relation=relation, related=int(request.GET[relation]))
    status = 200
    if request.method == "POST":
        form = DocumentIssueForm(request.POST, request.FILES, meeting=meeting)
        if form.is_valid():
            try:
                document = services.document_issue(
                    meeting=meeting, by=request.user, **form.service_arguments()
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("%(symbol)s has been issued.") % {"symbol": document.symbol}
                )
                return redirect(document.get_absolute_url())
        status = 400
    else:
        form = DocumentIssueForm(initial=initial, meeting=meeting)
    return render(
        request, "register/issue_form.html", {"meeting": meeting, "form": form}, status=status
    )


@mfa_required_for_staff
def version_add(request, slug, pk):
    meeting = _meeting_or_404(slug)
    if not _may_issue(request):
        raise PermissionDenied
    document = selectors.document_for_page(meeting, pk)
    if document is None:
        raise Http404
    status = 200
    if request.method == "POST":
        form = VersionAddForm(request.POST, request.FILES, document=document)
        if form.is_valid():
            try:
                version = services.version_add(
                    document=document,
                    language=form.cleaned_data["language"],
                    file=form.cleaned_data["file"],
                    original=form.cleaned_data.get("original", False),
                    by=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The %(language)s version of %(symbol)s has been issued.")
                    % {"language": version.get_language_display(), "symbol": document.symbol},
                )
                return redirect(document.get_absolute_url())
        status = 400
    else:
        form = VersionAddForm(document=document)
    return render(
        request,
        "register/version_form.html",
        {"meeting": meeting, "document": document, "form": form},
        status=status,
    )
