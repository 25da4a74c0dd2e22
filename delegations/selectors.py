from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.permissions import acts_as_secretariat

from .models import Delegation, Invitation, Membership
from .permissions import membership_of


def invitations_open_for(user: User) -> QuerySet[Invitation]:
    """Open invitations (pending or expired, so they can be resent) this person manages."""
    invitations = Invitation.objects.open().select_related("delegation", "invited_by")
    if acts_as_secretariat(user):
        return invitations.order_by("expires_at")
    membership = membership_of(user)
    if membership is None or not membership.is_head:
        return invitations.none()
    return invitations.filter(delegation_id=membership.delegation_id).order_by("expires_at")


def delegation_members(delegation: Delegation) -> QuerySet[Membership]:
    return delegation.memberships.select_related("user").order_by("role", "user__last_name")


def delegations_for_invitations(user: User) -> QuerySet[Delegation]:
    """The delegations this person may invite to: all for the secretariat, else their own."""
    if acts_as_secretariat(user):
        return Delegation.objects.all()
    membership = membership_of(user)
    if membership is None or not membership.is_head:
        return Delegation.objects.none()
    return Delegation.objects.filter(pk=membership.delegation_id)


# The headings of the groups: plural, as a list reads ("Member states", not "Member state").
KIND_HEADINGS = {
    Delegation.Kind.MEMBER_STATE: _("Member states"),
    Delegation.Kind.ORGANISATION: _("International organisations"),
    Delegation.Kind.CONVENTION: _("Convention secretariats"),
    Delegation.Kind.OBSERVER: _("Observers"),
}


def delegations_by_kind() -> list[tuple[str, list[Delegation]]]:
    """Delegations grouped by kind, member states first, in their sort order (one query)."""
    groups: dict[str, list[Delegation]] = {kind: [] for kind in Delegation.Kind.values}
    for delegation in Delegation.objects.all():
        groups[delegation.kind].append(delegation)
    return [(KIND_HEADINGS[kind], members) for kind, members in groups.items() if members]
