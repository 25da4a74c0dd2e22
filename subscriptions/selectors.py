"""The reads the pages share: who follows what."""

from .models import Subscription


def subscription_of(user, target_type: str, target) -> Subscription | None:
    if not user.is_authenticated or target is None:
        return None
    return Subscription.objects.filter(
        user=user, target_type=target_type, **{target_type: target}
    ).first()
