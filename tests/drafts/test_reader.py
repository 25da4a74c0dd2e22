import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from consultation.models import Comment
from consultation.services import comment_create
from drafts.models import Paragraph, Revision
from drafts.services import revision_publish
from tests.factories import (
    DelegationFactory,
    MembershipFactory,
    OutcomeDocumentFactory,
    UserFactory,
    totp_enable,
)

# These tests read the interface and the texts in English.
pytestmark = pytest.mark.usefixtures("english")


def _reader_url(revision):
    return reverse("revision_detail", args=[revision.document.slug, revision.number])


def _threads_url(revision, paragraph):
    """The threads on one paragraph, as the reader fetches them when they are opened."""
    args = [revision.document.slug, revision.number, paragraph.key if paragraph else "document"]
    return reverse("paragraph_threads", args=args)


def _big_revision(paragraphs: int, comments: int):
    """A published revision with many paragraphs and comments, built with bulk_create."""
    secretariat = UserFactory(is_secretariat=True)
    totp_enable(secretariat)
    document = OutcomeDocumentFactory()
    draft = Revision.objects.create(document=document, number=1)
    Paragraph.objects.bulk_create(
        Paragraph(
            revision=draft,
            position=i + 1,
            kind=Paragraph.Kind.OPERATIVE if i % 3 else Paragraph.Kind.PREAMBULAR,
            text_en=f"decides to protect the basin number {i} together;",
            text_ru=f"постановляет защищать бассейн номер {i} совместно;",
        )
        for i in range(paragraphs)
    )
    revision = revision_publish(revision=draft, user=secretariat)
    authors = [MembershipFactory(delegation=DelegationFactory()).user for _ in range(5)]
    memberships = {user.pk: user.membership.delegation_id for user in authors}
    ids = list(revision.paragraphs.values_list("pk", flat=True))
    roots = Comment.objects.bulk_create(
        Comment(
            revision=revision,
            paragraph_id=ids[i % len(ids)] if i % 10 else None,
            author=authors[i % 5],
            delegation_id=memberships[authors[i % 5].pk],
            kind=Comment.Kind.AMENDMENT if i % 4 == 1 else Comment.Kind.COMMENT,
            body=f"comment {i}",
            proposed_text="decides to protect all basins together;" if i % 4 == 1 else "",
            visibility=Comment.Visibility.SECRETARIAT if i % 7 == 0 else Comment.Visibility.ALL,
        )
        for i in range(comments // 2)
    )
    Comment.objects.bulk_create(
        Comment(
            revision=revision,
            paragraph_id=root.paragraph_id,
            parent=root,
            author=authors[(i + 1) % 5],
            delegation_id=memberships[authors[(i + 1) % 5].pk],
            body=f"reply {i}",
        )
        for i, root in enumerate(roots)
    )
    # The next revision shows, per paragraph, the comments its earlier version received.
    return revision, authors, secretariat


def _count_queries(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response


def test_the_reader_costs_the_same_queries_and_stays_small_whatever_the_comments(
    db, client, django_assert_max_num_queries
):
    small, small_authors, small_secretariat = _big_revision(20, 50)
    big, big_authors, big_secretariat = _big_revision(200, 5000)
    # A later revision also looks up, by paragraph key, the comments earlier ones received.
    big_next = Revision.objects.get(document=big.document, number=2)

    for role in ("delegate", "secretariat"):
        counts = []
        for revision, authors, secretariat in (
            (small, small_authors, small_secretariat),
            (big, big_authors, big_secretariat),
        ):
            client.force_login(authors[0] if role == "delegate" else secretariat)
            count, response = _count_queries(
                client, _reader_url(revision), django_assert_max_num_queries, 15
            )
            counts.append(count)
        assert counts[0] == counts[1], role
        # The first screen carries each paragraph's count of comments, not the comments.
        assert b'<li id="c-' not in response.content
        assert re.search(rb">\d\d comments</a>", response.content)
        assert len(response.content) < 150 * 1024, role
    # The draft is typeset live (twice more for the digests of its PDFs): within the limit.
    _count, response = _count_queries(
        client, _reader_url(big_next), django_assert_max_num_queries, 15
    )
    assert b"comments on Rev.1" in response.content


def test_a_paragraphs_threads_cost_the_same_queries_whatever_their_number(
    db, client, django_assert_max_num_queries
):
    counts = []
    for paragraphs, comments in ((20, 40), (20, 2000)):
        revision, authors, _secretariat = _big_revision(paragraphs, comments)
        paragraph = revision.paragraphs.get(position=2)
        client.force_login(authors[0])
        with django_assert_max_num_queries(10) as captured:
            response = client.get(_threads_url(revision, paragraph))
        counts.append(len(captured.captured_queries))
        assert response.content.count(b'<li id="c-') >= comments // 20 // 2

    assert counts[0] == counts[1]


def test_a_link_to_a_comment_opens_its_paragraphs_threads_with_the_page(
    client, alice, bob, published_revision, paragraph
):
    comment = comment_create(
        author=alice, revision=published_revision, paragraph=paragraph, body="Here."
    )
    client.force_login(bob)

    closed = client.get(_reader_url(published_revision)).content.decode()
    opened = client.get(comment.get_in_text_url()).content.decode()

    assert comment.get_in_text_url().endswith(f"?open={paragraph.key}#c-{comment.pk}")
    assert f'id="c-{comment.pk}"' not in closed
    assert f'href="?open={paragraph.key}#' in closed  # the way in without JavaScript
    assert (
        f'<div class="panel" id="threads-{paragraph.key}"><ul class="threads"><li id="c-{comment.pk}"'
        in opened
    )


@pytest.fixture
def paragraph(published_revision):
    return published_revision.paragraphs.get(position=3)


def test_the_public_reads_a_published_revision_without_comments_or_forms(
    client, alice, published_revision, paragraph
):
    comment_create(author=alice, revision=published_revision, paragraph=paragraph, body="Mine")

    response = client.get(_reader_url(published_revision))

    assert response.status_code == 200
    assert f'id="p-{paragraph.key}"'.encode() in response.content
    assert b"Mine" not in response.content
    assert b'name="body"' not in response.content


def test_a_draft_is_not_found_for_delegates_but_readable_by_the_secretariat(
    client, alice, secretariat, draft_revision
):
    client.force_login(alice)
    assert client.get(_reader_url(draft_revision)).status_code == 404
    client.force_login(secretariat)
    assert client.get(_reader_url(draft_revision)).status_code == 200


def test_delegate_replies_through_the_comment_page(client, alice, bob, published_revision):
    root = comment_create(author=alice, revision=published_revision, body="Question")
    client.force_login(bob)
    url = reverse("comment_create", args=[published_revision.document.slug, 1])

    page = client.get(url, {"parent": root.pk})
    response = client.post(
        url, {"parent": root.pk, "kind": "comment", "body": "Answer", "visibility": "all"}
    )

    assert page.status_code == 200 and b"Question" in page.content
    assert response.status_code == 302
    assert Comment.objects.get(body="Answer").parent == root


def test_delegate_sees_threads_with_author_delegation_and_replies(
    client, alice, bob, published_revision, paragraph
):
    root = comment_create(
        author=alice, revision=published_revision, paragraph=paragraph, body="Why <b>this</b>?"
    )
    comment_create(author=bob, revision=published_revision, parent=root, body="Because.")
    comment_create(
        author=alice,
        revision=published_revision,
        paragraph=paragraph,
        body="For your eyes",
        visibility="secretariat",
    )

    client.force_login(bob)
    content = client.get(_threads_url(published_revision, paragraph)).content.decode()

    assert "Why &lt;b&gt;this&lt;/b&gt;?" in content  # user text is inert
    assert "Kazakhstan" in content and "Uzbekistan" in content
    assert str(alice) in content
    assert content.index("Why &lt;b&gt;") < content.index("Because.")
    assert 'class="replies"' in content
    assert "For your eyes" not in content


def test_an_amendment_is_shown_as_a_word_diff_against_the_paragraph(
    client, alice, published_revision, paragraph
):
    paragraph_text = paragraph.text_en
    comment_create(
        author=alice,
        revision=published_revision,
        paragraph=paragraph,
        kind="amendment",
        body="Sharper",
        proposed_text=paragraph_text.replace("act", "act jointly"),
    )
    client.force_login(alice)
    content = client.get(f"{_reader_url(published_revision)}?open={paragraph.key}").content.decode()

    assert "<ins> jointly</ins>" in content or "<ins>jointly </ins>" in content


def test_delegate_comments_through_the_form_and_lands_on_the_comment(
    client, alice, published_revision, paragraph
):
    client.force_login(alice)
    url = reverse("comment_create", args=[published_revision.document.slug, 1])

    response = client.post(
        url,
        {
            "paragraph": paragraph.key,
            "kind": "amendment",
            "body": "Better",
            "proposed_text": "decides to act now;",
            "visibility": "all",
        },
    )

    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#c-{comment.pk}")
    assert comment.paragraph == paragraph and comment.kind == "amendment"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"kind": "comment", "body": "", "visibility": "all"}, "body"),
        ({"kind": "comment", "body": "x" * 5001, "visibility": "all"}, "body"),
        ({"kind": "amendment", "body": "x", "visibility": "all"}, "proposed_text"),
        ({"kind": "nonsense", "body": "x", "visibility": "all"}, "kind"),
    ],
)
def test_bad_comments_get_a_clear_form_error(client, alice, published_revision, data, field):
    client.force_login(alice)
    url = reverse("comment_create", args=[published_revision.document.slug, 1])

    response = client.post(url, {"paragraph": "", **data})

    assert response.status_code == 400
    assert response.context["form"].errors
    assert not Comment.objects.exists()


