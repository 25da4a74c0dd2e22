import pytest
from django.utils import translation

from drafts.services import revision_publish
from tests.factories import (
    DelegationFactory,
    MembershipFactory,
    ParagraphFactory,
    RevisionFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def english():
    """Code outside a request speaks English in tests unless a test says otherwise."""
    with translation.override("en"):
        yield


@pytest.fixture
def secretariat(db):
    return UserFactory(email="sam@secretariat.example.org", is_secretariat=True)


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
