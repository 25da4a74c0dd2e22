import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


@pytest.fixture(autouse=True)
def fresh_cache():
    """Throttling counts in the cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


def english_client() -> APIClient:
    """Clients ask for English, as the assertions are written in it; the default is Russian."""
    return APIClient(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def anonymous():
    return english_client()


def client_for(user) -> APIClient:
    """With the user's token, as API clients are (force_authenticate would send requests
    without credentials, which no real client does: the portal's cache of anonymous answers
    takes such a request for an anonymous one). None: an anonymous client."""
    client = english_client()
    if user is not None:
        token, _created = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def as_alice(alice):
    return client_for(alice)


@pytest.fixture
def as_bob(bob):
    return client_for(bob)


@pytest.fixture
def as_secretariat(secretariat):
    """The secretariat's scripts use a token, as they would in production."""
    client = english_client()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=secretariat).key}")
    return client


@pytest.fixture
def clients(anonymous, as_alice, as_bob, as_secretariat):
    return {
        "anonymous": anonymous,
        "alice": as_alice,
        "bob": as_bob,
        "secretariat": as_secretariat,
    }


# The PDF tests of the API need a dead broker and real on_commit callbacks, as the pdfs ones.
from tests.pdfs.conftest import broker_down, on_commit  # noqa: E402, F401
