from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

TITLE_MAX_LENGTH = 500


class Entry(models.Model):
    """One text a person may find, in one language: a copy made for searching, never read
    as the record (the record stays in its own app; `url` leads there).

    Entries are grouped in `unit`s (an outcome document's published text, its draft, an
    initiative with its sections, a meeting, a register document): a unit is rebuilt whole
    whenever what it copies changes (search/services.py). The full-text index beside the
    table is the backend's (search/backends.py): on PostgreSQL a `vector` tsvector column of
    this table with a GIN index, on SQLite the FTS5 table `search_entry_fts`; neither is a
    model field, because the model must load where the other database's library is absent.
    """

    class Kind(models.TextChoices):
        PARAGRAPH = "paragraph", pgettext_lazy("kind of search result", "Paragraph")
        INITIATIVE = "initiative", pgettext_lazy("kind of search result", "Initiative")
        SECTION = "section", pgettext_lazy("kind of search result", "Initiative section")
        DOCUMENT = "document", pgettext_lazy("kind of search result", "Document")
        MEETING = "meeting", pgettext_lazy("kind of search result", "Meeting")

    class Audience(models.TextChoices):
        # Who may read the text the entry copies, as its own app's rules say at indexing
        # time (search/sources.py); search/permissions.py says who belongs to each.
        PUBLIC = "public", _("Everyone")
        SECRETARIAT = "secretariat", _("The secretariat")

    unit = models.CharField(max_length=64, db_index=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    language = models.CharField(max_length=8)
    audience = models.CharField(max_length=20, choices=Audience.choices)
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    # What the result says under its title: a label and revision, an initiative's name…
    context = models.CharField(max_length=300, blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    # The meeting's id, not a relation: a unit is rebuilt when its meeting goes, and the
    # full-text index (outside the ORM's reach) must never keep rows a cascade deleted.
    meeting = models.PositiveBigIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        # No index on language, audience or kind: SQLite's planner would take one and probe
        # the FTS5 table once per row (2.5 s for a count on 21,000 entries instead of 10 ms,
        # bench/search.py); the full-text index narrows first on either database.

    def __str__(self):
        return f"{self.kind} {self.language}: {self.title}"


class Stale(models.Model):
    """A unit whose entries no longer match its objects: marked in the writer's transaction,
    cleared once the unit is rebuilt (search.services.index_stale)."""

    unit = models.CharField(max_length=64, unique=True)
    marked_at = models.DateTimeField()

    class Meta:
        verbose_name = _("stale search unit")
        verbose_name_plural = _("stale search units")

    def __str__(self):
        return self.unit
