"""What delegations add to the pages of apps below it (portal/hooks.py): the account's profile
shows the delegation a person belongs to and the screens they manage it with."""

from django.template.loader import render_to_string

from portal.hooks import hook_register

from .permissions import membership_of


@hook_register("profile.facts")
def profile_membership(context, user):
    return render_to_string(
        "delegations/_profile_facts.html",
        {"user": user, "membership": membership_of(user)},
        request=context.get("request"),
    )


@hook_register("profile.sections")
def profile_delegation_screens(context, user):
    if not user.has_perm("delegations.list_invitations"):
        return ""
    return render_to_string(
        "delegations/_profile_sections.html",
        {"membership": membership_of(user)},
        request=context.get("request"),
    )
