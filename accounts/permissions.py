"""Who somebody is on the portal, as an account. Every other app's rules are built from these
predicates and from delegations.permissions, which knows the roles held through a membership
(delegate, head of delegation, participant): accounts sits below delegations and reads no
membership.

Roles: the secretariat (`User.is_secretariat`) and admins (superusers) are accounts' own.

The secretariat's reach (unpublished drafts, every delegation's comments, answering, the
compilation, other people's PDF jobs) needs the second factor: every rule, web and API, asks
`acts_as_secretariat`, which demands TOTP. `holds_secretariat_role` is only the flag, for the
one question "must this account set up TOTP?" (`needs_mfa`).
"""

import rules
from allauth.mfa.models import Authenticator


@rules.predicate
def is_admin(user) -> bool:
    return user.is_authenticated and user.is_superuser


@rules.predicate
def holds_secretariat_role(user) -> bool:
    """The secretariat role (admins included), whether or not MFA is set up. Grants nothing by
    itself: use `acts_as_secretariat`."""
    return user.is_authenticated and (user.is_secretariat or user.is_superuser)


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


needs_mfa = holds_secretariat_role
# The one predicate for "acts as secretariat": the role and the second factor.
acts_as_secretariat = holds_secretariat_role & has_mfa
is_verified_admin = is_admin & has_mfa

rules.add_perm("accounts.view_profile", rules.is_authenticated)
rules.add_perm("accounts.use_secretariat_screens", acts_as_secretariat)
rules.add_perm("accounts.use_admin", is_verified_admin)
