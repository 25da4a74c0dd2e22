import json
import re
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, F, Max, OuterRef, Prefetch, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts.permissions import acts_as_secretariat, is_participant, membership_of
from delegations.models import Delegation
from portal.diff import word_diff

from . import editions
from .api.paragraphs import ParagraphSerializer
from .diff import compare_paragraphs
from .editions import break_paragraphs, number_paragraphs
from .models import (
    DOCUMENT_THREADS,
    LABEL_CODES,
    Adoption,
    Comment,
    OutcomeDocument,
    Paragraph,
    Position,
    Revision,
    Sponsorship,
    Statement,
    paragraph_label,
)


def documents_public():
    """Outcome documents with the number of their latest published revision."""
    return OutcomeDocument.objects.annotate(
        latest_published=Max("revisions__number", filter=Q(revisions__state="published")),
        published_count=Count("revisions", filter=Q(revisions__state="published")),
    ).filter(published_count__gt=0)


def paragraphs_numbered(revision: Revision) -> list[Paragraph]:
    """The revision's paragraphs in order, operative ones numbered 1., 2., … as in UN texts.

    Each paragraph also gets `lines`: (line number, text) pairs in the active language,
    numbered continuously across the revision. The reader and the PDF both draw these, so
    their line numbers agree (see typesetting/lines.py); a published revision's come from
    its edition, typeset when it was published (drafts/editions.py).
    """
    paragraphs = list(revision.paragraphs.order_by("position", "id").select_related("bracketed_by"))
    number_paragraphs(paragraphs)
    break_paragraphs(paragraphs, editions.stored(revision, "breaks"))
    return paragraphs


def paragraphs_data(revision: Revision) -> list[dict]:
    """The revision's paragraphs as the API gives them, in the active language: stored with
    a published revision, typeset live for a draft."""
    stored = editions.stored(revision, "paragraphs")
    if stored is not None:
        return json.loads(stored)
    return ParagraphSerializer(paragraphs_numbered(revision), many=True).data


def paragraph_line_span(revision: Revision, paragraph: Paragraph, language: str):
    """(first, last) line of the paragraph in that language edition, or None."""
    with translation.override(language):
        for numbered in paragraphs_numbered(revision):
            if numbered.pk == paragraph.pk and numbered.lines:
                return numbered.lines[0][0], numbered.lines[-1][0]
    return None


def paragraphs_labelled(paragraphs) -> None:
    """Give each paragraph its ordinal (and so its label) with one query for all of them,
    whatever revisions they belong to: the lists of comments name paragraphs by label."""
    paragraphs = [p for p in paragraphs if p is not None]
    revisions = {p.revision_id for p in paragraphs}
    if not revisions:
        return
    ordinals = dict(
        Paragraph.objects.filter(revision_id__in=revisions)
        .annotate(
            place=Window(
                RowNumber(),
                partition_by=[F("revision_id"), F("kind")],
                order_by=[F("position"), F("id")],
            )
        )
        .values_list("id", "place")
    )
    for paragraph in paragraphs:
        paragraph.ordinal = ordinals[paragraph.pk]


def paragraphs_with_label(label: str):
    """The paragraphs, in any revision, that carry `label` (OP3, ОП3, pp 2…); none for a
    text that is not a label."""
    parsed = parse_label(label)
    if parsed is None:
        return Paragraph.objects.none()
    kind, ordinal = parsed
    return (
        Paragraph.objects.filter(kind=kind)
        .annotate(
            place=Window(
                RowNumber(), partition_by=[F("revision_id")], order_by=[F("position"), F("id")]
            )
        )
        .filter(place=ordinal)
    )


def parse_label(text: str) -> tuple[str, int] | None:
    """(kind, ordinal) of a label as people type it, in either language; None otherwise."""
    match = re.fullmatch(r"\s*([^\d\s]+)\s*(\d{1,6})\s*", text or "")
    if not match:
        return None
    prefix = match.group(1).upper()
    for kind in Paragraph.Kind.values:
        spellings = {LABEL_CODES[kind]}
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                spellings.add(paragraph_label(kind, 1)[:-1].upper())
        if prefix in spellings:
            return kind, int(match.group(2))
    return None


def comments_visible_to(user, queryset=None):
    """The comments a person may read: the secretariat sees all; a delegate sees what was made
    visible to all delegations, plus everything their own delegation wrote."""

    queryset = Comment.objects.all() if queryset is None else queryset
    if acts_as_secretariat(user):
        return queryset
    if not is_participant(user):
        return queryset.none()
    membership = membership_of(user)
    own = Q(author=user) | Q(delegation_id=membership.delegation_id)
    return queryset.filter(own | Q(visibility=Comment.Visibility.ALL, hidden_at__isnull=True))


