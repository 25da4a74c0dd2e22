"""Comments, their events and positions moved from drafts to consultation with their tables:
a database that holds them before the move holds the same rows after it, read through
consultation.models, and the content types (so permissions and admin history) follow."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

from consultation.models import Comment, CommentEvent, Position

BEFORE = [("drafts", "0008_published_editions"), ("consultation", None)]
MOVED = ["comment", "commentevent", "position"]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_demo_comments_events_and_positions_survive_the_move_to_consultation(settings):
    settings.DEBUG = True  # the demo refuses production settings
    try:
        executor = _migrate(BEFORE)
        old = executor.loader.project_state([BEFORE[0]]).apps
        assert ("consultation", "0001_initial") not in MigrationRecorder(
            connection
        ).applied_migrations()

        # The demo is loaded through today's models: columns added since the move (issue #27:
        # an answer's language) exist while it loads, and go before migrating forward adds them.
        added = [Comment._meta.get_field("response_language")]
        with connection.schema_editor() as editor:
            for field in added:
                editor.add_field(Comment, field)
        call_command("load_demo", verbosity=0)
        with connection.schema_editor() as editor:
            for field in added:
                editor.remove_field(Comment, field)
        # What the database held before the move, read and written through drafts' models
        # as they were then.
        OldComment = old.get_model("drafts", "Comment")
        OldPosition = old.get_model("drafts", "Position")
        OldParagraph = old.get_model("drafts", "Paragraph")
        OldUser = old.get_model("accounts", "User")
        comment = OldComment.objects.filter(delegation__isnull=False).order_by("pk").first()
        head = OldUser.objects.get(pk=comment.author_id)
        paragraph = OldParagraph.objects.filter(revision_id=comment.revision_id).first()
        OldPosition.objects.create(
            paragraph=paragraph,
            delegation_id=comment.delegation_id,
            stance="reservation",
            reason="Subject to national procedures.",
            updated_by=head,
        )
        OldComment.objects.create(
            revision_id=comment.revision_id,
            paragraph_id=comment.paragraph_id,
            parent=comment,
            author=head,
            delegation_id=comment.delegation_id,
            body="A reply written before the move.",
            language="en",
        )
        before = {
            "comments": sorted(OldComment.objects.values_list("pk", "body", "status", "parent_id")),
            "events": sorted(
                old.get_model("drafts", "CommentEvent").objects.values_list(
                    "pk", "comment_id", "action"
                )
            ),
            "positions": sorted(OldPosition.objects.values_list("pk", "paragraph_id", "stance")),
        }
        assert before["comments"] and before["events"] and before["positions"]
        assert any(parent for *_rest, parent in before["comments"])  # replies too
        # The content types as drafts left them, with a permission pointing at one.
        ContentType.objects.filter(app_label="consultation").delete()
        drafts_types = {
            model: ContentType.objects.get_or_create(app_label="drafts", model=model)[0].pk
            for model in MOVED
        }
        permission = Permission.objects.create(
            name="Can triage",
            codename="triage_comment_test",
            content_type_id=drafts_types["comment"],
        )
    finally:
        _migrate(_latest())

    after = {
        "comments": sorted(Comment.objects.values_list("pk", "body", "status", "parent_id")),
        "events": sorted(CommentEvent.objects.values_list("pk", "comment_id", "action")),
        "positions": sorted(Position.objects.values_list("pk", "paragraph_id", "stance")),
    }
    assert after == before
    moved = Comment.objects.get(pk=comment.pk)
    assert moved.events.exists()
    assert str(moved.revision) and moved.citation
    position = Position.objects.select_related("paragraph", "delegation").get(stance="reservation")
    assert position.reason == "Subject to national procedures."
    assert position.paragraph.revision_id == comment.revision_id

    for model, pk in drafts_types.items():
        content_type = ContentType.objects.get(pk=pk)
        assert (content_type.app_label, content_type.model) == ("consultation", model)
    assert not ContentType.objects.filter(app_label="drafts", model__in=MOVED).exists()
    permission.refresh_from_db()
    assert permission.content_type.model_class() is Comment


@pytest.mark.django_db(transaction=True)
def test_the_move_is_reversible():
    try:
        _migrate(BEFORE)
        assert ContentType.objects.filter(app_label="drafts", model="comment").exists()
    finally:
        _migrate(_latest())
    assert ContentType.objects.get(app_label="consultation", model="comment")
