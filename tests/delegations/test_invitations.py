import datetime as dt

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from delegations import services
from delegations.models import Invitation, Membership
from tests.factories import InvitationFactory, MembershipFactory, UserFactory


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run the on-commit hooks (the mail task is sent on commit) inside the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _token_from(message) -> str:
    line = next(line for line in message.body.splitlines() if "/join/" in line)
    return line.rstrip("/").rsplit("/", 1)[1]


def test_secretariat_invites_a_new_person_who_sets_a_password_and_joins(
    client, secretariat, delegation_a, sent
):
    client.force_login(secretariat)
    with sent():
        response = client.post(
            reverse("invitation_create"),
            {
                "email": "Zarina@Example.org",
                "delegation": delegation_a.pk,
                "role": "head",
                "language": "en",
            },
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "zarina@example.org"
    assert invitation.expires_at - timezone.now() > dt.timedelta(days=6, hours=23)
    assert len(mail.outbox) == 1
    token = _token_from(mail.outbox[0])
    assert invitation.token_hash != token  # only the hash is stored

    client.logout()
    accept_url = reverse("invitation_accept", kwargs={"token": token})
    assert client.get(accept_url).status_code == 200
    response = client.post(
        accept_url,
        {
            "first_name": "Zarina",
            "last_name": "Nurlanova",
            "password1": "steppe-saxaul-2026",
            "password2": "steppe-saxaul-2026",
        },
    )

    assert response.status_code == 302
    zarina = User.objects.get(email="zarina@example.org")
    assert zarina.check_password("steppe-saxaul-2026")
    assert zarina.language == "en"
    assert zarina.membership.delegation == delegation_a
    assert zarina.membership.role == "head"
    assert EmailAddress.objects.get(user=zarina).verified
    assert int(client.session["_auth_user_id"]) == zarina.pk


def test_an_invitation_link_works_only_once(client, delegation_a):
    invitation = InvitationFactory(delegation=delegation_a)
    url = reverse("invitation_accept", kwargs={"token": invitation.token})
    data = {
        "first_name": "A",
        "last_name": "B",
        "password1": "steppe-saxaul-2026",
        "password2": "steppe-saxaul-2026",
    }
    assert client.post(url, data).status_code == 302
    client.logout()

    response = client.get(url)

    assert response.status_code == 410
    assert response.context["reason"] == "accepted"
    assert _("This invitation link no longer works") in response.content.decode()
    assert User.objects.filter(email=invitation.email).count() == 1


def test_an_expired_link_shows_a_clear_page_and_creates_nothing(client, delegation_a):
    invitation = InvitationFactory(
        delegation=delegation_a, expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    url = reverse("invitation_accept", kwargs={"token": invitation.token})

    response = client.post(
        url,
        {
            "first_name": "A",
            "last_name": "B",
            "password1": "x-Y-z-2026!",
            "password2": "x-Y-z-2026!",
        },
    )

    assert response.status_code == 410
    assert response.context["reason"] == "expired"
    assert _("This invitation link no longer works") in response.content.decode()
    assert not User.objects.filter(email=invitation.email).exists()


def test_an_unknown_token_shows_a_clear_page(client, db):
    response = client.get(reverse("invitation_accept", kwargs={"token": "no-such-token"}))
    assert response.status_code == 404
    assert response.context["reason"] == "unknown"
    assert _("This invitation link no longer works") in response.content.decode()


def test_a_revoked_invitation_can_no_longer_be_accepted(client, secretariat, delegation_a):
    invitation = InvitationFactory(delegation=delegation_a)
    client.force_login(secretariat)

    response = client.post(reverse("invitation_revoke", kwargs={"pk": invitation.pk}))

    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == "revoked"
    assert invitation.revoked_by == secretariat
    client.logout()
    response = client.get(reverse("invitation_accept", kwargs={"token": invitation.token}))
    assert response.status_code == 410
    assert response.context["reason"] == "revoked"


def test_resending_mails_a_new_link_for_7_more_days_and_kills_the_old_one(
    client, secretariat, delegation_a, sent
):
    invitation = InvitationFactory(
        delegation=delegation_a, expires_at=timezone.now() - dt.timedelta(days=1)
    )
    old_token = invitation.token
    client.force_login(secretariat)

    with sent():
        response = client.post(reverse("invitation_resend", kwargs={"pk": invitation.pk}))

    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.is_pending
    assert invitation.send_count == 2
    assert invitation.expires_at > timezone.now() + dt.timedelta(days=6)
    new_token = _token_from(mail.outbox[-1])
    assert new_token != old_token
    client.logout()
    assert client.get(reverse("invitation_accept", kwargs={"token": old_token})).status_code == 404
    assert client.get(reverse("invitation_accept", kwargs={"token": new_token})).status_code == 200


def test_an_existing_account_gets_the_membership_not_a_second_account(client, delegation_a):
    viktor = UserFactory(email="viktor@example.org")
    invitation = InvitationFactory(delegation=delegation_a, email="viktor@example.org")
    url = reverse("invitation_accept", kwargs={"token": invitation.token})

    anonymous = client.get(url)
    assert anonymous.status_code == 200
    assert reverse("account_login") in anonymous.content.decode()

    client.force_login(viktor)
    response = client.post(url)

    assert response.status_code == 302
    assert User.objects.filter(email__iexact="viktor@example.org").count() == 1
    viktor.refresh_from_db()
    assert viktor.membership.delegation == delegation_a
    assert viktor.check_password("pass-word-123")  # untouched


def test_an_invitation_for_someone_else_is_refused_to_a_logged_in_person(
    client, alice, delegation_a
):
    invitation = InvitationFactory(delegation=delegation_a, email="carol@example.org")
    client.force_login(alice)

    response = client.post(
        reverse("invitation_accept", kwargs={"token": invitation.token}),
        {
            "first_name": "C",
            "last_name": "D",
            "password1": "x-Y-z-2026!",
            "password2": "x-Y-z-2026!",
        },
    )

    assert response.status_code == 403
    assert not User.objects.filter(email="carol@example.org").exists()
    invitation.refresh_from_db()
    assert invitation.is_pending


def test_inviting_a_member_of_another_delegation_is_a_form_error(
    client, secretariat, bob, delegation_a
):
    client.force_login(secretariat)

    response = client.post(
        reverse("invitation_create"),
        {"email": bob.email, "delegation": delegation_a.pk, "role": "delegate", "language": "ru"},
    )

    assert response.status_code == 200
    assert response.context["form"].has_error("email", code="elsewhere")
    assert not Invitation.objects.exists()


def test_a_second_open_invitation_for_one_address_is_refused(client, secretariat, delegation_a):
    InvitationFactory(email="dup@example.org", delegation=delegation_a)
    client.force_login(secretariat)

    response = client.post(
        reverse("invitation_create"),
        {
            "email": "dup@example.org",
            "delegation": delegation_a.pk,
            "role": "delegate",
            "language": "ru",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].has_error("email", code="pending")
    assert Invitation.objects.count() == 1


def test_head_invites_delegates_to_own_delegation_only_and_not_heads(
    client, head_a, delegation_a, delegation_b, sent
):
    client.force_login(head_a)

    as_head = client.post(
        reverse("invitation_create"),
        {"email": "x@example.org", "delegation": delegation_a.pk, "role": "head", "language": "ru"},
    )
    elsewhere = client.post(
        reverse("invitation_create"),
        {
            "email": "y@example.org",
            "delegation": delegation_b.pk,
            "role": "delegate",
            "language": "ru",
        },
    )
    with sent():
        adviser = client.post(
            reverse("invitation_create"),
            {
                "email": "z@example.org",
                "delegation": delegation_a.pk,
                "role": "adviser",
                "language": "ru",
            },
        )

    assert as_head.status_code == 200 and elsewhere.status_code == 200
    assert adviser.status_code == 302
    assert list(Invitation.objects.values_list("email", "delegation", "role")) == [
        ("z@example.org", delegation_a.pk, "adviser")
    ]


def test_head_sees_and_manages_only_own_delegations_invitations(
    client, head_a, delegation_a, delegation_b
):
    ours = InvitationFactory(delegation=delegation_a, email="ours@example.org")
    theirs = InvitationFactory(delegation=delegation_b, email="theirs@example.org")
    client.force_login(head_a)

    listing = client.get(reverse("invitation_list")).content.decode()
    revoke_theirs = client.post(reverse("invitation_revoke", kwargs={"pk": theirs.pk}))
    revoke_ours = client.post(reverse("invitation_revoke", kwargs={"pk": ours.pk}))

    assert "ours@example.org" in listing and "theirs@example.org" not in listing
    assert revoke_theirs.status_code == 404
    assert revoke_ours.status_code == 302
    theirs.refresh_from_db()
    assert theirs.is_pending


def test_delegate_may_not_invite(client, alice, delegation_a):
    client.force_login(alice)
    response = client.post(
        reverse("invitation_create"),
        {
            "email": "x@example.org",
            "delegation": delegation_a.pk,
            "role": "delegate",
            "language": "ru",
        },
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_invitation_email_is_in_the_existing_recipients_language(secretariat, delegation_a, sent):
    UserFactory(email="english@example.org", language="en")
    UserFactory(email="russian@example.org", language="ru")

    with sent():
        for email in ("english@example.org", "russian@example.org"):
            services.invitation_create(
                inviter=secretariat,
                email=email,
                delegation=delegation_a,
                role="delegate",
                language="ru",
                site_url="https://summit.example.org/",
            )

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert "/en/delegations/join/" in by_recipient["english@example.org"].body
    assert "/ru/delegations/join/" in by_recipient["russian@example.org"].body
    assert by_recipient["english@example.org"].extra_headers["Content-Language"] == "en"


def test_head_sees_own_delegation_members_but_not_anothers(client, head_a, alice, bob):
    client.force_login(head_a)

    own = client.get(
        reverse("delegation_members", kwargs={"slug": alice.membership.delegation.slug})
    )
    other = client.get(
        reverse("delegation_members", kwargs={"slug": bob.membership.delegation.slug})
    )

    assert own.status_code == 200
    assert alice.email in own.content.decode()
    assert other.status_code == 403


def test_members_page_runs_a_fixed_number_of_queries(
    client, head_a, delegation_a, django_assert_max_num_queries
):
    MembershipFactory.create_batch(10, delegation=delegation_a)
    client.force_login(head_a)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("delegation_members", kwargs={"slug": delegation_a.slug}))
    assert response.status_code == 200
    assert Membership.objects.filter(delegation=delegation_a).count() == 11


def test_head_removes_a_delegate_of_own_delegation_but_not_another_head(
    client, head_a, alice, delegation_a
):
    other_head = MembershipFactory(delegation=delegation_a, role="head")
    client.force_login(head_a)

    refused = client.post(reverse("membership_remove", kwargs={"pk": other_head.pk}))
    removed = client.post(reverse("membership_remove", kwargs={"pk": alice.membership.pk}))

    assert refused.status_code == 403
    assert removed.status_code == 302
    assert not Membership.objects.filter(user=alice).exists()
    assert User.objects.filter(pk=alice.pk).exists()  # the account stays
    assert Membership.objects.filter(pk=other_head.pk).exists()


def test_head_cannot_remove_members_of_another_delegation(client, head_a, bob):
    client.force_login(head_a)
    response = client.post(reverse("membership_remove", kwargs={"pk": bob.membership.pk}))
    assert response.status_code == 403
    assert Membership.objects.filter(user=bob).exists()


def test_invitation_list_runs_a_fixed_number_of_queries(
    client, secretariat, django_assert_max_num_queries
):
    InvitationFactory.create_batch(15)
    client.force_login(secretariat)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("invitation_list"))
    assert response.status_code == 200
    assert len(response.context["invitations"]) == 15
