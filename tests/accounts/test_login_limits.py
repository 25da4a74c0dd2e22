"""A conference hall logs in from one address: the per-address limits let a hall in, while
the per-account limits on passwords and second-factor codes stay as strict as before."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.cache import cache
from django.test import Client

from accounts.models import User
from tests.factories import UserFactory, totp_enable

ROOT = Path(__file__).resolve().parents[2]
HALL = "10.20.30.40"  # the venue's one public address
PASSWORD = "pass-word-123"
MFA = "/en/accounts/2fa/authenticate/"


@pytest.fixture(autouse=True)
def no_earlier_counts():
    """allauth counts in the cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


def _login(client: Client, email: str, password: str, address: str = HALL):
    return client.post(
        "/en/accounts/login/", {"login": email, "password": password}, REMOTE_ADDR=address
    )


def _code(secret: str, step: int = 0) -> str:
    now = int(time.time()) // mfa_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, now + step))


def test_three_hundred_delegates_log_in_from_one_address_though_one_in_five_mistypes(db):
    hashed = make_password(PASSWORD)  # the MD5 hasher of tests/settings.py: fast
    User.objects.bulk_create(
        User(email=f"delegate{n}@hall.example.org", password=hashed) for n in range(300)
    )
    refused = []
    for n in range(300):
        client = Client()
        email = f"delegate{n}@hall.example.org"
        if n % 5 == 0:  # sixty typos, three times the limit the hall used to share
            assert _login(client, email, "pass-word-12").status_code == 200
        response = _login(client, email, PASSWORD)
        if response.status_code != 302 or "_auth_user_id" not in client.session:
            refused.append((n, response.status_code))

    assert refused == []


def test_an_account_still_locks_after_five_wrong_passwords_whatever_the_address(db):
    alice = UserFactory(email="alice@example.org", password=PASSWORD)
    for n in range(5):
        assert _login(Client(), alice.email, "wrong", address=f"10.0.0.{n + 1}").status_code == 200

    client = Client()
    response = _login(client, alice.email, PASSWORD, address="10.0.0.99")

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()


def test_the_second_factor_still_locks_after_five_wrong_codes(db):
    sam = UserFactory(email="sam@secretariat.example.org", is_secretariat=True, password=PASSWORD)
    secret = totp_enable(sam)
    client = Client()
    response = _login(client, sam.email, PASSWORD)
    assert response["Location"] == MFA
    wrong = str((int(_code(secret)) + 1) % 1_000_000).zfill(6)
    for _ in range(5):
        assert client.post(MFA, {"code": wrong}, REMOTE_ADDR=HALL).status_code == 200

    response = client.post(MFA, {"code": _code(secret)}, REMOTE_ADDR=HALL)

    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()


def test_the_per_account_limits_are_fixed_and_the_per_address_ones_sized_for_a_hall():
    limits = settings.ACCOUNT_RATE_LIMITS

    assert limits["login_failed"] == "5/5m/key,300/5m/ip"
    assert limits["login"] == "600/m/ip"


@pytest.mark.parametrize("value", ["lots", "600", "0/m", "600/minute"])
def test_a_per_address_rate_that_is_not_a_rate_stops_the_portal(value):
    env = {**os.environ, "READ_DOT_ENV": "0", "LOGIN_FAILED_RATE_PER_ADDRESS": value}
    result = subprocess.run(
        [sys.executable, "-c", "import summit.settings"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode != 0
    assert "LOGIN_FAILED_RATE_PER_ADDRESS must be a rate like" in result.stderr