def test_unknown_paragraph_or_parent_is_a_400_not_a_500(client, alice, published_revision):
    client.force_login(alice)
    url = reverse("comment_create", args=[published_revision.document.slug, 1])

    assert client.post(url, {"paragraph": "nope", "body": "x"}).status_code == 400
    assert client.post(url, {"parent": "abc", "body": "x"}).status_code == 400
    assert client.post(url, {"parent": "99999", "body": "x"}).status_code == 400


def test_after_the_deadline_the_form_is_gone_and_posting_is_refused(
    client, alice, published_revision
):
    document = published_revision.document
    document.comment_deadline = timezone.now() - timezone.timedelta(minutes=1)
    document.save()
    client.force_login(alice)

    reader = client.get(_reader_url(published_revision)).content.decode()
    response = client.post(
        reverse("comment_create", args=[document.slug, 1]),
        {"kind": "comment", "body": "Late", "visibility": "all"},
    )

    assert 'name="body"' not in reader
    assert "consultation closed" in reader
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_the_reader_shows_the_time_left_and_the_deadline_in_almaty(
    client, alice, published_revision
):
    document = published_revision.document
    document.comment_deadline = datetime(2030, 3, 1, 12, 0, tzinfo=UTC)
    document.save()
    client.force_login(alice)

    content = client.get(_reader_url(published_revision)).content.decode()

    assert "17:00" in content  # 12:00 UTC is 17:00 in Almaty (UTC+5)
    assert 'data-deadline="2030-03-01T12:00:00+00:00"' in content
    # The words the live countdown writes, so the page reads the same before its script runs.
    assert re.search(r">\d+ d \d+ h \d+ min left</span>", content)