def comment_is_visible_to(comment: Comment, user) -> bool:

    if acts_as_secretariat(user):
        return True
    if not is_participant(user):
        return False
    if comment.author_id == user.pk:
        return True
    if comment.delegation_id and comment.delegation_id == membership_of(user).delegation_id:
        return True
    return comment.visibility == Comment.Visibility.ALL and comment.hidden_at is None


def revision_compare(old: Revision, new: Revision):

    return compare_paragraphs(paragraphs_numbered(old), paragraphs_numbered(new))


def revisions_readable_by(user):
    """The revisions `drafts.read_revision` lets this person read, as a queryset (the rule
    itself decides one object at a time; lists need the same answer in SQL)."""

    if acts_as_secretariat(user):
        return Revision.objects.all()
    return Revision.objects.filter(state=Revision.State.PUBLISHED)


def documents_readable_by(user):
    """Documents with a revision this person may read, those revisions prefetched. A document
    with nothing readable is left out altogether, so a draft's existence does not leak."""

    readable = revisions_readable_by(user)
    documents = OutcomeDocument.objects.all()
    if not acts_as_secretariat(user):
        documents = documents.filter(Exists(readable.filter(document=OuterRef("pk"))))
    return documents.select_related("adoption__meeting").prefetch_related(
        "initiatives",
        Prefetch("revisions", queryset=readable.order_by("number"), to_attr="readable_revisions"),
        Prefetch(
            "sponsorships",
            queryset=Sponsorship.objects.filter(withdrawn=False)
            .select_related("delegation")
            .order_by("delegation__sort_order", "delegation__name"),
            to_attr="sponsorship_rows",
        ),
    )


def revision_latest_published(document: OutcomeDocument) -> Revision | None:
    return document.revisions.filter(state=Revision.State.PUBLISHED).order_by("-number").first()


def reader_context(revision: Revision, user, *, open_key: str = "") -> dict:
    """Everything the reader shows, in a constant number of queries whatever the size of the
    revision: paragraphs, how many comments the user may see on each, the comments earlier
    revisions received on the same paragraphs (matched by key), and the user's delegation's
    official positions. The threads themselves are loaded per paragraph on demand
    (`threads_on`); only those of `open_key` (a paragraph key, or DOCUMENT_THREADS) come
    with the page, where a link to a comment leads."""

    paragraphs = paragraphs_numbered(revision)
    by_id = {p.pk: p for p in paragraphs}
    for paragraph in paragraphs:
        paragraph.comment_count = 0
        paragraph.threads = None  # not loaded
        paragraph.earlier = []
        paragraph.own_position = None

    document_count = 0
    counts = (
        comments_visible_to(user, Comment.objects.filter(revision=revision))
        .values_list("paragraph_id")
        .annotate(count=Count("id"))
        .order_by()
    )
    for paragraph_id, count in counts:
        if paragraph_id in by_id:
            by_id[paragraph_id].comment_count = count
        else:
            document_count += count

    document_threads = None
    if open_key == DOCUMENT_THREADS:
        document_threads = threads_on(revision, None, user)
    else:
        opened = next((p for p in paragraphs if p.key == open_key), None)
        if opened is not None:
            opened.threads = threads_on(revision, opened, user)

    keys = {p.key: p for p in paragraphs}
    earlier = (
        comments_visible_to(
            user,
            Comment.objects.filter(
                revision__document_id=revision.document_id,
                revision__number__lt=revision.number,
                paragraph__isnull=False,
            ),
        )
        .values("paragraph__key", "revision__number")
        .annotate(count=Count("id"))
        .order_by("revision__number")
    )
    for row in earlier:
        paragraph = keys.get(row["paragraph__key"])
        if paragraph is not None:
            paragraph.earlier.append({"number": row["revision__number"], "count": row["count"]})

    membership = membership_of(user)
    if membership is not None:
        for position in Position.objects.filter(
            paragraph__revision=revision, delegation_id=membership.delegation_id
        ).select_related("updated_by"):
            if position.paragraph_id in by_id:
                by_id[position.paragraph_id].own_position = position

    return {
        "paragraphs": paragraphs,
        "document_threads": document_threads,
        "document_comment_count": document_count,
        "membership": membership,
    }


