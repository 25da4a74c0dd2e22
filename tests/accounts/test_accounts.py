import re
import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from accounts.adapters import AccountAdapter
from accounts.models import User
from accounts.permissions import acts_as_secretariat
from tests.factories import UserFactory, totp_enable


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # allauth counts attempts in the cache, which outlives a test's transaction.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _login(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def _current_totp(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def test_login_with_email_and_password(client, alice):
    response = _login(client, "alice@example.org", "pass-word-123")
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == alice.pk


def test_there_is_no_open_sign_up(client, db):
    response = client.post(
        reverse("account_signup"),
        {"email": "walk-in@example.org", "password1": "x-Y-z-2026!", "password2": "x-Y-z-2026!"},
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(email="walk-in@example.org").exists()


def test_the_sixth_failed_login_is_refused_even_with_the_right_password(client, alice):
    for _ in range(5):
        assert _login(client, "alice@example.org", "wrong").status_code == 200

    response = _login(client, "alice@example.org", "pass-word-123")

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode() or (
        "Слишком много" in response.content.decode()
    )


def _errors(response) -> list[str]:
    return re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</', response.content.decode(), re.S)


def test_login_error_is_the_same_for_an_unknown_and_a_known_email(client, alice):
    known = _login(client, "alice@example.org", "wrong")
    unknown = _login(client, "nobody@example.org", "wrong")
    assert known.status_code == unknown.status_code == 200
    assert _errors(known) == _errors(unknown) != []


def test_password_reset_answers_the_same_for_an_unknown_and_a_known_email(client, alice, sent):
    with sent():
        known = client.post(reverse("account_reset_password"), {"email": "alice@example.org"})
        unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    # Only the owner of the known address gets a reset link.
    links = [m for m in mail.outbox if "/password/reset/key/" in m.body]
    assert [m.to for m in links] == [["alice@example.org"]]


def test_password_reset_mail_is_in_the_recipients_language(client, db, sent):
    UserFactory(email="en@example.org", language="en")
    UserFactory(email="ru@example.org", language="ru")

    with sent():
        client.post("/ru/accounts/password/reset/", {"email": "en@example.org"})
        client.post("/en/accounts/password/reset/", {"email": "ru@example.org"})

    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["en@example.org"] == "[RES-2026] Password Reset Email"
    assert subjects["ru@example.org"] == "[RES-2026] Письмо для сброса пароля"


def test_secretariat_without_totp_is_sent_to_set_it_up(client, secretariat_without_totp):
    client.force_login(secretariat_without_totp)
    response = client.get(reverse("invitation_list"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_secretariat_with_totp_uses_the_secretariat_screens(client, secretariat):
    client.force_login(secretariat)
    assert client.get(reverse("invitation_list")).status_code == 200


def test_secretariat_login_asks_for_the_second_factor(client, secretariat_without_totp):
    secretariat = secretariat_without_totp
    secret = totp_enable(secretariat)

    first = _login(client, secretariat.email, "pass-word-123")
    assert first.status_code == 302
    assert first["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    second = client.post(reverse("mfa_authenticate"), {"code": _current_totp(secret)})
    assert second.status_code == 302
    assert int(client.session["_auth_user_id"]) == secretariat.pk


def test_admin_without_totp_cannot_use_django_admin(client, db):
    root = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(root)

    index = client.get(reverse("admin:index"))
    login = client.get(index["Location"])

    assert index.status_code == 302
    assert login.status_code == 302
    assert login["Location"] == reverse("mfa_activate_totp")


def test_admin_with_totp_uses_django_admin(client, superuser):
    client.force_login(superuser)
    assert client.get(reverse("admin:index")).status_code == 200


def test_staff_flag_alone_does_not_open_django_admin(client, alice, secretariat):
    alice.is_staff = True
    alice.save()
    for person in (alice, secretariat):
        client.force_login(person)
        assert client.get(reverse("admin:index")).status_code == 302
        assert client.get(reverse("admin:login")).status_code == 403


def test_delegate_may_opt_in_to_totp(client, alice):
    client.force_login(alice)
    # allauth asks for the password again before showing the TOTP secret.
    activate = client.get(reverse("mfa_activate_totp"))
    assert activate.status_code == 302
    client.post(activate["Location"], {"password": "pass-word-123"})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    assert "<label" in page.content.decode()
    assert client.get(reverse("profile")).status_code == 200


def test_profile_shows_delegation_and_role_and_saves_the_language(client, alice):
    client.force_login(alice)
    page = client.get(reverse("profile")).content.decode()
    assert alice.membership.delegation.name in page

    response = client.post(
        reverse("profile"), {"first_name": "Alice", "last_name": "Arman", "language": "en"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/profile/"
    alice.refresh_from_db()
    assert (alice.first_name, alice.language) == ("Alice", "en")


def test_profile_rejects_an_unknown_language_with_a_form_error(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("profile"), {"first_name": "A", "last_name": "B", "language": "xx"}
    )
    assert response.status_code == 200
    assert 'class="errorlist"' in response.content.decode()


def test_login_keeps_the_language_of_the_login_page_and_lands_on_the_dashboard(client, alice):
    alice.language = "ru"
    alice.save()

    response = client.post(
        "/en/accounts/login/", {"login": alice.email, "password": "pass-word-123"}
    )

    assert response["Location"] == "/en/documents/dashboard/"
    page = client.get(response["Location"]).content.decode()
    assert "Successfully signed in as" in page


def test_the_secretariat_lands_on_triage_and_others_at_home(client, secretariat, superuser):
    def landing(user, path):
        request = RequestFactory().get(path)
        request.user = user
        with translation.override(path.split("/")[1]):
            return AccountAdapter(request).get_login_redirect_url(request)

    assert landing(secretariat, "/ru/accounts/2fa/authenticate/") == "/ru/documents/triage/"
    assert landing(UserFactory(), "/en/accounts/login/") == "/en/"


def test_acting_as_secretariat_needs_the_role_and_totp(secretariat_without_totp, superuser, alice):
    sid = secretariat_without_totp
    root_without_totp = UserFactory(is_superuser=True, is_staff=True)
    assert not acts_as_secretariat(alice)
    assert not acts_as_secretariat(sid)
    assert not acts_as_secretariat(root_without_totp)
    assert acts_as_secretariat(superuser)
    totp_enable(sid)
    assert acts_as_secretariat(sid)


def test_secretariat_without_totp_is_asked_to_set_it_up_right_after_login(
    client, secretariat_without_totp
):
    secretariat = secretariat_without_totp
    response = _login(client, secretariat.email, "pass-word-123")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # allauth confirms the password once more before it shows a TOTP secret.
    confirm = client.get(reverse("mfa_activate_totp"))
    client.post(confirm["Location"], {"password": "pass-word-123"})
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
