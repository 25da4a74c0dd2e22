import pytest

from initiatives.models import FundingEntry, Section
from initiatives.services import section_update
from portal.concurrency import EditConflict
from tests.factories import DelegationFactory, InitiativeFactory


@pytest.fixture
def section(db):
    initiative = InitiativeFactory(slug="green-shield")
    return Section.objects.create(
        initiative=initiative, kind="objectives", body_ru="Цели", body_en="Objectives"
    )


def test_every_saved_edit_is_kept_in_the_history(section, secretariat):
    section_update(section=section, user=secretariat, body_ru="Цели 2", body_en="Aims 2", version=1)
    section_update(section=section, user=secretariat, body_ru="Цели 3", body_en="Aims 3", version=2)

    section.refresh_from_db()
    assert section.version == 3
    assert list(section.versions.values_list("number", "body_en")) == [(3, "Aims 3"), (2, "Aims 2")]


def test_a_stale_edit_is_a_conflict_and_overwrites_nothing(section, secretariat):
    section_update(section=section, user=secretariat, body_ru="A", body_en="Alice's", version=1)

    with pytest.raises(EditConflict) as conflict:
        section_update(section=section, user=secretariat, body_ru="B", body_en="Bob's", version=1)

    assert conflict.value.current.body_en == "Alice's"
    section.refresh_from_db()
    assert section.body_en == "Alice's"


def test_the_editor_shows_both_texts_on_a_conflict(client, section, secretariat):
    client.force_login(secretariat)
    url = "/en/initiatives/green-shield/sections/objectives/edit/"
    client.post(url, {"body_ru": "Алиса", "body_en": "Alice's text", "version": 1})

    response = client.post(url, {"body_ru": "Боб", "body_en": "Bob's text", "version": 1})

    assert response.status_code == 409
    body = response.content.decode()
    assert "Alice&#x27;s text" in body
    assert "Bob&#x27;s text" in body
    section.refresh_from_db()
    assert section.body_en == "Alice's text"


def test_history_shows_a_word_diff_between_versions(client, section, secretariat):
    client.force_login(secretariat)
    url = "/en/initiatives/green-shield/sections/objectives/edit/"
    client.post(url, {"body_ru": "Цели", "body_en": "Clear objectives", "version": 1})
    client.post(url, {"body_ru": "Цели", "body_en": "Clear and shared objectives", "version": 2})

    body = client.get(
        "/en/initiatives/green-shield/sections/objectives/history/?from=2&to=3"
    ).content.decode()

    assert "<ins>and shared </ins>" in body or "<ins> and shared</ins>" in body
    # Without a choice, the history opens on the latest change.
    latest = client.get("/en/initiatives/green-shield/sections/objectives/history/")
    assert (latest.context["compare"]["old"].number, latest.context["compare"]["new"].number) == (
        2,
        3,
    )


def test_secretariat_adds_a_funding_entry_and_bad_input_gets_an_error(client, section, secretariat):
    undp = DelegationFactory(kind="organisation", iso_code="", name_en="UNDP")
    client.force_login(secretariat)
    url = "/en/initiatives/green-shield/funding/"

    bad = client.post(
        url, {"source": undp.pk, "amount": "-5", "currency": "USD", "status": "pledged"}
    )
    assert bad.status_code == 400
    assert not FundingEntry.objects.exists()

    ok = client.post(
        url, {"source": undp.pk, "amount": "1000", "currency": "USD", "status": "pledged"}
    )
    assert ok.status_code == 302
    assert FundingEntry.objects.get().amount == 1000


@pytest.mark.parametrize("who", [None, "alice"])
def test_only_the_secretariat_opens_the_initiative_editor(client, section, alice, who):
    if who:
        client.force_login(alice)
    response = client.get("/en/initiatives/green-shield/edit/")
    assert response.status_code == (403 if who else 302)


def test_secretariat_builds_the_results_framework(client, section, secretariat):
    client.force_login(secretariat)
    base = "/en/initiatives/green-shield/results/add/"

    client.post(base + "outcome/", {"title_ru": "Итог", "title_en": "Outcome A", "position": 1})
    outcome = section.initiative.outcomes.get()
    client.post(
        base + "output/",
        {"outcome": outcome.pk, "title_ru": "Продукт", "title_en": "Output A", "position": 1},
    )
    output = outcome.outputs.get()
    response = client.post(
        base + "indicator/",
        {
            "output": output.pk,
            "title_ru": "Площадь",
            "title_en": "Area",
            "unit_ru": "га",
            "unit_en": "ha",
            "baseline": "0",
            "target": "100",
            "position": 1,
        },
    )

    assert response.status_code == 302
    assert output.indicators.get().target == "100"
    public = client.get("/en/initiatives/green-shield/").content.decode()
    assert "Outcome A" in public and "Area" in public


def test_an_output_cannot_be_attached_to_another_initiatives_outcome(client, section, secretariat):
    other = InitiativeFactory()
    foreign = other.outcomes.create(title_en="Foreign", title_ru="Чужой")
    client.force_login(secretariat)

    response = client.post(
        "/en/initiatives/green-shield/results/add/output/",
        {"outcome": foreign.pk, "title_ru": "x", "title_en": "x", "position": 1},
    )

    assert response.status_code == 400
    assert not foreign.outputs.exists()
