"""What the other apps announce reaches the followers of its meeting, document or call."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from adoption.services import document_adopt
from consultation.services import comment_create
from drafts.models import Paragraph
from register.services import version_add
from submissions.models import Call
from submissions.services import call_compile, call_open
from submissions.signals import call_published
from subscriptions import services
from subscriptions.models import Event
from tests.register.conftest import upload
from tests.subscriptions.conftest import information_document_issue


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def follow(committed):
    def run(user, target_type, target, frequency="immediate"):
        with committed():
            return services.subscription_follow(
                user=user, target_type=target_type, target=target, frequency=frequency
            )[0]

    return run


def _call_open(meeting, secretariat) -> Call:
    return call_open(
        meeting=meeting,
        by=secretariat,
        deadline=timezone.now() + timedelta(days=3),
        who=Call.Who.ALL,
        subjects={"ru": "Вклад в декларацию", "en": "Inputs to the declaration"},
    )


def test_a_document_issued_at_a_meeting_reaches_its_followers(
    english_delegate, russian_delegate, meeting, secretariat, follow, committed
):
    follow(english_delegate, "meeting", meeting)
    follow(russian_delegate, "meeting", meeting, "daily")
    with committed():
        document = information_document_issue(meeting, secretariat)
    assert [m.to for m in mail.outbox] == [[english_delegate.email]]
    assert f"{document.symbol} is issued" in mail.outbox[0].subject
    assert "List of participants" in mail.outbox[0].body

    with committed():
        version_add(document=document, language="en", file=upload(), by=secretariat)
    assert mail.outbox[-1].subject.endswith(
        f"{document.symbol}: a language version is issued (English)"
    )

    assert services.digests_send() == 1
    digest = mail.outbox[-1]
    assert digest.to == [russian_delegate.email]
    assert "Список участников" in digest.body


def test_a_register_documents_followers_hear_of_its_versions_revisions_and_their_corrigenda(
    english_delegate, russian_delegate, meeting, secretariat, follow, committed
):
    def issue(**relation):
        with committed():
            return information_document_issue(meeting, secretariat, **relation)

    original, other = issue(), issue()
    follow(english_delegate, "register_document", original)
    follow(russian_delegate, "register_document", other)
    mail.outbox.clear()

    with committed():
        version_add(document=original, language="en", file=upload(), by=secretariat)
    revision = issue(revises=original)
    corrigendum = issue(corrects=revision)  # names the revision, which names the original
    follow(russian_delegate, "register_document", revision)
    second = issue(revises=original)  # supersedes Rev.1: its followers hear of it too

    english, russian = [english_delegate.email], [russian_delegate.email]
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (english, f"[RES-2026] {original.symbol}: a language version is issued (English)"),
        (english, f"[RES-2026] {revision.symbol} is issued"),
        (english, f"[RES-2026] {corrigendum.symbol} is issued"),
        (english, f"[RES-2026] {second.symbol} is issued"),
        (russian, f"[RES-2026] {second.symbol}: документ выпущен"),
    ]
    assert f"/{corrigendum.pk}/" in mail.outbox[2].body  # the corrigendum's own page


def test_a_call_opened_and_published_reaches_the_meeting_and_the_call_followers(
    english_delegate, russian_delegate, meeting, secretariat, follow, committed
):
    follow(english_delegate, "meeting", meeting)
    with committed():
        call = _call_open(meeting, secretariat)
    assert [m.to for m in mail.outbox] == [[english_delegate.email]]
    assert "Inputs to the declaration" in mail.outbox[0].body
    assert f"/en/calls/{call.pk}/" in mail.outbox[0].body
    assert "Written inputs are accepted until" in mail.outbox[0].body

    follow(russian_delegate, "call", call)
    mail.outbox.clear()
    with committed():
        call_published.send(sender=Call, call=call, document=None)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [english_delegate.email, russian_delegate.email]
    )
    assert Event.objects.filter(kind="call_published").count() == 1


def test_a_calls_compilation_is_announced_once_not_also_as_a_document_issued(
    english_delegate, meeting, secretariat, follow, committed
):
    follow(english_delegate, "meeting", meeting)
    with committed():
        call = _call_open(meeting, secretariat)
    Call.objects.filter(pk=call.pk).update(
        deadline=timezone.now() - timedelta(minutes=1),
        publish_status=Call.PublishStatus.QUEUED,
        published_by=secretariat,
    )
    mail.outbox.clear()

    with committed():
        call = call_compile(call_id=call.pk, base_url="http://testserver")

    assert call.document is not None
    assert [m.subject for m in mail.outbox] == [
        f"[RES-2026] The written submissions are published as {call.document.symbol}"
    ]
    assert not Event.objects.filter(kind="document_issued").exists()


def test_adoption_reaches_the_documents_and_the_meetings_followers_once_each(
    english_delegate, draft_revision, publish, meeting, secretariat, follow, committed
):
    Paragraph.objects.filter(revision=draft_revision).update(negotiation="agreed")
    revision = publish(draft_revision)
    meeting.summit = revision.document.summit
    meeting.save()
    follow(english_delegate, "meeting", meeting)  # and the document, by default
    with committed():
        comment_create(author=english_delegate, revision=revision, body="We join.")
    mail.outbox.clear()
    with committed():
        adoption = document_adopt(
            document=revision.document,
            user=secretariat,
            meeting=meeting,
            adopted_on=timezone.localdate() + timedelta(days=1),
            method="consensus",
            final_symbol="RES-2026/DECL/1",
            statement_deadline=datetime(2026, 12, 20, 13, 0, tzinfo=UTC),
        )

    # One mail, though the delegate follows the meeting and the document and commented on it.
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([english_delegate.email], "[RES-2026] RES-2026/DECL/1 is adopted")
    ]
    assert (
        "Heads of delegation may record their delegation's statement until "
        "20 December 2026, 18:00 (Asia/Almaty)" in mail.outbox[0].body
    )
    adoption.refresh_from_db()
    assert adoption.notified_at is not None
