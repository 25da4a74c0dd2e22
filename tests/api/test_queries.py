"""Every list and detail endpoint costs the same number of queries for 10 objects and for 500."""

from decimal import Decimal
from itertools import count

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consultation.models import Comment
from delegations.models import Delegation, Membership
from drafts.models import OutcomeDocument, Paragraph, Revision
from initiatives.models import FundingEntry, Indicator, Initiative, Outcome, Output, Section, Tag
from programme.models import AgendaItem, Meeting, Summit
from tests.factories import SummitFactory, UserFactory

serial = count(1)


def once(ctx, key, make):
    """The shared parent of the objects a test grows, made on the first call only."""
    if key not in ctx:
        ctx[key] = make()
    return ctx[key]


def summits(n, ctx):
    created = Summit.objects.bulk_create(
        Summit(acronym=f"S-{next(serial)}", name_en="Summit", host_city_en="City") for _ in range(n)
    )
    Meeting.objects.bulk_create(
        Meeting(summit=s, kind="summit", title_en="M", place_en="P", slug=f"m-{next(serial)}")
        for s in created
    )
    return "/api/v1/summits/?page_size=200"


def summit_meetings(n, ctx):
    summit = once(ctx, "summit", lambda: SummitFactory())
    Meeting.objects.bulk_create(
        Meeting(summit=summit, kind="summit", title_en="M", place_en="P", slug=f"m-{next(serial)}")
        for _ in range(n)
    )
    return f"/api/v1/summits/{summit.pk}/"


def meetings(n, ctx):
    summit = once(ctx, "summit", lambda: SummitFactory())
    created = Meeting.objects.bulk_create(
        Meeting(summit=summit, kind="summit", title_en="M", place_en="P", slug=f"m-{next(serial)}")
        for _ in range(n)
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=m, position=p, title_en="Item") for m in created for p in (1, 2)
    )
    return "/api/v1/meetings/?page_size=200"


def agenda(n, ctx):
    if "meeting" not in ctx:
        ctx["meeting"] = Meeting.objects.create(
            summit=SummitFactory(), kind="summit", title_en="M", place_en="P", slug="m"
        )
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=ctx["meeting"], position=next(serial), title_en="Item") for _ in range(n)
    )
    return f"/api/v1/meetings/{ctx['meeting'].pk}/"


def delegation_rows(n):
    return Delegation.objects.bulk_create(
        Delegation(kind="organisation", name_en=f"Org {i}", slug=f"org-{i}")
        for i in (next(serial) for _ in range(n))
    )


def initiatives(n, ctx):
    source = once(ctx, "source", lambda: delegation_rows(1)[0])
    tag = once(ctx, "tag", lambda: Tag.objects.create(kind="theme", name_en="Water", slug="water"))
    created = Initiative.objects.bulk_create(
        Initiative(title_en="I", summary_en="S", slug=f"i-{next(serial)}", lead_delegation=source)
        for _ in range(n)
    )
    Initiative.tags.through.objects.bulk_create(
        Initiative.tags.through(initiative=i, tag=tag) for i in created
    )
    Initiative.partners.through.objects.bulk_create(
        Initiative.partners.through(initiative=i, delegation=source) for i in created
    )
    FundingEntry.objects.bulk_create(
        FundingEntry(initiative=i, source=source, amount=Decimal(10), status="pledged")
        for i in created
    )
    return "/api/v1/initiatives/?page_size=200"


def initiative_parts(n, ctx):
    if "initiative" not in ctx:
        ctx["initiative"] = Initiative.objects.create(title_en="I", summary_en="S", slug="i")
        ctx["source"] = delegation_rows(1)[0]
        Section.objects.create(initiative=ctx["initiative"], kind="background")
    initiative = ctx["initiative"]
    outcomes = Outcome.objects.bulk_create(
        Outcome(initiative=initiative, title_en="O") for _ in range(n)
    )
    outputs = Output.objects.bulk_create(Output(outcome=o, title_en="Out") for o in outcomes)
    Indicator.objects.bulk_create(
        Indicator(output=o, title_en="Ind", unit_en="ha") for o in outputs
    )
    FundingEntry.objects.bulk_create(
        FundingEntry(
            initiative=initiative, source=ctx["source"], amount=Decimal(5), status="committed"
        )
        for _ in range(n)
    )
    return f"/api/v1/initiatives/{initiative.slug}/"


def delegations(n, ctx):
    created = delegation_rows(n)
    users = [UserFactory.build(email=f"u{next(serial)}@example.org") for _ in created]
    from accounts.models import User

    users = User.objects.bulk_create(users)
    Membership.objects.bulk_create(
        Membership(user=u, delegation=d, role="delegate")
        for u, d in zip(users, created, strict=True)
    )
    return "/api/v1/delegations/?page_size=200"


def published(document, number):
    return Revision(
        document=document, number=number, state="published", published_at=timezone.now()
    )


def documents(n, ctx):
    summit = once(ctx, "summit", lambda: SummitFactory())
    created = OutcomeDocument.objects.bulk_create(
        OutcomeDocument(
            summit=summit, kind="declaration", title_en="D", symbol=f"D/{i}", slug=f"d-{i}"
        )
        for i in (next(serial) for _ in range(n))
    )
    Revision.objects.bulk_create(published(d, 1) for d in created)
    return "/api/v1/documents/?page_size=200"


