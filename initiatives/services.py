from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from portal.concurrency import locked_at_version

from .models import SECTION_MAX_LENGTH, FundingEntry, Initiative, Section, SectionVersion


@transaction.atomic
def section_update(
    *, section: Section, user: User, body_ru: str, body_en: str, version: int
) -> Section:
    """Save a new text of a section and keep the previous one in its history.

    `version` is the version the editor started from: if somebody saved in between,
    nothing is written and EditConflict carries the current text.
    """
    for field, text in (("body_ru", body_ru), ("body_en", body_en)):
        if len(text) > SECTION_MAX_LENGTH:
            raise ValidationError(
                {field: _("At most %(max)d characters, please.") % {"max": SECTION_MAX_LENGTH}}
            )
    section = locked_at_version(Section.objects, pk=section.pk, version=version)
    section.body_ru, section.body_en = body_ru, body_en
    section.version += 1
    section.save(update_fields=["body_ru", "body_en", "version", "updated_at"])
    SectionVersion.objects.create(
        section=section,
        number=section.version,
        body_ru=body_ru,
        body_en=body_en,
        edited_by=user,
    )
    Initiative.objects.filter(pk=section.initiative_id).update(updated_at=section.updated_at)
    return section


def funding_entry_add(*, initiative: Initiative, **fields) -> FundingEntry:
    entry = FundingEntry(initiative=initiative, **fields)
    entry.full_clean()
    entry.save()
    return entry
