"""A draft started from an Akoma Ntoso file (one file per language edition)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from accounts.models import User
from drafts.models import OutcomeDocument, Paragraph, Revision, new_paragraph_key
from drafts.services.editor import check_editor, clean_paragraph_texts
from portal.languages import language_codes

from .documents import AknParagraph, AknRefused, akn_language, akn_paragraphs


def _editions(editions: dict[str, bytes]) -> dict[str, list[AknParagraph]]:
    """Each file read and checked; the editions must match paragraph by paragraph (same
    kinds, in the same order)."""
    if not editions:
        raise ValidationError(
            {language_codes()[0]: _("Give at least one language edition of the text.")}
        )
    read = {}
    for language, data in editions.items():
        try:
            file_language = akn_language(data)
            if file_language and file_language != language:
                raise AknRefused(_("This file is another language's edition."))
            read[language] = akn_paragraphs(data)
        except AknRefused as error:
            raise ValidationError({language: str(error)}) from error
    kinds = {language: [p.kind for p in paragraphs] for language, paragraphs in read.items()}
    leading, *others = kinds
    for language in others:
        if kinds[language] != kinds[leading]:
            raise ValidationError(
                {language: _("The editions do not have the same paragraphs in the same order.")}
            )
    return read


@transaction.atomic
def draft_import_akn(
    *,
    document: OutcomeDocument,
    user: User,
    editions: dict[str, bytes],
    replace_edits: bool = False,
) -> Revision:
    """Replace the document's draft with the paragraphs of the AKN file(s), or start the draft
    if there is none. A paragraph keeps its key (and so its comments' thread and its eId) when
    the file names a paragraph of the draft or of a published revision. Edits made in the
    draft since it was started are replaced only when `replace_edits` says so: nothing the
    secretariat wrote disappears without being asked."""
    read = _editions(editions)
    draft = document.revisions.select_for_update().filter(state=Revision.State.DRAFT).first()
    if draft is None:
        last = document.revisions.aggregate(last=Max("number"))["last"] or 0
        draft = Revision.objects.create(document=document, number=last + 1)
    check_editor(user, draft)
    current = {p.key: p for p in draft.paragraphs.all()}
    if not replace_edits and any(p.version > 1 for p in current.values()):
        raise ValidationError(
            {
                "replace_edits": _(
                    "The draft has been edited since it was started: confirm that the import "
                    "replaces those edits."
                )
            }
        )
    known = set(current) | set(
        Paragraph.objects.filter(revision__document=document).values_list("key", flat=True)
    )
    leading = next(iter(read.values()))
    paragraphs, used = [], set()
    for position, item in enumerate(leading, start=1):
        key = item.key if item.key in known and item.key not in used else new_paragraph_key()
        used.add(key)
        before = current.get(key)
        texts = {
            language: (read[language][position - 1].text if language in read else "")
            or (getattr(before, build_localized_fieldname("text", language), "") if before else "")
            for language in language_codes()
        }
        columns = {
            build_localized_fieldname("text", language): text
            for language, text in clean_paragraph_texts(texts).items()
        }
        paragraphs.append(
            Paragraph(
                revision=draft,
                key=key,
                position=position,
                kind=item.kind,
                negotiation=item.negotiation,
                **columns,
            )
        )
    draft.paragraphs.all().delete()
    Paragraph.objects.bulk_create(paragraphs)
    return draft
