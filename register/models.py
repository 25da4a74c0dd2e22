"""The register of a meeting's documents, in the UN's pattern of symbols.

A meeting's documents are numbered per series under the meeting's prefix
(`RES-2026/PREP/1/INF/1`). A document that revises, adds to or corrects another takes that
one's symbol with `/Rev.n`, `/Add.n` or `/Corr.n`. A revision always names the original it
revises (`revises` is normalised to the first of the line), so that `/Rev.2` follows `/Rev.1`
under the same symbol and the latest revision supersedes every earlier one.

Each document has its language versions as files (PDF, or DOCX kept as uploaded), each the
original or a translation, with the date it was issued; its extracted text feeds search.
"""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

SYMBOL_MAX_LENGTH = 120
TITLE_MAX_LENGTH = 400


class Series(models.TextChoices):
    INF = "INF", _("Information document")
    CRP = "CRP", _("Conference room paper")
    L = "L", _("Limited distribution")
    MISC = "MISC", _("Submissions")


class Relation(models.TextChoices):
    """How a document stands to the one it names, and the suffix its symbol takes."""

    REVISES = "revises", _("Revision")
    ADDS_TO = "adds_to", _("Addendum")
    CORRECTS = "corrects", _("Corrigendum")


RELATION_SUFFIX = {Relation.REVISES: "Rev", Relation.ADDS_TO: "Add", Relation.CORRECTS: "Corr"}


