from zoneinfo import ZoneInfo

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import secretariat_required
from accounts.services import user_mark_dashboard_seen
from portal.concurrency import EditConflict, conflict_form
from portal.ids import parse_id

from . import services
from .access import may_read_revision, revision_readable
from .compilation import COMPILATION_FORMATS, compilation_response
from .forms import (
    AnswerForm,
    CommentEditForm,
    CommentForm,
    ConsultationForm,
    HideForm,
    ParagraphAddForm,
    ParagraphEditForm,
    PositionForm,
    PublishForm,
    TriageFilterForm,
    add_service_errors,
)
from .models import Comment, OutcomeDocument, Paragraph, Revision
from .permissions import comment_refusal
from .rendering import ThreadRenderer
from .selectors import (
    comments_for_triage,
    dashboard_for,
    documents_public,
    paragraphs_numbered,
    position_matrix,
    reader_context,
    revision_compare,
    triage_counts,
)


def _summit_zone(document: OutcomeDocument) -> ZoneInfo:
    """Deadlines are entered and shown in the summit's time zone, whatever the browser's."""
    name = getattr(document.summit, "timezone", "") or settings.TIME_ZONE
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError):
        return ZoneInfo(settings.TIME_ZONE)


def _bad_request(request, message: str, status: int = 400):
    return render(request, "drafts/error.html", {"message": message}, status=status)


# --- Public pages ---------------------------------------------------------------------------


def document_list(request):
    return render(request, "drafts/document_list.html", {"documents": documents_public()})


def document_detail(request, slug):
    document = get_object_or_404(OutcomeDocument.objects.select_related("summit"), slug=slug)
    revisions = [
        revision
        for revision in document.revisions.select_related("published_by")
        if may_read_revision(request.user, revision)
    ]
    can_change = request.user.has_perm("drafts.change_document", document)
    if not revisions and not can_change:
        # A document with nothing readable does not exist for this reader.
        raise Http404
    return render(
        request,
        "drafts/document_detail.html",
        {
            "document": document,
            "revisions": revisions,
            "can_change": can_change,
            "summit_zone": _summit_zone(document),
        },
    )


def revision_detail(request, slug, number):
    """The reader: the revision with its comment threads, forms and the deadline."""
    revision = revision_readable(request.user, slug=slug, number=number)
    document = revision.document
    context = reader_context(revision, request.user)
    paragraphs = context["paragraphs"]
    can_comment = rules.has_perm("drafts.comment_revision", request.user, revision)
    can_triage = request.user.has_perm("drafts.triage_comments")
    renderer = ThreadRenderer(
        user=request.user,
        can_comment=can_comment,
        can_triage=can_triage,
        reply_url=reverse("comment_create", args=[document.slug, revision.number]),
    )
    for paragraph in paragraphs:
        paragraph.threads_html = renderer.thread(paragraph.threads)
    can_record_position = (
        bool(paragraphs)
        and context["membership"] is not None
        and request.user.has_perm("drafts.record_position", paragraphs[0])
    )
    return render(
        request,
        "drafts/revision_detail.html",
        {
            **context,
            "document": document,
            "revision": revision,
            "can_comment": can_comment,
            "document_threads_html": renderer.thread(context["document_threads"]),
            "can_record_position": can_record_position,
            "can_see_positions": request.user.has_perm("drafts.view_own_positions"),
            "can_triage": can_triage,
            "comment_kinds": Comment.Kind.choices,
            "visibilities": Comment.Visibility.choices,
            "stances": PositionForm.base_fields["stance"].choices,
            "summit_zone": _summit_zone(document),
            "now": timezone.now(),
        },
    )


