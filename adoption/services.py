"""Adoption: the secretariat records that a document was adopted at a meeting; heads of
delegation record their statements and (on resolutions) their sponsorship.

Every write here names its author for the history (django-simple-history's
`_history_user`), so the document's history says who did what, whoever calls the service:
a page, the API or a task. The delegations that commented are told of an adoption by the
task below, beside the service it calls.
"""

import re
from datetime import date, datetime

import rules
from celery import shared_task
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from modeltranslation.utils import build_localized_fieldname

from accounts.models import User
from delegations.permissions import membership_of
from drafts.models import OutcomeDocument, Paragraph, Revision
from drafts.selectors import paragraphs_numbered, revision_latest_published
from portal.concurrency import locked_at_version
from portal.languages import language_codes
from portal.tasks import after_commit
from portal.text import clean_plain_text, written_language

from .models import STATEMENT_MAX_LENGTH, Adoption, Sponsorship, Statement
from .selectors import statement_revision
from .signals import document_adopted

SYMBOL_MAX_LENGTH = 60


def final_symbol_suggested(document: OutcomeDocument) -> str:
    """The draft's symbol without "DRAFT": RES-2026/RES/1/DRAFT becomes RES-2026/RES/1, and
    RES-2026/DECL/DRAFT, which has no number yet, RES-2026/DECL/1."""
    base = re.sub(r"/?DRAFT$", "", document.symbol) or document.symbol
    return base if re.search(r"/\d+$", base) else f"{base}/1"


def final_title_suggested(document: OutcomeDocument, language: str) -> str:
    """The document's title in `language` without its leading "Draft" ("Проект"): the word is
    the catalogue's, so a new language brings its own with its translations."""
    title = getattr(document, build_localized_fieldname("title", language)) or document.title
    with translation.override(language):
        prefix = pgettext("the word a draft's title starts with", "Draft") + " "
        # After "Draft" a language may inflect the name ("Проект декларации": "the draft of
        # the declaration"); the catalogue lists its "after:alone" pairs, "-" if it has none.
        pairs = pgettext(
            "a document's name after the word Draft and alone, as after:alone pairs "
            "separated by spaces, or - for none",
            "-",
        )
    if title.startswith(prefix):
        title = title[len(prefix) :]
        first, space, rest = title.partition(" ")
        alone = dict(pair.split(":", 1) for pair in pairs.split() if ":" in pair)
        first = alone.get(first.lower(), first)
        title = first[:1].upper() + first[1:] + space + rest
    return title


def paragraphs_not_agreed(revision: Revision) -> list[Paragraph]:
    """The paragraphs still open in `revision` (bracketed, proposed, ad referendum)."""
    return [
        paragraph
        for paragraph in paragraphs_numbered(revision)
        if paragraph.negotiation != Paragraph.Negotiation.AGREED
    ]


def _final_titles(document: OutcomeDocument, titles: dict[str, str]) -> dict[str, str]:
    columns = {}
    for language in language_codes():
        column = build_localized_fieldname("title", language)
        given = (titles.pop(column, "") or "").strip()[:400]
        columns[column] = given or final_title_suggested(document, language)
    if titles:
        raise TypeError(f"unexpected keyword arguments {sorted(titles)}")
    return columns


