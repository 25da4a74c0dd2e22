"""Symbols in the UN's pattern: numbered per meeting and series under the meeting's prefix,
with /Rev.n, /Add.n and /Corr.n for what revises, adds to or corrects another document."""

import pytest
from django.core.exceptions import ValidationError

from programme.models import Meeting
from register.models import Document, Register
from register.services import prefix_derived, register_of


def test_the_first_preparatory_meeting_numbers_under_its_prefix(issue):
    first = issue("INF")
    second = issue("INF")
    crp = issue("CRP")
    assert [first.symbol, second.symbol, crp.symbol] == [
        "RES-2026/PREP/1/INF/1",
        "RES-2026/PREP/1/INF/2",
        "RES-2026/PREP/1/CRP/1",
    ]


def test_the_summit_itself_takes_the_acronym_and_a_second_preparatory_meeting_its_number(
    almaty, summit
):
    second = Meeting.objects.create(
        summit=summit,
        kind="preparatory",
        title="Second",
        place="X",
        slug="second",
        start_date=almaty.start_date.replace(month=3),
    )
    plenary = Meeting.objects.create(
        summit=summit, kind="summit", title="Summit", place="Astana", slug="summit"
    )
    assert prefix_derived(second) == "RES-2026/PREP/2"
    assert prefix_derived(plenary) == "RES-2026"


def test_a_meeting_keeps_its_prefix_once_it_has_one(almaty, summit):
    assert register_of(almaty).prefix == "RES-2026/PREP/1"
    earlier = Meeting.objects.create(
        summit=summit,
        kind="preparatory",
        title="Earlier",
        place="X",
        slug="earlier",
        start_date=almaty.start_date.replace(month=1),
    )
    assert register_of(almaty).prefix == "RES-2026/PREP/1"
    assert register_of(earlier).prefix == "RES-2026/PREP/2"  # PREP/1 is taken
    assert Register.objects.count() == 2


def test_revisions_addenda_and_corrigenda_take_the_symbol_they_name(issue):
    original = issue("INF")
    rev1 = issue("INF", revises=original)
    rev2 = issue("INF", revises=rev1)  # a revision of a revision revises the original
    add1 = issue("INF", adds_to=original)
    corr1 = issue("INF", corrects=rev2)
    assert rev1.symbol == "RES-2026/PREP/1/INF/1/Rev.1"
    assert rev2.symbol == "RES-2026/PREP/1/INF/1/Rev.2"
    assert rev2.revises == original
    assert add1.symbol == "RES-2026/PREP/1/INF/1/Add.1"
    assert corr1.symbol == "RES-2026/PREP/1/INF/1/Rev.2/Corr.1"
    # The next document of the series still gets the next number.
    assert issue("INF").symbol == "RES-2026/PREP/1/INF/2"


def test_a_related_document_takes_the_series_of_the_one_it_names(issue):
    original = issue("CRP")
    assert issue("INF", revises=original).symbol == "RES-2026/PREP/1/CRP/1/Rev.1"


def test_the_latest_revision_supersedes_the_earlier_ones(issue):
    original = issue("L")
    assert original.superseded_by is None
    rev1 = issue("L", revises=original)
    add1 = issue("L", adds_to=original)
    assert original.superseded_by == rev1
    rev2 = issue("L", revises=original)
    assert original.superseded_by == rev2
    assert rev1.superseded_by == rev2
    assert rev2.superseded_by is None
    assert add1.superseded_by is None
    annotated = {d.symbol: d.superseded_by_symbol for d in Document.objects.with_superseded_by()}
    assert annotated == {
        original.symbol: rev2.symbol,
        rev1.symbol: rev2.symbol,
        rev2.symbol: None,
        add1.symbol: None,
    }
    assert set(Document.objects.superseded()) == {original, rev1}
    assert set(Document.objects.current()) == {rev2, add1}


def test_a_document_names_one_other_and_of_the_same_meeting(issue, summit, secretariat):
    original = issue("INF")
    with pytest.raises(ValidationError):
        issue("INF", revises=original, corrects=original)
    other = Meeting.objects.create(summit=summit, kind="side_event", title="S", place="P", slug="s")
    with pytest.raises(ValidationError) as refused:
        issue("INF", meeting=other, revises=original)
    assert "revises" in refused.value.message_dict


def test_the_agenda_item_must_be_the_meetings(issue, agenda_item, summit):
    assert issue("INF", agenda_item=agenda_item).agenda_item == agenda_item
    other = Meeting.objects.create(summit=summit, kind="side_event", title="S", place="P", slug="s")
    with pytest.raises(ValidationError):
        issue("INF", meeting=other, agenda_item=agenda_item)


def test_titles_are_required_in_every_language(issue):
    with pytest.raises(ValidationError) as refused:
        issue("INF", title_en="")
    assert "title_en" in refused.value.message_dict
    assert not Document.objects.exists()


def test_an_unknown_series_is_refused(issue):
    with pytest.raises(ValidationError):
        issue("XYZ")


def test_an_addendum_is_superseded_only_by_its_own_revision(issue):
    original = issue("INF")
    add1 = issue("INF", adds_to=original)
    add2 = issue("INF", adds_to=original)
    issue("INF", revises=original)
    assert add2.superseded_by is None
    add2_rev1 = issue("INF", revises=add2)
    assert add2_rev1.symbol == "RES-2026/PREP/1/INF/1/Add.2/Rev.1"
    assert add2.superseded_by == add2_rev1 and add1.superseded_by is None
    annotated = Document.objects.with_superseded_by().get(pk=add2.pk)
    assert annotated.superseded_by_symbol == add2_rev1.symbol
