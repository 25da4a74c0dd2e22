"""The secretariat's draft editor, publishing and the document's settings."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import secretariat_required
from portal.concurrency import EditConflict, add_service_errors, versioned_edit
from portal.ids import parse_id
from portal.languages import localized_names

from .. import services
from ..access import revision_readable
from ..forms import (
    ConsultationForm,
    ParagraphAddForm,
    ParagraphEditForm,
    PublishForm,
)
from ..models import OutcomeDocument, Paragraph, Revision
from ..selectors import (
    paragraphs_numbered,
)
from .common import bad_request, summit_zone


def _draft_of(slug) -> tuple[OutcomeDocument, Revision | None]:
    document = get_object_or_404(OutcomeDocument.objects.select_related("summit"), slug=slug)
    return document, document.revisions.filter(state=Revision.State.DRAFT).first()


def _draft_paragraph(request, slug, key) -> Paragraph:
    document, draft = _draft_of(slug)
    if draft is None:
        raise Http404
    paragraph = get_object_or_404(
        Paragraph.objects.select_related("revision__document", "bracketed_by"),
        revision=draft,
        key=key,
    )
    if not request.user.has_perm("drafts.edit_draft", draft):
        raise PermissionDenied
    return paragraph


@secretariat_required
def draft_editor(request, slug):
    document, draft = _draft_of(slug)
    if draft is not None and not request.user.has_perm("drafts.edit_draft", draft):
        raise PermissionDenied
    return render(
        request,
        "drafts/editor.html",
        {
            "document": document,
            "draft": draft,
            "paragraphs": paragraphs_numbered(draft) if draft else [],
            "add_form": ParagraphAddForm(),
            "kinds": Paragraph.Kind.choices,
        },
    )


@secretariat_required
@require_POST
def draft_start(request, slug):
    document, draft = _draft_of(slug)
    if draft is None and not document.revisions.exists():
        services.revision_create_first(document=document)
    return redirect("draft_editor", slug=slug)


@secretariat_required
@require_POST
def paragraph_add(request, slug):
    document, draft = _draft_of(slug)
    if draft is None:
        raise Http404
    form = ParagraphAddForm(request.POST)
    after = None
    if form.is_valid():
        if form.cleaned_data["after"]:
            after = draft.paragraphs.filter(pk=form.cleaned_data["after"]).first()
        try:
            paragraph = services.paragraph_add(
                revision=draft,
                user=request.user,
                kind=form.cleaned_data["kind"],
                after=after,
                **{column: form.cleaned_data[column] for column in localized_names("text")},
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The paragraph has been added."))
            return redirect(f"{reverse('draft_editor', args=[slug])}#p-{paragraph.key}")
    return render(
        request,
        "drafts/editor.html",
        {
            "document": document,
            "draft": draft,
            "paragraphs": paragraphs_numbered(draft),
            "add_form": form,
            "kinds": Paragraph.Kind.choices,
        },
        status=400,
    )


@secretariat_required
def paragraph_edit(request, slug, key):
    paragraph = _draft_paragraph(request, slug, key)

    def save(data):
        services.paragraph_update(paragraph=paragraph, user=request.user, **data)

    def done():
        messages.success(request, _("The paragraph has been saved."))
        return redirect(f"{reverse('draft_editor', args=[slug])}#p-{paragraph.key}")

    return versioned_edit(
        request,
        form_class=ParagraphEditForm,
        initial={
            "version": paragraph.version,
            "kind": paragraph.kind,
            **{column: getattr(paragraph, column) for column in localized_names("text")},
            "negotiation": paragraph.negotiation,
            "bracketed_by": paragraph.bracketed_by,
        },
        save=save,
        done=done,
        template="drafts/paragraph_edit.html",
        context={"paragraph": paragraph, "document": paragraph.revision.document},
    )


@secretariat_required
@require_POST
def paragraph_delete(request, slug, key):
    paragraph = _draft_paragraph(request, slug, key)
    version = parse_id(request.POST.get("version"))
    if version is None:
        return bad_request(request, _("The form is incomplete; reload the editor."))
    try:
        services.paragraph_delete(paragraph=paragraph, user=request.user, version=version)
    except EditConflict as error:
        return render(
            request,
            "drafts/paragraph_edit.html",
            {
                "paragraph": paragraph,
                "document": paragraph.revision.document,
                "conflict": error.current,
                "deleting": True,
            },
            status=409,
        )
    messages.success(request, _("The paragraph has been deleted."))
    return redirect("draft_editor", slug=slug)


@secretariat_required
@require_POST
def paragraph_move(request, slug, key):
    paragraph = _draft_paragraph(request, slug, key)
    try:
        services.paragraph_move(
            paragraph=paragraph, user=request.user, direction=request.POST.get("direction", "")
        )
    except ValidationError as error:
        return bad_request(request, " ".join(error.messages))
    return redirect(f"{reverse('draft_editor', args=[slug])}#p-{paragraph.key}")


@secretariat_required
def revision_publish(request, slug):
    document, draft = _draft_of(slug)
    if draft is None:
        raise Http404
    if not request.user.has_perm("drafts.publish_revision", draft):
        raise PermissionDenied
    form = PublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.revision_publish(
            revision=draft,
            user=request.user,
            **{column: form.cleaned_data[column].strip() for column in localized_names("summary")},
        )
        messages.success(
            request,
            _("Revision %(n)s is published; the delegates are notified.") % {"n": draft.number},
        )
        return redirect("revision_detail", slug=slug, number=draft.number)
    return render(
        request,
        "drafts/publish.html",
        {
            "form": form,
            "document": document,
            "draft": draft,
            "paragraph_count": draft.paragraphs.count(),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@secretariat_required
@require_POST
def revision_notify(request, slug, number):
    revision = revision_readable(request.user, slug=slug, number=number)
    if not request.user.has_perm("drafts.publish_revision", revision) or not revision.is_published:
        raise PermissionDenied
    with transaction.atomic():
        services.revision_notify_on_commit(revision=revision)
    messages.success(request, _("The delegates are being notified."))
    return redirect("document_detail", slug=slug)


@secretariat_required
def document_settings(request, slug):
    document = get_object_or_404(OutcomeDocument.objects.select_related("summit"), slug=slug)
    if not request.user.has_perm("drafts.change_document", document):
        raise PermissionDenied
    zone = summit_zone(document)
    status = 200
    with timezone.override(zone):
        if request.method == "POST":
            form = ConsultationForm(request.POST)
            if form.is_valid():
                try:
                    services.document_update_consultation(
                        document=document,
                        user=request.user,
                        status=form.cleaned_data["status"],
                        comment_deadline=form.cleaned_data["comment_deadline"],
                    )
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    messages.success(request, _("The document has been updated."))
                    return redirect("document_detail", slug=slug)
            status = 400
        else:
            form = ConsultationForm(
                initial={"status": document.status, "comment_deadline": document.comment_deadline}
            )
        return render(
            request,
            "drafts/document_settings.html",
            {"form": form, "document": document, "summit_zone": zone},
            status=status,
        )
