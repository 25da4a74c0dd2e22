"""The project-level reads: pages that combine every app (a delegation's public page)."""

from django.db.models import F, Q
from django.utils.translation import gettext

from accounts.permissions import acts_as_secretariat
from consultation.models import Comment, Position
from delegations.models import Delegation, Membership
from delegations.permissions import membership_of
from drafts.models import Revision
from drafts.selectors import paragraphs_labelled
from programme.models import Meeting


def delegation_page(delegation: Delegation, user) -> dict:
    """Everything the public page of a delegation shows, for this reader: what it leads and
    supports, its funding, its statements and sponsorships on outcome documents; its comments
    and positions only to those who may read them (participants, its own delegation)."""
    head = (
        Membership.objects.filter(delegation=delegation, role=Membership.Role.HEAD)
        .select_related("user")
        .first()
    )
    comments = list(
        Comment.objects.filter(
            delegation=delegation, revision__state=Revision.State.PUBLISHED, parent__isnull=True
        )
        .visible_to(user)
        .select_related("revision__document", "paragraph")
        .order_by("-created_at")[:50]
    )
    paragraphs_labelled(comment.paragraph for comment in comments)
    membership = membership_of(user)
    sees_positions = acts_as_secretariat(user) or (
        membership is not None and membership.delegation_id == delegation.pk
    )
    # Its place in the programme: the seed names no participants per meeting, so the meetings
    # are those at which a document it spoke on (a statement, a sponsorship) was adopted.
    meetings = (
        Meeting.objects.filter(
            Q(adoptions__document__statements__delegation=delegation)
            | Q(
                adoptions__document__sponsorships__delegation=delegation,
                adoptions__document__sponsorships__withdrawn=False,
            )
        )
        .distinct()
        .order_by(F("start_date").asc(nulls_last=True))
    )
    return {
        "delegation": delegation,
        "meetings": meetings,
        "head": head.user if head else None,
        "led": delegation.led_initiatives.all(),
        "supported": delegation.partner_initiatives.all(),
        "funding": delegation.funding_entries.select_related("initiative"),
        "outcome_documents": _outcome_documents(delegation),
        "comments": comments,
        "positions": (
            Position.objects.filter(
                delegation=delegation, paragraph__revision__state=Revision.State.PUBLISHED
            ).select_related("paragraph__revision__document")
            if sees_positions
            else None
        ),
    }


def _outcome_documents(delegation: Delegation) -> list[dict]:
    """Each outcome document the delegation spoke on, once, with what it did: "sponsor;
    joins the consensus"."""
    rows: dict[int, dict] = {}

    def row(document) -> list[str]:
        return rows.setdefault(document.pk, {"document": document, "roles": []})["roles"]

    sponsorships = delegation.sponsorships.filter(withdrawn=False)
    for sponsorship in sponsorships.select_related("document__adoption"):
        row(sponsorship.document).append(gettext("sponsor"))
    for statement in delegation.statements.select_related("document__adoption"):
        kind = statement.get_kind_display()
        row(statement.document).append(kind[:1].lower() + kind[1:])  # after a dash
    return list(rows.values())