class Register(models.Model):
    """A meeting's register: the prefix its symbols take, fixed when its first document is
    issued (derived from the summit and the meeting, see services.prefix_derived), so that a
    meeting added to the programme later never renumbers what was issued. Its row is also
    what a numbering locks."""

    meeting = models.OneToOneField(
        "programme.Meeting", on_delete=models.CASCADE, related_name="register"
    )
    prefix = models.CharField(_("symbol prefix"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("register")
        verbose_name_plural = _("registers")

    def __str__(self):
        return self.prefix


class DocumentQuerySet(models.QuerySet):
    def with_superseded_by(self):
        """Each document with `superseded_by_symbol` and `superseded_by_id`: the latest revision
        of its line issued after it (None for the current text). A line is an original and its
        revisions; an addendum or a corrigendum starts its own (it is revised as /Add.1/Rev.1)."""
        later = Document.objects.filter(
            revises=Coalesce(OuterRef("revises_id"), OuterRef("pk")),
            sequence__gt=OuterRef("revision_number"),
        ).order_by("-sequence")
        return self.annotate(
            # The n of its /Rev.n; 0 for the original of a line.
            revision_number=models.Case(
                models.When(revises__isnull=True, then=models.Value(0)),
                default=models.F("sequence"),
                output_field=models.PositiveSmallIntegerField(),
            ),
            superseded_by_id=Subquery(later.values("pk")[:1]),
            superseded_by_symbol=Subquery(later.values("symbol")[:1]),
        )

    def superseded(self):
        return self.with_superseded_by().filter(superseded_by_id__isnull=False)

    def current(self):
        return self.with_superseded_by().filter(superseded_by_id__isnull=True)


class Document(models.Model):
    meeting = models.ForeignKey(
        "programme.Meeting",
        on_delete=models.PROTECT,
        related_name="register_documents",
        verbose_name=_("meeting"),
    )
    series = models.CharField(_("series"), max_length=10, choices=Series.choices)
    # The number in its series; a revision, addendum or corrigendum keeps the one of the
    # document it names and counts itself in `sequence` (the n of /Rev.n, /Add.n, /Corr.n).
    number = models.PositiveIntegerField(_("number"))
    sequence = models.PositiveSmallIntegerField(default=0, editable=False)
    symbol = models.CharField(_("symbol"), max_length=SYMBOL_MAX_LENGTH, unique=True)
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    agenda_item = models.ForeignKey(
        "programme.AgendaItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="register_documents",
        verbose_name=_("agenda item"),
    )
    revises = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="revisions",
        verbose_name=_("revises"),
    )
    adds_to = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="addenda",
        verbose_name=_("adds to"),
    )
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrigenda",
        verbose_name=_("corrects"),
    )
    issued_at = models.DateTimeField(_("issued"), db_index=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "series", "number", "sequence", "issued_at"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            # A document names at most one other: it revises, adds to or corrects it.
            models.CheckConstraint(
                condition=Q(revises__isnull=True, adds_to__isnull=True)
                | Q(revises__isnull=True, corrects__isnull=True)
                | Q(adds_to__isnull=True, corrects__isnull=True),
                name="register_document_one_relation",
            ),
            models.CheckConstraint(
                condition=Q(revises__isnull=True, adds_to__isnull=True, corrects__isnull=True)
                | Q(sequence__gt=0),
                name="register_document_related_has_sequence",
            ),
            # The numbering's guard under any race: one first document per number.
            models.UniqueConstraint(
                fields=["meeting", "series", "number"],
                condition=Q(revises__isnull=True, adds_to__isnull=True, corrects__isnull=True),
                name="register_unique_number",
            ),
            models.UniqueConstraint(
                fields=["revises", "sequence"],
                condition=Q(revises__isnull=False),
                name="register_unique_revision",
            ),
            models.UniqueConstraint(
                fields=["adds_to", "sequence"],
                condition=Q(adds_to__isnull=False),
                name="register_unique_addendum",
            ),
            models.UniqueConstraint(
                fields=["corrects", "sequence"],
                condition=Q(corrects__isnull=False),
                name="register_unique_corrigendum",
            ),
        ]

    def __str__(self):
        return self.symbol

    def get_absolute_url(self):
        return reverse("register:document", args=[self.meeting.slug, self.pk])

    @property
    def related(self) -> "Document | None":
        return self.revises or self.adds_to or self.corrects

    def lineage_ids(self) -> list[int]:
        """This document's id, then those of the documents it names, up to the first of its
        family (INF/1/Rev.2/Corr.1 → INF/1/Rev.2 → INF/1), with the earlier revisions a
        revision supersedes (INF/1/Rev.1: every revision names the original): whoever
        follows any of them hears of it. A query or two per level; a family is shallow."""
        ids, document = [self.pk], self
        while True:
            if document.revises_id:
                earlier = Document.objects.filter(
                    revises_id=document.revises_id, sequence__lt=document.sequence
                )
                ids += [pk for pk in earlier.values_list("pk", flat=True) if pk not in ids]
            named = document.revises_id or document.adds_to_id or document.corrects_id
            if not named or named in ids:
                return ids
            ids.append(named)
            document = Document.objects.only("revises", "adds_to", "corrects", "sequence").get(
                pk=named
            )

    @property
    def relation(self) -> str | None:
        if self.revises_id:
            return Relation.REVISES
        if self.adds_to_id:
            return Relation.ADDS_TO
        if self.corrects_id:
            return Relation.CORRECTS
        return None

    @property
    def superseded_by(self) -> "Document | None":
        """The latest revision issued after this one (of the same original), if any: this
        document is then superseded. An addendum or a corrigendum is superseded only by a
        revision of itself (/Add.1/Rev.1), not by one of the document it adds to."""
        if "superseded_by_id" in self.__dict__:  # annotated by with_superseded_by()
            pk = self.__dict__["superseded_by_id"]
            return Document.objects.get(pk=pk) if pk else None
        root_id = self.revises_id or self.pk
        number = self.sequence if self.revises_id else 0
        later = Document.objects.filter(revises_id=root_id, sequence__gt=number)
        return later.order_by("-sequence").first()

    @property
    def is_superseded(self) -> bool:
        if "superseded_by_id" in self.__dict__:
            return self.__dict__["superseded_by_id"] is not None
        return self.superseded_by is not None


class LanguageVersion(models.Model):
    """One language's file of a document: the original or a translation."""

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "DOCX"

    MIME_TYPES = {
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    # On the default storage, the PDFs' own; served only through the register's view.
    file = models.FileField(_("file"), upload_to="register/", max_length=300)
    original = models.BooleanField(_("original"), default=False)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(max_length=64)
    issued_at = models.DateTimeField(_("issued"), db_index=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # The text for search, filled by the extraction task (services.extract_text_task).
    text = models.TextField(blank=True, editable=False)
    text_extracted_at = models.DateTimeField(null=True, blank=True, editable=False)
    text_error = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["document", "-original", "language"]
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language"], name="register_one_version_per_language"
            ),
            models.UniqueConstraint(
                fields=["document"], condition=Q(original=True), name="register_one_original"
            ),
        ]

    def __str__(self):
        return f"{self.document.symbol} ({self.language})"

    def get_absolute_url(self):
        return reverse(
            "register:download",
            args=[self.document.meeting.slug, self.document_id, self.language],
        )

    @property
    def mime_type(self) -> str:
        return self.MIME_TYPES[self.format]

    @property
    def filename(self) -> str:
        """The name a download is saved under: the symbol, the language, the format."""
        base = self.document.symbol.replace("/", "_")
        return f"{base}_{self.language}.{self.format}"
