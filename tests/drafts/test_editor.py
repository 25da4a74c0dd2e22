import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from drafts.models import OutcomeDocument, Paragraph, Revision, RevisionFrozen
from drafts.selectors import paragraphs_numbered
from drafts.services import paragraph_add, paragraph_delete, paragraph_move, paragraph_update
from portal.concurrency import EditConflict
from tests.factories import DelegationFactory, MembershipFactory, UserFactory

# These tests read the interface and the texts in English.
pytestmark = pytest.mark.usefixtures("english")


def _texts(revision):
    return [p.text_en for p in paragraphs_numbered(revision)]


def test_secretariat_adds_a_paragraph_after_another_and_positions_follow(
    secretariat, draft_revision
):
    second = draft_revision.paragraphs.get(position=2)

    added = paragraph_add(
        revision=draft_revision,
        user=secretariat,
        kind="operative",
        text_ru="новый",
        text_en="new",
        after=second,
    )

    assert added.position == 3
    assert _texts(draft_revision)[2] == "new"
    assert list(draft_revision.paragraphs.values_list("position", flat=True)) == [1, 2, 3, 4, 5, 6]


def test_moving_and_deleting_renumber_the_operative_paragraphs(secretariat, draft_revision):
    last = draft_revision.paragraphs.get(position=5)
    first_op = draft_revision.paragraphs.get(position=3)

    paragraph_move(paragraph=last, user=secretariat, direction="up")
    paragraph_delete(paragraph=first_op, user=secretariat, version=first_op.version)

    numbered = paragraphs_numbered(draft_revision)
    assert [p.number for p in numbered] == [None, None, 1, 2]
    assert numbered[2].key == last.key


def test_a_stale_save_is_a_conflict_and_nothing_is_overwritten(secretariat, draft_revision):
    paragraph = draft_revision.paragraphs.get(position=3)
    paragraph_update(
        paragraph=paragraph, user=secretariat, version=1, kind="operative", text_en="Alice's"
    )

    with pytest.raises(EditConflict) as conflict:
        paragraph_update(
            paragraph=paragraph, user=secretariat, version=1, kind="operative", text_en="Bob's"
        )
    with pytest.raises(EditConflict):
        paragraph_delete(paragraph=paragraph, user=secretariat, version=1)

    assert conflict.value.current.text_en == "Alice's"
    paragraph.refresh_from_db()
    assert paragraph.text_en == "Alice's" and paragraph.version == 2


def test_bracketing_names_the_delegation_that_asked(secretariat, draft_revision):
    paragraph = draft_revision.paragraphs.get(position=3)
    with pytest.raises(ValidationError):
        paragraph_update(
            paragraph=paragraph,
            user=secretariat,
            version=1,
            kind="operative",
            text_en="x",
            negotiation="bracketed",
        )
    kazakhstan = DelegationFactory()
    paragraph = paragraph_update(
        paragraph=paragraph,
        user=secretariat,
        version=1,
        kind="operative",
        text_en="x",
        negotiation="bracketed",
        bracketed_by=kazakhstan,
    )
    assert paragraph.bracketed_by == kazakhstan


def test_published_paragraphs_and_delegates_cannot_edit(alice, secretariat, published_revision):
    paragraph = published_revision.paragraphs.first()
    with pytest.raises(RevisionFrozen):
        paragraph_update(
            paragraph=paragraph, user=secretariat, version=1, kind="heading", text_en="x"
        )
    draft = Revision.objects.get(document=published_revision.document, number=2)
    with pytest.raises(PermissionDenied):
        paragraph_add(revision=draft, user=alice, kind="operative", text_en="mine")


def test_a_paragraph_needs_text(secretariat, draft_revision):
    with pytest.raises(ValidationError):
        paragraph_add(revision=draft_revision, user=secretariat, kind="operative")


# --- Through the views --------------------------------------------------------------------


def _editor_urls(document, key):
    return [
        ("get", reverse("draft_editor", args=[document.slug])),
        ("get", reverse("paragraph_edit", args=[document.slug, key])),
        ("post", reverse("paragraph_move", args=[document.slug, key])),
        ("post", reverse("paragraph_delete", args=[document.slug, key])),
        ("post", reverse("paragraph_add", args=[document.slug])),
        ("get", reverse("revision_publish", args=[document.slug])),
        ("get", reverse("document_settings", args=[document.slug])),
    ]


@pytest.mark.parametrize("who", ["outsider", "delegate", "head"])
def test_only_the_secretariat_reaches_the_editor(client, draft_revision, who):
    user = {
        "outsider": lambda: UserFactory(),
        "delegate": lambda: MembershipFactory().user,
        "head": lambda: MembershipFactory(role="head").user,
    }[who]()
    client.force_login(user)
    key = draft_revision.paragraphs.first().key
    for method, url in _editor_urls(draft_revision.document, key):
        assert getattr(client, method)(url).status_code == 403, url
    assert Paragraph.objects.filter(key=key).exists()


