"""Issuing documents to a meeting's register, adding language versions, extracting text.

The callers (the secretariat's form, the API, submissions' compilation) check who may issue
(`register.issue_document`); these services check what is issued: the titles, the files by
their content, the document named by a revision, addendum or corrigendum, the agenda item.
"""

import logging
import re
import zipfile
from datetime import datetime

from celery import shared_task
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree
from modeltranslation.utils import build_localized_fieldname
from pypdf import PdfReader

from accounts.models import User
from portal.languages import language_codes
from portal.tasks import after_commit
from portal.text import clean_plain_text
from programme.models import AgendaItem, Meeting

from .models import (
    RELATION_SUFFIX,
    TITLE_MAX_LENGTH,
    Document,
    LanguageVersion,
    Register,
    Relation,
    Series,
)
from .selectors import prefix_derived
from .signals import document_issued, text_extracted, version_added
from .uploads import CheckedFile, file_check

logger = logging.getLogger(__name__)

# The text kept for search: far more than any document of a meeting holds.
TEXT_MAX_CHARS = 2_000_000
EXTRACT_SOFT_TIME_LIMIT = 120


def register_of(meeting: Meeting) -> Register:
    """The meeting's register, its prefix fixed on first use."""
    register = Register.objects.filter(meeting=meeting).first()
    if register is not None:
        return register
    prefix = prefix_derived(meeting)
    # Another meeting may hold the derived prefix already (a meeting since inserted before
    # it in the programme); then the next free number of the same code.
    base, _sep, tail = prefix.rpartition("/")
    while Register.objects.filter(prefix=prefix).exists():
        if not tail.isdigit():
            prefix, base, tail = f"{prefix}/1", prefix, "1"
        else:
            tail = str(int(tail) + 1)
            prefix = f"{base}/{tail}"
    register, _created = Register.objects.get_or_create(
        meeting=meeting, defaults={"prefix": prefix}
    )
    return register


def _locked_register(meeting: Meeting) -> Register:
    """The meeting's register row, locked until the transaction ends: numbering reads the
    highest number and writes the next one, and two issues at once must not take the same.
    (SQLite has no row locks; it lets one writer in at a time, and the unique constraints on
    the numbers catch whatever gets past.)"""
    register = register_of(meeting)
    return Register.objects.select_for_update().get(pk=register.pk)


def _titles(given: dict[str, str]) -> dict[str, str]:
    """The title in every content language, each required (the register lists a document
    under its title in the reader's language)."""
    known = {build_localized_fieldname("title", code) for code in language_codes()}
    unknown = {field for field, text in given.items() if text and field not in known}
    if unknown:
        raise TypeError(f"document_issue() got unexpected titles {sorted(unknown)}")
    titles = {}
    for code in language_codes():
        field = build_localized_fieldname("title", code)
        titles[field] = clean_plain_text(
            given.get(field), field=field, required=True, max_length=TITLE_MAX_LENGTH
        )
    return titles


def _checked_files(files: dict) -> dict[str, CheckedFile]:
    codes = language_codes()
    checked, errors = {}, {}
    for language, upload in files.items():
        if upload is None:
            continue
        if language not in codes:
            raise ValidationError({"files": _("Unknown language: %(lang)s.") % {"lang": language}})
        try:
            checked[language] = file_check(upload)
        except ValidationError as error:
            errors[f"file_{language}"] = error.messages
    if errors:
        raise ValidationError(errors)
    return checked


def _related(meeting: Meeting, revises, adds_to, corrects) -> tuple[str | None, Document | None]:
    named = [
        (relation, document)
        for relation, document in (
            (Relation.REVISES, revises),
            (Relation.ADDS_TO, adds_to),
            (Relation.CORRECTS, corrects),
        )
        if document is not None
    ]
    if len(named) > 1:
        raise ValidationError(
            _("A document revises, adds to or corrects one document, not several at once.")
        )
    if not named:
        return None, None
    relation, document = named[0]
    if document.meeting_id != meeting.pk:
        raise ValidationError(
            {relation: _("%(symbol)s is not a document of this meeting.") % {"symbol": document}}
        )
    return relation, document


def _store(version: LanguageVersion, checked: CheckedFile) -> None:
    name = f"{version.document.symbol.replace('/', '_')}_{version.language}.{checked.format}"
    version.file.save(f"{version.document.meeting_id}/{name}", checked.upload, save=False)


def _version_create(
    *, document: Document, language: str, checked: CheckedFile, original: bool, by, at: datetime
) -> LanguageVersion:
    version = LanguageVersion(
        document=document,
        language=language,
        original=original,
        format=checked.format,
        size=checked.size,
        sha256=checked.sha256,
        issued_at=at,
        issued_by=by,
    )
    _store(version, checked)
    version.save()
    after_commit(extract_text_task.delay, version.pk)
    return version


