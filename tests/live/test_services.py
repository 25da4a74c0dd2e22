"""Live negotiation's services: saved first, broadcast after commit; stale edits refused with
the current text; inserted paragraphs numbered bis, ter; closing writes the draft."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from drafts.models import Paragraph, Revision
from live.models import FloorRequest, LiveChange, LiveParagraph
from live.services import (
    floor_toggle,
    focus_set,
    paragraph_edit,
    paragraph_insert,
    session_close,
    session_open,
)
from portal.concurrency import EditConflict


def keys(session):
    return list(session.paragraphs.order_by("position").values_list("key", flat=True))


def test_opening_copies_the_drafts_paragraphs_in_the_sessions_language(
    live_session, draft_revision
):
    paragraphs = list(live_session.paragraphs.order_by("position"))
    assert [p.key for p in paragraphs] == list(
        draft_revision.paragraphs.order_by("position").values_list("key", flat=True)
    )
    assert paragraphs[0].text == "Declaration"
    assert [p.label for p in paragraphs][:3] == ["H1", "PP1", "OP1"]
    assert live_session.focus == paragraphs[0].key


def test_a_second_session_on_the_same_document_is_refused(
    live_session, draft_revision, secretariat
):
    with pytest.raises(ValidationError):
        session_open(revision=draft_revision, user=secretariat, language="en")


def test_only_the_secretariat_with_its_second_factor_opens(
    draft_revision, secretariat_without_totp, alice
):
    for user in (secretariat_without_totp, alice):
        with pytest.raises(PermissionDenied):
            session_open(revision=draft_revision, user=user, language="en")


def test_an_edit_is_a_change_row_and_bumps_the_versions(live_session, secretariat):
    key = keys(live_session)[2]
    edited = paragraph_edit(
        session=live_session, key=key, user=secretariat, version=1, text="calls [delete – KZ] for"
    )
    assert edited.version == 2
    assert edited.other_out_of_date
    change = LiveChange.objects.get()
    assert (change.paragraph, change.user, change.field) == (edited, secretariat, "text")
    assert change.after == "calls [delete – KZ] for"
    live_session.refresh_from_db()
    assert live_session.version == 2


def test_a_stale_edit_is_refused_with_the_current_text(live_session, secretariat):
    key = keys(live_session)[2]
    paragraph_edit(session=live_session, key=key, user=secretariat, version=1, text="the chair's")
    with pytest.raises(EditConflict) as conflict:
        paragraph_edit(
            session=live_session, key=key, user=secretariat, version=1, text="the secretary's"
        )
    assert conflict.value.current.text == "the chair's"
    assert LiveParagraph.objects.get(session=live_session, key=key).text == "the chair's"


def test_a_delegate_cannot_edit(live_session, alice):
    with pytest.raises(PermissionDenied):
        paragraph_edit(
            session=live_session, key=keys(live_session)[2], user=alice, version=1, text="mine"
        )


def test_an_edit_of_more_than_a_paragraph_is_refused(live_session, secretariat):
    with pytest.raises(ValidationError):
        paragraph_edit(
            session=live_session,
            key=keys(live_session)[2],
            user=secretariat,
            version=1,
            text="x" * 1_000_000,
        )


def test_inserted_paragraphs_are_bis_then_ter_after_the_one_they_follow(live_session, secretariat):
    op1 = keys(live_session)[2]
    bis = paragraph_insert(session=live_session, after=op1, user=secretariat, text="new one")
    ter = paragraph_insert(session=live_session, after=op1, user=secretariat, text="another")
    after_bis = paragraph_insert(session=live_session, after=bis.key, user=secretariat)
    assert (bis.label, ter.label, after_bis.label) == ("OP1 bis", "OP1 ter", "OP1 quater")
    assert keys(live_session)[2:6] == [op1, bis.key, ter.key, after_bis.key]
    live_session.refresh_from_db()
    assert live_session.focus == after_bis.key


def test_the_floor_is_asked_once_per_delegation_and_withdrawn_by_the_same_press(
    live_session, alice, head_a, bob
):
    assert floor_toggle(session=live_session, user=alice) is True
    assert floor_toggle(session=live_session, user=bob) is True
    assert floor_toggle(session=live_session, user=head_a) is False  # Kazakhstan's, withdrawn
    assert floor_toggle(session=live_session, user=head_a) is True
    queue = list(FloorRequest.objects.filter(session=live_session).order_by("at", "id"))
    assert [(r.delegation.iso_code, r.by_head) for r in queue] == [("UZ", False), ("KZ", True)]


def test_the_secretariat_does_not_ask_for_the_floor(live_session, secretariat):
    with pytest.raises(PermissionDenied):
        floor_toggle(session=live_session, user=secretariat)


def test_focus_names_a_paragraph_of_the_session(live_session, secretariat):
    with pytest.raises(ValidationError):
        focus_set(session=live_session, key="nope", user=secretariat)
    focus_set(session=live_session, key=keys(live_session)[3], user=secretariat)
    live_session.refresh_from_db()
    assert live_session.focus == keys(live_session)[3]


def test_closing_writes_the_text_and_statuses_into_the_draft_with_the_session_named(
    live_session, secretariat, draft_revision
):
    op1, op2 = keys(live_session)[2:4]
    paragraph_edit(session=live_session, key=op1, user=secretariat, version=1, text="Agreed text")
    paragraph_edit(session=live_session, key=op2, user=secretariat, version=1, negotiation="agreed")
    bis = paragraph_insert(session=live_session, after=op1, user=secretariat, text="Inserted")
    paragraph_insert(session=live_session, after=op2, user=secretariat)  # left empty: dropped
    revision = session_close(session=live_session, user=secretariat)
    assert revision == draft_revision
    texts = list(
        Paragraph.objects.filter(revision=draft_revision)
        .order_by("position")
        .values_list("key", "text_en", "negotiation")
    )
    assert texts[2] == (op1, "Agreed text", "proposed")
    assert texts[3] == (bis.key, "Inserted", "proposed")
    assert texts[4][0] == op2 and texts[4][2] == "agreed"
    assert len(texts) == 6
    record = Revision.history.filter(id=draft_revision.pk).latest("history_date")
    assert record.history_change_reason == f"Live session #{live_session.pk}"
    assert record.history_user == secretariat
    live_session.refresh_from_db()
    assert live_session.closed_by == secretariat
    with pytest.raises(ValidationError):
        paragraph_edit(session=live_session, key=op1, user=secretariat, version=2, text="late")


def test_changes_are_broadcast_only_after_commit(live_session, secretariat, monkeypatch):
    sent = []
    monkeypatch.setattr("live.services.broadcast", lambda pk, event: sent.append(event))
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        paragraph_edit(
            session=live_session, key=keys(live_session)[2], user=secretariat, version=1, text="x"
        )
        raise RuntimeError  # rolled back: nothing was said
    assert sent == []
