"""The secretariat's reads: the triage list and its counts, the matrix of positions."""

from django.db.models import Count, Q

from delegations.models import Delegation
from drafts.models import Paragraph, Revision
from drafts.selectors import paragraphs_labelled, paragraphs_numbered
from portal.diff import word_diff

from ..models import Comment, Position

TRIAGE_FILTERS = (
    "revision__document",
    "revision__number",
    "delegation",
    "paragraph__in",
    "kind",
    "status",
)


def comments_for_triage(**filters):
    """The triage list: all comments (hidden ones too), newest first, with what a row shows.
    Only the known filters apply; an empty value means "any"."""
    queryset = Comment.objects.select_related(
        "author", "delegation", "paragraph", "revision__document"
    ).order_by("-created_at", "-pk")
    for field in TRIAGE_FILTERS:
        value = filters.get(field)
        if value not in (None, ""):
            queryset = queryset.filter(**{field: value})
    return queryset


def triage_rows(comments) -> None:
    """Give each comment of a triage page what its row shows beside it: the paragraph's
    text in the language the comment was written in and, for an amendment, the word diff
    of the proposal against that text."""
    for comment in comments:
        paragraph = comment.paragraph
        comment.paragraph_text = (
            (getattr(paragraph, f"text_{comment.language}", "") or paragraph.text)
            if paragraph
            else ""
        )
        comment.words = (
            word_diff(comment.paragraph_text, comment.proposed_text)
            if paragraph and comment.kind == Comment.Kind.AMENDMENT and comment.proposed_text
            else None
        )


def triage_counts(queryset) -> dict:
    """Counts per paragraph and per delegation of a filtered triage list (five queries)."""

    base = queryset.order_by()
    per_paragraph = list(
        base.values("revision__number", "paragraph__position", "paragraph__key", "paragraph_id")
        .annotate(
            total=Count("id"),
            open=Count("id", filter=Q(status=Comment.Status.OPEN)),
        )
        .order_by("revision__number", "paragraph__position")
    )
    per_delegation = list(
        base.values("delegation_id").annotate(
            total=Count("id"),
            open=Count("id", filter=Q(status=Comment.Status.OPEN)),
        )
    )
    # The names are read from the objects: values("delegation__name") would bypass
    # modeltranslation and give the default language's name on an English page.
    paragraphs = Paragraph.objects.in_bulk(
        [r["paragraph_id"] for r in per_paragraph if r["paragraph_id"]]
    )
    paragraphs_labelled(paragraphs.values())
    for row in per_paragraph:
        paragraph = paragraphs.get(row["paragraph_id"])
        row["label"] = paragraph.label if paragraph else ""
    delegations = Delegation.objects.in_bulk([row["delegation_id"] for row in per_delegation])
    for row in per_delegation:
        row["delegation"] = delegations.get(row["delegation_id"])
    per_delegation.sort(key=lambda row: (row["delegation"] is None, str(row["delegation"] or "")))
    return {"per_paragraph": per_paragraph, "per_delegation": per_delegation}


def position_matrix(revision: Revision) -> dict:
    """Paragraph × delegation table of official positions (three queries)."""

    paragraphs = paragraphs_numbered(revision)
    delegations = list(Delegation.objects.filter(memberships__isnull=False).distinct())
    positions = {
        (p.paragraph_id, p.delegation_id): p
        for p in Position.objects.filter(paragraph__revision=revision)
    }
    known = {d.pk for d in delegations}
    extra = {d for (_, d) in positions if d not in known}
    if extra:
        delegations += list(Delegation.objects.filter(pk__in=extra))
    rows = [
        {
            "paragraph": paragraph,
            "cells": [positions.get((paragraph.pk, d.pk)) for d in delegations],
        }
        for paragraph in paragraphs
    ]
    return {"delegations": delegations, "rows": rows}