@transaction.atomic
def document_adopt(
    *,
    document: OutcomeDocument,
    user: User,
    meeting,
    adopted_on: date,
    method: str,
    final_symbol: str,
    votes_for: int | None = None,
    votes_against: int | None = None,
    abstentions: int | None = None,
    statement_deadline: datetime | None = None,
    **titles: str,
) -> Adoption:
    """Adopt the document's latest published revision, if every paragraph of it is agreed.
    `titles` are the adopted text's title by column (`title_ru=…`, `title_en=…`); a language
    left out gets the draft's title without "Draft".

    The document takes its final symbol and the status "adopted", which closes the
    consultation; `document_adopted` is sent once this commits (subscriptions mails the
    document's followers).
    """
    if not user.has_perm("adoption.adopt_document", document):
        raise PermissionDenied(_("Only the secretariat records an adoption."))
    document = OutcomeDocument.objects.select_for_update().get(pk=document.pk)
    if document.status == OutcomeDocument.Status.ADOPTED:
        raise ValidationError(_("This document has already been adopted."))
    revision = revision_latest_published(document)
    if revision is None:
        raise ValidationError(_("Publish the agreed text before adopting it."))
    open_paragraphs = paragraphs_not_agreed(revision)
    if open_paragraphs:
        raise ValidationError(
            {
                "revision": _("Not every paragraph of Rev.%(number)d is agreed: %(labels)s.")
                % {
                    "number": revision.number,
                    "labels": ", ".join(
                        f"{p.label} ({p.get_negotiation_display().lower()})"
                        for p in open_paragraphs
                    ),
                }
            }
        )
    if adopted_on is None or adopted_on < timezone.localdate(revision.published_at):
        raise ValidationError(
            {"adopted_on": _("A text is adopted on or after the day it was published.")}
        )
    if meeting is None or meeting.summit_id != document.summit_id:
        raise ValidationError({"meeting": _("Choose a meeting of this summit's programme.")})
    if method not in Adoption.Method.values:
        raise ValidationError({"method": _("Choose consensus or vote.")})
    votes = (votes_for, votes_against, abstentions)
    if method == Adoption.Method.VOTE:
        if any(v is None or v < 0 for v in votes):
            raise ValidationError(
                {"votes_for": _("Give the votes in favour, against and the abstentions.")}
            )
    else:
        votes = (None, None, None)
    final_symbol = (final_symbol or "").strip()
    if not final_symbol or len(final_symbol) > SYMBOL_MAX_LENGTH or "DRAFT" in final_symbol:
        raise ValidationError(
            {"final_symbol": _("Give the final symbol, without “DRAFT” (at most 60 characters).")}
        )
    if (
        Adoption.objects.filter(final_symbol=final_symbol).exists()
        or OutcomeDocument.objects.filter(symbol=final_symbol).exclude(pk=document.pk).exists()
    ):
        raise ValidationError({"final_symbol": _("Another document has this symbol.")})
    if statement_deadline is not None and timezone.is_naive(statement_deadline):
        raise ValidationError({"statement_deadline": _("The deadline needs a time zone.")})

    adoption = Adoption(
        document=document,
        revision=revision,
        meeting=meeting,
        adopted_on=adopted_on,
        method=method,
        votes_for=votes[0],
        votes_against=votes[1],
        abstentions=votes[2],
        final_symbol=final_symbol,
        **_final_titles(document, titles),
        recorded_by=user,
    )
    adoption._history_user = user
    try:
        with transaction.atomic():
            adoption.save()
    except IntegrityError as error:  # a concurrent adoption took the symbol or the document
        raise ValidationError(_("This document has already been adopted.")) from error
    document.status = OutcomeDocument.Status.ADOPTED
    document.statement_deadline = statement_deadline
    document._history_user = user
    document.save(update_fields=["status", "statement_deadline", "updated_at"])

    # Who is told, and how, is the apps above's business (subscriptions mails the document's
    # followers: every delegate by default, with the statement deadline).
    after_commit(adoption_announce, adoption)
    return adoption


def adoption_announce(adoption: Adoption) -> None:
    document_adopted.send(sender=Adoption, adoption=adoption)


def _statement_paragraphs(document: OutcomeDocument, keys: list[str]) -> list[str]:
    """The keys, checked against the text the statement is about (the adopted revision,
    else the latest published one), in the text's order."""
    revision = statement_revision(document)
    known = [p.key for p in revision.paragraphs.order_by("position", "id")] if revision else []
    unknown = [key for key in keys if key not in known]
    if unknown:
        raise ValidationError({"paragraphs": _("Choose paragraphs of the document.")})
    return [key for key in known if key in set(keys)]