@transaction.atomic
def document_issue(
    *,
    meeting: Meeting,
    series: str,
    title_ru: str = "",
    title_en: str = "",
    files: dict,
    original_language: str | None = None,
    agenda_item: AgendaItem | None = None,
    revises: Document | None = None,
    adds_to: Document | None = None,
    corrects: Document | None = None,
    by: User,
    **other_titles: str,
) -> Document:
    """Issue a document with its first language versions (`files`: language -> upload) and
    give it the next symbol of its series, or of the document it revises, adds to or corrects
    (whose series it then takes). The original is `original_language`'s file (the only file's,
    or the default language's, when not named). A title is given in every content language:
    `title_ru`, `title_en`, and `title_<code>` for a language added to the settings."""
    titles = _titles({"title_ru": title_ru, "title_en": title_en, **other_titles})
    relation, target = _related(meeting, revises, adds_to, corrects)
    if target is not None:
        series = target.series
    if series not in Series.values:
        raise ValidationError({"series": _("Choose one of the series.")})
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": _("The agenda item is not one of this meeting.")})
    checked = _checked_files(files)
    if not checked:
        raise ValidationError({"files": _("Attach the file of at least one language.")})
    if original_language is None:
        original_language = (
            next(iter(checked))
            if len(checked) == 1
            else (
                settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in checked else next(iter(checked))
            )
        )
    if original_language not in checked:
        raise ValidationError(
            {"original_language": _("The original must be one of the files attached.")}
        )

    register = _locked_register(meeting)
    document = Document(meeting=meeting, series=series, agenda_item=agenda_item, **titles)
    if target is None:
        latest = Document.objects.filter(
            meeting=meeting,
            series=series,
            revises__isnull=True,
            adds_to__isnull=True,
            corrects__isnull=True,
        ).aggregate(n=Max("number"))["n"]
        document.number = (latest or 0) + 1
        document.symbol = f"{register.prefix}/{series}/{document.number}"
    else:
        if relation == Relation.REVISES and target.revises_id:
            target = target.revises  # a revision revises the original: Rev.2 follows Rev.1
        setattr(document, relation, target)
        siblings = getattr(
            target, {"revises": "revisions", "adds_to": "addenda"}.get(relation, "corrigenda")
        )
        document.sequence = (siblings.aggregate(n=Max("sequence"))["n"] or 0) + 1
        document.number = target.number
        document.symbol = f"{target.symbol}/{RELATION_SUFFIX[relation]}.{document.sequence}"
    document.issued_at = timezone.now()
    document.issued_by = by
    document.full_clean(exclude=["symbol"], validate_unique=False, validate_constraints=False)
    document.save()
    for language, one in checked.items():
        _version_create(
            document=document,
            language=language,
            checked=one,
            original=language == original_language,
            by=by,
            at=document.issued_at,
        )
    after_commit(document_issued.send_robust, sender=Document, document=document)
    return document


@transaction.atomic
def version_add(
    *, document: Document, language: str, file, original: bool = False, by: User
) -> LanguageVersion:
    """A later language version of an issued document (a translation, usually)."""
    if language not in language_codes():
        raise ValidationError({"language": _("Choose one of the languages.")})
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.versions.filter(language=language).exists():
        raise ValidationError(
            {
                "language": _("%(symbol)s already has a version in this language.")
                % {"symbol": document.symbol}
            }
        )
    if original and document.versions.filter(original=True).exists():
        raise ValidationError({"original": _("The document already has its original.")})
    try:
        checked = file_check(file)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    version = _version_create(
        document=document,
        language=language,
        checked=checked,
        original=original,
        by=by,
        at=timezone.now(),
    )
    after_commit(version_added.send_robust, sender=LanguageVersion, version=version)
    return version


# --- Text extraction, for search -----------------------------------------------------------

WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _pdf_text(handle) -> str:
    reader = PdfReader(handle, strict=False)
    return "\n\n".join((page.extract_text() or "") for page in reader.pages)


def _docx_text(handle) -> str:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    with zipfile.ZipFile(handle) as archive:
        info = archive.getinfo("word/document.xml")
        if info.file_size > 50 * TEXT_MAX_CHARS:  # a zip bomb, not a document
            raise ValueError("word/document.xml is too large")
        root = etree.fromstring(archive.read(info), parser)
    paragraphs = []
    for paragraph in root.iter(f"{WORD_NS}p"):
        parts = []
        for node in paragraph.iter(f"{WORD_NS}t", f"{WORD_NS}tab", f"{WORD_NS}br"):
            parts.append(node.text or "" if node.tag == f"{WORD_NS}t" else " ")
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)


def version_text_extract(*, version: LanguageVersion) -> bool:
    """Read the version's text from its file into `text`; a failure is recorded on the
    version (`text_error`), not only in Celery's logs, and a text read before is kept."""
    try:
        with version.file.open("rb") as handle:
            text = _pdf_text(handle) if version.format == "pdf" else _docx_text(handle)
    except Exception as error:  # a file that passed the checks may still defeat a reader
        logger.warning("text extraction failed for version %s: %s", version.pk, error)
        version.text_error = f"{type(error).__name__}: {error}"[:1000]
        version.save(update_fields=["text_error"])
        return False
    version.text = _CONTROL.sub(" ", text).strip()[:TEXT_MAX_CHARS]
    version.text_extracted_at = timezone.now()
    version.text_error = ""
    version.save(update_fields=["text", "text_extracted_at", "text_error"])
    after_commit(text_extracted.send_robust, sender=LanguageVersion, version=version)
    return True


@shared_task(
    soft_time_limit=EXTRACT_SOFT_TIME_LIMIT, time_limit=EXTRACT_SOFT_TIME_LIMIT + 60, acks_late=True
)
def extract_text_task(version_id: int, force: bool = False) -> bool:
    """Extract a version's text (idempotent: done once unless `force`)."""
    version = LanguageVersion.objects.select_related("document").filter(pk=version_id).first()
    if version is None or (version.text_extracted_at and not force):
        return False
    return version_text_extract(version=version)
