"""Live negotiation: every change is written first, in one transaction with the session's row
locked, and broadcast to the session's followers after commit (portal.tasks.after_commit).

Two facilitators never overwrite each other: an edit names the paragraph's version it was
made on (portal.concurrency.locked_at_version), and a stale one is refused with the current
text. A client that missed a message sees a gap in the session's version and reads the whole
state again (live/selectors.py), so nothing depends on every message arriving.
"""

import json
import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from accounts.models import User
from delegations.permissions import membership_of
from drafts.models import PARAGRAPH_MAX_LENGTH, Paragraph, Revision, new_paragraph_key
from drafts.services.editor import paragraph_add
from portal.concurrency import locked_at_version
from portal.languages import language_codes
from portal.tasks import after_commit

from .models import FloorRequest, LiveChange, LiveParagraph, LiveSession, Negotiation
from .selectors import paragraph_state, session_queue

logger = logging.getLogger(__name__)

# Paragraphs inserted after the same paragraph, as negotiators number them until the next
# revision renumbers: OP3 bis, OP3 ter, OP3 quater…
INSERTED_SUFFIXES = ["bis", "ter", "quater", "quinquies", "sexies", "septies", "octies"]


class SessionClosed(ValidationError):
    def __init__(self):
        super().__init__(_("This live session is closed."), code="session_closed")


def broadcast(session_id: int, event: dict) -> None:
    """Send one event to the session's followers (after commit: see _announce).

    The event travels as its JSON text, serialised once here: each follower's consumer sends
    it as it is, rather than 300 consumers encoding the same dict 300 times."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(
            f"live-{session_id}", {"type": "live.event", "text": json.dumps(event)}
        )
    except Exception:  # a channel layer outage must not turn a saved change into an error
        logger.exception("live: broadcast of session %s failed", session_id)


def _announce(session: LiveSession, event: dict) -> None:
    after_commit(broadcast, session.pk, {**event, "version": session.version})


def _check_chair(user: User, session: LiveSession) -> None:
    if not user.has_perm("live.chair_session", session):
        raise PermissionDenied(_("Only the secretariat leads a live session."))


def _session_for_update(session: LiveSession) -> LiveSession:
    """The session's row, locked: every change of its state goes through it, one at a time,
    and bumps its version."""
    session = LiveSession.objects.select_for_update().get(pk=session.pk)
    if not session.is_open:
        raise SessionClosed()
    session.version += 1
    session.save(update_fields=["version"])
    return session


def _clean_text(text: str) -> str:
    text = " ".join(text.split())  # a paragraph is one block, as in the draft editor
    if len(text) > PARAGRAPH_MAX_LENGTH:
        raise ValidationError(
            {"text": _("At most %(max)d characters, please.") % {"max": PARAGRAPH_MAX_LENGTH}}
        )
    return text


def _paragraph(session: LiveSession, key: str) -> LiveParagraph:
    try:
        return LiveParagraph.objects.get(session=session, key=key)
    except LiveParagraph.DoesNotExist:
        raise ValidationError({"key": _("No such paragraph in this session.")}) from None


@transaction.atomic
def session_open(
    *, revision: Revision, user: User, language: str, is_public: bool = False
) -> LiveSession:
    """Open a live session on the document's draft revision, in one language."""
    if not user.has_perm("live.open_session", revision):
        raise PermissionDenied(_("Only the secretariat opens a live session."))
    revision = Revision.objects.select_for_update().get(pk=revision.pk)
    if revision.is_published:
        raise ValidationError(_("A live session works on a draft, not on a published revision."))
    if language not in language_codes():
        raise ValidationError({"language": _("Not a language of the portal.")})
    if LiveSession.objects.filter(revision__document=revision.document_id, closed_at=None).exists():
        raise ValidationError(_("A live session is already open on this document."))
    paragraphs = list(revision.paragraphs.labelled().order_by("position", "id"))
    column = build_localized_fieldname("text", language)
    session = LiveSession.objects.create(
        revision=revision,
        language=language,
        is_public=is_public,
        opened_by=user,
        focus=paragraphs[0].key if paragraphs else "",
    )
    with translation.override(language):
        LiveParagraph.objects.bulk_create(
            LiveParagraph(
                session=session,
                key=paragraph.key,
                position=position,
                kind=paragraph.kind,
                label=paragraph.label,
                opening_text=getattr(paragraph, column) or "",
                text=getattr(paragraph, column) or "",
                negotiation=paragraph.negotiation,
                opening_negotiation=paragraph.negotiation,
            )
            for position, paragraph in enumerate(paragraphs, start=1)
        )
    return session


