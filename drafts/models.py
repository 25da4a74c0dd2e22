import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from portal.languages import localized_names
from portal.text import length_limits

PARAGRAPH_MAX_LENGTH = 10000
REVISION_SUMMARY_MAX_LENGTH = 2000


class RevisionFrozen(ValidationError):
    """A published revision is the record of what was circulated: it never changes."""

    def __init__(self, revision):
        super().__init__(
            _("%(revision)s is published and can no longer be changed."),
            code="revision_frozen",
            params={"revision": revision},
        )


# No revision comes near it; a bound keeps any number typed within the database's integer.
MAX_LINE = 999_999

LABEL_CODES = {"heading": "H", "preambular": "PP", "operative": "OP"}
LABEL_FORMATS = {
    "heading": _("H%(n)d"),
    "preambular": _("PP%(n)d"),
    "operative": _("OP%(n)d"),
}


def paragraph_code(kind: str, ordinal: int) -> str:
    return f"{LABEL_CODES[kind]}{ordinal}"


def paragraph_label(kind: str, ordinal: int) -> str:
    return str(LABEL_FORMATS[kind] % {"n": ordinal})


def new_paragraph_key() -> str:
    return uuid.uuid4().hex[:12]


class OutcomeDocumentQuerySet(models.QuerySet):
    def published(self):
        """Documents with at least one published revision: the only ones the public sees."""
        return self.filter(Exists(Revision.objects.published().filter(document=OuterRef("pk"))))


