from django.db.models import Count, Max, Q

from .models import Comment, OutcomeDocument, Paragraph, Revision


def documents_public():
    """Outcome documents with the number of their latest published revision."""
    return OutcomeDocument.objects.annotate(
        latest_published=Max("revisions__number", filter=Q(revisions__state="published")),
        published_count=Count("revisions", filter=Q(revisions__state="published")),
    ).filter(published_count__gt=0)


def paragraphs_numbered(revision: Revision) -> list[Paragraph]:
    """The revision's paragraphs in order, operative ones numbered 1., 2., … as in UN texts."""
    paragraphs = list(revision.paragraphs.order_by("position", "id").select_related("bracketed_by"))
    number = 0
    for paragraph in paragraphs:
        if paragraph.kind == Paragraph.Kind.OPERATIVE:
            number += 1
            paragraph.number = number
        else:
            paragraph.number = None
    return paragraphs


def comments_visible_to(user, queryset=None):
    """The comments a person may read: the secretariat sees all; a delegate sees what was made
    visible to all delegations, plus everything their own delegation wrote."""
    from accounts.permissions import is_participant, is_secretariat, membership_of

    queryset = Comment.objects.all() if queryset is None else queryset
    if is_secretariat(user):
        return queryset
    if not is_participant(user):
        return queryset.none()
    membership = membership_of(user)
    own = Q(author=user) | Q(delegation_id=membership.delegation_id)
    return queryset.filter(own | Q(visibility=Comment.Visibility.ALL, hidden_at__isnull=True))


def comment_is_visible_to(comment: Comment, user) -> bool:
    from accounts.permissions import is_participant, is_secretariat, membership_of

    if is_secretariat(user):
        return True
    if not is_participant(user):
        return False
    if comment.author_id == user.pk:
        return True
    if comment.delegation_id and comment.delegation_id == membership_of(user).delegation_id:
        return True
    return comment.visibility == Comment.Visibility.ALL and comment.hidden_at is None


def revision_compare(old: Revision, new: Revision):
    from .diff import compare_paragraphs

    return compare_paragraphs(paragraphs_numbered(old), paragraphs_numbered(new))


def revisions_readable_by(user):
    """The revisions `drafts.read_revision` lets this person read, as a queryset (the rule
    itself decides one object at a time; lists need the same answer in SQL)."""
    from accounts.permissions import is_secretariat

    if is_secretariat(user):
        return Revision.objects.all()
    return Revision.objects.filter(state=Revision.State.PUBLISHED)


def documents_readable_by(user):
    """Documents with a revision this person may read, those revisions prefetched. A document
    with nothing readable is left out altogether, so a draft's existence does not leak."""
    from django.db.models import Exists, OuterRef, Prefetch

    from accounts.permissions import is_secretariat

    readable = revisions_readable_by(user)
    documents = OutcomeDocument.objects.all()
    if not is_secretariat(user):
        documents = documents.filter(Exists(readable.filter(document=OuterRef("pk"))))
    return documents.prefetch_related(
        "initiatives",
        Prefetch("revisions", queryset=readable.order_by("number"), to_attr="readable_revisions"),
    )


def revision_latest_published(document: OutcomeDocument) -> Revision | None:
    return document.revisions.filter(state=Revision.State.PUBLISHED).order_by("-number").first()
