import json
import re
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, F, Max, OuterRef, Prefetch, Q, Window
from django.db.models.functions import RowNumber
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.permissions import acts_as_secretariat

from . import editions
from .diff import compare_paragraphs
from .editions import break_paragraphs, number_paragraphs, paragraph_data
from .models import (
    LABEL_CODES,
    Adoption,
    OutcomeDocument,
    Paragraph,
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
    return [paragraph_data(paragraph) for paragraph in paragraphs_numbered(revision)]


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