@login_required
def comment_create(request, slug, number):
    """A comment form on its own page: where the reader's inline forms post, and where errors
    are shown with what was typed."""
    revision = revision_readable(request.user, slug=slug, number=number)
    paragraphs = {p.key: p for p in paragraphs_numbered(revision)}
    data = request.POST if request.method == "POST" else None
    form = CommentForm(data, initial=request.GET.dict() if data is None else None)
    paragraph = parent = None
    status = 200
    key = (data or request.GET).get("paragraph") or ""
    if key:
        paragraph = paragraphs.get(key)
        if paragraph is None:
            return _bad_request(request, _("This paragraph is not part of this revision."))
    parent_id = (data or request.GET).get("parent") or ""
    if parent_id:
        parent = Comment.objects.filter(pk=parse_id(parent_id) or 0).first()
        if parent is None or not request.user.has_perm("drafts.view_comment", parent):
            return _bad_request(request, _("Unknown comment."))
    refusal = None
    if data is not None and form.is_valid():
        try:
            comment = services.comment_create(
                author=request.user,
                revision=revision,
                paragraph=paragraph,
                parent=parent,
                kind=form.cleaned_data["kind"],
                body=form.cleaned_data["body"],
                proposed_text=form.cleaned_data["proposed_text"],
                visibility=form.cleaned_data["visibility"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error) or _("You may not comment on this revision."))
            status = 403
        else:
            messages.success(request, _("Your comment has been recorded."))
            return redirect(f"{revision.get_absolute_url()}#c-{comment.pk}")
    if data is not None:
        status = 403 if status == 403 else 400
    else:
        # The form is not bound, so it cannot carry the error: the page says it instead.
        refusal = comment_refusal(request.user, revision)
        status = 403 if refusal else 200
    return render(
        request,
        "drafts/comment_form.html",
        {
            "form": form,
            "refusal": refusal,
            "revision": revision,
            "document": revision.document,
            "paragraph": paragraph,
            "parent": parent,
        },
        status=status,
    )


def _comment_or_404(request, pk) -> Comment:
    comment = get_object_or_404(
        Comment.objects.select_related("revision__document", "paragraph", "author", "delegation"),
        pk=pk,
    )
    if not request.user.has_perm("drafts.view_comment", comment):
        raise Http404
    return comment


@login_required
def comment_edit(request, pk):
    comment = _comment_or_404(request, pk)
    if not rules.has_perm("drafts.change_comment", request.user, comment):
        raise PermissionDenied(_("This comment can no longer be edited."))
    conflict = None
    status = 200
    if request.method == "POST":
        form = CommentEditForm(request.POST)
        if form.is_valid():
            try:
                services.comment_edit(
                    comment=comment,
                    user=request.user,
                    body=form.cleaned_data["body"],
                    proposed_text=form.cleaned_data["proposed_text"],
                    version=form.cleaned_data["version"],
                )
            except EditConflict as error:
                # Show both texts; the form now carries the current version, so saving again
                # is a deliberate choice to replace the other edit.
                conflict = error.current
                form = conflict_form(CommentEditForm, form.cleaned_data, error)
                status = 409
            except ValidationError as error:
                add_service_errors(form, error)
                status = 400
            else:
                messages.success(request, _("Your comment has been updated."))
                return redirect(f"{comment.revision.get_absolute_url()}#c-{comment.pk}")
        else:
            status = 400
    else:
        form = CommentEditForm(
            initial={
                "version": comment.version,
                "body": comment.body,
                "proposed_text": comment.proposed_text,
            }
        )
    return render(
        request,
        "drafts/comment_edit.html",
        {"form": form, "comment": comment, "conflict": conflict},
        status=status,
    )


@login_required
def comment_detail(request, pk):
    """One comment with its whole history (who changed what, and when)."""
    comment = _comment_or_404(request, pk)
    return render(
        request,
        "drafts/comment_detail.html",
        {
            "comment": comment,
            "events": comment.events.select_related("actor"),
            "can_triage": request.user.has_perm("drafts.triage_comments"),
            "answer_form": AnswerForm(
                initial={"status": comment.status, "response": comment.response}
            ),
        },
    )


# --- The secretariat: triage -----------------------------------------------------------------


