"""On PostgreSQL, the database itself refuses to change a published revision or its paragraphs.

The models already refuse it (RevisionFrozen); this also stops a QuerySet.update(), a raw SQL
statement or another client. Only the notification bookkeeping of a published revision
(notified_at, notify_error) may still change. SQLite keeps the model-level guard only.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION drafts_revision_frozen() RETURNS trigger AS $$
BEGIN
    IF OLD.state = 'published' THEN
        IF TG_OP = 'DELETE' OR (
            NEW.document_id, NEW.number, NEW.state, NEW.summary_ru, NEW.summary_en,
            NEW.published_at, NEW.published_by_id
        ) IS DISTINCT FROM (
            OLD.document_id, OLD.number, OLD.state, OLD.summary_ru, OLD.summary_en,
            OLD.published_at, OLD.published_by_id
        ) THEN
            RAISE EXCEPTION 'revision % is published and can no longer be changed', OLD.id
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION drafts_paragraph_frozen() RETURNS trigger AS $$
DECLARE
    touched bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        touched := ARRAY[NEW.revision_id];
    ELSIF TG_OP = 'UPDATE' THEN
        touched := ARRAY[OLD.revision_id, NEW.revision_id];
    ELSE
        touched := ARRAY[OLD.revision_id];
    END IF;
    IF EXISTS (
        SELECT 1 FROM drafts_revision WHERE id = ANY(touched) AND state = 'published'
    ) THEN
        RAISE EXCEPTION 'paragraphs of a published revision can no longer be changed'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER drafts_revision_frozen BEFORE UPDATE OR DELETE ON drafts_revision
    FOR EACH ROW EXECUTE FUNCTION drafts_revision_frozen();
CREATE TRIGGER drafts_paragraph_frozen BEFORE INSERT OR UPDATE OR DELETE ON drafts_paragraph
    FOR EACH ROW EXECUTE FUNCTION drafts_paragraph_frozen();
"""

DROP = """
DROP TRIGGER IF EXISTS drafts_paragraph_frozen ON drafts_paragraph;
DROP TRIGGER IF EXISTS drafts_revision_frozen ON drafts_revision;
DROP FUNCTION IF EXISTS drafts_paragraph_frozen();
DROP FUNCTION IF EXISTS drafts_revision_frozen();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("drafts", "0002_positions_and_notification")]

    operations = [migrations.RunPython(create, drop)]
