from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from portal.concurrency import locked_at_version
from portal.languages import localized_names

from .models import SECTION_MAX_LENGTH, FundingEntry, Initiative, Section, SectionVersion


@transaction.atomic
def section_update(*, section: Section, user: User, version: int, **bodies: str) -> Section:
    """Save a new text of a section and keep the previous one in its history.

    `bodies` are the text in each language, by column (`body_ru=…`, `body_en=…`); a
    language left out is saved empty. `version` is the version the editor started from: if
    somebody saved in between, nothing is written and EditConflict carries the current text.
    """
    columns = localized_names("body")
    unknown = set(bodies) - set(columns)
    if unknown:
        raise TypeError(f"section_update() got unexpected keyword arguments {sorted(unknown)}")
    bodies = {column: bodies.get(column) or "" for column in columns}
    for column, text in bodies.items():
        if len(text) > SECTION_MAX_LENGTH:
            raise ValidationError(
                {column: _("At most %(max)d characters, please.") % {"max": SECTION_MAX_LENGTH}}
            )
    section = locked_at_version(Section.objects, pk=section.pk, version=version)
    for column, text in bodies.items():
        setattr(section, column, text)
    section.version += 1
    section.save(update_fields=[*columns, "version", "updated_at"])
    SectionVersion.objects.create(section=section, number=section.version, edited_by=user, **bodies)
    Initiative.objects.filter(pk=section.initiative_id).update(updated_at=section.updated_at)
    return section


def funding_entry_add(*, initiative: Initiative, **fields) -> FundingEntry:
    entry = FundingEntry(initiative=initiative, **fields)
    entry.full_clean()
    entry.save()
    return entry
