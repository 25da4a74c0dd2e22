"""Adoption's models moved out of drafts with their tables: a database that held the demo's
adopted resolution before the move holds it after, read through adoption.models, and the
content types (which permissions and the admin's history point at) moved with them."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("drafts", "0008_published_editions"), ("adoption", None)]
MOVED = ["adoption", "statement", "sponsorship", "historicaladoption", "historicalstatement"]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    return executor


@pytest.mark.django_db(transaction=True)
def test_the_demo_adoption_survives_the_move_out_of_drafts(settings):
    settings.DEBUG = True
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    before = _migrate(BEFORE)
    # The tables did not move: the loader's models write into them in the old state too.
    call_command("load_demo")
    old = before.loader.project_state(BEFORE[0]).apps
    OldAdoption = old.get_model("drafts", "Adoption")
    adopted = OldAdoption.objects.get()
    assert adopted.final_symbol == "RES-2026/PREP/1"
    assert old.get_model("drafts", "Statement").objects.count() == 3
    old_history = old.get_model("drafts", "HistoricalStatement").objects.count()
    content_type = ContentType.objects.get(app_label="drafts", model="adoption")
    permissions = set(Permission.objects.filter(content_type=content_type).values_list("pk"))
    assert permissions  # add/change/delete/view_adoption

    _migrate(leaves)

    from adoption.models import Adoption, Sponsorship, Statement
    from adoption.selectors import document_final

    adoption = Adoption.objects.select_related("document", "meeting").get()
    assert (adoption.pk, adoption.final_symbol) == (adopted.pk, "RES-2026/PREP/1")
    assert adoption.meeting.slug == "almaty-preparatory-2026"
    final = document_final(adoption.document)
    assert [(s.delegation.slug, s.kind, s.labels) for s in final.statements] == [
        ("kazakhstan", "joins", []),
        ("tajikistan", "explanation", []),
        ("uzbekistan", "reservations", ["ОП2"]),
    ]
    assert [d.slug for d in final.sponsors] == ["kazakhstan", "uzbekistan"]
    assert Statement.history.count() == old_history
    assert Sponsorship.objects.filter(document=adoption.document).count() == 2
    assert Adoption.history.filter(history_type="+").get().final_symbol == "RES-2026/PREP/1"

    moved = ContentType.objects.get_for_model(Adoption)
    assert (moved.pk, moved.app_label) == (content_type.pk, "adoption")
    assert set(Permission.objects.filter(content_type=moved).values_list("pk")) == permissions
    assert not ContentType.objects.filter(app_label="drafts", model__in=MOVED).exists()
