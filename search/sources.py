"""What is indexed, unit by unit: each source turns one object of its app into entries, one per
language its text exists in, with the audience its own app's rules give it.

A unit is named `<source>:<id>` and rebuilt whole (search/services.py); a source whose object
is gone gives no entries, so rebuilding it removes them. Who may read what is never decided
here afresh: published revisions are drafts' `Revision.objects.published()` (public), the
draft is `Revision.objects.drafts()` (drafts.read_revision grants it to the secretariat
alone), and the rest is what the portal's public pages show.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from drafts.models import OutcomeDocument, Paragraph, Revision
from initiatives.models import Initiative
from portal.languages import language_codes
from programme.models import Meeting
from register.models import Document

from .models import Entry

PUBLIC = Entry.Audience.PUBLIC
SECRETARIAT = Entry.Audience.SECRETARIAT


def _in(obj, field: str, language: str) -> str:
    """A translated field in exactly that language: no fallback to another one, whose text
    would then be searched with the wrong language's stemming."""
    return getattr(obj, build_localized_fieldname(field, language), None) or ""


def _clean(text: str) -> str:
    # Control characters have no place in a snippet (and NUL none in PostgreSQL).
    return "".join(ch if ch >= " " or ch in "\n\t" else " " for ch in text)


def _entry(**fields) -> Entry:
    for name in ("title", "context", "body"):
        fields[name] = _clean(fields.get(name, ""))
    fields["title"] = fields["title"][:500]
    fields["context"] = fields["context"][:300]
    return Entry(**fields)


# --- Outcome documents: the latest published text (public) and the draft (secretariat).


def _paragraph_entries(document, revision, paragraphs, *, unit, audience, skip=None):
    entries = []
    for language in language_codes():
        with translation.override(language):
            title = _in(document, "title", language) or document.symbol
            if revision.is_published:
                where = _("%(symbol)s, revision %(number)d") % {
                    "symbol": document.display_symbol,
                    "number": revision.number,
                }
            else:
                where = _("%(symbol)s, draft revision %(number)d (not published)") % {
                    "symbol": document.symbol,
                    "number": revision.number,
                }
            url = reverse("revision_detail", args=[document.slug, revision.number])
            for paragraph in paragraphs:
                text = _in(paragraph, "text", language)
                if not text or (skip and skip(paragraph, language)):
                    continue
                entries.append(
                    _entry(
                        unit=unit,
                        kind=Entry.Kind.PARAGRAPH,
                        language=language,
                        audience=audience,
                        title=f"{paragraph.label} · {title}",
                        context=where,
                        body=text,
                        url=f"{url}#{paragraph.code}",
                        meeting=_adopted_at(document),
                        updated_at=revision.published_at or document.updated_at,
                    )
                )
    return entries


def _adopted_at(document) -> int | None:
    adoption = getattr(document, "adoption", None)
    return adoption.meeting_id if adoption is not None else None


def _labelled(revision) -> list[Paragraph]:
    # Labels from drafts' one definition (ParagraphQuerySet.labelled: OP3 is the third
    # operative paragraph of its revision), counted over the whole revision.
    return list(Paragraph.objects.filter(revision=revision).labelled().order_by("position", "id"))


def _document(pk: int):
    return OutcomeDocument.objects.select_related("adoption").filter(pk=pk).first()


def outcome_entries(pk: int) -> list[Entry]:
    """The paragraphs of the document's latest published revision, for everyone. Earlier
    revisions are reached from it (the reader links them); indexing each would show the
    same paragraph once per revision."""
    document = _document(pk)
    if document is None:
        return []
    revision = document.revisions.published().order_by("-number").first()
    if revision is None:
        return []
    return _paragraph_entries(
        document, revision, _labelled(revision), unit=f"outcome:{pk}", audience=PUBLIC
    )


def draft_entries(pk: int) -> list[Entry]:
    """The draft's paragraphs whose text in a language is not the published one's (new or
    edited since): the secretariat's alone, since a draft is theirs until published."""
    document = _document(pk)
    if document is None:
        return []
    draft = document.revisions.drafts().first()
    if draft is None:
        return []
    published = document.revisions.published().order_by("-number").first()
    published_texts = {}
    if published is not None:
        for paragraph in Paragraph.objects.filter(revision=published):
            for language in language_codes():
                published_texts[paragraph.key, language] = _in(paragraph, "text", language)

    def unchanged(paragraph, language):
        return published_texts.get((paragraph.key, language)) == _in(paragraph, "text", language)

    return _paragraph_entries(
        document,
        draft,
        _labelled(draft),
        unit=f"draft:{pk}",
        audience=SECRETARIAT,
        skip=unchanged,
    )


# --- Initiatives and their sections, meetings: the portal's public pages.


