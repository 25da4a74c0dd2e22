"""Who may nominate, decide, check in and see a participant's personal data.

Objects: a `Delegation` for `nominate`/`manage_delegation`, a `Registration` for the
registration rules, a `NominationLetter` for `view_letter`. The secretariat's rights need its
second factor (`acts_as_secretariat`), as everywhere; heads and the focal point their head
names act for their own delegation only.
"""

import rules

from accounts.permissions import acts_as_secretariat
from delegations.permissions import is_delegate, is_head_of, is_member_of, membership_of

from .models import FocalPoint


@rules.predicate
def is_focal_point_of(user, delegation) -> bool:
    membership = membership_of(user)
    if membership is None or delegation is None or membership.delegation_id != delegation.pk:
        return False
    # Cached on the user: a list asks once per row.
    cache = user.__dict__.setdefault("_focal_point_of", {})
    if delegation.pk not in cache:
        focal_user_id = (
            FocalPoint.objects.filter(delegation_id=delegation.pk)
            .values_list("user_id", flat=True)
            .first()
        )
        cache[delegation.pk] = focal_user_id == user.pk
    return cache[delegation.pk]


# Heads and focal points speak for their delegation's registration.
acts_for_delegation = is_head_of | is_focal_point_of


@rules.predicate
def acts_for_registration_delegation(user, registration) -> bool:
    return (
        registration is not None
        and registration.delegation_id is not None
        and acts_for_delegation(user, registration.delegation)
    )


@rules.predicate
def is_the_participant(user, registration) -> bool:
    return (
        registration is not None
        and user.is_authenticated
        and registration.user_id is not None
        and registration.user_id == user.pk
    )


@rules.predicate
def is_member_of_letter_delegation(user, letter) -> bool:
    return letter is not None and is_member_of(user, letter.delegation)


@rules.predicate
def is_head_or_focal_point(user) -> bool:
    membership = membership_of(user)
    return membership is not None and (
        membership.is_head or is_focal_point_of(user, membership.delegation)
    )


can_nominate = acts_as_secretariat | acts_for_delegation
can_manage = acts_as_secretariat | acts_for_registration_delegation
# Phone, e-mail, photo: the secretariat, the person, and who speaks for the delegation.
can_view_personal_data = can_manage | is_the_participant

rules.add_perm("registration.nominate", can_nominate)
rules.add_perm("registration.nominate_anywhere", acts_as_secretariat)
rules.add_perm("registration.open_nominations", acts_as_secretariat | is_head_or_focal_point)
can_self_register = is_delegate
rules.add_perm("registration.self_register", can_self_register)
rules.add_perm("registration.view_registration", can_view_personal_data)
rules.add_perm("registration.view_personal_data", can_view_personal_data)
rules.add_perm("registration.view_badge", can_manage | is_the_participant)
rules.add_perm("registration.confirm", acts_for_registration_delegation | acts_as_secretariat)
rules.add_perm("registration.withdraw", can_manage | is_the_participant)
rules.add_perm("registration.decide", acts_as_secretariat)
rules.add_perm("registration.check_in", acts_as_secretariat)
rules.add_perm("registration.use_desk", acts_as_secretariat)
rules.add_perm("registration.upload_letter", can_nominate)
rules.add_perm("registration.view_letter", acts_as_secretariat | is_member_of_letter_delegation)
rules.add_perm("registration.appoint_focal_point", acts_as_secretariat | is_head_of)
