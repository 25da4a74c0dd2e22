"""The live session's pages: the delegates' follow page, the room's screen, the chair's
screen, a document's sessions (opening one), and the log of a closed session. Thin: the
rules of live/permissions.py, the services, the selectors."""

from types import SimpleNamespace

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.decorators import secretariat_required
from delegations.permissions import membership_of
from drafts.diff import compare_paragraphs
from drafts.models import OutcomeDocument, Paragraph, Revision
from portal.diff import word_diff
from portal.languages import language_codes

from . import services
from .models import FloorRequest, LiveChange, LiveSession
from .selectors import session_state, sessions_of_document

REFRESH_SECONDS = 5  # the follow page without JavaScript reloads itself this often


def _session(request, pk: int, perm: str) -> LiveSession:
    session = get_object_or_404(LiveSession.objects.select_related("revision__document"), pk=pk)
    if not request.user.has_perm(perm, session):
        if not request.user.is_authenticated:
            raise _LoginNeeded()
        raise PermissionDenied
    return session


class _LoginNeeded(Exception):
    pass


def _guarded(view):
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _LoginNeeded:
            return redirect_to_login(request.get_full_path())

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _page_context(request, session: LiveSession) -> dict:
    state = session_state(session)
    membership = membership_of(request.user)
    focus_index = next(
        (i for i, p in enumerate(state["paragraphs"]) if p["key"] == state["focus"]), 0
    )
    return {
        "session": session,
        "document": session.revision.document,
        "state": state,
        "focus_index": focus_index,
        "membership": membership,
        "floor_requested": membership is not None
        and FloorRequest.objects.filter(
            session=session, delegation_id=membership.delegation_id
        ).exists(),
        "can_request_floor": request.user.has_perm("live.request_floor", session),
        "can_chair": request.user.has_perm("live.chair_session", session),
        "negotiations": Paragraph.Negotiation.choices,
    }


@_guarded
def follow(request, pk):
    """Delegates follow the text live; a closed session shows its log instead."""
    session = _session(request, pk, "live.follow_session")
    if not session.is_open:
        return session_log(request, session)
    return render(
        request,
        "live/follow.html",
        {**_page_context(request, session), "refresh_seconds": REFRESH_SECONDS},
    )


@_guarded
def screen(request, pk):
    """The room's projector: the paragraph in focus, large, and the ones around it."""
    session = _session(request, pk, "live.follow_session")
    context = _page_context(request, session)
    index = context["focus_index"]
    context["around"] = context["state"]["paragraphs"][max(0, index - 1) : index + 2]
    return render(request, "live/screen.html", context)


@_guarded
def chair(request, pk):
    session = _session(request, pk, "live.chair_session")
    if not session.is_open:
        return redirect("live_follow", pk=session.pk)
    return render(request, "live/chair.html", _page_context(request, session))


def session_log(request, session: LiveSession):
    """A closed session: every change in order, and the text as it opened and as it closed."""
    paragraphs = list(session.paragraphs.order_by("position"))
    changes = list(LiveChange.objects.filter(session=session).select_related("paragraph", "user"))
    statuses = dict(Paragraph.Negotiation.choices)
    for change in changes:
        if change.field == LiveChange.Field.TEXT:
            change.words = word_diff(change.before, change.after)
        elif change.field == LiveChange.Field.NEGOTIATION:
            change.before = statuses.get(change.before, change.before)
            change.after = statuses.get(change.after, change.after)
    old = [
        SimpleNamespace(key=p.key, kind=p.kind, text=p.opening_text, label=p.label)
        for p in paragraphs
        if not p.is_inserted
    ]
    new = [
        SimpleNamespace(key=p.key, kind=p.kind, text=p.text, label=p.label)
        for p in paragraphs
        if not p.is_inserted or p.text
    ]
    return render(
        request,
        "live/log.html",
        {
            "session": session,
            "document": session.revision.document,
            "changes": changes,
            "comparison": compare_paragraphs(old, new),
        },
    )


@secretariat_required
@require_http_methods(["GET", "POST"])
def document_sessions(request, slug):
    """A document's live sessions, and the form that opens one on its draft."""
    document = get_object_or_404(OutcomeDocument, slug=slug)
    if not request.user.has_perm("live.open_session", document):
        raise PermissionDenied
    draft = Revision.objects.drafts().filter(document=document).first()
    status = 200
    if request.method == "POST":
        language = request.POST.get("language", "")
        if draft is None:
            messages.error(request, _("This document has no draft to negotiate."))
            status = 400
        else:
            try:
                session = services.session_open(
                    revision=draft,
                    user=request.user,
                    language=language if language in language_codes() else settings.LANGUAGE_CODE,
                    is_public=request.POST.get("is_public") == "on",
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                status = 400
            else:
                return redirect("live_chair", pk=session.pk)
    sessions = sessions_of_document(document)
    return render(
        request,
        "live/document_sessions.html",
        {
            "document": document,
            "draft": draft,
            "sessions": sessions,
            "open_session": next((s for s in sessions if s.is_open), None),
            "languages": [(code, name) for code, name in settings.LANGUAGES],
        },
        status=status,
    )