def threads_on(revision: Revision, paragraph: Paragraph | None, user) -> list[Comment]:
    """The comment threads the user may see on one paragraph (None: on the whole document),
    oldest first: each root with its replies in `thread_replies`, amendments with `diff`, a
    word diff against the paragraph in the amendment's language. One query."""
    comments = list(
        comments_visible_to(user, Comment.objects.filter(revision=revision, paragraph=paragraph))
        .select_related("author", "delegation")
        .order_by("created_at", "pk")
    )
    comments_by_id = {c.pk: c for c in comments}
    threads = []
    for comment in comments:
        comment.revision = revision  # spares the permission checks a query per comment
        comment.paragraph = paragraph
        comment.thread_replies = []
        comment.diff = None
    for comment in comments:
        if comment.kind == Comment.Kind.AMENDMENT and paragraph is not None:
            original = getattr(paragraph, f"text_{comment.language}", "") or paragraph.text
            comment.diff = word_diff(original, comment.proposed_text)
        # Replies join the thread of their root; a reply whose parent the user may not see
        # stands on its own rather than disappearing.
        root = comments_by_id.get(comment.parent_id)
        while root is not None and root.parent_id in comments_by_id:
            root = comments_by_id[root.parent_id]
        if root is not None:
            root.thread_replies.append(comment)
        else:
            threads.append(comment)
    return threads


TRIAGE_FILTERS = (
    "revision__document",
    "revision__number",
    "delegation",
    "paragraph__in",
    "kind",
    "status",
)


def comments_for_triage(**filters):
    """The triage list: all comments (hidden ones too), newest first, with what a row shows.
    Only the known filters apply; an empty value means "any"."""
    queryset = Comment.objects.select_related(
        "author", "delegation", "paragraph", "revision__document"
    ).order_by("-created_at", "-pk")
    for field in TRIAGE_FILTERS:
        value = filters.get(field)
        if value not in (None, ""):
            queryset = queryset.filter(**{field: value})
    return queryset


def triage_rows(comments) -> None:
    """Give each comment of a triage page what its row shows beside it: the paragraph's
    text in the language the comment was written in and, for an amendment, the word diff
    of the proposal against that text."""
    for comment in comments:
        paragraph = comment.paragraph
        comment.paragraph_text = (
            (getattr(paragraph, f"text_{comment.language}", "") or paragraph.text)
            if paragraph
            else ""
        )
        comment.words = (
            word_diff(comment.paragraph_text, comment.proposed_text)
            if paragraph and comment.kind == Comment.Kind.AMENDMENT and comment.proposed_text
            else None
        )


def triage_counts(queryset) -> dict:
    """Counts per paragraph and per delegation of a filtered triage list (five queries)."""

    base = queryset.order_by()
    per_paragraph = list(
        base.values("revision__number", "paragraph__position", "paragraph__key", "paragraph_id")
        .annotate(
            total=Count("id"),
            open=Count("id", filter=Q(status=Comment.Status.OPEN)),
        )
        .order_by("revision__number", "paragraph__position")
    )
    per_delegation = list(
        base.values("delegation_id").annotate(
            total=Count("id"),
            open=Count("id", filter=Q(status=Comment.Status.OPEN)),
        )
    )
    # The names are read from the objects: values("delegation__name") would bypass
    # modeltranslation and give the default language's name on an English page.
    paragraphs = Paragraph.objects.in_bulk(
        [r["paragraph_id"] for r in per_paragraph if r["paragraph_id"]]
    )
    paragraphs_labelled(paragraphs.values())
    for row in per_paragraph:
        paragraph = paragraphs.get(row["paragraph_id"])
        row["label"] = paragraph.label if paragraph else ""
    delegations = Delegation.objects.in_bulk([row["delegation_id"] for row in per_delegation])
    for row in per_delegation:
        row["delegation"] = delegations.get(row["delegation_id"])
    per_delegation.sort(key=lambda row: (row["delegation"] is None, str(row["delegation"] or "")))
    return {"per_paragraph": per_paragraph, "per_delegation": per_delegation}


def position_matrix(revision: Revision) -> dict:
    """Paragraph × delegation table of official positions (three queries)."""

    paragraphs = paragraphs_numbered(revision)
    delegations = list(Delegation.objects.filter(memberships__isnull=False).distinct())
    positions = {
        (p.paragraph_id, p.delegation_id): p
        for p in Position.objects.filter(paragraph__revision=revision)
    }
    known = {d.pk for d in delegations}
    extra = {d for (_, d) in positions if d not in known}
    if extra:
        delegations += list(Delegation.objects.filter(pk__in=extra))
    rows = [
        {
            "paragraph": paragraph,
            "cells": [positions.get((paragraph.pk, d.pk)) for d in delegations],
        }
        for paragraph in paragraphs
    ]
    return {"delegations": delegations, "rows": rows}


