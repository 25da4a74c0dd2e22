import pytest

from drafts.services import revision_publish
from programme.models import Meeting
from register.services import document_issue
from subscriptions.models import Subscription
from tests.factories import MembershipFactory, SummitFactory
from tests.register.conftest import upload


@pytest.fixture
def publish(secretariat, django_capture_on_commit_callbacks):
    """Publish a draft as the secretariat does, with what runs after the commit (the signal,
    the outbox, the mail "at once")."""

    def run(revision, **summaries):
        with django_capture_on_commit_callbacks(execute=True):
            return revision_publish(revision=revision, user=secretariat, **summaries)

    return run


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a block and what it queued for after its commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def russian_delegate(db):
    return MembershipFactory(
        user__email="dana@example.org", user__first_name="Дана", user__language="ru"
    ).user


@pytest.fixture
def english_delegate(db):
    return MembershipFactory(
        user__email="erik@example.org", user__first_name="Erik", user__language="en"
    ).user


@pytest.fixture
def meeting(db):
    return Meeting.objects.create(
        summit=SummitFactory(),
        kind="summit",
        title_en="The Summit",
        title_ru="Саммит",
        place_en="Astana",
        slug="the-summit",
    )


def information_document_issue(meeting, by, **relation):
    """An information document issued to the meeting's register, its Russian original only."""
    return document_issue(
        meeting=meeting,
        series="INF",
        title_ru="Список участников",
        title_en="List of participants",
        files={"ru": upload()},
        by=by,
        **relation,
    )


@pytest.fixture
def register_document(meeting, secretariat, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return information_document_issue(meeting, secretariat)


def follows(user, **target) -> Subscription | None:
    return Subscription.objects.filter(user=user, **target).first()