def _back_to_triage(request) -> str:
    target = request.POST.get("next", "")
    if target.startswith("/") and not target.startswith("//"):
        return target
    return reverse("comment_triage")


@secretariat_required
def comment_triage(request):
    if not request.user.has_perm("drafts.triage_comments"):
        raise PermissionDenied
    form = TriageFilterForm(request.GET or None)
    filters = {}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = {
            "revision__document": data["document"],
            "revision__number": data["revision"],
            "delegation": data["delegation"],
            "paragraph__key": data["paragraph"],
            "status": data["status"],
        }
    queryset = comments_for_triage(**filters)
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "drafts/triage.html",
        {
            "form": form,
            "page": page,
            "counts": triage_counts(queryset),
            "query": query.urlencode(),
            "statuses": Comment.Status.choices,
            "here": request.get_full_path(),
        },
    )


@secretariat_required
@require_POST
def comment_answer(request, pk):
    comment = get_object_or_404(Comment, pk=pk)
    form = AnswerForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors.as_text())
        services.comment_answer(
            comment=comment,
            user=request.user,
            status=form.cleaned_data["status"],
            response=form.cleaned_data["response"],
        )
    except ValidationError as error:
        return _bad_request(request, " ".join(error.messages))
    messages.success(request, _("The answer has been recorded."))
    return redirect(_back_to_triage(request))


@secretariat_required
@require_POST
def comment_hide(request, pk):
    comment = get_object_or_404(Comment, pk=pk)
    form = HideForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Say why the comment is hidden."))
        services.comment_hide(
            comment=comment, user=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        return _bad_request(request, " ".join(error.messages))
    messages.success(request, _("The comment is hidden."))
    return redirect(_back_to_triage(request))


@secretariat_required
@require_POST
def comment_restore(request, pk):
    comment = get_object_or_404(Comment, pk=pk)
    services.comment_restore(comment=comment, user=request.user)
    messages.success(request, _("The comment is shown again."))
    return redirect(_back_to_triage(request))


@secretariat_required
def compilation_download(request, slug, number, fmt):
    if fmt not in COMPILATION_FORMATS:
        raise Http404
    revision = revision_readable(request.user, slug=slug, number=number)
    if not request.user.has_perm("drafts.view_compilation", revision):
        raise PermissionDenied
    return compilation_response(revision, fmt)


# --- The secretariat: draft editor -----------------------------------------------------------


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
                text_ru=form.cleaned_data["text_ru"],
                text_en=form.cleaned_data["text_en"],
                after=after,
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
    conflict = None
    status = 200
    if request.method == "POST":
        form = ParagraphEditForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.paragraph_update(
                    paragraph=paragraph,
                    user=request.user,
                    version=data["version"],
                    kind=data["kind"],
                    text_ru=data["text_ru"],
                    text_en=data["text_en"],
                    negotiation=data["negotiation"],
                    bracketed_by=data["bracketed_by"],
                )
            except EditConflict as error:
                # Nothing was written. The form keeps the editor's text but now names the
                # current version: saving again is a deliberate choice over the other edit.
                conflict = error.current
                form = conflict_form(ParagraphEditForm, data, error)
                status = 409
            except ValidationError as error:
                add_service_errors(form, error)
                status = 400
            else:
                messages.success(request, _("The paragraph has been saved."))
                return redirect(f"{reverse('draft_editor', args=[slug])}#p-{paragraph.key}")
        else:
            status = 400
    else:
        form = ParagraphEditForm(
            initial={
                "version": paragraph.version,
                "kind": paragraph.kind,
                "text_ru": paragraph.text_ru,
                "text_en": paragraph.text_en,
                "negotiation": paragraph.negotiation,
                "bracketed_by": paragraph.bracketed_by,
            }
        )
    return render(
        request,
        "drafts/paragraph_edit.html",
        {
            "form": form,
            "paragraph": paragraph,
            "document": paragraph.revision.document,
            "conflict": conflict,
        },
        status=status,
    )


@secretariat_required
@require_POST
def paragraph_delete(request, slug, key):
    paragraph = _draft_paragraph(request, slug, key)
    version = parse_id(request.POST.get("version"))
    if version is None:
        return _bad_request(request, _("The form is incomplete; reload the editor."))
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
        return _bad_request(request, " ".join(error.messages))
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
            summary_ru=form.cleaned_data["summary_ru"].strip(),
            summary_en=form.cleaned_data["summary_en"].strip(),
            base_url=request.build_absolute_uri("/"),
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
        services.revision_notify_on_commit(
            revision=revision, base_url=request.build_absolute_uri("/")
        )
    messages.success(request, _("The delegates are being notified."))
    return redirect("document_detail", slug=slug)


@secretariat_required
def document_settings(request, slug):
    document = get_object_or_404(OutcomeDocument.objects.select_related("summit"), slug=slug)
    if not request.user.has_perm("drafts.change_document", document):
        raise PermissionDenied
    zone = _summit_zone(document)
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


# --- Official positions -----------------------------------------------------------------------


@login_required
@require_POST
def position_record(request, slug, number, key):
    revision = revision_readable(request.user, slug=slug, number=number)
    paragraph = get_object_or_404(
        Paragraph.objects.select_related("revision"), revision=revision, key=key
    )
    if not request.user.has_perm("drafts.record_position", paragraph):
        raise PermissionDenied
    form = PositionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors.as_text())
        services.position_record(
            paragraph=paragraph,
            user=request.user,
            stance=form.cleaned_data["stance"],
            reason=form.cleaned_data["reason"],
        )
    except ValidationError as error:
        return _bad_request(request, " ".join(error.messages))
    messages.success(request, _("Your delegation's position has been recorded."))
    return redirect(f"{revision.get_absolute_url()}#p-{paragraph.key}")


