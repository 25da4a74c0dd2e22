"""The "Follow" box on the pages of the apps below (a meeting, an outcome document, a call
for written inputs and a document of the register), and the profile's link to what one
follows: the slots those pages offer (portal/hooks.py), filled at start-up in
SubscriptionsConfig.ready()."""

from urllib.parse import quote

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.hooks import hook_register

from .forms import FollowForm
from .models import Frequency, Subscription, TargetType
from .selectors import subscription_of


def _follow_box(context, target_type: str, target, what: str = "") -> str:
    request = context.get("request")
    if request is None:
        return ""
    subscription = subscription_of(request.user, target_type, target)
    form = None
    if subscription is None and request.user.is_authenticated:
        form = FollowForm(
            initial={
                "target_type": target_type,
                "target": target.pk,
                "frequency": Frequency.IMMEDIATE,
            },
            auto_id=f"id_follow_{target_type}_%s",
        )
    return render_to_string(
        "subscriptions/_follow.html",
        {
            "subscription": subscription,
            "form": form,
            "target_type": target_type,
            "what": what,
            "frequencies": Frequency.choices,
            "next": request.get_full_path(),
            "login_url": f"{reverse('account_login')}?next={quote(request.get_full_path())}",
        },
        request=request,
    )


@hook_register("meeting.follow")
def meeting_follow(context, meeting) -> str:
    return _follow_box(context, TargetType.MEETING, meeting)


@hook_register("document.follow")
def document_follow(context, document) -> str:
    return _follow_box(context, TargetType.DOCUMENT, document)


@hook_register("call.follow")
def call_follow(context, call) -> str:
    return _follow_box(context, TargetType.CALL, call)


@hook_register("register_document.follow")
def register_document_follow(context, document) -> str:
    what = _(
        "A mail when a language version of it is issued, or a revision, an addendum or a corrigendum."
    )
    return _follow_box(context, TargetType.REGISTER_DOCUMENT, document, what)


@hook_register("profile.sections")
def profile_subscriptions(context, user) -> str:
    return render_to_string(
        "subscriptions/_profile_section.html",
        {"count": Subscription.objects.filter(user=user).count()},
        request=context.get("request"),
    )
