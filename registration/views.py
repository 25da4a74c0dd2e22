"""Screens: the delegation's nominations, self-registration, the letter; the public list.
The secretariat's desk, documents and the door are in registration/desk.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import mfa_required_for_staff
from accounts.permissions import acts_as_secretariat
from delegations.models import Delegation
from delegations.permissions import membership_of

from .documents import badge_pdf_bytes
from .forms import FocalPointForm, LetterForm, NominationForm, SelfRegistrationForm
from .models import FocalPoint, NominationLetter, Registration, RegistrationDocument
from .permissions import can_self_register
from .selectors import (
    meeting_or_404,
    participants_public,
    registration_is_open,
    registration_window,
    registrations_for,
)
from .services import (
    focal_point_appoint,
    nomination_letter_upload,
    registration_confirm,
    registration_nominate,
    registration_withdraw,
)


def _delegation_for(request) -> Delegation:
    """The head's or focal point's own delegation; the secretariat chooses with ?delegation=."""
    if acts_as_secretariat(request.user):
        slug = request.GET.get("delegation") or request.POST.get("for_delegation")
        if slug:
            return get_object_or_404(Delegation, slug=str(slug)[:50])
        first = Delegation.objects.first()
        if first is None:
            raise Http404
        return first
    membership = membership_of(request.user)
    if membership is None:
        raise PermissionDenied
    return membership.delegation


def form_errors_to(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


@mfa_required_for_staff
def nominations(request, slug):
    """A delegation's nominations for a meeting: the list, the form, the letter."""
    if not request.user.has_perm("registration.open_nominations"):
        raise PermissionDenied
    meeting = meeting_or_404(slug=slug)
    delegation = _delegation_for(request)
    if not request.user.has_perm("registration.nominate", delegation):
        raise PermissionDenied
    secretariat = acts_as_secretariat(request.user)
    form = NominationForm(secretariat=False, initial={"language": request.user.language})
    status = 200
    if request.method == "POST":
        form = NominationForm(request.POST, request.FILES, secretariat=False)
        if form.is_valid():
            try:
                registration_nominate(
                    meeting=meeting, user=request.user, delegation=delegation, **form.nomination()
                )
            except ValidationError as error:
                form_errors_to(form, error)
            else:
                messages.success(request, _("The nomination is recorded."))
                url = request.path + (f"?delegation={delegation.slug}" if secretariat else "")
                return redirect(url)
        status = 400
    registrations = registrations_for(request.user, meeting=meeting, delegation=delegation)
    letter = NominationLetter.objects.filter(meeting=meeting, delegation=delegation).first()
    focal_point = FocalPoint.objects.filter(delegation=delegation).select_related("user").first()
    return render(
        request,
        "registration/nominations.html",
        {
            "meeting": meeting,
            "delegation": delegation,
            "window": registration_window(meeting),
            "open": registration_is_open(meeting),
            "form": form,
            "registrations": registrations,
            "letter": letter,
            "letter_form": LetterForm(),
            "focal_point": focal_point,
            "focal_point_form": FocalPointForm(delegation=delegation)
            if request.user.has_perm("registration.appoint_focal_point", delegation)
            else None,
            "secretariat": secretariat,
            "delegations": Delegation.objects.all() if secretariat else None,
        },
        status=status,
    )


@login_required
def self_register(request, slug):
    """A member registers herself; her head (or the focal point) then confirms."""
    # The rule itself, not has_perm: a superuser passes every has_perm, but only a member of a
    # delegation has a delegation to register with.
    if not can_self_register(request.user):
        raise PermissionDenied
    meeting = meeting_or_404(slug=slug)
    form = SelfRegistrationForm(initial={"language": request.user.language})
    status = 200
    if request.method == "POST":
        form = SelfRegistrationForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                registration_nominate(
                    meeting=meeting,
                    user=request.user,
                    email=request.user.email,
                    self_registration=True,
                    **form.nomination(),
                )
            except ValidationError as error:
                form_errors_to(form, error)
            else:
                messages.success(
                    request, _("You are registered; your head of delegation will confirm it.")
                )
                return redirect("registration_self", slug=meeting.slug)
        status = 400
    mine = registrations_for(request.user, meeting=meeting).filter(user=request.user)
    return render(
        request,
        "registration/self_register.html",
        {
            "meeting": meeting,
            "form": form,
            "open": registration_is_open(meeting),
            "window": registration_window(meeting),
            "mine": mine,
        },
        status=status,
    )


