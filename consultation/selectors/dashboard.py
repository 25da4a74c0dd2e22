"""A participant's start page."""

from django.db.models import F, Max, Q
from django.utils import timezone

from delegations.permissions import membership_of
from drafts.models import OutcomeDocument
from drafts.selectors import paragraphs_labelled

from ..models import Comment


def dashboard_for(user) -> dict:
    """A participant's start page: documents open for comments, their delegation's comments
    with their status, and the answers that arrived since the last visit (five queries)."""

    now = timezone.now()
    open_documents = list(
        OutcomeDocument.objects.filter(status=OutcomeDocument.Status.CONSULTATION)
        .filter(Q(comment_deadline__isnull=True) | Q(comment_deadline__gt=now))
        .annotate(latest_published=Max("revisions__number", filter=Q(revisions__state="published")))
        .filter(latest_published__isnull=False)
        .order_by(F("comment_deadline").asc(nulls_last=True))
    )
    membership = membership_of(user)
    mine = Q(author=user)
    if membership is not None:
        mine |= Q(delegation_id=membership.delegation_id)
    comments = list(
        Comment.objects.visible_to(user)
        .filter(mine, parent__isnull=True)
        .select_related("revision__document", "paragraph", "author", "responded_by")
        .order_by("-created_at")[:100]
    )
    paragraphs_labelled(comment.paragraph for comment in comments)
    since = user.dashboard_seen_at
    new_answers = [
        c for c in comments if c.responded_at and (since is None or c.responded_at > since)
    ]
    return {
        "open_documents": open_documents,
        "comments": comments,
        "new_answers": new_answers,
        "since": since,
        "membership": membership,
    }