def document_revisions(n, ctx):
    if "document" not in ctx:
        ctx["document"] = OutcomeDocument.objects.create(
            summit=SummitFactory(), kind="declaration", title_en="D", symbol="D/1", slug="d"
        )
    document = ctx["document"]
    Revision.objects.bulk_create(published(document, next(serial)) for _ in range(n))
    return f"/api/v1/documents/{document.pk}/"


def revision_paragraphs(n, ctx):
    if "revision" not in ctx:
        document = OutcomeDocument.objects.create(
            summit=SummitFactory(), kind="declaration", title_en="D", symbol="D/1", slug="d"
        )
        ctx["revision"] = Revision.objects.create(document=document, number=1)
    revision = ctx["revision"]
    Paragraph.objects.bulk_create(
        Paragraph(revision=revision, position=next(serial), kind="operative", text_en="decides;")
        for _ in range(n)
    )
    return f"/api/v1/documents/{revision.document_id}/revisions/1/"


def compare_paragraphs(n, ctx):
    # Each call builds a fresh document with all the paragraphs so far: a published revision
    # takes no new paragraphs (the database refuses it), so it is filled while still a draft.
    n = ctx["compared"] = ctx.get("compared", 0) + n
    number = next(serial)
    document = OutcomeDocument.objects.create(
        summit=SummitFactory(),
        kind="declaration",
        title_en="D",
        symbol=f"D/{number}",
        slug=f"d-{number}",
    )
    old = Revision.objects.create(document=document, number=1)
    keys = [f"k{next(serial):011d}" for _ in range(n)]
    Paragraph.objects.bulk_create(
        Paragraph(revision=old, key=key, position=i, kind="operative", text_en="decides to act;")
        for i, key in enumerate(keys)
    )
    Revision.objects.filter(pk=old.pk).update(state="published", published_at=timezone.now())
    new = Revision.objects.create(document=document, number=2)
    Paragraph.objects.bulk_create(
        Paragraph(
            revision=new, key=key, position=i, kind="operative", text_en="decides to act now;"
        )
        for i, key in enumerate(keys)
    )
    return f"/api/v1/documents/{document.pk}/compare/?from=1&to=2"


def comment_rows(n, ctx):
    if "revision" not in ctx:
        document = OutcomeDocument.objects.create(
            summit=SummitFactory(), kind="declaration", title_en="D", symbol="D/1", slug="d"
        )
        ctx["revision"] = Revision.objects.create(document=document, number=1)
        ctx["paragraph"] = Paragraph.objects.create(
            revision=ctx["revision"], position=1, kind="operative", text_en="decides;"
        )
        ctx["delegation"] = delegation_rows(1)[0]
    return Comment.objects.bulk_create(
        Comment(
            revision=ctx["revision"],
            paragraph=ctx["paragraph"],
            author=ctx["author"],
            delegation=ctx["delegation"],
            body="Support.",
        )
        for _ in range(n)
    )


def comments(n, ctx):
    comment_rows(n, ctx)
    return "/api/v1/comments/?page_size=200"


def comment_detail(n, ctx):
    first = comment_rows(n, ctx)
    once(ctx, "first", lambda: first[0])
    return f"/api/v1/comments/{ctx['first'].pk}/"


def compilation(n, ctx):
    comment_rows(n, ctx)
    return f"/api/v1/documents/{ctx['revision'].document_id}/revisions/1/compilation/"


@pytest.mark.parametrize(
    ("grow", "role"),
    [
        (summits, "anonymous"),
        (summit_meetings, "anonymous"),
        (meetings, "anonymous"),
        (agenda, "anonymous"),
        (initiatives, "anonymous"),
        (initiative_parts, "anonymous"),
        (delegations, "anonymous"),
        (delegations, "alice"),
        (documents, "anonymous"),
        (documents, "secretariat"),
        (document_revisions, "anonymous"),
        (revision_paragraphs, "secretariat"),
        (compare_paragraphs, "secretariat"),
        (comments, "alice"),
        (comments, "secretariat"),
        (comment_detail, "alice"),
        (compilation, "secretariat"),
    ],
)
def test_queries_do_not_grow_with_the_data(
    clients, alice, secretariat, grow, role, django_assert_max_num_queries
):
    ctx = {"author": alice}
    url = grow(10, ctx)
    with CaptureQueriesContext(connection) as at_10:
        small = clients[role].get(url)
    assert small.status_code == 200

    url = grow(490, ctx)
    # A full page also counts the rows behind it; a short one (10 of 200) is the last and
    # needs no count (tests/api/test_paging.py).
    listed = small.json() if small["Content-Type"] == "application/json" else {}
    counts = 1 if "count" in listed and listed["next"] is None else 0
    with django_assert_max_num_queries(len(at_10) + counts):
        large = clients[role].get(url)

    assert large.status_code == 200
    if grow is not comment_detail:  # one comment among 500 others: the answer does not grow
        assert len(large.content) > len(small.content)  # the 490 new objects are in the answer
