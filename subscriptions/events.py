"""The events the apps below announce, as the outbox records them: what each says, in every
language, and who follows it (subscriptions/sources.py connects the signals to these)."""

from django.conf import settings
from django.utils import timezone

from adoption.models import Adoption
from drafts.models import Revision
from programme.models import Meeting
from register.models import Document, LanguageVersion
from submissions.models import Call

from .models import Event
from .services import event_record, in_every_language, subscriptions_default_for_document


def revision_published_record(*, revision: Revision) -> Event:
    document = revision.document
    key = f"revision:{revision.pk}"
    first_publication = (
        not Event.objects.filter(key=key).exists()
        and not document.revisions.published().filter(number__lt=revision.number).exists()
    )
    if first_publication:
        subscriptions_default_for_document(document=document)
    zone = document.summit.timezone if document.summit_id else settings.TIME_ZONE
    event, _created = event_record(
        kind=Event.Kind.REVISION_PUBLISHED,
        key=key,
        document=document,
        revision=revision,
        happened_at=revision.published_at or timezone.now(),
        data={
            "symbol": document.symbol,
            "number": revision.number,
            "title": in_every_language(document, "title"),
            "summary": in_every_language(revision, "summary"),
            "deadline": document.comment_deadline.isoformat() if document.comment_deadline else "",
            "zone": zone,
            "url": ["revision_detail", [document.slug, revision.number]],
        },
    )
    return event


def document_adopted_record(*, adoption: Adoption) -> Event:
    document = adoption.document
    deadline = document.statement_deadline
    event, _created = event_record(
        kind=Event.Kind.DOCUMENT_ADOPTED,
        key=f"adoption:{adoption.pk}",
        document=document,
        meeting=adoption.meeting,
        happened_at=adoption.recorded_at or timezone.now(),
        data={
            "symbol": adoption.final_symbol,
            "title": in_every_language(adoption, "title"),
            # Until when heads of delegation may record their statement on it.
            "deadline": deadline.isoformat() if deadline else "",
            "zone": document.summit.timezone if document.summit_id else settings.TIME_ZONE,
            "url": ["document_adopted", [document.slug]],
        },
    )
    return event


def _zone_of(meeting: Meeting) -> str:
    return meeting.summit.timezone if meeting.summit_id else settings.TIME_ZONE


def register_document_issued_record(*, document: Document) -> Event | None:
    if Call.objects.filter(document=document).exists():
        # A call's compilation: "The written submissions are published as …"
        # (call_published_record) announces it to the meeting's followers and the call's.
        return None
    meeting = document.meeting
    event, _created = event_record(
        kind=Event.Kind.DOCUMENT_ISSUED,
        key=f"register-document:{document.pk}",
        meeting=meeting,
        register_document=document,
        happened_at=document.issued_at or timezone.now(),
        data={
            "symbol": document.symbol,
            "title": in_every_language(document, "title"),
            "url": ["register:document", [meeting.slug, document.pk]],
            "fallback_url": ["meeting_detail", [meeting.slug]],
        },
    )
    return event


def register_version_added_record(*, version: LanguageVersion) -> Event:
    document = version.document
    meeting = document.meeting
    event, _created = event_record(
        kind=Event.Kind.VERSION_ADDED,
        key=f"register-version:{version.pk}",
        meeting=meeting,
        register_document=document,
        happened_at=version.issued_at or timezone.now(),
        data={
            "symbol": document.symbol,
            "language": version.language,
            "title": in_every_language(document, "title"),
            "url": ["register:document", [meeting.slug, document.pk]],
            "fallback_url": ["meeting_detail", [meeting.slug]],
        },
    )
    return event


def call_opened_record(*, call: Call) -> Event:
    event, _created = event_record(
        kind=Event.Kind.CALL_OPENED,
        key=f"call-opened:{call.pk}",
        meeting=call.meeting,
        call=call,
        happened_at=call.opened_at or timezone.now(),
        data={
            "title": in_every_language(call, "subject"),
            "deadline": call.deadline.isoformat(),
            "zone": _zone_of(call.meeting),
            "url": ["call_detail", [call.pk]],
        },
    )
    return event


def call_published_record(*, call: Call, document: Document | None = None) -> Event:
    event, _created = event_record(
        kind=Event.Kind.CALL_PUBLISHED,
        key=f"call-published:{call.pk}",
        meeting=call.meeting,
        call=call,
        happened_at=call.published_at or timezone.now(),
        data={
            "symbol": document.symbol if document is not None else "",
            "title": in_every_language(call, "subject"),
            "url": ["call_detail", [call.pk]],
        },
    )
    return event


# --- Tasks, beside the services they call.
