"""The state of a live session as every client reads it: on connect, on GET, after a gap."""

from django.db.models import Prefetch
from modeltranslation.utils import build_localized_fieldname

from portal.diff import word_diff
from portal.languages import language_codes

from .models import FloorRequest, LiveParagraph, LiveSession


def paragraph_state(paragraph: LiveParagraph) -> dict:
    return {
        "key": paragraph.key,
        "label": paragraph.label,
        "kind": paragraph.kind,
        "text": paragraph.text,
        "negotiation": paragraph.negotiation,
        "version": paragraph.version,
        "inserted": paragraph.is_inserted,
        "other_out_of_date": paragraph.other_out_of_date,
        # Changes since the session opened, word by word: insertions and deletions (the
        # room's screen underlines and strikes them).
        "changes": [[op.op, op.text] for op in word_diff(paragraph.opening_text, paragraph.text)]
        if paragraph.text != paragraph.opening_text
        else [],
    }


def queue_state(requests) -> list[dict]:
    return [
        {
            "delegation": request.delegation_id,
            "name": request.delegation.name,
            # Every client shows the name in its page's language (a broadcast is built once).
            "names": {
                code: getattr(request.delegation, build_localized_fieldname("name", code), "")
                or request.delegation.name
                for code in language_codes()
            },
            "code": request.delegation.iso_code,
            "head": request.by_head,
            "at": request.at.isoformat(),
        }
        for request in requests
    ]


def session_queue(session: LiveSession) -> list[dict]:
    return queue_state(
        FloorRequest.objects.filter(session=session)
        .select_related("delegation")
        .order_by("at", "id")
    )


def session_state(session: LiveSession) -> dict:
    """The whole state, with its version; a client that missed a message reads this."""
    session = (
        LiveSession.objects.select_related("revision__document")
        .prefetch_related(
            Prefetch("paragraphs", queryset=LiveParagraph.objects.order_by("position")),
        )
        .get(pk=session.pk)
    )
    document = session.revision.document
    return {
        "id": session.pk,
        "document": {"id": document.pk, "symbol": document.symbol, "title": document.title},
        "revision": session.revision.number,
        "language": session.language,
        "focus": session.focus,
        "version": session.version,
        "is_public": session.is_public,
        "open": session.is_open,
        "paragraphs": [paragraph_state(p) for p in session.paragraphs.all()],
        "queue": session_queue(session),
    }


def sessions_of_document(document) -> list[LiveSession]:
    return list(
        LiveSession.objects.filter(revision__document=document).select_related(
            "revision", "opened_by", "closed_by"
        )
    )
