import rules
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.urls import reverse, translate_url
from django.utils import translation

from .permissions import acts_as_secretariat, has_mfa, needs_mfa
from .services import email_enqueue, language_for_email


class AccountAdapter(DefaultAccountAdapter):
    """Nobody signs up on their own: the secretariat invites delegates."""

    def is_open_for_signup(self, request):
        return False

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Every allauth mail (verification, password reset, notifications) goes through
        Celery, written in the recipient's language rather than the requester's."""
        request = allauth_context.request
        full_context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
        }
        full_context.update(context)
        language = language_for_email(email, default=translation.get_language())
        email_enqueue(
            template_prefix=template_prefix, to=email, context=full_context, language=language
        )

    def get_login_redirect_url(self, request) -> str:
        """Where a login lands when no `next` says otherwise: where the person works (the
        secretariat at triage, delegates on their dashboard), in the language they were
        using on the login page (their profile's when the page had none)."""
        user = request.user
        if needs_mfa(user) and not has_mfa(user):
            # Secretariat and admins cannot work without a second factor: set it up first.
            return reverse("mfa_activate_totp")
        if acts_as_secretariat(user):
            url = reverse("comment_triage")
        # Delegates: by the dashboard's own rule (consultation.view_dashboard), as accounts knows no
        # membership; the secretariat, who may see it too, has gone to triage above. The rule
        # itself, not user.has_perm(), which is true of any superuser.
        elif rules.has_perm("consultation.view_dashboard", user):
            url = reverse("dashboard")
        else:
            url = super().get_login_redirect_url(request)
        return translate_url(url, translation.get_language() or user.language)