def test_author_edits_own_comment_until_answered_and_a_stale_edit_shows_both_texts(
    client, alice, bob, secretariat, published_revision
):
    comment = comment_create(author=alice, revision=published_revision, body="First")
    url = reverse("comment_edit", args=[comment.pk])

    client.force_login(bob)
    assert client.get(url).status_code == 403

    client.force_login(alice)
    assert client.post(url, {"version": 1, "body": "Second"}).status_code == 302
    response = client.post(url, {"version": 1, "body": "Stale"})
    assert response.status_code == 409
    assert "Second" in response.content.decode() and "Stale" in response.content.decode()
    comment.refresh_from_db()
    assert comment.body == "Second"

    client.force_login(secretariat)
    client.post(reverse("comment_answer", args=[comment.pk]), {"status": "noted", "response": ""})
    client.force_login(alice)
    assert client.post(url, {"version": 3, "body": "Third"}).status_code == 403


def test_a_later_revision_links_the_comments_earlier_revisions_received(
    client, alice, secretariat, published_revision, paragraph
):
    comment_create(author=alice, revision=published_revision, paragraph=paragraph, body="Hmm")
    draft = Revision.objects.get(document=published_revision.document, number=2)
    second = revision_publish(revision=draft, user=secretariat, summary_en="Second")
    client.force_login(alice)

    content = client.get(_reader_url(second)).content.decode()

    link = reverse("revision_detail", args=[second.document.slug, 1]) + f"#p-{paragraph.key}"
    assert link in content
    assert "1 comment on Rev.1" in content


