"""Summit, Meeting and AgendaItem moved from summit/ to programme/ on their own tables: a
database made before the move keeps every row, now read through programme.models, and the
documents and adoptions that point at them still do."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("programme", None)
]  # unapplies what depends on it too (drafts 0009, summit 0003, registration)
OLD_STATE = [("summit", "0002_text_length_limits"), ("drafts", "0008_published_editions")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_the_programme_keeps_its_rows_and_relations_when_it_leaves_summit(settings):
    settings.DEBUG = True  # load_demo refuses to run in production
    # The demo, whose documents and adoptions point at summits and meetings, loaded while
    # every app is there (the apps built on programme, registration, leave with it below).
    call_command("load_demo", verbosity=0)
    executor = _migrate(BEFORE)
    try:
        old = executor.loader.project_state(OLD_STATE).apps
        ContentType = old.get_model("contenttypes", "ContentType")
        Permission = old.get_model("auth", "Permission")
        OldSummit = old.get_model("summit", "Summit")
        OldMeeting = old.get_model("summit", "Meeting")
        OldAgendaItem = old.get_model("summit", "AgendaItem")
        # Rows written under the old app label, through the old state's models …
        summit = OldSummit.objects.create(acronym="OLD-1", name="Old summit", host_city="Bishkek")
        meeting = OldMeeting.objects.create(
            summit=summit,
            kind="side_event",
            title="Side event",
            place="Osh",
            slug="old-side-event",
            start_date=datetime.date(2026, 5, 1),
        )
        # The old state knows no modeltranslation: the page reads the language columns.
        OldAgendaItem.objects.create(
            meeting=meeting, position=1, title="Opening", title_en="Opening"
        )
        meeting_type, _ = ContentType.objects.get_or_create(app_label="summit", model="meeting")
        Permission.objects.get_or_create(
            content_type=meeting_type, codename="change_meeting", defaults={"name": "Can change"}
        )
        before = {
            table: _count(table)
            for table in ("summit_summit", "summit_meeting", "summit_agendaitem")
        }

        _migrate(_latest())

        from adoption.models import Adoption
        from drafts.models import OutcomeDocument
        from programme.models import AgendaItem, Meeting, Summit

        assert Summit.objects.count() == before["summit_summit"] >= 2
        assert Meeting.objects.count() == before["summit_meeting"] >= 3
        assert AgendaItem.objects.count() == before["summit_agendaitem"] >= 1
        moved = Meeting.objects.get(slug="old-side-event")
        assert moved.summit.acronym == "OLD-1"
        assert [item.title for item in moved.agenda_items.all()] == ["Opening"]
        assert OutcomeDocument.objects.exists()
        assert all(isinstance(d.summit, Summit) for d in OutcomeDocument.objects.all())
        adoption = Adoption.objects.select_related("meeting").first()
        assert adoption is not None and isinstance(adoption.meeting, Meeting)
        assert adoption.meeting.adoptions.filter(pk=adoption.pk).exists()

        from django.contrib.auth.models import Permission as LivePermission
        from django.contrib.contenttypes.models import ContentType as LiveContentType

        # The content type is the same row, relabelled: its permissions followed it.
        relabelled = LiveContentType.objects.get(pk=meeting_type.pk)
        assert (relabelled.app_label, relabelled.model) == ("programme", "meeting")
        assert relabelled.model_class() is Meeting
        assert LivePermission.objects.filter(
            content_type=relabelled, codename="change_meeting"
        ).exists()
        assert not LiveContentType.objects.filter(
            app_label="summit", model__in=["summit", "meeting", "agendaitem"]
        ).exists()

        # And back: the move is reversible, the rows stay where they are.
        _migrate(BEFORE)
        assert _count("summit_meeting") == before["summit_meeting"]
        assert LiveContentType.objects.get(pk=meeting_type.pk).app_label == "summit"
    finally:
        _migrate(_latest())


def _count(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 (a constant of this test)
        return cursor.fetchone()[0]
