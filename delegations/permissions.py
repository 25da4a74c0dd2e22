"""Who somebody is through their membership of a delegation, and who may see and manage a
delegation's members and invitations.

Roles: anonymous < delegate (any member of a delegation) < head of delegation; the secretariat
and admins stand apart (accounts.permissions). A participant is a delegate or the secretariat.

Objects: `delegation` for the `*_members`/`invite` rules, an `Invitation` for `manage_invitation`.
Heads of delegation need no second factor; the secretariat's rights need TOTP set up
(`acts_as_secretariat`), the same as every secretariat screen.
"""

import rules

from accounts.permissions import acts_as_secretariat

from .models import Membership


def membership_of(user) -> Membership | None:
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


is_participant = is_delegate | acts_as_secretariat


@rules.predicate
def is_member_of(user, delegation) -> bool:
    membership = membership_of(user)
    return (
        membership is not None
        and delegation is not None
        and membership.delegation_id == delegation.pk
    )


@rules.predicate
def is_head_of(user, delegation) -> bool:
    membership = membership_of(user)
    return (
        membership is not None
        and membership.is_head
        and delegation is not None
        and membership.delegation_id == delegation.pk
    )


@rules.predicate
def is_head_of_invitation_delegation(user, invitation) -> bool:
    return invitation is not None and is_head_of(user, invitation.delegation)


def invitable_roles(user, delegation) -> list[str]:
    """The roles this user may invite somebody to, in this delegation.

    The secretariat appoints heads; a head adds only delegates and advisers to their own team."""
    if acts_as_secretariat(user):
        return list(Membership.Role.values)
    if is_head_of(user, delegation):
        return [Membership.Role.DELEGATE, Membership.Role.ADVISER]
    return []


@rules.predicate
def is_head_over_member(user, membership) -> bool:
    """Heads manage their delegates and advisers, not other heads (nor themselves)."""
    own = membership_of(user)
    return (
        membership is not None
        and own is not None
        and own.is_head
        and not membership.is_head
        and own.delegation_id == membership.delegation_id
    )


# Without an object: may this person open the invitations screens at all.
can_list_invitations = acts_as_secretariat | is_head_of_delegation
can_view_members = acts_as_secretariat | is_head_of
can_invite = acts_as_secretariat | is_head_of
can_manage_invitation = acts_as_secretariat | is_head_of_invitation_delegation

rules.add_perm("delegations.list_invitations", can_list_invitations)
rules.add_perm("delegations.view_members", can_view_members)
rules.add_perm("delegations.invite", can_invite)
rules.add_perm("delegations.manage_invitation", can_manage_invitation)
rules.add_perm("delegations.invite_anywhere", acts_as_secretariat)
rules.add_perm("delegations.remove_member", acts_as_secretariat | is_head_over_member)

# The public sees which countries and organisations take part; names of people only for
# those who are logged in (the API's delegation list).
rules.add_perm("delegations.view_member_names", rules.is_authenticated)
