"""The pages of calls for written inputs: thin, the rules in permissions.py and the writes in
services.py."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import mfa_required_for_staff, secretariat_required
from delegations.permissions import membership_of
from programme.models import Meeting
from registration.views import form_errors_to

from .forms import CallForm, SubmissionForm
from .models import Call, Submission
from .permissions import may_submit as submit_allowed
from .selectors import delegation_name, own_submission, submissions_in_list_order
from .services import call_open, call_publish, deadline_display, submission_submit


@secretariat_required
def call_new(request, slug):
    meeting = get_object_or_404(Meeting, slug=slug)
    form = CallForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                call = call_open(
                    meeting=meeting,
                    by=request.user,
                    deadline=form.cleaned_data["deadline"],
                    who=form.cleaned_data["who"],
                    subjects=form.subjects(),
                )
            except ValidationError as error:
                form_errors_to(form, error)
            else:
                messages.success(request, _("The call is open."))
                return redirect(call)
        status = 400
    return render(
        request,
        "submissions/call_new.html",
        {"meeting": meeting, "form": form, "zone": timezone.get_current_timezone()},
        status=status,
    )


def _call(pk) -> Call:
    return get_object_or_404(Call.objects.select_related("meeting__summit", "document"), pk=pk)


def call_detail(request, pk):
    """The call for everyone; for a head of a delegation it takes, the form (POST submits or
    replaces); for the secretariat, what came in and, after the deadline, publishing."""
    call = _call(pk)
    user = request.user
    may_submit = submit_allowed(user, call)
    mine = own_submission(call, user) if may_submit else None
    form, status = None, 200
    if may_submit and call.is_open():
        has_file = bool(mine and mine.file)
        form = SubmissionForm(request.POST or None, request.FILES or None, has_file=has_file)
        if request.method == "POST":
            if form.is_valid():
                try:
                    mine = submission_submit(
                        call=call,
                        user=user,
                        text=form.cleaned_data["text"],
                        file=form.cleaned_data.get("file"),
                        remove_file=form.cleaned_data.get("remove_file", False),
                    )
                except ValidationError as error:
                    form_errors_to(form, error)
                else:
                    messages.success(request, _("Your submission is received."))
                    return redirect(mine)
            status = 400
        elif mine is not None:
            form = SubmissionForm(initial={"text": mine.text}, has_file=has_file)
    elif request.method == "POST":
        if may_submit:  # the deadline passed while the form was open
            messages.error(
                request,
                _("Your text was not received: the deadline was %(deadline)s.")
                % {"deadline": deadline_display(call.deadline)},
            )
            return redirect(call)
        raise PermissionDenied
    received = None
    if user.has_perm("submissions.view_submissions", call):
        language = request.LANGUAGE_CODE
        received = [
            {"submission": s, "delegation": delegation_name(s.delegation, language)}
            for s in submissions_in_list_order(call, language)
        ]
    membership = membership_of(user)
    document_url = ""
    if call.document_id:
        try:
            document_url = call.document.get_absolute_url()
        except NoReverseMatch:  # a register without its pages yet: the symbol is shown alone
            document_url = ""
    return render(
        request,
        "submissions/call_detail.html",
        {
            "call": call,
            "meeting": call.meeting,
            "deadline": deadline_display(call.deadline),
            "is_open": call.is_open(),
            "may_submit": may_submit,
            "is_head_elsewhere": membership is not None and membership.is_head and not may_submit,
            "mine": mine,
            "form": form,
            "received": received,
            "may_publish": user.has_perm("submissions.publish", call),
            "document_url": document_url,
        },
        status=status,
    )


@mfa_required_for_staff
def submission_receipt(request, pk):
    submission = get_object_or_404(
        Submission.objects.select_related("call__meeting", "delegation", "submitted_by"), pk=pk
    )
    if not request.user.has_perm("submissions.view_submission", submission):
        raise PermissionDenied
    return render(
        request,
        "submissions/receipt.html",
        {
            "submission": submission,
            "call": submission.call,
            "deadline": deadline_display(submission.call.deadline),
            "may_replace": submission.call.is_open()
            and submit_allowed(request.user, submission.call),
        },
    )


def submission_file(request, pk):
    submission = get_object_or_404(Submission.objects.select_related("call", "delegation"), pk=pk)
    if not request.user.has_perm("submissions.view_submission_file", submission):
        raise PermissionDenied
    if not submission.file:
        raise Http404
    try:
        handle = submission.file.open("rb")
    except (OSError, ValueError) as error:
        raise Http404 from error
    return FileResponse(handle, content_type="application/pdf", filename=f"{submission.number}.pdf")


@require_POST
@secretariat_required
def call_publish_view(request, pk):
    call = _call(pk)
    try:
        call_publish(call=call, by=request.user, base_url=request.build_absolute_uri("/"))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(call)
    call.refresh_from_db()  # a worker that runs tasks at once may have issued it already
    if call.is_published:
        messages.success(
            request,
            _("The submissions are published as %(symbol)s.") % {"symbol": call.document.symbol},
        )
    else:
        messages.success(
            request, _("The submissions are being compiled; the document is issued in a minute.")
        )
    return redirect(call)
