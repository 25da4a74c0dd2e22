"""Invitations: the only way into the portal (there is no open sign-up)."""

import hashlib
import secrets

from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.services import email_enqueue, language_for_email

from .models import INVITATION_VALID_FOR, Delegation, Invitation, Membership
from .permissions import invitable_roles


class InvitationClosed(Exception):
    """The link was used, revoked or has expired."""

    def __init__(self, invitation: Invitation):
        super().__init__(invitation.status)
        self.invitation = invitation


class InvitationWrongAccount(Exception):
    """The invitation is for an existing account other than the one logged in."""


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_by_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("delegation")
        .filter(token_hash=_token_hash(token))
        .first()
    )


def _new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, _token_hash(token)


def _invitation_send(*, invitation: Invitation, token: str, site_url: str) -> None:
    language = language_for_email(invitation.email, default=invitation.language)
    with translation.override(language):
        path = reverse("invitation_accept", kwargs={"token": token})
    email_enqueue(
        template_prefix="delegations/email/invitation",
        to=invitation.email,
        context={
            "invitation": invitation,
            "delegation": invitation.delegation,
            "accept_url": site_url.rstrip("/") + path,
            "has_account": User.objects.filter(email__iexact=invitation.email).exists(),
        },
        language=language,
    )
    invitation.sent_at = timezone.now()
    invitation.send_count += 1
    invitation.save(update_fields=["sent_at", "send_count"])


@transaction.atomic
def invitation_create(
    *,
    inviter: User,
    email: str,
    delegation: Delegation,
    role: str,
    language: str,
    site_url: str,
) -> Invitation:
    """Invite a person to a delegation. An address that already has an account is invited
    too: accepting attaches the membership to that account instead of creating another."""
    if role not in invitable_roles(inviter, delegation):
        raise PermissionDenied
    email = User.objects.normalize_email(email).lower()
    existing = User.objects.filter(email__iexact=email).select_related("membership").first()
    if existing is not None:
        membership = getattr(existing, "membership", None)
        if membership is not None:
            if membership.delegation_id == delegation.pk:
                raise ValidationError(
                    _("This person is already a member of this delegation."), code="member"
                )
            raise ValidationError(
                _("This person is already a member of another delegation."), code="elsewhere"
            )
    previous = Invitation.objects.open().select_for_update().filter(email=email).first()
    if previous is not None:
        if not previous.is_expired:
            raise ValidationError(
                _("This address already has a pending invitation: resend or revoke it."),
                code="pending",
            )
        # An expired link is closed for good so that the address can be invited afresh.
        previous.revoked_at = timezone.now()
        previous.save(update_fields=["revoked_at"])
    token, token_hash = _new_token()
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                email=email,
                delegation=delegation,
                role=role,
                language=language,
                token_hash=token_hash,
                invited_by=inviter,
                expires_at=timezone.now() + INVITATION_VALID_FOR,
            )
    except IntegrityError as error:  # two invitations for one address at the same time
        raise ValidationError(
            _("This address already has a pending invitation: resend or revoke it."),
            code="pending",
        ) from error
    _invitation_send(invitation=invitation, token=token, site_url=site_url)
    return invitation


@transaction.atomic
def invitation_resend(*, invitation: Invitation, user: User, site_url: str) -> Invitation:
    """Mail a fresh link valid for another 7 days; the previous link stops working."""
    invitation = (
        Invitation.objects.select_for_update().select_related("delegation").get(pk=invitation.pk)
    )
    if invitation.accepted_at or invitation.revoked_at:
        raise InvitationClosed(invitation)
    token, invitation.token_hash = _new_token()
    invitation.expires_at = timezone.now() + INVITATION_VALID_FOR
    invitation.save(update_fields=["token_hash", "expires_at"])
    _invitation_send(invitation=invitation, token=token, site_url=site_url)
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, user: User) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at or invitation.revoked_at:
        raise InvitationClosed(invitation)
    invitation.revoked_at = timezone.now()
    invitation.revoked_by = user
    invitation.save(update_fields=["revoked_at", "revoked_by"])
    return invitation


def invitation_existing_account(invitation: Invitation) -> User | None:
    return User.objects.filter(email__iexact=invitation.email).first()


@transaction.atomic
def invitation_accept(
    *,
    invitation: Invitation,
    user: User | None = None,
    password: str = "",
    first_name: str = "",
    last_name: str = "",
) -> Membership:
    """Join the invited delegation; an existing account is reused, never duplicated.

    `user` is the logged-in person (needed when the address has an account); otherwise a
    new account is made with `password`. The link proves the address, so it is verified."""
    invitation = (
        Invitation.objects.select_for_update().select_related("delegation").get(pk=invitation.pk)
    )
    if not invitation.is_pending:
        raise InvitationClosed(invitation)
    account = invitation_existing_account(invitation)
    if account is not None:
        if user is None or user.pk != account.pk:
            raise InvitationWrongAccount
        if Membership.objects.filter(user=account).exists():
            raise ValidationError(
                _("Your account is already a member of a delegation."), code="elsewhere"
            )
    else:
        if user is not None and user.is_authenticated:
            raise InvitationWrongAccount
        account = User.objects.create_user(
            email=invitation.email,
            password=password,
            first_name=first_name,
            last_name=last_name,
            language=invitation.language,
        )
    address = EmailAddress.objects.filter(user=account, email__iexact=invitation.email).first()
    if address is None:
        address = EmailAddress(
            user=account,
            email=invitation.email,
            primary=not EmailAddress.objects.filter(user=account, primary=True).exists(),
        )
    address.verified = True
    address.save()
    membership = Membership.objects.create(
        user=account, delegation=invitation.delegation, role=invitation.role
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = account
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, user: User) -> None:
    """Take a person out of their delegation. The account stays (with its comments, which
    keep their delegation), so the person can be invited again."""
    Membership.objects.filter(pk=membership.pk).delete()
