"""The secretariat's draft editor: paragraphs added, edited, deleted and moved, with optimistic locking."""

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from accounts.models import User
from portal.concurrency import locked_at_version
from portal.languages import language_codes

from ..models import (
    PARAGRAPH_MAX_LENGTH,
    Paragraph,
    Revision,
    RevisionFrozen,
)


def clean_paragraph_texts(*texts) -> dict[str, str] | tuple[str, ...]:
    """Paragraph text is plain text in every language (templates escape it); a language may
    wait for the translators, but a paragraph with no text at all is a mistake.

    Takes a mapping language → text and answers one, every language of the settings in it
    (a language left out is empty). The positional form, texts in the order of
    settings.LANGUAGES answered as a tuple, is for drafts/services/akn.py until it passes
    its mapping."""
    if len(texts) == 1 and isinstance(texts[0], Mapping):
        return _paragraph_texts_clean(texts[0])
    return tuple(_paragraph_texts_clean(dict(zip(language_codes(), texts, strict=True))).values())


def _paragraph_texts_clean(texts: Mapping[str, str | None]) -> dict[str, str]:
    languages = language_codes()
    unknown = set(texts) - set(languages)
    if unknown:
        raise ValueError(f"Not languages of the settings: {sorted(unknown)}")
    cleaned = {}
    for language in languages:
        # a paragraph is one block: no stray line breaks
        text = " ".join((texts.get(language) or "").split())
        if len(text) > PARAGRAPH_MAX_LENGTH:
            raise ValidationError(
                {
                    build_localized_fieldname("text", language): _(
                        "At most %(max)d characters, please."
                    )
                    % {"max": PARAGRAPH_MAX_LENGTH}
                }
            )
        cleaned[language] = text
    if not any(cleaned.values()):
        raise ValidationError(
            {
                build_localized_fieldname("text", languages[0]): _(
                    "Write the paragraph in at least one language."
                )
            }
        )
    return cleaned


def _texts_by_language(texts: dict[str, str]) -> dict[str, str]:
    """The `text_<language>` keyword arguments of a service, by language."""
    by_language = {}
    for language in language_codes():
        by_language[language] = texts.pop(build_localized_fieldname("text", language), "")
    if texts:
        raise TypeError(f"unexpected keyword arguments {sorted(texts)}")
    return by_language


def _texts_as_columns(texts: Mapping[str, str]) -> dict[str, str]:
    return {build_localized_fieldname("text", language): text for language, text in texts.items()}


def _draft_for_update(revision: Revision) -> Revision:
    """Lock the draft: structural edits (add, delete, move) renumber positions, and two of
    them at once would interleave their numbering."""
    revision = Revision.objects.select_for_update().get(pk=revision.pk)
    if revision.is_published:
        raise RevisionFrozen(revision)
    return revision


def _renumber(revision: Revision, ordered: list[Paragraph]) -> None:
    for position, paragraph in enumerate(ordered, start=1):
        paragraph.position = position
    # bulk_update bypasses Paragraph.save, so the caller has checked the revision is a draft.
    Paragraph.objects.bulk_update(ordered, ["position"])


def check_editor(user: User, revision: Revision) -> None:
    if not user.has_perm("drafts.edit_draft", revision):
        raise PermissionDenied(_("Only the secretariat edits drafts."))


@transaction.atomic
def paragraph_add(
    *,
    revision: Revision,
    user: User,
    kind: str,
    after: Paragraph | None = None,
    **texts: str,
) -> Paragraph:
    """Add a paragraph after `after`, or at the end of the draft; `texts` are its text in
    each language by column (`text_ru=…`, `text_en=…`)."""
    check_editor(user, revision)
    revision = _draft_for_update(revision)
    if kind not in Paragraph.Kind.values:
        raise ValidationError({"kind": _("Unknown kind of paragraph.")})
    if after is not None and after.revision_id != revision.pk:
        raise ValidationError({"after": _("This paragraph is not part of this draft.")})
    cleaned = clean_paragraph_texts(_texts_by_language(texts))
    ordered = list(revision.paragraphs.order_by("position", "id"))
    paragraph = Paragraph.objects.create(
        revision=revision,
        position=len(ordered) + 1,
        kind=kind,
        **_texts_as_columns(cleaned),
    )
    index = len(ordered)
    if after is not None:
        index = next(i for i, p in enumerate(ordered) if p.pk == after.pk) + 1
    ordered.insert(index, paragraph)
    _renumber(revision, ordered)
    return paragraph


@transaction.atomic
def paragraph_update(
    *,
    paragraph: Paragraph,
    user: User,
    version: int,
    kind: str,
    negotiation: str | None = None,
    bracketed_by=None,
    **texts: str,
) -> Paragraph:
    """Save an edit made on the paragraph as it was at `version` (`texts` as for
    paragraph_add). If somebody saved it in the meantime, EditConflict carries their text
    and nothing is written."""
    by_language = _texts_by_language(texts)
    check_editor(user, paragraph.revision)
    current = locked_at_version(
        Paragraph.objects.select_related("revision"), pk=paragraph.pk, version=version
    )
    if current.revision.is_published:
        raise RevisionFrozen(current.revision)
    if kind not in Paragraph.Kind.values:
        raise ValidationError({"kind": _("Unknown kind of paragraph.")})
    cleaned = clean_paragraph_texts(by_language)
    if negotiation is not None:
        if negotiation not in Paragraph.Negotiation.values:
            raise ValidationError({"negotiation": _("Unknown negotiation status.")})
        if negotiation == Paragraph.Negotiation.BRACKETED and bracketed_by is None:
            raise ValidationError(
                {"bracketed_by": _("Name the delegation that asked for the brackets.")}
            )
        current.negotiation = negotiation
        current.bracketed_by = (
            bracketed_by if negotiation == Paragraph.Negotiation.BRACKETED else None
        )
    current.kind = kind
    for column, text in _texts_as_columns(cleaned).items():
        setattr(current, column, text)
    current.version += 1
    current.save()
    return current


@transaction.atomic
def paragraph_delete(*, paragraph: Paragraph, user: User, version: int) -> None:
    """Delete a paragraph of the draft; deleting a paragraph somebody has just changed is a
    conflict too, so that their change is seen before it disappears."""
    check_editor(user, paragraph.revision)
    revision = _draft_for_update(paragraph.revision)
    try:
        current = locked_at_version(
            Paragraph.objects.filter(revision=revision), pk=paragraph.pk, version=version
        )
    except Paragraph.DoesNotExist:
        return  # already deleted by somebody else: the wish is fulfilled
    current.delete()
    _renumber(revision, list(revision.paragraphs.order_by("position", "id")))


@transaction.atomic
def paragraph_move(*, paragraph: Paragraph, user: User, direction: str) -> Paragraph:
    """Swap the paragraph with its neighbour. Moving does not change the text, so it does not
    bump the version: an editor busy with the text gets no spurious conflict."""
    check_editor(user, paragraph.revision)
    if direction not in ("up", "down"):
        raise ValidationError({"direction": _("Move up or down.")})
    revision = _draft_for_update(paragraph.revision)
    ordered = list(revision.paragraphs.order_by("position", "id"))
    index = next((i for i, p in enumerate(ordered) if p.pk == paragraph.pk), None)
    if index is None:
        raise ValidationError({"paragraph": _("This paragraph is not part of this draft.")})
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(ordered):
        ordered[index], ordered[other] = ordered[other], ordered[index]
    _renumber(revision, ordered)
    return ordered[other] if 0 <= other < len(ordered) else ordered[index]
