"""What the reader shows of the consultation: counts and threads of comments, per paragraph."""

from django.db.models import Count

from delegations.permissions import membership_of
from drafts.models import Paragraph, Revision
from portal.diff import word_diff

from ..models import DOCUMENT_THREADS, Comment, Position


def reader_comments(
    revision: Revision, paragraphs: list[Paragraph], user, *, open_key: str = ""
) -> dict:
    """What the consultation adds to the reader's paragraphs (drafts.selectors.paragraphs_numbered),
    in a constant number of queries whatever the size of the revision: how many comments the
    user may see on each, the comments earlier revisions received on the same paragraphs
    (matched by key), and the user's delegation's official positions. The threads themselves
    are loaded per paragraph on demand (`threads_on`); only those of `open_key` (a paragraph
    key, or DOCUMENT_THREADS) come with the page, where a link to a comment leads."""

    by_id = {p.pk: p for p in paragraphs}
    for paragraph in paragraphs:
        paragraph.comment_count = 0
        paragraph.threads = None  # not loaded
        paragraph.earlier = []
        paragraph.own_position = None

    document_count = 0
    counts = (
        Comment.objects.filter(revision=revision)
        .visible_to(user)
        .values_list("paragraph_id")
        .annotate(count=Count("id"))
        .order_by()
    )
    for paragraph_id, count in counts:
        if paragraph_id in by_id:
            by_id[paragraph_id].comment_count = count
        else:
            document_count += count

    document_threads = None
    if open_key == DOCUMENT_THREADS:
        document_threads = threads_on(revision, None, user)
    else:
        opened = next((p for p in paragraphs if p.key == open_key), None)
        if opened is not None:
            opened.threads = threads_on(revision, opened, user)

    keys = {p.key: p for p in paragraphs}
    earlier = (
        Comment.objects.filter(
            revision__document_id=revision.document_id,
            revision__number__lt=revision.number,
            paragraph__isnull=False,
        )
        .visible_to(user)
        .values("paragraph__key", "revision__number")
        .annotate(count=Count("id"))
        .order_by("revision__number")
    )
    for row in earlier:
        paragraph = keys.get(row["paragraph__key"])
        if paragraph is not None:
            paragraph.earlier.append({"number": row["revision__number"], "count": row["count"]})

    membership = membership_of(user)
    if membership is not None:
        for position in Position.objects.filter(
            paragraph__revision=revision, delegation_id=membership.delegation_id
        ).select_related("updated_by"):
            if position.paragraph_id in by_id:
                by_id[position.paragraph_id].own_position = position

    return {
        "document_threads": document_threads,
        "document_comment_count": document_count,
        "membership": membership,
    }


def threads_on(revision: Revision, paragraph: Paragraph | None, user) -> list[Comment]:
    """The comment threads the user may see on one paragraph (None: on the whole document),
    oldest first: each root with its replies in `thread_replies`, amendments with `diff`, a
    word diff against the paragraph in the amendment's language. One query."""
    comments = list(
        Comment.objects.filter(revision=revision, paragraph=paragraph)
        .visible_to(user)
        .select_related("author", "delegation")
        .order_by("created_at", "pk")
    )
    comments_by_id = {c.pk: c for c in comments}
    threads = []
    for comment in comments:
        comment.revision = revision  # spares the permission checks a query per comment
        comment.paragraph = paragraph
        comment.thread_replies = []
        comment.diff = None
    for comment in comments:
        if comment.kind == Comment.Kind.AMENDMENT and paragraph is not None:
            original = getattr(paragraph, f"text_{comment.language}", "") or paragraph.text
            comment.diff = word_diff(original, comment.proposed_text)
        # Replies join the thread of their root; a reply whose parent the user may not see
        # stands on its own rather than disappearing.
        root = comments_by_id.get(comment.parent_id)
        while root is not None and root.parent_id in comments_by_id:
            root = comments_by_id[root.parent_id]
        if root is not None:
            root.thread_replies.append(comment)
        else:
            threads.append(comment)
    return threads