def dashboard_for(user) -> dict:
    """A participant's start page: documents open for comments, their delegation's comments
    with their status, and the answers that arrived since the last visit (five queries)."""

    now = timezone.now()
    open_documents = list(
        OutcomeDocument.objects.filter(status=OutcomeDocument.Status.CONSULTATION)
        .filter(Q(comment_deadline__isnull=True) | Q(comment_deadline__gt=now))
        .annotate(latest_published=Max("revisions__number", filter=Q(revisions__state="published")))
        .filter(latest_published__isnull=False)
        .order_by(F("comment_deadline").asc(nulls_last=True))
    )
    membership = membership_of(user)
    mine = Q(author=user)
    if membership is not None:
        mine |= Q(delegation_id=membership.delegation_id)
    comments = list(
        Comment.objects.filter(mine, parent__isnull=True)
        .select_related("revision__document", "paragraph", "author", "responded_by")
        .order_by("-created_at")[:100]
    )
    paragraphs_labelled(comment.paragraph for comment in comments)
    since = user.dashboard_seen_at
    new_answers = [
        c for c in comments if c.responded_at and (since is None or c.responded_at > since)
    ]
    return {
        "open_documents": open_documents,
        "comments": comments,
        "new_answers": new_answers,
        "since": since,
        "membership": membership,
    }


# --- Adoption ------------------------------------------------------------------------------
@dataclass
class FinalDocument:
    """An adopted document as its page, its PDF and the API show it."""

    adoption: Adoption | None
    revision: Revision | None
    sponsors: list  # delegations, in the order delegations are listed
    statements: list[Statement]  # each with `labels`: the paragraphs it names

    def printed(self) -> list:
        """What of it the PDF prints, for the PDF's cache key."""
        adoption = self.adoption
        return [
            adoption and [adoption.final_symbol, adoption.title, adoption.meeting_id, adoption.adopted_on,
                          adoption.method, adoption.votes_for, adoption.votes_against,
                          adoption.abstentions],
            [str(d) for d in self.sponsors],
            [(s.delegation_id, s.kind, s.labels, s.text, s.version) for s in self.statements],
        ]  # fmt: skip


def statement_labels(statements, revision: Revision | None) -> None:
    """Give each statement `labels`: its paragraphs' labels in `revision`, in text order."""
    labels = {p.key: p.label for p in paragraphs_numbered(revision)} if revision else {}
    for statement in statements:
        statement.labels = [labels[key] for key in statement.paragraph_keys if key in labels]


def statement_revision(document: OutcomeDocument) -> Revision | None:
    """The text statements are about: the adopted revision, else the latest published one."""
    adoption = Adoption.objects.filter(document=document).select_related("revision").first()
    return adoption.revision if adoption else revision_latest_published(document)


def paragraph_keys_for_labels(document: OutcomeDocument, labels: list[str]) -> list[str]:
    """The keys of the paragraphs the labels name (OP2, ОП2…) in the text statements are
    about; a label naming nothing is a ValidationError."""
    revision = statement_revision(document)
    by_label = {}
    for paragraph in paragraphs_numbered(revision) if revision else []:
        by_label[(paragraph.kind, paragraph.ordinal)] = paragraph.key
    keys = []
    for label in labels:
        parsed = parse_label(label)
        if parsed is None or parsed not in by_label:
            raise ValidationError({"paragraphs": _("No paragraph %(label)s.") % {"label": label}})
        keys.append(by_label[parsed])
    return keys


def document_final(document: OutcomeDocument) -> FinalDocument:
    """The adoption (if any), the sponsors and the statements, in a few queries."""
    adoption = (
        Adoption.objects.select_related("meeting", "revision").filter(document=document).first()
    )
    # The same text as statement_revision, without reading the adoption twice.
    revision = adoption.revision if adoption else revision_latest_published(document)
    sponsors = [
        s.delegation
        for s in document.sponsorships.filter(withdrawn=False)
        .select_related("delegation")
        .order_by("delegation__sort_order", "delegation__name")
    ]
    statements = list(
        document.statements.select_related("delegation").order_by(
            "delegation__sort_order", "delegation__name"
        )
    )
    statement_labels(statements, revision)
    return FinalDocument(adoption, revision, sponsors, statements)


@dataclass
class HistoryEvent:
    at: datetime
    actor: object  # a user, or None for the system
    what: str
    public: bool


