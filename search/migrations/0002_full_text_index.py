"""The full-text index beside search_entry, the database's own (search/backends.py reads and
writes it): a tsvector column with a GIN index on PostgreSQL, an FTS5 table of stems on
SQLite. Written out here rather than asked of the backend, so the migration stays as it ran."""

from django.db import migrations

INSTALL = {
    "postgresql": [
        "ALTER TABLE search_entry ADD COLUMN vector tsvector",
        "CREATE INDEX search_entry_vector ON search_entry USING gin (vector)",
    ],
    # The stems are stored (not contentless): SQLite before 3.43 cannot delete from a
    # contentless table by rowid alone.
    "sqlite": ["CREATE VIRTUAL TABLE search_entry_fts USING fts5(title, body)"],
}
UNINSTALL = {
    "postgresql": [
        "DROP INDEX IF EXISTS search_entry_vector",
        "ALTER TABLE search_entry DROP COLUMN IF EXISTS vector",
    ],
    "sqlite": ["DROP TABLE IF EXISTS search_entry_fts"],
}


def run(statements):
    def operation(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor not in statements:
            raise NotImplementedError(f"No full-text search for {vendor}: use PostgreSQL or SQLite.")
        for statement in statements[vendor]:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(run(INSTALL), run(UNINSTALL))]