@transaction.atomic
def paragraph_edit(
    *,
    session: LiveSession,
    key: str,
    user: User,
    version: int,
    text: str | None = None,
    negotiation: str | None = None,
) -> LiveParagraph:
    """Change a paragraph's text and/or negotiation status, as it was at `version`; a stale
    version raises EditConflict carrying the current paragraph and writes nothing."""
    _check_chair(user, session)
    if text is None and negotiation is None:
        raise ValidationError(_("Change the text or the negotiation status."))
    if negotiation is not None and negotiation not in Negotiation.values:
        raise ValidationError({"negotiation": _("Unknown negotiation status.")})
    if text is not None:
        text = _clean_text(text)
    session = _session_for_update(session)
    pk = _paragraph(session, key).pk
    current = locked_at_version(
        LiveParagraph.objects.filter(session=session), pk=pk, version=version
    )
    if text is not None and not text and not current.is_inserted:
        raise ValidationError(
            {"text": _("A paragraph of the draft keeps a text: propose its deletion in words.")}
        )
    changes = []
    if text is not None and text != current.text:
        changes.append(LiveChange(field=LiveChange.Field.TEXT, before=current.text, after=text))
        current.text = text
        current.other_out_of_date = True
    if negotiation is not None and negotiation != current.negotiation:
        changes.append(
            LiveChange(
                field=LiveChange.Field.NEGOTIATION, before=current.negotiation, after=negotiation
            )
        )
        current.negotiation = negotiation
    if not changes:
        return current
    for change in changes:
        change.session, change.paragraph, change.user = session, current, user
    LiveChange.objects.bulk_create(changes)
    current.version += 1
    current.save()
    _announce(session, {"type": "paragraph", "paragraph": paragraph_state(current)})
    return current


def _inserted_label(session: LiveSession, base: LiveParagraph) -> str:
    count = LiveParagraph.objects.filter(session=session, inserted_after=base.key).count()
    suffix = INSERTED_SUFFIXES[count] if count < len(INSERTED_SUFFIXES) else f"bis{count + 1}"
    return f"{base.label} {suffix}"


@transaction.atomic
def paragraph_insert(
    *, session: LiveSession, after: str, user: User, text: str = ""
) -> LiveParagraph:
    """Insert a paragraph after the paragraph `after` (and after the paragraphs already
    inserted behind it), numbered "bis", "ter"… after the one it follows."""
    _check_chair(user, session)
    text = _clean_text(text)
    session = _session_for_update(session)
    ordered = list(LiveParagraph.objects.filter(session=session).order_by("position"))
    index = next((i for i, p in enumerate(ordered) if p.key == after), None)
    if index is None:
        raise ValidationError({"after": _("No such paragraph in this session.")})
    anchor = ordered[index]
    # Numbered after the draft's paragraph the run of insertions follows (OP3 bis, OP3 ter),
    # and placed behind the insertions already made after it.
    base = anchor
    while base.inserted_after:
        base = next(p for p in ordered if p.key == base.inserted_after)
    end = ordered.index(base) + 1
    while end < len(ordered) and ordered[end].is_inserted:
        end += 1
    label = _inserted_label(session, base)
    paragraph = LiveParagraph(
        session=session,
        key=new_paragraph_key(),
        position=0,
        kind=anchor.kind,
        label=label,
        inserted_after=base.key,
        opening_text="",
        text=text,
        negotiation=Negotiation.PROPOSED,
        opening_negotiation=Negotiation.PROPOSED,
        other_out_of_date=True,
    )
    ordered.insert(end, paragraph)
    paragraph.save()
    for position, row in enumerate(ordered, start=1):
        row.position = position
    LiveParagraph.objects.bulk_update(ordered, ["position"])
    LiveChange.objects.create(
        session=session, paragraph=paragraph, field=LiveChange.Field.INSERTED, after=text, user=user
    )
    session.focus = paragraph.key
    session.save(update_fields=["focus"])
    _announce(
        session,
        {
            "type": "inserted",
            "paragraph": paragraph_state(paragraph),
            "after": ordered[end - 1].key,
            "focus": session.focus,
        },
    )
    return paragraph


