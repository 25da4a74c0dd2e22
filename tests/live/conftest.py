import pytest

from live.services import session_open


@pytest.fixture
def live_session(draft_revision, secretariat):
    """Sam opens a live session on the draft, in English."""
    return session_open(revision=draft_revision, user=secretariat, language="en")
