from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from . import services
from .forms import FollowForm, FrequencyForm
from .models import Subscription


def _back(request, default: str = "subscription_list"):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(default)


@login_required
def subscription_list(request):
    subscriptions = services.subscriptions_of(request.user)
    return render(
        request,
        "subscriptions/subscription_list.html",
        {
            "rows": [
                (
                    s,
                    services.subscription_label(s),
                    FrequencyForm(initial={"frequency": s.frequency}, auto_id=f"id_s{s.pk}_%s"),
                )
                for s in subscriptions
            ],
        },
    )


@login_required
@require_POST
def follow(request):
    form = FollowForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose how often to be told."))
        return _back(request)
    values = form.cleaned_data
    try:
        target = services.target_find(
            user=request.user, target_type=values["target_type"], target_id=values["target"]
        )
        services.subscription_follow(
            user=request.user,
            target_type=values["target_type"],
            target=target,
            frequency=values["frequency"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back(request)
    messages.success(request, _("You follow it now. You can stop in your subscriptions."))
    return _back(request)


def _own(request, pk) -> Subscription:
    return get_object_or_404(Subscription, pk=pk, user=request.user)


@login_required
@require_POST
def frequency(request, pk):
    subscription = _own(request, pk)
    form = FrequencyForm(request.POST)
    if form.is_valid():
        services.subscription_set_frequency(
            subscription=subscription, frequency=form.cleaned_data["frequency"]
        )
        messages.success(request, _("Saved."))
    else:
        messages.error(request, _("Choose how often to be told."))
    return _back(request)


@login_required
@require_POST
def unfollow(request, pk):
    services.subscription_unfollow(subscription=_own(request, pk))
    messages.success(request, _("You no longer follow it."))
    return _back(request)


# No login and no CSRF token: the link in the mail is the credential (signed, with its own
# salt), and mail clients POST it by themselves (RFC 8058's one-click unsubscribe). GET only
# shows what the link would stop, so a link scanner that follows it changes nothing.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    try:
        link = services.unsubscribe_link(token)
    except signing.BadSignature:
        return render(request, "subscriptions/unsubscribe_invalid.html", status=400)
    done = False
    if request.method == "POST":
        services.unsubscribe(link=link)
        done = True
    return render(
        request,
        "subscriptions/unsubscribe.html",
        {
            "link": link,
            "labels": [services.subscription_label(s) for s in link.subscriptions],
            "done": done,
        },
    )
