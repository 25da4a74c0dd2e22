import hashlib

import factory
from django.utils import timezone

from accounts.models import User
from delegations.models import INVITATION_VALID_FOR, Delegation, Invitation, Membership
from drafts.models import OutcomeDocument, Paragraph, Revision
from initiatives.models import Initiative
from programme.models import Summit


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("pass-word-123")


class DelegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegation

    kind = Delegation.Kind.MEMBER_STATE
    name_en = factory.Sequence(lambda n: f"Country {n}")
    name_ru = factory.LazyAttribute(lambda o: f"Страна {o.name_en}")
    iso_code = factory.Sequence(lambda n: f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    slug = factory.Sequence(lambda n: f"delegation-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    delegation = factory.SubFactory(DelegationFactory)
    role = Membership.Role.DELEGATE


class SummitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Summit
        django_get_or_create = ["acronym"]

    acronym = "RES-2026"
    name_ru = "Региональный экологический саммит стран Центральной Азии"
    name_en = "Regional Ecological Summit of Central Asia"
    host_city_en = "to be announced"


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    title_en = factory.Sequence(lambda n: f"Initiative {n}")
    title_ru = factory.Sequence(lambda n: f"Инициатива {n}")
    slug = factory.Sequence(lambda n: f"initiative-{n}")
    summary_en = "Summary"
    summary_ru = "Резюме"


class OutcomeDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutcomeDocument

    summit = factory.SubFactory(SummitFactory)
    kind = OutcomeDocument.Kind.DECLARATION
    title_en = "Draft declaration"
    title_ru = "Проект декларации"
    symbol = factory.Sequence(lambda n: f"RES-2026/DECL/{n}")
    slug = factory.Sequence(lambda n: f"document-{n}")
    status = OutcomeDocument.Status.CONSULTATION
    comment_deadline = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=7))


class RevisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Revision

    document = factory.SubFactory(OutcomeDocumentFactory)
    number = 1


class ParagraphFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Paragraph

    revision = factory.SubFactory(RevisionFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = Paragraph.Kind.OPERATIVE
    text_en = factory.Sequence(lambda n: f"decides to act on matter {n};")
    text_ru = factory.Sequence(lambda n: f"постановляет действовать по вопросу {n};")


def totp_enable(user: User) -> str:
    """Set up TOTP (and recovery codes) for `user`, as allauth's activation screen would;
    returns the base32 secret."""
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    user.__dict__.pop("_has_totp", None)
    return secret


class InvitationFactory(factory.django.DjangoModelFactory):
    """An open invitation; the plain token is on `invitation.token` (only its hash is stored)."""

    class Meta:
        model = Invitation
        skip_postgeneration_save = True

    token = factory.Sequence(lambda n: f"invitation-token-{n}")
    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    delegation = factory.SubFactory(DelegationFactory)
    role = Membership.Role.DELEGATE
    language = "en"
    token_hash = factory.LazyAttribute(lambda o: hashlib.sha256(o.token.encode()).hexdigest())
    expires_at = factory.LazyFunction(lambda: timezone.now() + INVITATION_VALID_FOR)
    sent_at = factory.LazyFunction(timezone.now)
    send_count = 1

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        token = kwargs.pop("token", None)
        invitation = super()._create(model_class, *args, **kwargs)
        invitation.token = token
        return invitation
