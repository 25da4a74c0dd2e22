"""The adopted document as its page, its PDF and the API show it, the statements and the
sponsors, and the document's history."""

from dataclasses import dataclass, replace
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from drafts.models import OutcomeDocument, Revision
from drafts.selectors import paragraphs_numbered, parse_label, revision_latest_published

from .models import Adoption, Sponsorship, Statement


def documents_with_adoption(documents):
    """Documents (drafts.selectors.documents_readable_by) with what a list of them shows of
    their adoption: the adoption and its meeting, and the sponsors in `sponsorship_rows`."""
    return documents.select_related("adoption__meeting").prefetch_related(
        Prefetch(
            "sponsorships",
            queryset=Sponsorship.objects.filter(withdrawn=False)
            .select_related("delegation")
            .order_by("delegation__sort_order", "delegation__name"),
            to_attr="sponsorship_rows",
        ),
    )


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
    actor: object  # a user, "the secretariat" for the public, or None for the system
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
        Revision.history.filter(document_id=document.pk, state=Revision.State.PUBLISHED)
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
        # The public sees what the secretariat did, not which of its staff did it (issue #27).
        events = [
            replace(event, actor=_("The secretariat")) if _is_staff(event.actor) else event
            for event in events
            if event.public
        ]
    return sorted(events, key=lambda event: event.at, reverse=True)


def _is_staff(actor: object) -> bool:
    return bool(getattr(actor, "is_secretariat", False) or getattr(actor, "is_staff", False))


def _document_status_event(status: str) -> str:
    return {
        OutcomeDocument.Status.CONSULTATION: str(_("Consultation opened")),
        OutcomeDocument.Status.CLOSED: str(_("Consultation closed")),
        OutcomeDocument.Status.DRAFTING: "",
    }.get(status, "")
