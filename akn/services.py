"""A draft started from an Akoma Ntoso file (one file per language edition)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from accounts.models import User
from drafts.models import OutcomeDocument, Paragraph, Revision, new_paragraph_key
from drafts.services.editor import check_editor, clean_paragraph_texts

from .documents import AknParagraph, AknRefused, akn_language, akn_paragraphs


def _editions(editions: dict[str, bytes]) -> dict[str, list[AknParagraph]]:
    """Each file read and checked; the Russian and English editions must match paragraph by
    paragraph (same kinds, in the same order)."""
    if not editions:
        raise ValidationError({"ru": _("Give the Russian or the English edition, or both.")})
    read = {}
    for language, data in editions.items():
        try:
            file_language = akn_language(data)
            if file_language and file_language != language:
                raise AknRefused(_("This file is another language's edition."))
            read[language] = akn_paragraphs(data)
        except AknRefused as error:
            raise ValidationError({language: str(error)}) from error
    if len(read) == 2:
        kinds = {language: [p.kind for p in paragraphs] for language, paragraphs in read.items()}
        if kinds["ru"] != kinds["en"]:
            raise ValidationError(
                {"en": _("The two editions do not have the same paragraphs in the same order.")}
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
            or (getattr(before, f"text_{language}", "") if before else "")
            for language in ("ru", "en")
        }
        text_ru, text_en = clean_paragraph_texts(texts["ru"], texts["en"])
        paragraphs.append(
            Paragraph(
                revision=draft,
                key=key,
                position=position,
                kind=item.kind,
                text_ru=text_ru,
                text_en=text_en,
                negotiation=item.negotiation,
            )
        )
    draft.paragraphs.all().delete()
    Paragraph.objects.bulk_create(paragraphs)
    return draft