def test_every_user_text_in_a_thread_is_inert(client, secretariat, published_revision, paragraph):
    from consultation.services import comment_answer, comment_hide

    author = MembershipFactory(
        user__first_name="<img src=x onerror=alert(1)>",
        delegation__name_en="<b>Bold</b> land",
    ).user
    comment = comment_create(
        author=author,
        revision=published_revision,
        paragraph=paragraph,
        kind="addition",
        body="a\n\n<script>x()</script>",
        proposed_text='"><svg onload=alert(2)>',
    )
    comment_answer(comment=comment, user=secretariat, status="noted", response="<i>ok</i>")
    comment_hide(comment=comment, user=secretariat, reason="<u>rude</u>")
    client.force_login(secretariat)

    content = client.get(_threads_url(published_revision, paragraph)).content.decode()

    for raw in ("<img src=x", "<script>x()", "<svg onload", "<i>ok", "<u>rude", "<b>Bold"):
        assert raw not in content
    assert "&lt;script&gt;x()&lt;/script&gt;" in content
    assert "&lt;b&gt;Bold&lt;/b&gt; land" in content


@pytest.mark.parametrize(
    ("who", "comment_form", "position_form", "triage_link"),
    [
        ("outsider", False, False, False),
        ("delegate", True, False, False),
        ("head", True, True, False),
        ("secretariat", True, False, True),
    ],
)
def test_what_each_role_gets_on_the_reader(
    client,
    secretariat,
    delegation_a,
    published_revision,
    who,
    comment_form,
    position_form,
    triage_link,
):
    user = {
        "outsider": lambda: UserFactory(),
        "delegate": lambda: MembershipFactory(delegation=delegation_a).user,
        "head": lambda: MembershipFactory(delegation=delegation_a, role="head").user,
        "secretariat": lambda: secretariat,
    }[who]()
    client.force_login(user)
    paragraph = published_revision.paragraphs.get(position=3)

    content = client.get(_reader_url(published_revision)).content.decode()
    # The paragraph's forms, as the reader fetches them when they are opened.
    forms = client.get(
        reverse("paragraph_form", args=[published_revision.document.slug, 1, paragraph.key])
    )

    assert ('name="body"' in content) is comment_form  # the form on the whole document
    assert (forms.status_code == 200) is comment_form
    assert ('name="stance"' in forms.content.decode()) is position_form
    assert (reverse("comment_triage") in content) is triage_link


def test_the_reader_offers_the_pdfs_line_breaks_and_keeps_them_when_asked(
    client, published_revision
):
    """Issue #27: a phone reflows the numbered lines (CSS); `?view=lines` keeps them line for
    line at any width, and each view links to the other."""
    url = _reader_url(published_revision)
    default = client.get(url).content.decode()
    assert 'data-view="lines"' not in default
    assert f'href="{url}?view=lines"' in default

    lines = client.get(url, {"view": "lines"}).content.decode()
    assert 'data-view="lines"' in lines
    assert 'class="narrow-only"' not in lines
    assert "Fit the numbered lines to the screen" in lines
