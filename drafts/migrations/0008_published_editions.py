"""Editions: a published revision typeset once per language (drafts/editions.py).

On PostgreSQL, the database refuses to change or delete the edition of a published revision,
as migration 0003 does for the revision and its paragraphs. Adding one stays possible: the
next read typesets a revision published before this migration, or after a change of the
typesetting settings (a new `typesetting` version beside the old one).
"""

import django.db.models.deletion
from django.db import migrations, models

CREATE = """
CREATE OR REPLACE FUNCTION drafts_edition_frozen() RETURNS trigger AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM drafts_revision WHERE id = OLD.revision_id AND state = 'published'
    ) THEN
        RAISE EXCEPTION 'the editions of a published revision can no longer be changed'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER drafts_edition_frozen BEFORE UPDATE OR DELETE ON drafts_edition
    FOR EACH ROW EXECUTE FUNCTION drafts_edition_frozen();
"""

DROP = """
DROP TRIGGER IF EXISTS drafts_edition_frozen ON drafts_edition;
DROP FUNCTION IF EXISTS drafts_edition_frozen();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("drafts", "0007_adoption"),
    ]

    operations = [
        migrations.CreateModel(
            name="Edition",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "language",
                    models.CharField(choices=[("ru", "Russian"), ("en", "English")], max_length=8),
                ),
                ("typesetting", models.CharField(max_length=16)),
                ("paragraphs", models.TextField()),
                ("breaks", models.JSONField()),
                (
                    "revision",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="editions",
                        to="drafts.revision",
                    ),
                ),
            ],
            options={
                "verbose_name": "edition",
                "verbose_name_plural": "editions",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("revision", "language", "typesetting"), name="unique_edition"
                    )
                ],
            },
        ),
        migrations.RunPython(create, drop),
    ]