def _next_or(request, fallback: str):
    """Back to the page the form was on (only a path of this site), else `fallback`."""
    target = str(request.POST.get("next", ""))
    if url_has_allowed_host_and_scheme(target, allowed_hosts=None) and target.startswith("/"):
        return redirect(target)
    return redirect(fallback)


def _back(request, registration: Registration):
    return _next_or(request, reverse("registration_nominations", args=[registration.meeting.slug]))


@require_POST
@mfa_required_for_staff
def confirm(request, pk):
    registration = get_object_or_404(Registration.objects.select_related("meeting"), pk=pk)
    if not request.user.has_perm("registration.confirm", registration):
        raise PermissionDenied
    try:
        registration_confirm(registration=registration, user=request.user)
        messages.success(request, _("The registration is confirmed."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return _back(request, registration)


@require_POST
@mfa_required_for_staff
def withdraw(request, pk):
    registration = get_object_or_404(Registration.objects.select_related("meeting"), pk=pk)
    if not request.user.has_perm("registration.withdraw", registration):
        raise PermissionDenied
    try:
        registration_withdraw(
            registration=registration,
            user=request.user,
            reason=request.POST.get("reason", "")[:1000],
        )
        messages.success(
            request, _("The registration is withdrawn; its badge no longer opens the door.")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return _back(request, registration)


@require_POST
@mfa_required_for_staff
def letter_upload(request, slug):
    meeting = meeting_or_404(slug=slug)
    delegation = _delegation_for(request)
    if not request.user.has_perm("registration.upload_letter", delegation):
        raise PermissionDenied
    form = LetterForm(request.POST, request.FILES)
    if form.is_valid():
        nomination_letter_upload(
            meeting=meeting,
            delegation=delegation,
            upload=form.cleaned_data["letter"],
            user=request.user,
        )
        messages.success(request, _("The nomination letter is uploaded."))
    else:
        for error in form.errors.get("letter", []):
            messages.error(request, error)
    url = reverse("registration_nominations", args=[meeting.slug])
    if acts_as_secretariat(request.user):
        url += f"?delegation={delegation.slug}"
    return redirect(url)


@mfa_required_for_staff
def letter_download(request, pk):
    letter = get_object_or_404(NominationLetter.objects.select_related("delegation"), pk=pk)
    if not request.user.has_perm("registration.view_letter", letter):
        raise PermissionDenied
    try:
        handle = letter.file.open("rb")
    except (OSError, ValueError) as error:
        raise Http404 from error
    return FileResponse(handle, content_type="application/pdf", filename=f"letter-{letter.pk}.pdf")


@require_POST
@mfa_required_for_staff
def focal_point(request, slug):
    delegation = get_object_or_404(Delegation, slug=slug)
    if not request.user.has_perm("registration.appoint_focal_point", delegation):
        raise PermissionDenied
    form = FocalPointForm(request.POST, delegation=delegation)
    if form.is_valid():
        focal_point_appoint(
            delegation=delegation, member=form.cleaned_data["member"], user=request.user
        )
        messages.success(request, _("The focal point is appointed."))
    else:
        messages.error(request, _("Choose a member of the delegation."))
    return _next_or(request, reverse("home"))


@mfa_required_for_staff
def photo(request, pk):
    registration = get_object_or_404(Registration, pk=pk)
    if not request.user.has_perm("registration.view_personal_data", registration):
        raise PermissionDenied
    if not registration.photo:
        raise Http404
    try:
        handle = registration.photo.open("rb")
    except OSError as error:
        raise Http404 from error
    response = FileResponse(handle, content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=300"
    return response


@mfa_required_for_staff
def badge(request, pk):
    registration = get_object_or_404(
        Registration.objects.select_related("meeting", "delegation"), pk=pk
    )
    if not request.user.has_perm("registration.view_badge", registration):
        raise PermissionDenied
    if not registration.may_enter:
        raise Http404
    response = HttpResponse(badge_pdf_bytes(registration), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="badge-{registration.pk}.pdf"'
    return response


def participants(request, slug):
    """The public list of participants of a meeting, in the UN order."""
    meeting = meeting_or_404(slug=slug)
    language = translation.get_language()
    listing = participants_public(meeting, language)
    latest_pdf = (
        RegistrationDocument.objects.filter(
            meeting=meeting, kind="list", language=language, status="ready"
        )
        .only("pk")
        .first()
    )
    return render(
        request,
        "registration/participants.html",
        {"meeting": meeting, "listing": listing, "latest_pdf": latest_pdf},
    )
