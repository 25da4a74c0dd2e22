"""A delegation's official position on a paragraph, recorded by its head."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from delegations.permissions import membership_of
from drafts.models import Paragraph

from ..models import Position
from .comments import clean_comment_text

POSITION_REASON_MAX_LENGTH = 500


@transaction.atomic
def position_record(*, paragraph: Paragraph, user: User, stance: str, reason: str = "") -> Position:
    """Record (or change) the user's delegation's position on a paragraph."""
    membership = membership_of(user)
    # has_perm is always true for a superuser, who may belong to no delegation.
    if membership is None or not user.has_perm("consultation.record_position", paragraph):
        raise PermissionDenied(_("Only a head of delegation records official positions."))
    if stance not in Position.Stance.values:
        raise ValidationError({"stance": _("Choose support, reservation or objection.")})
    reason = clean_comment_text(reason, field="reason", required=False)
    if len(reason) > POSITION_REASON_MAX_LENGTH:
        raise ValidationError(
            {
                "reason": _("At most %(max)d characters, please.")
                % {"max": POSITION_REASON_MAX_LENGTH}
            }
        )
    if stance != Position.Stance.SUPPORT and not reason:
        raise ValidationError({"reason": _("Give a short reason for a reservation or objection.")})
    position, _created = Position.objects.update_or_create(
        paragraph=paragraph,
        delegation=membership.delegation,
        defaults={"stance": stance, "reason": reason, "updated_by": user},
    )
    return position
