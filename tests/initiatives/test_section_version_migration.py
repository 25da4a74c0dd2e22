"""SectionVersion.body_ru/body_en became modeltranslation's columns: the rows stay readable."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation

BEFORE = [("initiatives", "0004_funding_note_in_both_languages")]


@pytest.mark.django_db(transaction=True)
def test_section_versions_keep_their_text_when_modeltranslation_takes_their_columns():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    initiative = old.get_model("initiatives", "Initiative").objects.create(
        title_ru="Вода", title_en="Water", slug="water", summary_ru="", summary_en=""
    )
    section = old.get_model("initiatives", "Section").objects.create(
        initiative_id=initiative.pk, kind="objectives", body_ru="Цели", body_en="Aims"
    )
    old.get_model("initiatives", "SectionVersion").objects.create(
        section_id=section.pk, number=1, body_ru="Цели", body_en="Aims"
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    from initiatives.models import SectionVersion

    version = SectionVersion.objects.get(section_id=section.pk, number=1)
    assert (version.body_ru, version.body_en) == ("Цели", "Aims")
    with translation.override("en"):
        assert version.body == "Aims"
    with translation.override("ru"):
        assert version.body == "Цели"