@transaction.atomic
def statement_record(
    *,
    document: OutcomeDocument,
    user: User,
    kind: str,
    text: str = "",
    paragraph_keys: list[str] | None = None,
    version: int | None = None,
    language: str | None = None,
) -> Statement:
    """Record or change the user's delegation's statement. A change names the version it
    was made from: a stale one is refused (EditConflict), so no statement is lost."""
    # The rules read the deadline and the status: as they are now, not as the caller saw them.
    document = OutcomeDocument.objects.get(pk=document.pk)
    membership = membership_of(user)
    if membership is None or not rules.has_perm("adoption.record_statement", user, document):
        if membership is not None and membership.is_head:
            raise PermissionDenied(_("Statements on this document are no longer taken."))
        raise PermissionDenied(_("Only a head of delegation records its statement."))
    if kind not in Statement.Kind.values:
        raise ValidationError({"kind": _("Choose what your delegation states.")})
    needs_text = kind in (Statement.Kind.RESERVATIONS, Statement.Kind.EXPLANATION)
    text = clean_plain_text(
        text, field="text", required=needs_text, max_length=STATEMENT_MAX_LENGTH
    )
    if len(text) > STATEMENT_MAX_LENGTH:
        raise ValidationError(
            {"text": _("At most %(max)d characters, please.") % {"max": STATEMENT_MAX_LENGTH}}
        )
    keys = []
    if kind == Statement.Kind.RESERVATIONS:
        keys = _statement_paragraphs(document, list(paragraph_keys or []))
        if not keys:
            raise ValidationError({"paragraphs": _("Name the paragraphs of your reservations.")})
    language = written_language(language)

    existing = Statement.objects.filter(document=document, delegation=membership.delegation)
    if existing.exists():
        if version is None:
            raise ValidationError({"version": _("Say which version of the statement you changed.")})
        statement = locked_at_version(existing, pk=existing.get().pk, version=version)
        statement.version += 1
    else:
        if version not in (None, 0):
            raise ValidationError({"version": _("Your delegation has no statement yet.")})
        statement = Statement(document=document, delegation=membership.delegation)
    statement.kind = kind
    statement.text = text
    statement.paragraph_keys = keys
    statement.language = language
    statement.recorded_by = user
    statement._history_user = user
    statement.save()
    return statement


@transaction.atomic
def sponsorship_set(*, document: OutcomeDocument, user: User, sponsor: bool) -> Sponsorship | None:
    """Add the user's delegation as a sponsor of the resolution, or withdraw it."""
    document = OutcomeDocument.objects.select_for_update().get(pk=document.pk)
    membership = membership_of(user)
    if membership is None or not rules.has_perm("adoption.sponsor_document", user, document):
        if document.kind != OutcomeDocument.Kind.RESOLUTION:
            raise PermissionDenied(_("Only resolutions have sponsors."))
        if document.status == OutcomeDocument.Status.ADOPTED:
            raise PermissionDenied(_("Sponsors are listed until adoption."))
        raise PermissionDenied(_("Only a head of delegation adds or withdraws its sponsorship."))
    sponsorship = (
        Sponsorship.objects.select_for_update()
        .filter(document=document, delegation=membership.delegation)
        .first()
    )
    if sponsorship is None:
        if not sponsor:
            return None
        sponsorship = Sponsorship(document=document, delegation=membership.delegation)
    elif sponsorship.withdrawn == (not sponsor):
        return sponsorship  # nothing changes, nothing to record
    sponsorship.withdrawn = not sponsor
    sponsorship.changed_by = user
    sponsorship._history_user = user
    sponsorship.save()
    return sponsorship


# Named as it was in drafts.tasks, so that a notice queued before the move is still run: it
# announces the adoption again (the receivers are idempotent).
@shared_task(
    name="drafts.tasks.notify_document_adopted",
    soft_time_limit=120,
    time_limit=180,
    acks_late=True,
)
def notify_document_adopted(document_id: int, base_url: str = "") -> None:
    adoption = Adoption.objects.select_related("document").filter(document_id=document_id).first()
    if adoption is not None:
        adoption_announce(adoption)
