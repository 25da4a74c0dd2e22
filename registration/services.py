"""Every write of registration: nominations, decisions, letters, focal points, the door.

Each service checks its rule (registration/permissions.py), writes in one transaction (a
failing photo or a closed window leaves nothing half-saved), records who did it in the
registration's history, and mails the nominator and the participant, each in their language,
only once the transaction commits.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.permissions import acts_as_secretariat
from accounts.services import email_enqueue
from delegations.models import Delegation
from delegations.permissions import membership_of

from .badges import badge_key_from_code
from .documents import badge_render_on_commit
from .models import FocalPoint, NominationLetter, Registration, RegistrationWindow
from .selectors import registration_is_open
from .uploads import letter_clean, photo_clean

# A delegation's kind gives its participants' category; the secretariat may choose another.
CATEGORY_FOR_KIND = {
    Delegation.Kind.MEMBER_STATE: Registration.Category.STATE,
    Delegation.Kind.ORGANISATION: Registration.Category.IGO,
    Delegation.Kind.CONVENTION: Registration.Category.UN_SYSTEM,
    Delegation.Kind.OBSERVER: Registration.Category.NGO,
}
S = Registration.Status


class RegistrationClosed(ValidationError):
    def __init__(self):
        super().__init__(_("Registration for this meeting is closed."), code="closed")


class TransitionRefused(ValidationError):
    def __init__(self, registration: Registration):
        super().__init__(
            _("A registration that is “%(status)s” cannot be changed this way.")
            % {"status": registration.get_status_display()},
            code="transition",
        )


def _mail_status(registration: Registration, *, event: str) -> None:
    """The participant and the nominator, each in their own language (once each)."""
    recipients: dict[str, str] = {}
    if registration.email:
        participant_language = (
            registration.user.language if registration.user_id else registration.language
        )
        recipients[registration.email.lower()] = participant_language
    nominator = registration.nominated_by
    if nominator is not None and nominator.email:
        recipients.setdefault(nominator.email.lower(), nominator.language)
    for address, language in recipients.items():
        email_enqueue(
            template_prefix="registration/email/status",
            to=address,
            context={"registration": registration, "event": event, "meeting": registration.meeting},
            language=language,
        )


@transaction.atomic
def registration_nominate(
    *,
    meeting,
    user: User,
    delegation: Delegation | None = None,
    organisation: str = "",
    category: str = "",
    title: str,
    given_name: str,
    family_name: str,
    function: str,
    email: str,
    given_name_cyrillic: str = "",
    family_name_cyrillic: str = "",
    phone: str = "",
    photo=None,
    heads_delegation: bool = False,
    consent_public_list: bool = False,
    language: str = settings.LANGUAGE_CODE,
    self_registration: bool = False,
) -> Registration:
    """Nominate a participant for `meeting`. A head or focal point nominates for their own
    delegation while the window is open; the secretariat for any delegation, and people of
    organisations and the media without one, at any time. A member registering herself
    (`self_registration`) waits for her head's confirmation."""
    secretariat = acts_as_secretariat(user)
    if self_registration:
        membership = membership_of(user)
        if membership is None:
            raise PermissionDenied(_("Only members of a delegation may register themselves."))
        delegation = membership.delegation
        email = user.email
    elif delegation is None:
        if not secretariat:
            raise PermissionDenied(
                _("Only the secretariat registers participants without a delegation.")
            )
    elif not user.has_perm("registration.nominate", delegation):
        raise PermissionDenied(_("You may nominate participants of your own delegation only."))
    if not secretariat and not registration_is_open(meeting):
        raise RegistrationClosed()
    if not category or not secretariat:
        category = CATEGORY_FOR_KIND.get(delegation.kind) if delegation else category
    registration = Registration(
        meeting=meeting,
        delegation=delegation,
        organisation="" if delegation else organisation.strip(),
        category=category or "",
        title=title,
        given_name=given_name.strip(),
        family_name=family_name.strip(),
        given_name_cyrillic=given_name_cyrillic.strip(),
        family_name_cyrillic=family_name_cyrillic.strip(),
        function=function.strip(),
        email=email.strip(),
        phone=phone.strip(),
        heads_delegation=heads_delegation,
        consent_public_list=consent_public_list,
        language=language,
        status=S.PENDING if self_registration else S.NOMINATED,
        user=user
        if self_registration
        else User.objects.filter(email__iexact=email.strip()).first(),
        nominated_by=user,
    )
    registration.full_clean(exclude=["photo", "badge_pdf"])
    if (
        registration.email
        and Registration.objects.active()
        .filter(meeting=meeting, email__iexact=registration.email)
        .exists()
    ):
        raise ValidationError(
            {"email": [_("This person is already registered for this meeting.")]},
            code="duplicate",
        )
    if photo is not None:
        clean = photo_clean(photo)  # raises before anything is written
        registration.photo.save(clean.name, clean, save=False)
    registration._history_user = user
    registration._change_reason = "self-registration" if self_registration else "nomination"
    registration.save()
    _mail_status(registration, event="nominated")
    return registration


