"""Who reads which comment is one rule, Comment.objects.visible_to; Comment.is_visible_to is
its twin for a comment already loaded (the permission `consultation.view_comment`), and
the two must never disagree."""

import pytest
from django.contrib.auth.models import AnonymousUser

from consultation.models import Comment
from consultation.services import comment_create, comment_hide
from tests.factories import UserFactory


@pytest.fixture
def comments(alice, bob, secretariat, published_revision):
    paragraph = published_revision.paragraphs.first()
    written = [
        comment_create(author=alice, revision=published_revision, body="Public"),
        comment_create(
            author=alice, revision=published_revision, body="Ours", visibility="secretariat"
        ),
        comment_create(
            author=bob,
            revision=published_revision,
            paragraph=paragraph,
            body="Theirs",
            visibility="secretariat",
        ),
        comment_create(author=bob, revision=published_revision, body="Rude"),
        comment_create(author=secretariat, revision=published_revision, body="Note"),
    ]
    comment_hide(comment=written[3], user=secretariat, reason="Off topic")
    return written


def test_the_queryset_and_the_loaded_comment_agree_for_everyone(
    comments, alice, bob, secretariat, secretariat_without_totp, head_a
):
    outsider = UserFactory()
    for user in [
        alice,
        bob,
        head_a,
        secretariat,
        secretariat_without_totp,
        outsider,
        AnonymousUser(),
    ]:
        loaded = [Comment.objects.get(pk=comment.pk) for comment in comments]
        assert {c.pk for c in loaded if c.is_visible_to(user)} == set(
            Comment.objects.visible_to(user).values_list("pk", flat=True)
        ), user


def test_bob_sees_public_comments_his_delegations_and_not_hidden_ones(comments, bob):
    public, ours, theirs, rude, note = comments
    assert set(Comment.objects.visible_to(bob)) == {public, theirs, rude, note}
