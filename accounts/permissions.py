"""Who somebody is on the portal. Every other app's rules are built from these predicates."""

import rules


@rules.predicate
def is_admin(user) -> bool:
    return user.is_authenticated and user.is_superuser


@rules.predicate
def is_secretariat(user) -> bool:
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