def _transition(
    registration: Registration, *, user: User, to: str, allowed: set[str], reason: str = ""
) -> Registration:
    # Only the registration's row is locked: PostgreSQL refuses FOR UPDATE on the nullable side
    # of the outer joins that bring its delegation and people along.
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("meeting", "delegation", "nominated_by", "user")
        .get(pk=registration.pk)
    )
    if registration.status not in allowed:
        raise TransitionRefused(registration)
    registration.status = to
    registration.status_reason = reason.strip()
    registration.full_clean(exclude=["photo", "badge_pdf"], validate_unique=False)
    registration._history_user = user
    registration._change_reason = reason.strip()[:100] or to
    registration.save()
    return registration


@transaction.atomic
def registration_confirm(*, registration: Registration, user: User) -> Registration:
    """The head (or focal point) confirms a member's own registration: it is then nominated."""
    if not user.has_perm("registration.confirm", registration):
        raise PermissionDenied
    registration = _transition(registration, user=user, to=S.NOMINATED, allowed={S.PENDING})
    _mail_status(registration, event="nominated")
    return registration


@transaction.atomic
def registration_accredit(*, registration: Registration, user: User) -> Registration:
    if not user.has_perm("registration.decide", registration):
        raise PermissionDenied
    registration = _transition(
        registration, user=user, to=S.ACCREDITED, allowed={S.PENDING, S.NOMINATED, S.REJECTED}
    )
    _mail_status(registration, event="accredited")
    badge_render_on_commit(registration)
    return registration


@transaction.atomic
def registration_reject(*, registration: Registration, user: User, reason: str) -> Registration:
    if not user.has_perm("registration.decide", registration):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError({"reason": [_("Say why the registration is rejected.")]})
    registration = _transition(
        registration,
        user=user,
        to=S.REJECTED,
        allowed={S.PENDING, S.NOMINATED, S.ACCREDITED},
        reason=reason,
    )
    _mail_status(registration, event="rejected")
    return registration


@transaction.atomic
def registration_withdraw(
    *, registration: Registration, user: User, reason: str = ""
) -> Registration:
    """Withdrawn by the delegation, the person or the secretariat: the badge stops working."""
    if not user.has_perm("registration.withdraw", registration):
        raise PermissionDenied
    registration = _transition(
        registration,
        user=user,
        to=S.WITHDRAWN,
        allowed={S.PENDING, S.NOMINATED, S.ACCREDITED},
        reason=reason,
    )
    _mail_status(registration, event="withdrawn")
    return registration


def registrations_decide(
    *, registrations: list[Registration], user: User, decision: str, reason: str = ""
) -> tuple[int, list[str]]:
    """The desk's "several at once": each one in its own transaction, so one that may not
    change (already withdrawn) is reported and does not undo the others."""
    done, refused = 0, []
    for registration in registrations:
        try:
            if decision == "accredit":
                registration_accredit(registration=registration, user=user)
            else:
                registration_reject(registration=registration, user=user, reason=reason)
            done += 1
        except ValidationError as error:
            refused.append(f"{registration}: {' '.join(error.messages)}")
    return done, refused