def test_anonymous_visitors_are_sent_to_log_in(client, draft_revision):
    response = client.get(reverse("draft_editor", args=[draft_revision.document.slug]))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_two_editors_saving_the_same_paragraph_get_a_conflict_screen(
    client, secretariat, draft_revision
):
    paragraph = draft_revision.paragraphs.get(position=3)
    url = reverse("paragraph_edit", args=[draft_revision.document.slug, paragraph.key])
    client.force_login(secretariat)
    form = {"kind": "operative", "text_ru": "ру", "negotiation": "proposed", "version": 1}

    first = client.post(url, {**form, "text_en": "First editor"})
    second = client.post(url, {**form, "text_en": "Second editor"})

    assert first.status_code == 302
    assert second.status_code == 409
    content = second.content.decode()
    assert "First editor" in content and "Second editor" in content
    assert second.context["form"].initial["version"] == 2
    paragraph.refresh_from_db()
    assert paragraph.text_en == "First editor"


def test_editor_views_add_move_delete(client, secretariat, draft_revision):
    client.force_login(secretariat)
    slug = draft_revision.document.slug
    last = draft_revision.paragraphs.get(position=5)

    assert client.get(reverse("draft_editor", args=[slug])).status_code == 200
    response = client.post(
        reverse("paragraph_add", args=[slug]), {"kind": "operative", "text_en": "appended"}
    )
    assert response.status_code == 302
    assert (
        client.post(reverse("paragraph_add", args=[slug]), {"kind": "operative"}).status_code == 400
    )
    client.post(reverse("paragraph_move", args=[slug, last.key]), {"direction": "down"})
    assert _texts(draft_revision)[-1] == last.text_en
    response = client.post(reverse("paragraph_move", args=[slug, last.key]), {"direction": "x"})
    assert response.status_code == 400
    response = client.post(
        reverse("paragraph_delete", args=[slug, last.key]), {"version": last.version}
    )
    assert response.status_code == 302
    assert not draft_revision.paragraphs.filter(key=last.key).exists()
    assert client.post(reverse("paragraph_delete", args=[slug, "zz"]), {}).status_code == 404


def test_publishing_freezes_the_draft_and_mails_delegates_in_their_language(
    client, secretariat, draft_revision, django_capture_on_commit_callbacks
):
    russian = MembershipFactory(user__email="ru@example.org", user__language="ru").user
    english = MembershipFactory(user__email="en@example.org", user__language="en").user
    client.force_login(secretariat)
    url = reverse("revision_publish", args=[draft_revision.document.slug])

    assert client.post(url, {"summary_ru": "", "summary_en": ""}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"summary_ru": "Правки", "summary_en": "Edits"})

    assert response.status_code == 302
    draft_revision.refresh_from_db()
    assert draft_revision.is_published and draft_revision.notified_at is not None
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {russian.email, english.email}
    assert "revision 1 is published" in by_recipient[english.email].subject
    assert "/en/documents/" in by_recipient[english.email].body
    assert "Edits" in by_recipient[english.email].body
    assert "/ru/documents/" in by_recipient[russian.email].body
    assert "Правки" in by_recipient[russian.email].body
    assert Revision.objects.filter(document=draft_revision.document, state="draft").count() == 1


def test_the_notification_is_sent_once(
    secretariat, draft_revision, django_capture_on_commit_callbacks
):
    # The mail is the subscriptions' now (delegates follow the documents by default); the
    # revision announced again (a retried or duplicated notice) tells nobody twice.
    from drafts.services import revision_announce, revision_publish

    MembershipFactory()
    with django_capture_on_commit_callbacks(execute=True):
        revision = revision_publish(revision=draft_revision, user=secretariat)
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        revision_announce(revision)
    assert len(mail.outbox) == 1


def test_status_and_deadline_are_entered_in_almaty_time(client, secretariat, published_revision):
    document = published_revision.document
    document.status = OutcomeDocument.Status.DRAFTING
    document.save()
    client.force_login(secretariat)
    url = reverse("document_settings", args=[document.slug])

    response = client.post(url, {"status": "consultation", "comment_deadline": "2030-03-01T17:00"})

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == "consultation"
    assert document.comment_deadline.isoformat() == "2030-03-01T12:00:00+00:00"
    assert "2030-03-01T17:00" in client.get(url).content.decode()


def test_impossible_status_changes_and_bad_dates_are_form_errors(
    client, secretariat, published_revision
):
    document = published_revision.document
    client.force_login(secretariat)
    url = reverse("document_settings", args=[document.slug])

    assert client.post(url, {"status": "drafting"}).status_code == 400
    assert client.post(url, {"status": "closed", "comment_deadline": "soon"}).status_code == 400
    assert client.post(url, {"status": "nonsense"}).status_code == 400
    document.refresh_from_db()
    assert document.status == "consultation"


def test_a_broker_outage_does_not_break_publishing_and_notifying_can_be_retried(
    client, secretariat, draft_revision, django_capture_on_commit_callbacks, monkeypatch
):
    from subscriptions import services as subscriptions

    MembershipFactory()
    client.force_login(secretariat)
    slug = draft_revision.document.slug

    def broker_down(*args, **kwargs):
        raise ConnectionError("broker unreachable")

    with monkeypatch.context() as patched:
        patched.setattr(subscriptions.deliver_event, "delay", broker_down)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("revision_publish", args=[slug]), {"summary_en": "R1"})
    assert response.status_code == 302
    draft_revision.refresh_from_db()
    assert draft_revision.is_published and draft_revision.notified_at is None
    page = client.get(reverse("document_detail", args=[slug])).content.decode()
    assert "have not been notified" in page

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("revision_notify", args=[slug, 1]))
    draft_revision.refresh_from_db()
    assert draft_revision.notified_at is not None
    assert len(mail.outbox) == 1
