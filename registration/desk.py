"""The secretariat's screens: the registration desk, its documents and the door."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import secretariat_required
from programme.models import Meeting

from .documents import registration_document_request, registrations_csv, registrations_xlsx
from .forms import (
    CheckInForm,
    DecisionForm,
    DeskFilterForm,
    DeskRegistrationForm,
    DocumentForm,
    ReasonForm,
    WindowForm,
)
from .models import Registration, RegistrationDocument
from .selectors import registrations_for
from .services import (
    AlreadyCheckedIn,
    BadgeRefused,
    BadgeUnknown,
    registration_accredit,
    registration_check_in,
    registration_nominate,
    registration_reject,
    registration_window_set,
    registration_withdraw,
    registrations_decide,
)
from .views import form_errors_to

DESK_PAGE_SIZE = 200


def _filtered(request):
    form = DeskFilterForm(request.GET or None, meetings=Meeting.objects.all())
    registrations = registrations_for(request.user)
    if form.is_valid():
        data = form.cleaned_data
        for name in ("meeting", "delegation"):
            if data.get(name):
                registrations = registrations.filter(**{name: data[name]})
        for name in ("category", "status"):
            if data.get(name):
                registrations = registrations.filter(**{name: data[name]})
        if data.get("q"):
            q = data["q"]
            registrations = registrations.filter(
                Q(family_name__icontains=q)
                | Q(given_name__icontains=q)
                | Q(family_name_cyrillic__icontains=q)
                | Q(email__icontains=q)
            )
    return form, registrations


@secretariat_required
def desk(request):
    form, registrations = _filtered(request)
    total = registrations.count()
    return render(
        request,
        "registration/desk.html",
        {
            "filter_form": form,
            "registrations": registrations[:DESK_PAGE_SIZE],
            "total": total,
            "shown": min(total, DESK_PAGE_SIZE),
            "decision_form": DecisionForm(),
            "document_form": DocumentForm(meetings=Meeting.objects.all()),
            "documents": RegistrationDocument.objects.select_related("meeting")[:10],
            "query": request.GET.urlencode(),
        },
        status=200 if not form.errors else 400,
    )


@require_POST
@secretariat_required
def desk_decide(request):
    form = DecisionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("registration_desk")
    done, refused = registrations_decide(
        registrations=list(form.cleaned_data["registrations"].select_related("meeting")),
        user=request.user,
        decision=form.cleaned_data["decision"],
        reason=form.cleaned_data["reason"],
    )
    if done:
        messages.success(request, _("%(count)d registration(s) changed.") % {"count": done})
    for message in refused:
        messages.error(request, message)
    target = request.POST.get("query", "")
    return redirect(reverse("registration_desk") + (f"?{target}" if target else ""))


@secretariat_required
def desk_register(request):
    """The secretariat's own registrations: organisations' and media participants (and any
    delegation's), at any time."""
    meetings = Meeting.objects.all()
    form = DeskRegistrationForm(meetings=meetings, initial={"language": request.user.language})
    status = 200
    if request.method == "POST":
        form = DeskRegistrationForm(request.POST, request.FILES, meetings=meetings)
        if form.is_valid():
            data = form.nomination()
            meeting = data.pop("meeting")
            try:
                registration = registration_nominate(meeting=meeting, user=request.user, **data)
            except ValidationError as error:
                form_errors_to(form, error)
            else:
                messages.success(request, _("The nomination is recorded."))
                return redirect("registration_desk_detail", pk=registration.pk)
        status = 400
    return render(request, "registration/desk_register.html", {"form": form}, status=status)


@secretariat_required
def desk_windows(request):
    """When each meeting takes nominations from heads and focal points (Asia/Almaty)."""
    meetings = list(Meeting.objects.select_related("registration_window").order_by("start_date"))
    status, failed = 200, None
    if request.method == "POST":
        meeting = next((m for m in meetings if str(m.pk) == request.POST.get("meeting")), None)
        if meeting is None:
            raise Http404
        form = WindowForm(request.POST, auto_id=f"w{meeting.pk}-%s")
        if form.is_valid():
            try:
                registration_window_set(meeting=meeting, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                form_errors_to(form, error)
            else:
                messages.success(request, _("The registration window is saved."))
                return redirect("registration_desk_windows")
        status, failed = 400, (meeting.pk, form)
    rows = []
    for meeting in meetings:
        window = getattr(meeting, "registration_window", None)
        if failed and failed[0] == meeting.pk:
            form = failed[1]
        else:
            initial = {"opens_at": window.opens_at, "closes_at": window.closes_at} if window else {}
            form = WindowForm(initial=initial, auto_id=f"w{meeting.pk}-%s")
        rows.append({"meeting": meeting, "window": window, "form": form})
    return render(
        request,
        "registration/desk_windows.html",
        {"rows": rows, "zone": timezone.get_current_timezone_name()},
        status=status,
    )


@secretariat_required
def desk_detail(request, pk):
    registration = get_object_or_404(
        Registration.objects.select_related(
            "meeting", "delegation", "nominated_by", "checked_in_by"
        ),
        pk=pk,
    )
    form = ReasonForm()
    status = 200
    if request.method == "POST":
        form = ReasonForm(request.POST)
        action = request.POST.get("action")
        if form.is_valid() and action in {"accredit", "reject", "withdraw"}:
            reason = form.cleaned_data["reason"]
            try:
                if action == "accredit":
                    registration_accredit(registration=registration, user=request.user)
                elif action == "reject":
                    registration_reject(registration=registration, user=request.user, reason=reason)
                else:
                    registration_withdraw(
                        registration=registration, user=request.user, reason=reason
                    )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, _("The registration is updated."))
                return redirect("registration_desk_detail", pk=registration.pk)
        status = 400
    history = registration.history.select_related("history_user").order_by("-history_date")[:50]
    return render(
        request,
        "registration/desk_detail.html",
        {"registration": registration, "form": form, "history": history},
        status=status,
    )


@secretariat_required
def desk_export(request, fmt):
    _form, registrations = _filtered(request)
    registrations = registrations.select_related("delegation")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if fmt == "csv":
        response = HttpResponse(
            registrations_csv(registrations), content_type="text/csv; charset=utf-8"
        )
    elif fmt == "xlsx":
        response = HttpResponse(
            registrations_xlsx(registrations),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="participants-{stamp}.{fmt}"'
    return response


@require_POST
@secretariat_required
def desk_document(request):
    form = DocumentForm(request.POST, meetings=Meeting.objects.all())
    if not form.is_valid():
        messages.error(request, _("Choose a meeting, a document and a language."))
        return redirect("registration_desk")
    document = registration_document_request(
        meeting=form.cleaned_data["meeting"],
        kind=form.cleaned_data["kind"],
        language=form.cleaned_data["language"],
        user=request.user,
    )
    return redirect("registration_document", pk=document.pk)


def document(request, pk):
    """A meeting's PDF: the list of participants is public (it names only who consented), the
    sheet of badges is the secretariat's. While the job runs the page says so and reloads."""
    document = get_object_or_404(RegistrationDocument.objects.select_related("meeting"), pk=pk)
    if document.kind == RegistrationDocument.Kind.BADGES and not request.user.has_perm(
        "registration.use_desk"
    ):
        raise PermissionDenied if request.user.is_authenticated else Http404
    if document.status == RegistrationDocument.Status.READY and request.GET.get("download"):
        try:
            handle = document.file.open("rb")
        except OSError as error:
            raise Http404 from error
        return FileResponse(
            handle,
            content_type="application/pdf",
            filename=f"{document.kind}-{document.meeting.slug}-{document.language}.pdf",
        )
    return render(request, "registration/document.html", {"document": document})


@secretariat_required
def check_in(request):
    """The door, on a phone: the camera reads the QR code where the browser can, or the code
    is typed; the answer fills the screen."""
    form = CheckInForm(request.POST or None)
    result = None
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            entry = registration_check_in(code=form.cleaned_data["code"], user=request.user)
            result = {"kind": "welcome", "registration": entry.registration, "at": entry.at}
        except BadgeUnknown:
            result, status = {"kind": "unknown"}, 404
        except BadgeRefused as refusal:
            result, status = {"kind": "refused", "registration": refusal.registration}, 403
        except AlreadyCheckedIn as again:
            result = {
                "kind": "again",
                "registration": again.registration,
                "at": again.registration.checked_in_at,
            }
            status = 409
        form = CheckInForm()
    elif request.method == "POST":
        status = 400
    return render(
        request, "registration/check_in.html", {"form": form, "result": result}, status=status
    )
