from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import mfa_required_for_staff

from . import selectors, services
from .forms import AcceptNewAccountForm, InvitationForm
from .models import Delegation, Invitation, Membership
from .selectors import delegations_by_kind


def delegation_list(request):
    return render(request, "delegations/delegation_list.html", {"groups": delegations_by_kind()})


def _site_url(request) -> str:
    return request.build_absolute_uri("/")


def _invitation_for_manager(request, pk: int) -> Invitation:
    if not request.user.has_perm("delegations.list_invitations"):
        raise PermissionDenied
    invitation = get_object_or_404(Invitation.objects.select_related("delegation"), pk=pk)
    if not request.user.has_perm("delegations.manage_invitation", invitation):
        raise Http404  # another delegation's invitations do not exist for a head
    return invitation


@mfa_required_for_staff
def invitation_list(request):
    if not request.user.has_perm("delegations.list_invitations"):
        raise PermissionDenied
    return render(
        request,
        "delegations/invitation_list.html",
        {"invitations": selectors.invitations_open_for(request.user)},
    )


@mfa_required_for_staff
def invitation_create(request):
    if not request.user.has_perm("delegations.list_invitations"):
        raise PermissionDenied
    delegations = selectors.delegations_for_invitations(request.user)
    form = InvitationForm(
        request.POST or None,
        user=request.user,
        delegations=delegations,
        initial={"language": request.LANGUAGE_CODE},
    )
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(
                inviter=request.user,
                site_url=_site_url(request),
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect("invitation_list")
    return render(request, "delegations/invitation_form.html", {"form": form})


@require_POST
@mfa_required_for_staff
def invitation_resend(request, pk):
    invitation = _invitation_for_manager(request, pk)
    try:
        services.invitation_resend(
            invitation=invitation, user=request.user, site_url=_site_url(request)
        )
    except services.InvitationClosed:
        messages.error(request, _("This invitation is closed and cannot be resent."))
    else:
        messages.success(
            request, _("A new link was sent to %(email)s.") % {"email": invitation.email}
        )
    return redirect("invitation_list")


@require_POST
@mfa_required_for_staff
def invitation_revoke(request, pk):
    invitation = _invitation_for_manager(request, pk)
    try:
        services.invitation_revoke(invitation=invitation, user=request.user)
    except services.InvitationClosed:
        messages.error(request, _("This invitation is already closed."))
    else:
        messages.success(
            request, _("The invitation for %(email)s is revoked.") % {"email": invitation.email}
        )
    return redirect("invitation_list")


@mfa_required_for_staff
def delegation_members(request, slug):
    delegation = get_object_or_404(Delegation, slug=slug)
    if not request.user.has_perm("delegations.view_members", delegation):
        raise PermissionDenied
    members = list(selectors.delegation_members(delegation))
    for membership in members:
        membership.removable = request.user.has_perm("delegations.remove_member", membership)
    return render(
        request,
        "delegations/members.html",
        {
            "delegation": delegation,
            "members": members,
            "invitations": selectors.invitations_open_for(request.user).filter(
                delegation=delegation
            ),
            "can_invite": request.user.has_perm("delegations.invite", delegation),
        },
    )


@require_POST
@mfa_required_for_staff
def membership_remove(request, pk):
    membership = get_object_or_404(Membership.objects.select_related("user", "delegation"), pk=pk)
    if not request.user.has_perm("delegations.view_members", membership.delegation):
        raise PermissionDenied
    if not request.user.has_perm("delegations.remove_member", membership):
        raise PermissionDenied
    services.membership_remove(membership=membership, user=request.user)
    messages.success(
        request,
        _("%(person)s is no longer a member of %(delegation)s.")
        % {"person": membership.user, "delegation": membership.delegation},
    )
    return redirect("delegation_members", slug=membership.delegation.slug)


def invitation_accept(request, token):
    """The link in the invitation e-mail. Anybody holding it may open it: the token is the
    credential. Every way it can fail renders a page that says why."""
    invitation = services.invitation_by_token(token)
    if invitation is None:
        return render(
            request, "delegations/invitation_closed.html", {"reason": "unknown"}, status=404
        )
    if not invitation.is_pending:
        return render(
            request,
            "delegations/invitation_closed.html",
            {"reason": invitation.status, "invitation": invitation},
            status=410,
        )
    account = services.invitation_existing_account(invitation)
    context = {"invitation": invitation, "delegation": invitation.delegation}
    user = request.user

    if account is not None:
        if not user.is_authenticated:
            context["login_url"] = f"{reverse('account_login')}?next={request.path}"
            return render(request, "delegations/invitation_login.html", context)
        if user.pk != account.pk:
            return render(request, "delegations/invitation_wrong_account.html", context, status=403)
        if request.method == "POST":
            return _accept(request, invitation, context, user=user)
        return render(request, "delegations/invitation_accept.html", context)

    if user.is_authenticated:
        return render(request, "delegations/invitation_wrong_account.html", context, status=403)
    form = AcceptNewAccountForm(request.POST or None, email=invitation.email)
    context["form"] = form
    if request.method == "POST" and form.is_valid():
        return _accept(
            request,
            invitation,
            context,
            password=form.cleaned_data["password1"],
            first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"],
        )
    return render(request, "delegations/invitation_accept.html", context)


def _accept(request, invitation, context, **kwargs):
    try:
        membership = services.invitation_accept(invitation=invitation, **kwargs)
    except services.InvitationClosed as closed:
        return render(
            request,
            "delegations/invitation_closed.html",
            {"reason": closed.invitation.status, "invitation": closed.invitation},
            status=410,
        )
    except ValidationError as error:
        context["error"] = error.messages[0]
        return render(request, "delegations/invitation_accept.html", context, status=400)
    except services.InvitationWrongAccount:
        return render(request, "delegations/invitation_wrong_account.html", context, status=403)
    if not request.user.is_authenticated:
        login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(
        request,
        _("Welcome! You are now a member of %(delegation)s.")
        % {"delegation": membership.delegation},
    )
    return redirect("profile")
