import pytest
from django.conf import settings
from django.utils import translation

from drafts.services import revision_publish
from tests.factories import (
    DelegationFactory,
    MembershipFactory,
    ParagraphFactory,
    RevisionFactory,
    UserFactory,
    totp_enable,
)


@pytest.fixture
def english():
    """For tests that read interface strings or translated fields in English."""
    with translation.override("en"):
        yield


@pytest.fixture
def secretariat(db):
    """Sam of the secretariat, with TOTP set up: without it the role grants nothing."""
    user = UserFactory(email="sam@secretariat.example.org", is_secretariat=True)
    totp_enable(user)
    return user


@pytest.fixture
def secretariat_without_totp(db):
    """Sid holds the secretariat role but has not set up the second factor."""
    return UserFactory(email="sid@secretariat.example.org", is_secretariat=True)


@pytest.fixture
def delegation_a(db):
    return DelegationFactory(name_en="Kazakhstan", iso_code="KZ", slug="kz")


@pytest.fixture
def delegation_b(db):
    return DelegationFactory(name_en="Uzbekistan", iso_code="UZ", slug="uz")


@pytest.fixture
def alice(delegation_a):
    """A delegate of delegation A."""
    return MembershipFactory(user__email="alice@example.org", delegation=delegation_a).user


@pytest.fixture
def bob(delegation_b):
    """A delegate of delegation B."""
    return MembershipFactory(user__email="bob@example.org", delegation=delegation_b).user


@pytest.fixture
def draft_revision(db):
    revision = RevisionFactory()
    ParagraphFactory(revision=revision, kind="heading", position=1, text_en="Declaration")
    ParagraphFactory(revision=revision, kind="preambular", position=2, text_en="recognising,")
    for position in (3, 4, 5):
        ParagraphFactory(revision=revision, position=position)
    return revision


@pytest.fixture
def published_revision(draft_revision, secretariat):
    return revision_publish(revision=draft_revision, user=secretariat, summary_en="First")


@pytest.fixture
def head_a(delegation_a):
    """Hannah, head of delegation A."""
    return MembershipFactory(
        user__email="hannah@example.org", delegation=delegation_a, role="head"
    ).user


@pytest.fixture
def superuser(db):
    """Ada, a superuser with TOTP set up (needed for Django admin)."""
    user = UserFactory(email="ada@example.org", is_superuser=True, is_staff=True)
    totp_enable(user)
    return user


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request to /en/ activates English for the
    rest of the thread, which would make reverse() and gettext depend on test order."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
