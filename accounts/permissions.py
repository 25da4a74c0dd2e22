"""Who somebody is on the portal. Every other app's rules are built from these predicates.

Roles: anonymous < delegate (any member of a delegation) < head of delegation; the secretariat
(`User.is_secretariat`) and admins (superusers) stand apart. Secretariat members and admins
must have TOTP set up before they use their screens: protect those screens with
`accounts.decorators.secretariat_required` (or check the `accounts.use_secretariat_screens`
rule), never with `is_secretariat` alone.
"""

import rules
from allauth.mfa.models import Authenticator


@rules.predicate
def is_admin(user) -> bool:
    return user.is_authenticated and user.is_superuser


@rules.predicate
def is_secretariat(user) -> bool:
    """The secretariat role (admins included), whether or not MFA is set up."""
    return user.is_authenticated and (user.is_secretariat or user.is_superuser)


def membership_of(user):
    if not user.is_authenticated:
        return None
    try:
        return user.membership
    except AttributeError:  # RelatedObjectDoesNotExist subclasses AttributeError
        return None


@rules.predicate
def is_delegate(user) -> bool:
    """Any member of a delegation, whatever their role."""
    return membership_of(user) is not None


@rules.predicate
def is_head_of_delegation(user) -> bool:
    membership = membership_of(user)
    return membership is not None and membership.is_head


is_participant = is_delegate | is_secretariat


@rules.predicate
def has_mfa(user) -> bool:
    """TOTP is set up. allauth then asks for a code at every login, so a session of such a
    user has passed the second factor."""
    if not user.is_authenticated:
        return False
    # Cached on the user object: several rules ask within one request.
    cached = getattr(user, "_has_totp", None)
    if cached is None:
        cached = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        user._has_totp = cached
    return cached


needs_mfa = is_secretariat | is_admin
is_verified_secretariat = is_secretariat & has_mfa
is_verified_admin = is_admin & has_mfa

rules.add_perm("accounts.view_profile", rules.is_authenticated)
rules.add_perm("accounts.use_secretariat_screens", is_verified_secretariat)
rules.add_perm("accounts.use_admin", is_verified_admin)