@transaction.atomic
def nomination_letter_upload(
    *, meeting, delegation: Delegation, upload, user: User
) -> NominationLetter:
    if not user.has_perm("registration.upload_letter", delegation):
        raise PermissionDenied
    clean = letter_clean(upload)
    letter = NominationLetter.objects.select_for_update().filter(
        meeting=meeting, delegation=delegation
    ).first() or NominationLetter(meeting=meeting, delegation=delegation)
    previous = letter.file.name if letter.file else ""
    letter.file.save(f"letters/{meeting.pk}/{delegation.pk}/{clean.name}", clean, save=False)
    letter.size = clean.size
    letter.uploaded_by = user
    letter.save()
    if previous and previous != letter.file.name:
        storage, name = letter.file.storage, previous
        transaction.on_commit(lambda: storage.delete(name))
    return letter


@transaction.atomic
def focal_point_appoint(*, delegation: Delegation, member: User, user: User) -> FocalPoint:
    if not user.has_perm("registration.appoint_focal_point", delegation):
        raise PermissionDenied
    membership = membership_of(member)
    if membership is None or membership.delegation_id != delegation.pk:
        raise ValidationError(_("The focal point must be a member of the delegation."))
    focal_point, _created = FocalPoint.objects.update_or_create(
        delegation=delegation, defaults={"user": member, "appointed_by": user}
    )
    return focal_point


# --- the door


class BadgeUnknown(Exception):
    """Forged, altered or no such code."""


class BadgeRefused(Exception):
    """A genuine badge whose registration may not enter (rejected, withdrawn, not yet
    accredited)."""

    def __init__(self, registration: Registration):
        super().__init__(registration.status)
        self.registration = registration


class AlreadyCheckedIn(Exception):
    def __init__(self, registration: Registration):
        super().__init__(registration.checked_in_at)
        self.registration = registration


@transaction.atomic
def registration_window_set(
    *, meeting, user: User, opens_at: datetime, closes_at: datetime
) -> RegistrationWindow:
    """Open (or move) the meeting's window for nominations: heads and focal points nominate
    between `opens_at` and `closes_at`; the secretariat registers at any time."""
    if not acts_as_secretariat(user):
        raise PermissionDenied
    if opens_at is None or closes_at is None:
        raise ValidationError(_("Give the opening and the closing time."))
    if timezone.is_naive(opens_at) or timezone.is_naive(closes_at):
        raise ValidationError(_("The times need a time zone."))
    if closes_at <= opens_at:
        raise ValidationError({"closes_at": _("Registration closes after it opens.")})
    window, _created = RegistrationWindow.objects.update_or_create(
        meeting=meeting, defaults={"opens_at": opens_at, "closes_at": closes_at}
    )
    return window


@dataclass(frozen=True)
class CheckIn:
    registration: Registration
    at: datetime


@transaction.atomic
def registration_check_in(*, code: str, user: User) -> CheckIn:
    """Record the first entry of a badge. Two phones scanning the same badge at once: the
    conditional update lets exactly one of them record it; the other is told when."""
    if not user.has_perm("registration.check_in"):
        raise PermissionDenied
    key = badge_key_from_code(code)
    if key is None:
        raise BadgeUnknown
    registration = (
        Registration.objects.select_related("meeting", "delegation").filter(badge_key=key).first()
    )
    if registration is None:
        raise BadgeUnknown
    if not registration.may_enter:
        raise BadgeRefused(registration)
    now = timezone.now()
    recorded = Registration.objects.filter(pk=registration.pk, checked_in_at__isnull=True).update(
        checked_in_at=now, checked_in_by=user
    )
    if not recorded:
        registration.refresh_from_db(fields=["checked_in_at", "checked_in_by"])
        raise AlreadyCheckedIn(registration)
    registration.checked_in_at, registration.checked_in_by = now, user
    return CheckIn(registration=registration, at=now)