@transaction.atomic
def focus_set(*, session: LiveSession, key: str, user: User) -> LiveSession:
    _check_chair(user, session)
    session = _session_for_update(session)
    _paragraph(session, key)
    session.focus = key
    session.save(update_fields=["focus"])
    _announce(session, {"type": "focus", "focus": key})
    return session


@transaction.atomic
def floor_toggle(*, session: LiveSession, user: User) -> bool:
    """Ask for the floor for the user's delegation, or withdraw its request (once per
    delegation: a second member's press withdraws it too). True when it is now asked."""
    membership = membership_of(user)
    # A superuser passes every rule (Django's backend), but speaks for no delegation.
    if membership is None or not user.has_perm("live.request_floor", session):
        raise PermissionDenied(_("Only delegations ask for the floor."))
    session = _session_for_update(session)
    existing = FloorRequest.objects.filter(session=session, delegation_id=membership.delegation_id)
    requested = not existing.exists()
    if requested:
        FloorRequest.objects.create(
            session=session,
            delegation_id=membership.delegation_id,
            requested_by=user,
            by_head=membership.is_head,
        )
    else:
        existing.delete()
    _announce(session, {"type": "queue", "queue": session_queue(session)})
    return requested


@transaction.atomic
def floor_remove(*, session: LiveSession, delegation_id: int, user: User) -> None:
    """The chair gives a delegation the floor (or drops its request): it leaves the queue."""
    _check_chair(user, session)
    session = _session_for_update(session)
    FloorRequest.objects.filter(session=session, delegation_id=delegation_id).delete()
    _announce(session, {"type": "queue", "queue": session_queue(session)})


@transaction.atomic
def session_close(*, session: LiveSession, user: User) -> Revision:
    """Write the session's text into the draft it was opened on: each changed paragraph's
    text (in the session's language) and status, each inserted one added after the paragraph
    it follows; the draft's history records the change with the session named."""
    _check_chair(user, session)
    session = _session_for_update(session)
    revision = Revision.objects.select_for_update().get(pk=session.revision_id)
    if revision.is_published:
        raise ValidationError(_("The draft has been published since: close the session elsewhere."))
    column = build_localized_fieldname("text", session.language)
    drafts = {p.key: p for p in Paragraph.objects.filter(revision=revision)}
    previous = None
    for live in LiveParagraph.objects.filter(session=session).order_by("position"):
        if live.is_inserted:
            if live.text:
                added = paragraph_add(
                    revision=revision,
                    user=user,
                    kind=live.kind,
                    after=previous,
                    **{column: live.text},
                )
                # The draft keeps the session's key, so its log and the compare view follow it.
                Paragraph.objects.filter(pk=added.pk).update(
                    key=live.key, negotiation=live.negotiation
                )
                added.key = live.key
                previous = added
            continue
        draft = drafts.get(live.key)
        if draft is None:  # deleted in the editor meanwhile: nothing to write it into
            continue
        if live.text != live.opening_text or live.negotiation != live.opening_negotiation:
            setattr(draft, column, live.text)
            draft.negotiation = live.negotiation
            if live.negotiation != Negotiation.BRACKETED:
                draft.bracketed_by = None
            draft.version += 1
            # Only these columns: paragraph_add has renumbered positions under this object.
            draft.save(update_fields=[column, "negotiation", "bracketed_by", "version"])
        previous = draft
    revision._change_reason = f"Live session #{session.pk}"
    revision._history_user = user
    revision.save()
    session.closed_at = timezone.now()
    session.closed_by = user
    session.save(update_fields=["closed_at", "closed_by"])
    _announce(session, {"type": "closed", "revision_number": revision.number})
    return revision