def initiative_entries(pk: int) -> list[Entry]:
    initiative = Initiative.objects.prefetch_related("sections").filter(pk=pk).first()
    if initiative is None:
        return []
    entries = []
    unit = f"initiative:{pk}"
    for language in language_codes():
        with translation.override(language):
            title = _in(initiative, "title", language)
            url = reverse("initiative_detail", args=[initiative.slug])
            if title:
                entries.append(
                    _entry(
                        unit=unit,
                        kind=Entry.Kind.INITIATIVE,
                        language=language,
                        audience=PUBLIC,
                        title=title,
                        context=str(initiative.get_status_display()),
                        body=_in(initiative, "summary", language),
                        url=url,
                        updated_at=initiative.updated_at,
                    )
                )
            for section in initiative.sections.all():
                body = _in(section, "body", language)
                if not body:
                    continue
                entries.append(
                    _entry(
                        unit=unit,
                        kind=Entry.Kind.SECTION,
                        language=language,
                        audience=PUBLIC,
                        title=str(section.get_kind_display()),
                        context=title,
                        body=body,
                        url=f"{url}#section-{section.kind}",
                        updated_at=section.updated_at,
                    )
                )
    return entries


def meeting_entries(pk: int) -> list[Entry]:
    meeting = Meeting.objects.prefetch_related("agenda_items").filter(pk=pk).first()
    if meeting is None:
        return []
    entries = []
    for language in language_codes():
        title = _in(meeting, "title", language)
        if not title:
            continue
        with translation.override(language):
            agenda = [
                f"{item.position}. {_in(item, 'title', language)} {_in(item, 'description', language)}"
                for item in meeting.agenda_items.all()
            ]
            dates = " – ".join(
                date_format(day) for day in (meeting.start_date, meeting.end_date) if day
            )
            entries.append(
                _entry(
                    unit=f"meeting:{pk}",
                    kind=Entry.Kind.MEETING,
                    language=language,
                    audience=PUBLIC,
                    title=title,
                    context=", ".join(
                        part for part in (_in(meeting, "place", language), dates) if part
                    ),
                    body="\n".join([_in(meeting, "description", language), *agenda]).strip(),
                    url=reverse("meeting_detail", args=[meeting.slug]),
                    meeting=meeting.pk,
                )
            )
    return entries


# --- The register: each document in every language, with its version's extracted text.


def register_entries(pk: int) -> list[Entry]:
    """A document of the register, public once issued (register/permissions.py): in each
    language, its title and the text extracted from that language's file, if issued yet."""
    document = (
        Document.objects.with_superseded_by()
        .select_related("meeting")
        .prefetch_related("versions")
        .filter(pk=pk)
        .first()
    )
    if document is None:
        return []
    versions = {version.language: version for version in document.versions.all()}
    entries = []
    for language in language_codes():
        version = versions.get(language)
        title = _in(document, "title", language)
        if not title and version is None:
            continue
        with translation.override(language):
            context = [document.symbol, str(document.get_series_display())]
            if document.superseded_by_symbol:
                context.append(
                    _("superseded by %(symbol)s") % {"symbol": document.superseded_by_symbol}
                )
            elif version is None:
                context.append(_("to be issued in this language"))
            entries.append(
                _entry(
                    unit=f"register:{pk}",
                    kind=Entry.Kind.DOCUMENT,
                    language=language,
                    audience=PUBLIC,
                    title=title or document.symbol,
                    context=", ".join(context),
                    body=version.text if version is not None else "",
                    url=document.get_absolute_url(),
                    meeting=document.meeting_id,
                    updated_at=version.issued_at if version is not None else document.issued_at,
                )
            )
    return entries


@dataclass(frozen=True)
class Source:
    entries: Callable[[int], list[Entry]]
    ids: Callable[[], Iterable[int]]


SOURCES: dict[str, Source] = {
    "outcome": Source(
        outcome_entries,
        lambda: Revision.objects.published().values_list("document_id", flat=True).distinct(),
    ),
    "draft": Source(
        draft_entries,
        lambda: Revision.objects.drafts().values_list("document_id", flat=True).distinct(),
    ),
    "initiative": Source(
        initiative_entries, lambda: Initiative.objects.values_list("pk", flat=True)
    ),
    "meeting": Source(meeting_entries, lambda: Meeting.objects.values_list("pk", flat=True)),
    "register": Source(register_entries, lambda: Document.objects.values_list("pk", flat=True)),
}


def unit_entries(unit: str) -> list[Entry]:
    """The entries of `unit` as its objects are now; none for a unit that names nothing."""
    source, _sep, pk = unit.partition(":")
    if source not in SOURCES or not pk.isdigit():
        raise ValueError(f"Not a unit of the search index: {unit!r}")
    return SOURCES[source].entries(int(pk))


def all_units() -> list[str]:
    return [f"{name}:{pk}" for name, source in SOURCES.items() for pk in source.ids()]
