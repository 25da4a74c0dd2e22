import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from consultation.models import Comment, CommentEvent
from consultation.services import comment_answer, comment_create, comment_edit, comment_hide
from portal.concurrency import EditConflict
from tests.factories import UserFactory


@pytest.fixture
def paragraph(published_revision):
    return published_revision.paragraphs.get(position=3)


def test_delegate_comments_on_a_paragraph_in_the_name_of_their_delegation(
    alice, published_revision, paragraph
):
    comment = comment_create(
        author=alice, revision=published_revision, paragraph=paragraph, body="Support."
    )

    assert comment.delegation == alice.membership.delegation
    assert comment.events.get().action == CommentEvent.Action.CREATED


def test_an_amendment_needs_proposed_text_and_a_paragraph(alice, published_revision, paragraph):
    with pytest.raises(ValidationError) as error:
        comment_create(
            author=alice,
            revision=published_revision,
            paragraph=paragraph,
            body="x",
            kind=Comment.Kind.AMENDMENT,
        )
    assert "proposed_text" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        comment_create(
            author=alice,
            revision=published_revision,
            body="x",
            kind=Comment.Kind.AMENDMENT,
            proposed_text="new text",
        )
    assert "paragraph" in error.value.message_dict


@pytest.mark.parametrize("body", ["", "   ", "x" * 5001, "nul\x00byte"])
def test_empty_oversized_or_binary_comments_are_refused(alice, published_revision, body):
    with pytest.raises(ValidationError):
        comment_create(author=alice, revision=published_revision, body=body)
    assert not Comment.objects.exists()


def test_html_is_kept_as_plain_text(alice, published_revision):
    comment = comment_create(
        author=alice, revision=published_revision, body="<script>alert(1)</script>"
    )
    assert comment.body == "<script>alert(1)</script>"  # stored as typed, escaped when shown


def test_nobody_comments_after_the_deadline(alice, published_revision):
    document = published_revision.document
    document.comment_deadline = timezone.now() - timezone.timedelta(minutes=1)
    document.save()

    with pytest.raises(PermissionDenied):
        comment_create(author=alice, revision=published_revision, body="Too late")


def test_the_public_and_outsiders_cannot_comment(db, published_revision):
    outsider = UserFactory()
    with pytest.raises(PermissionDenied):
        comment_create(author=outsider, revision=published_revision, body="Hello")


def test_drafts_cannot_be_commented_on_by_delegates(alice, draft_revision):
    with pytest.raises(PermissionDenied):
        comment_create(author=alice, revision=draft_revision, body="Hello")


def test_author_edits_until_answered_and_a_stale_edit_is_a_conflict(
    alice, secretariat, published_revision
):
    comment = comment_create(author=alice, revision=published_revision, body="First")
    comment = comment_edit(comment=comment, user=alice, body="Second", version=1)
    assert comment.body == "Second"

    with pytest.raises(EditConflict):
        comment_edit(comment=comment, user=alice, body="Stale", version=1)

    comment_answer(comment=comment, user=secretariat, status="noted", response="Thanks")
    with pytest.raises(PermissionDenied):
        comment_edit(comment=comment, user=alice, body="Third", version=3)
    comment.refresh_from_db()
    assert comment.body == "Second"
    assert list(comment.events.values_list("action", flat=True)) == [
        "created",
        "edited",
        "answered",
    ]


def test_only_the_secretariat_answers(alice, published_revision):
    comment = comment_create(author=alice, revision=published_revision, body="First")
    with pytest.raises(PermissionDenied):
        comment_answer(comment=comment, user=alice, status="accepted", response="")


def test_secretariat_only_comments_are_hidden_from_other_delegations(
    alice, bob, secretariat, published_revision
):
    public = comment_create(author=alice, revision=published_revision, body="Public")
    private = comment_create(
        author=alice, revision=published_revision, body="Private", visibility="secretariat"
    )

    assert set(Comment.objects.visible_to(alice)) == {public, private}
    assert set(Comment.objects.visible_to(bob)) == {public}
    assert set(Comment.objects.visible_to(secretariat)) == {public, private}


def test_hidden_comments_are_kept_but_not_shown_to_other_delegations(
    alice, bob, secretariat, published_revision
):
    comment = comment_create(author=alice, revision=published_revision, body="Rude")
    comment_hide(comment=comment, user=secretariat, reason="Off topic")

    assert Comment.objects.filter(pk=comment.pk).exists()
    assert list(Comment.objects.visible_to(bob)) == []
    assert list(Comment.objects.visible_to(secretariat)) == [comment]


def test_an_amendment_is_compared_with_the_paragraph_in_the_language_it_was_written_in(
    client, alice, published_revision, paragraph
):
    from django.utils import translation

    with translation.override("ru"):
        comment_create(
            author=alice,
            revision=published_revision,
            paragraph=paragraph,
            kind="amendment",
            body="Точнее",
            proposed_text=paragraph.text_ru.replace("действовать", "действовать сообща"),
        )
    client.force_login(alice)

    reader = published_revision.get_absolute_url().replace("/ru/", "/en/")
    english_page = client.get(f"{reader}?open={paragraph.key}")

    body = english_page.content.decode()
    assert "<ins> сообща</ins>" in body or "<ins>сообща </ins>" in body
    assert "<del>" not in body.split('class="diff"')[1].split("</p>")[0]


def test_the_comment_page_prefills_an_amendment_without_javascript(
    client, published_revision, alice
):
    client.force_login(alice)
    paragraph = published_revision.paragraphs.get(position=3)
    url = reverse("comment_create", args=[published_revision.document.slug, 1])

    page = client.get(f"{url}?paragraph={paragraph.key}&kind=amendment").content.decode()

    assert f">{paragraph.text}</textarea>" in page


def test_the_comment_history_reads_in_peoples_words(client, published_revision, alice, secretariat):
    from consultation.services import comment_answer, comment_edit

    comment = comment_create(
        author=alice,
        revision=published_revision,
        paragraph=published_revision.paragraphs.get(position=3),
        kind="amendment",
        body="Clearer.",
        proposed_text="decides to act now;",
    )
    comment_edit(
        comment=comment, user=alice, body="Much clearer.", proposed_text="decides to act now;",
        version=1,
    )  # fmt: skip
    comment_answer(comment=comment, user=secretariat, status="accepted", response="Done.")
    client.force_login(alice)

    page = client.get(f"/en/documents/comments/{comment.pk}/").content.decode()

    history = page[page.index("<h2>History</h2>") :]
    # Each text marked with its language (issue #27, item 5).
    lang = f'lang="{comment.language}"'
    assert (
        f'<strong>Comment:</strong> <span class="diff" {lang}><del>Clearer</del><ins>Much clearer</ins>.'
        in history
    )
    assert "<strong>Status:</strong> Open → Accepted" in history
    comment.refresh_from_db()
    answer_lang = f'lang="{comment.response_language}"'
    assert (
        f'<strong>Secretariat response:</strong> <span class="diff" {answer_lang}><ins>Done.</ins>'
        in history
    )
    assert "proposed_text" not in history and "status: " not in history
