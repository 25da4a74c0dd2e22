"""The register as its pages, feed and API read it, and the outcome documents of a meeting."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import get_language_info

from adoption.selectors import documents_with_adoption
from drafts.models import OutcomeDocument
from drafts.selectors import documents_readable_by
from portal.languages import language_codes
from programme.models import Meeting

from .models import Document, LanguageVersion, Register, Series

# A symbol's code for a meeting of each kind: RES-2026/PREP/1 is the first preparatory
# meeting of RES-2026 (as drafts' RES-2026/PREP/1/DRAFT and its adoption RES-2026/PREP/1
# already say); the summit itself takes the summit's acronym alone.
MEETING_CODES = {
    Meeting.Kind.PREPARATORY: "PREP",
    Meeting.Kind.SIDE_EVENT: "SIDE",
}


def prefix_derived(meeting: Meeting) -> str:
    """The prefix of a meeting's symbols: the summit's acronym, then for a preparatory meeting
    or a side event its code and its place among the summit's meetings of that kind (by date)."""
    acronym = meeting.summit.acronym
    code = MEETING_CODES.get(meeting.kind)
    if code is None:
        return acronym
    siblings = list(
        Meeting.objects.filter(summit_id=meeting.summit_id, kind=meeting.kind)
        .order_by("start_date", "pk")
        .values_list("pk", flat=True)
    )
    return f"{acronym}/{code}/{siblings.index(meeting.pk) + 1}"


def prefix_of(meeting: Meeting) -> str:
    """The meeting's prefix: the one its register fixed, else the one it would take (a read
    writes nothing)."""
    register = Register.objects.filter(meeting=meeting).first()
    return register.prefix if register else prefix_derived(meeting)


def meeting_zone(meeting: Meeting) -> ZoneInfo:
    """The meeting's days are the summit's time zone's (Asia/Almaty), whatever the reader's."""
    try:
        return ZoneInfo(meeting.summit.timezone or settings.TIME_ZONE)
    except (ValueError, KeyError):
        return ZoneInfo(settings.TIME_ZONE)


def meeting_days(meeting: Meeting) -> list[date]:
    if not meeting.start_date:
        return []
    end = meeting.end_date or meeting.start_date
    return [
        meeting.start_date + timedelta(days=n) for n in range((end - meeting.start_date).days + 1)
    ]


def meeting_for_register(slug: str) -> Meeting | None:
    return Meeting.objects.select_related("summit").filter(slug=slug).first()


def documents_of(meeting: Meeting):
    """The meeting's documents with what a list shows: superseded or not, the documents they
    name, their agenda item and their language versions."""
    return (
        Document.objects.filter(meeting=meeting)
        .with_superseded_by()
        .select_related("meeting", "agenda_item", "revises", "adds_to", "corrects")
        .prefetch_related(
            Prefetch("versions", queryset=LanguageVersion.objects.order_by("language"))
        )
    )


@dataclass
class LanguageRow:
    code: str
    name: str
    version: LanguageVersion | None  # None: to be issued


def language_rows(document: Document) -> list[LanguageRow]:
    """One row per content language, in the settings' order: its version, or none yet."""
    versions = {version.language: version for version in document.versions.all()}
    return [
        LanguageRow(code, get_language_info(code)["name_local"], versions.get(code))
        for code in language_codes()
    ]


@dataclass
class SeriesGroup:
    series: str
    label: str
    documents: list[Document] = field(default_factory=list)


def register_by_series(meeting: Meeting) -> list[SeriesGroup]:
    """The series that have documents, in the order of Series, each in symbol order."""
    groups = {value: SeriesGroup(value, label) for value, label in Series.choices}
    for document in documents_of(meeting):
        document.language_rows = language_rows(document)
        groups[document.series].documents.append(document)
    return [group for group in groups.values() if group.documents]


def document_for_page(meeting: Meeting, pk: int) -> Document | None:
    document = documents_of(meeting).filter(pk=pk).first()
    if document is None:
        return None
    document.language_rows = language_rows(document)
    # The documents that name it: a superseded one links to the current text.
    related = Document.objects.filter(
        Q(revises=document) | Q(adds_to=document) | Q(corrects=document)
    )
    document.revision_list = [d for d in related if d.revises_id == document.pk]
    document.addendum_list = [d for d in related if d.adds_to_id == document.pk]
    document.corrigendum_list = [d for d in related if d.corrects_id == document.pk]
    return document


def day_bounds(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    start = datetime.combine(day, datetime.min.time(), tzinfo=zone)
    return start, start + timedelta(days=1)


def issued_on(meeting: Meeting, day: date) -> list[Document]:
    """The documents of which a language version was issued on `day` (in the meeting's time
    zone): new documents and later language versions, each document once, latest first.
    Each carries `issued_that_day`, the languages issued that day."""
    start, end = day_bounds(day, meeting_zone(meeting))
    documents = list(
        documents_of(meeting)
        .filter(versions__issued_at__gte=start, versions__issued_at__lt=end)
        .distinct()
        .order_by("-issued_at")
    )
    for document in documents:
        document.language_rows = language_rows(document)
        document.issued_that_day = {
            row.code
            for row in document.language_rows
            if row.version and start <= row.version.issued_at < end
        }
        document.new_that_day = start <= document.issued_at < end
    return documents


def day_today(meeting: Meeting) -> date:
    return timezone.localtime(timezone.now(), meeting_zone(meeting)).date()


# --- The outcome documents of a meeting, listed in its register.


def _meeting_of_symbol(symbol: str, prefixes: dict[int, str]) -> int | None:
    """The meeting whose prefix is the longest that the symbol starts with."""
    best, best_length = None, -1
    for meeting_id, prefix in prefixes.items():
        if (symbol == prefix or symbol.startswith(prefix + "/")) and len(prefix) > best_length:
            best, best_length = meeting_id, len(prefix)
    return best


def outcome_documents_of(meeting: Meeting, user) -> list[OutcomeDocument]:
    """The outcome documents (drafts' declaration and resolutions) that belong to the meeting:
    adopted at it, or, until adopted, under its symbols (RES-2026/PREP/1/DRAFT is the first
    preparatory meeting's; RES-2026/DECL/DRAFT the summit's own). Only those `user` may read:
    the public sees published ones only (drafts' own rule, documents_readable_by)."""
    meetings = list(Meeting.objects.filter(summit_id=meeting.summit_id).select_related("summit"))
    stored = dict(Register.objects.filter(meeting__in=meetings).values_list("meeting_id", "prefix"))
    prefixes = {m.pk: stored.get(m.pk) or prefix_derived(m) for m in meetings}
    documents = documents_with_adoption(
        documents_readable_by(user).filter(summit_id=meeting.summit_id)
    )
    mine = []
    for document in documents:
        adoption = getattr(document, "adoption", None)
        if adoption is not None:
            belongs = adoption.meeting_id == meeting.pk
        else:
            belongs = _meeting_of_symbol(document.symbol, prefixes) == meeting.pk
        if belongs:
            mine.append(document)
    return sorted(mine, key=lambda document: document.display_symbol)
