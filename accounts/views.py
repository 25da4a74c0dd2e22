from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils.translation import gettext as _

from .forms import ProfileForm
from .permissions import has_mfa


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        messages.success(request, _("Your profile is saved."))
        # The interface follows the chosen language at once, and on later visits to "/".
        response = redirect(translate_url(reverse("profile"), user.language))
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
        return response
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "has_mfa": has_mfa(request.user),
        },
    )