@secretariat_required
def position_matrix_view(request, slug, number):
    revision = revision_readable(request.user, slug=slug, number=number)
    if not request.user.has_perm("drafts.view_position_matrix", revision):
        raise PermissionDenied
    return render(
        request,
        "drafts/position_matrix.html",
        {"revision": revision, "document": revision.document, **position_matrix(revision)},
    )


# --- Compare ---------------------------------------------------------------------------------


def revision_compare_view(request, slug):
    document = get_object_or_404(OutcomeDocument, slug=slug)
    revisions = [
        revision
        for revision in document.revisions.all()
        if may_read_revision(request.user, revision)
    ]
    if not revisions:
        raise Http404
    by_number = {revision.number: revision for revision in revisions}
    raw_from, raw_to = request.GET.get("from"), request.GET.get("to")
    if raw_from is None and raw_to is None:
        published = [r for r in revisions if r.is_published]
        if len(revisions) < 2:
            return render(
                request,
                "drafts/compare.html",
                {"document": document, "revisions": revisions, "changes": None},
            )
        newest = published[-1] if published else revisions[-1]
        older = [r for r in revisions if r.number < newest.number]
        old, new = (older[-1] if older else revisions[0]), newest
    else:
        try:
            old_number, new_number = int(raw_from or ""), int(raw_to or "")
        except ValueError:
            return _bad_request(request, _("Choose two revisions by their numbers."))
        old, new = by_number.get(old_number), by_number.get(new_number)
        if old is None or new is None:
            return _bad_request(request, _("There is no such revision of this document."), 404)
    return render(
        request,
        "drafts/compare.html",
        {
            "document": document,
            "revisions": revisions,
            "old": old,
            "new": new,
            "changes": revision_compare(old, new),
        },
    )


@login_required
def dashboard(request):
    if not request.user.has_perm("drafts.view_dashboard"):
        raise PermissionDenied
    context = dashboard_for(request.user)
    user_mark_dashboard_seen(user=request.user)
    return render(request, "drafts/dashboard.html", context)