def document_history(document: OutcomeDocument, *, full: bool) -> list[HistoryEvent]:
    """Every change of the document's state, newest first, from the audit trail that
    django-simple-history keeps: consultation opened and closed, revisions published, the
    adoption, statements and sponsors. `full` adds what only the secretariat sees."""
    events: list[HistoryEvent] = []
    previous = None
    for record in document.history.order_by("history_date", "history_id").select_related(
        "history_user"
    ):
        if previous is None or record.status != previous.status:
            what = _document_status_event(record.status)
            if what and record.status != OutcomeDocument.Status.ADOPTED:
                events.append(HistoryEvent(record.history_date, record.history_user, what, True))
        if previous is not None and (
            record.comment_deadline != previous.comment_deadline
            or record.statement_deadline != previous.statement_deadline
        ):
            events.append(
                HistoryEvent(
                    record.history_date, record.history_user, str(_("Deadlines changed")), False
                )
            )
        previous = record
    for record in (
        Revision.history.filter(document_id=document.pk, state="published")
        .order_by("history_date")
        .select_related("history_user")
    ):
        events.append(
            HistoryEvent(
                record.history_date,
                record.history_user,
                str(_("Rev.%(number)d published") % {"number": record.number}),
                True,
            )
        )
    for record in Adoption.history.filter(document_id=document.pk, history_type="+").select_related(
        "history_user", "meeting"
    ):
        events.append(
            HistoryEvent(
                record.history_date,
                record.history_user,
                str(
                    _("Adopted at %(meeting)s as %(symbol)s")
                    % {"meeting": record.meeting, "symbol": record.final_symbol}
                ),
                True,
            )
        )
    for record in Statement.history.filter(document_id=document.pk).select_related(
        "history_user", "delegation"
    ):
        template = _("Statement of %(delegation)s recorded: %(kind)s")
        if record.history_type == "~":
            template = _("Statement of %(delegation)s changed: %(kind)s")
        events.append(
            HistoryEvent(
                record.history_date,
                record.history_user,
                str(
                    template
                    % {
                        "delegation": record.delegation,
                        "kind": Statement.Kind(record.kind).label,
                    }
                ),
                True,
            )
        )
    for record in Sponsorship.history.filter(document_id=document.pk).select_related(
        "history_user", "delegation"
    ):
        template = _("%(delegation)s withdrew as sponsor")
        if not record.withdrawn:
            template = _("%(delegation)s added as sponsor")
        events.append(
            HistoryEvent(
                record.history_date,
                record.history_user,
                str(template % {"delegation": record.delegation}),
                True,
            )
        )
    if not full:
        events = [event for event in events if event.public]
    return sorted(events, key=lambda event: event.at, reverse=True)


def _document_status_event(status: str) -> str:
    return {
        OutcomeDocument.Status.CONSULTATION: str(_("Consultation opened")),
        OutcomeDocument.Status.CLOSED: str(_("Consultation closed")),
        OutcomeDocument.Status.DRAFTING: "",
    }.get(status, "")


# --- A comment's history, in people's words --------------------------------------------------
@dataclass
class EventChange:
    """One field of a comment event as the interface shows it: a value, or a word diff."""

    label: str
    value: str = ""
    words: list | None = None


def comment_event_changes(event) -> list[EventChange]:
    """What an event changed, named as the forms name the fields, statuses by their label
    and changed text as a word diff, never the raw keys of the stored data."""
    labels = {
        "body": Comment._meta.get_field("body").verbose_name,
        "proposed_text": Comment._meta.get_field("proposed_text").verbose_name,
        "status": Comment._meta.get_field("status").verbose_name,
        "response": Comment._meta.get_field("response").verbose_name,
        "reason": Comment._meta.get_field("hidden_reason").verbose_name,
    }

    def shown(name, value) -> str:
        if name == "status" and value in Comment.Status.values:
            return str(Comment.Status(value).label)
        return str(value or "")

    data = event.data or {}
    before, after = data.get("before"), data.get("after")
    changes = []
    if isinstance(before, dict) and isinstance(after, dict):
        for name, new in after.items():
            old = before.get(name, "")
            if old == new:
                continue
            label = str(labels.get(name, name)).capitalize()
            if name == "status":
                changes.append(EventChange(label, f"{shown(name, old)} → {shown(name, new)}"))
            else:
                changes.append(EventChange(label, words=word_diff(str(old or ""), str(new or ""))))
    else:
        for name, value in data.items():
            if value not in ("", None):
                changes.append(
                    EventChange(str(labels.get(name, name)).capitalize(), shown(name, value))
                )
    return changes
