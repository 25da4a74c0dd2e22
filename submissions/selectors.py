"""Shared reads of calls and submissions."""

from django.db.models import QuerySet

from accounts.models import User
from delegations.models import Delegation
from delegations.permissions import membership_of
from registration.selectors import CATEGORY_ORDER
from registration.services import CATEGORY_FOR_KIND

from .models import Call, Submission


def calls_of_meeting(meeting) -> QuerySet[Call]:
    return (
        Call.objects.filter(meeting=meeting).select_related("document").order_by("-deadline", "-pk")
    )


def delegation_name(delegation: Delegation, language: str) -> str:
    return getattr(delegation, f"name_{language}", "") or delegation.name


def list_order_key(delegation: Delegation, language: str) -> tuple:
    """The order of the list of participants (registration.selectors.un_order_key): States by
    their name in the list's language, then the UN system, other intergovernmental
    organisations and non-governmental ones, each by name."""
    category = CATEGORY_FOR_KIND.get(delegation.kind)
    return (
        CATEGORY_ORDER.get(category, 99),
        delegation_name(delegation, language).casefold(),
        delegation.pk,
    )


def submissions_in_list_order(call: Call, language: str) -> list[Submission]:
    submissions = list(
        Submission.objects.filter(call=call).select_related("delegation", "submitted_by")
    )
    submissions.sort(key=lambda s: list_order_key(s.delegation, language))
    return submissions


def own_submission(call: Call, user: User) -> Submission | None:
    """The submission of this person's delegation to the call, if any."""
    membership = membership_of(user)
    if membership is None:
        return None
    return (
        Submission.objects.filter(call=call, delegation_id=membership.delegation_id)
        .select_related("delegation")
        .first()
    )
