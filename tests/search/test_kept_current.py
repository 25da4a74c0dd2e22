"""The index follows every change of what it covers, once the change commits, without anyone
running `search_reindex`; and `search_reindex` rebuilds it all."""

from django.core.management import call_command

from drafts.services import paragraph_delete, paragraph_update, revision_publish
from initiatives.models import Section
from initiatives.services import section_update
from programme.models import AgendaItem, Meeting
from search.models import Entry
from tests.factories import InitiativeFactory, SummitFactory


def _edit(paragraph, user, ru, en):
    return paragraph_update(
        paragraph=paragraph,
        user=user,
        version=paragraph.version,
        kind=paragraph.kind,
        text_ru=ru,
        text_en=en,
    )


def test_an_edit_of_the_draft_then_its_publication_reach_the_index(
    publish, committed, find, anonymous, secretariat
):
    with committed():
        document = publish(("Охрана вод;", "Protection of waters;"))
    assert find(anonymous, "воды") == [("paragraph", "Охрана вод;")]
    draft = document.revisions.drafts().get()

    with committed():
        _edit(draft.paragraphs.get(), secretariat, "Охрана вод и ледников;", "Waters and glaciers;")
    assert find(secretariat, "ледники") == [("paragraph", "Охрана вод и ледников;")]
    assert find(anonymous, "ледники") == []

    with committed():
        revision_publish(revision=draft, user=secretariat)
    assert find(anonymous, "ледники") == [("paragraph", "Охрана вод и ледников;")]
    assert find(anonymous, "glacier", "en") == [("paragraph", "Waters and glaciers;")]
    # The text published before is replaced by the latest: found once, not per revision.
    assert find(anonymous, "воды") == [("paragraph", "Охрана вод и ледников;")]
    # The new draft is a copy of it: nothing only the secretariat would find.
    assert find(secretariat, "воды") == find(anonymous, "воды")


def test_a_paragraph_deleted_from_the_draft_leaves_the_index(publish, committed, find, secretariat):
    with committed():
        document = publish(("Охрана вод;", "Waters;"))
        draft = document.revisions.drafts().get()
    with committed():
        _edit(draft.paragraphs.get(), secretariat, "Охрана ледников;", "Glaciers;")
    assert find(secretariat, "ледник") == [("paragraph", "Охрана ледников;")]

    with committed():
        paragraph = draft.paragraphs.get()
        paragraph_delete(paragraph=paragraph, user=secretariat, version=paragraph.version)

    assert find(secretariat, "ледник") == []


def test_an_initiatives_sections_are_indexed_as_they_are_edited(
    committed, find, anonymous, secretariat
):
    with committed():
        initiative = InitiativeFactory(title_ru="Зелёный щит", title_en="Green Shield")
        section = Section.objects.create(initiative=initiative, kind="background", body_ru="Текст.")
    with committed():
        section_update(
            section=section,
            user=secretariat,
            version=section.version,
            body_ru="Сохранение снежного барса.",
            body_en="Conserving the snow leopard.",
        )

    assert find(anonymous, "барсы") == [("section", "Сохранение снежного барса.")]
    assert find(anonymous, "leopards", "en") == [("section", "Conserving the snow leopard.")]
    # A section is found by its initiative's name too, which it is listed under.
    assert find(anonymous, "щит", kind="initiative") == [("initiative", initiative.summary_ru)]
    assert len(find(anonymous, "щит")) == 2

    with committed():
        initiative.delete()
    assert find(anonymous, "барсы") == []
    assert find(anonymous, "щит") == []


def test_a_meeting_and_its_agenda_are_indexed(committed, find, anonymous):
    with committed():
        meeting = Meeting.objects.create(
            summit=SummitFactory(),
            kind="preparatory",
            slug="almaty",
            title_ru="Подготовительное совещание",
            title_en="Preparatory meeting",
            place_ru="Алматы",
            place_en="Almaty",
        )
    with committed():
        AgendaItem.objects.create(
            meeting=meeting,
            position=1,
            title_ru="Открытие совещания",
            title_en="Opening of the meeting",
        )

    assert find(anonymous, "совещании", meeting=meeting.pk) == [
        ("meeting", "1. Открытие совещания")
    ]
    assert find(anonymous, "opening", "en", kind="meeting") == [
        ("meeting", "1. Opening of the meeting")
    ]
    assert find(anonymous, "совещание", meeting=meeting.pk + 1) == []


def test_search_reindex_rebuilds_everything(publish, find, anonymous):
    publish(("Охрана вод;", "Waters;"))  # never committed: the index knows nothing of it
    assert find(anonymous, "воды") == []
    Entry.objects.create(
        unit="outcome:999999",
        kind="paragraph",
        language="ru",
        audience="public",
        title="Stale",
        body="воды",
        url="/",
    )

    call_command("search_reindex", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert find(anonymous, "воды") == [("paragraph", "Охрана вод;")]
    assert not Entry.objects.filter(title="Stale").exists()