class OutcomeDocument(models.Model):
    class Kind(models.TextChoices):
        DECLARATION = "declaration", _("Declaration")
        RESOLUTION = "resolution", _("Resolution")

    class Status(models.TextChoices):
        DRAFTING = "drafting", _("Drafting")
        CONSULTATION = "consultation", _("Consultation")
        CLOSED = "closed", _("Closed")
        ADOPTED = "adopted", _("Adopted")

    summit = models.ForeignKey(
        "programme.Summit", on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=400)
    symbol = models.CharField(_("symbol"), max_length=60, unique=True)
    slug = models.SlugField(unique=True)
    initiatives = models.ManyToManyField(
        "initiatives.Initiative", related_name="documents", blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFTING
    )
    comment_deadline = models.DateTimeField(_("comment deadline"), null=True, blank=True)
    # Heads record their delegations' statements until then (before and after adoption).
    # Adoption's field (adoption.permissions reads it), kept on the document's table and in
    # its history: moving a column of OutcomeDocument would buy nothing.
    statement_deadline = models.DateTimeField(_("deadline for statements"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OutcomeDocumentQuerySet.as_manager()
    # The history follows the document's state; its title (and modeltranslation's copies of
    # it, which the history could not store) is not part of it.
    history = HistoricalRecords(excluded_fields=["updated_at", "title", *localized_names("title")])

    class Meta:
        ordering = ["kind", "symbol"]
        verbose_name = _("outcome document")
        verbose_name_plural = _("outcome documents")

    def __str__(self):
        return self.symbol

    def get_absolute_url(self):
        return reverse("document_detail", args=[self.slug])

    def get_status_display(self) -> str:
        """The status in words that agree with the kind: in Russian, with its gender (both
        a резолюция and a декларация are «принята»). Django keeps a get_FOO_display that the
        model defines, so every page, e-mail and the admin get these."""
        label = DOCUMENT_STATUS_LABELS.get(self.kind, {}).get(self.status)
        return str(label) if label else self._get_FIELD_display(self._meta.get_field("status"))

    @property
    def display_symbol(self) -> str:
        """The symbol to list the document under: once adopted, the final one it is issued
        under (read through the adoption's reverse relation, which lists select_related);
        until then the draft's."""
        if self.status == self.Status.ADOPTED:
            adoption = getattr(self, "adoption", None)  # none: a status set by hand
            if adoption is not None:
                return adoption.final_symbol
        return self.symbol

    @property
    def is_published(self) -> bool:
        """Whether a revision of it has been published (before that, only the secretariat
        knows the document exists)."""
        return self.revisions.published().exists()

    def latest_published_revision(self) -> "Revision | None":
        return self.revisions.published().order_by("-number").first()

    @property
    def consultation_open(self) -> bool:
        return self.status == self.Status.CONSULTATION and (
            self.comment_deadline is None or timezone.now() < self.comment_deadline
        )


class RevisionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=Revision.State.PUBLISHED)

    def drafts(self):
        return self.filter(state=Revision.State.DRAFT)


# One gettext context per kind of document, so that each language can make the status agree
# with the document (Russian: «Принята» for the feminine резолюция and декларация).
DOCUMENT_STATUS_LABELS = {
    OutcomeDocument.Kind.DECLARATION: {
        OutcomeDocument.Status.DRAFTING: pgettext_lazy("status of a declaration", "Drafting"),
        OutcomeDocument.Status.CONSULTATION: pgettext_lazy(
            "status of a declaration", "Consultation"
        ),
        OutcomeDocument.Status.CLOSED: pgettext_lazy("status of a declaration", "Closed"),
        OutcomeDocument.Status.ADOPTED: pgettext_lazy("status of a declaration", "Adopted"),
    },
    OutcomeDocument.Kind.RESOLUTION: {
        OutcomeDocument.Status.DRAFTING: pgettext_lazy("status of a resolution", "Drafting"),
        OutcomeDocument.Status.CONSULTATION: pgettext_lazy(
            "status of a resolution", "Consultation"
        ),
        OutcomeDocument.Status.CLOSED: pgettext_lazy("status of a resolution", "Closed"),
        OutcomeDocument.Status.ADOPTED: pgettext_lazy("status of a resolution", "Adopted"),
    },
}


class Revision(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    document = models.ForeignKey(
        OutcomeDocument, on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveIntegerField(_("number"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    summary = models.TextField(
        _("change summary"), blank=True, max_length=REVISION_SUMMARY_MAX_LENGTH
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords(
        excluded_fields=["notified_at", "notify_error", "summary", *localized_names("summary")]
    )
    # Set once the delegates have been told; makes the notification task idempotent.
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    notify_error = models.TextField(blank=True, editable=False)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["document", "number"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="unique_revision_number"),
            models.UniqueConstraint(
                fields=["document"], condition=Q(state="draft"), name="one_draft_per_document"
            ),
            models.CheckConstraint(
                condition=Q(state="draft") | Q(published_at__isnull=False),
                name="published_revision_has_date",
            ),
            *length_limits("revision", REVISION_SUMMARY_MAX_LENGTH, "summary*"),
        ]

    def __str__(self):
        return f"{self.document.symbol} Rev.{self.number}"

    def save(self, *args, **kwargs):
        if self.pk and Revision.objects.published().filter(pk=self.pk).exists():
            raise RevisionFrozen(self)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("revision_detail", args=[self.document.slug, self.number])

    def delete(self, *args, **kwargs):
        if self.is_published:
            raise RevisionFrozen(self)
        return super().delete(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED


class Edition(models.Model):
    """A published revision in one language, typeset once when it was published.

    A published revision never changes, so what the reader, the API and the PDF derive from
    its text alone (labels, operative numbers and the line breaks of typesetting/lines.py)
    is computed in the publishing transaction and served from here. `paragraphs` is the
    API's representation of each paragraph in that language (line numbers included), as
    the JSON text the API sends, so that it is neither parsed nor rendered again;
    `breaks` is the text of each paragraph's lines, in the same order. `typesetting` is the
    typesetting.lines.version() it was made with: after a change of measure or font, the
    next read adds an edition of the new version beside the old one (drafts/editions.py),
    so no stored line is ever stale and none is ever rewritten. On PostgreSQL the database
    refuses to change or delete an edition of a published revision (migration 0008).
    """

    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="editions")
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    typesetting = models.CharField(max_length=16)
    paragraphs = models.TextField()  # JSON, exactly as the API renders it
    breaks = models.JSONField()

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "language", "typesetting"], name="unique_edition"
            ),
        ]

    def __str__(self):
        return f"{self.revision_id} ({self.language})"

    def save(self, *args, **kwargs):
        if self.pk:
            raise RevisionFrozen(self.revision)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RevisionFrozen(self.revision)


class ParagraphQuerySet(models.QuerySet):
    def labelled(self):
        """Each paragraph with its `ordinal`, its place among the paragraphs of its kind in its
        revision (OP3 is the third operative paragraph): the one definition of a label, in SQL.

        The window counts the rows the query holds, so filter by revision (or kind), never
        down to single paragraphs before labelling; `with_label` filters after it.
        """
        return self.annotate(
            ordinal=Window(
                RowNumber(),
                partition_by=[F("revision_id"), F("kind")],
                order_by=[F("position"), F("id")],
            )
        )

    def with_label(self, kind: str, ordinal: int):
        """The paragraphs, in any revision, whose label is (kind, ordinal)."""
        return self.filter(kind=kind).labelled().filter(ordinal=ordinal)


class Paragraph(models.Model):
    class Kind(models.TextChoices):
        HEADING = "heading", _("Heading")
        PREAMBULAR = "preambular", _("Preambular")
        OPERATIVE = "operative", _("Operative")

    class Negotiation(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        BRACKETED = "bracketed", _("Bracketed")
        AD_REFERENDUM = "ad_referendum", _("Agreed ad referendum")
        AGREED = "agreed", _("Agreed")

    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="paragraphs")
    # Follows "the same paragraph" from revision to revision, so comments and diffs can.
    key = models.CharField(max_length=12, default=new_paragraph_key, editable=False)
    position = models.PositiveIntegerField(_("position"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("text"), max_length=PARAGRAPH_MAX_LENGTH)
    negotiation = models.CharField(
        _("negotiation status"),
        max_length=20,
        choices=Negotiation.choices,
        default=Negotiation.PROPOSED,
    )
    bracketed_by = models.ForeignKey(
        "delegations.Delegation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bracketed at the request of"),
    )
    # Optimistic locking for the draft editor: a save names the version it was read at.
    version = models.PositiveIntegerField(default=1)

    objects = ParagraphQuerySet.as_manager()

    class Meta:
        ordering = ["revision", "position", "id"]
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")
        constraints = [
            models.UniqueConstraint(fields=["revision", "key"], name="unique_paragraph_key"),
            *length_limits("paragraph", PARAGRAPH_MAX_LENGTH, "text*"),
        ]
        indexes = [models.Index(fields=["revision", "position"])]

    def __str__(self):
        return f"{self.revision} {self.label}"

    def save(self, *args, **kwargs):
        self._ensure_revision_is_draft()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._ensure_revision_is_draft()
        return super().delete(*args, **kwargs)

    def _ensure_revision_is_draft(self):
        state = Revision.objects.filter(pk=self.revision_id).values_list("state", flat=True)
        if state and state[0] == Revision.State.PUBLISHED:
            raise RevisionFrozen(self.revision)

    # The citable label, in the convention of UN negotiating texts: preambular paragraphs
    # PP1, PP2…, operative OP1…, headings H1…, counted within the revision by kind. Never
    # typed by hand and never a position: people cite it, the reader, lists, files and the
    # API show it. `code` is the same in every language (anchors, deep links `#OP5`);
    # `label` is how the interface's language writes it.
    @cached_property
    def ordinal(self) -> int:
        """Set for whole lists by ParagraphQuerySet.labelled() (one query); asked alone otherwise."""
        ordinals = dict(
            Paragraph.objects.filter(revision_id=self.revision_id, kind=self.kind)
            .labelled()
            .values_list("id", "ordinal")
        )
        return ordinals[self.pk]

    @property
    def code(self) -> str:
        return paragraph_code(self.kind, self.ordinal)

    @property
    def label(self) -> str:
        return paragraph_label(self.kind, self.ordinal)
