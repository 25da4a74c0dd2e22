import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from portal.text import length_limits

COMMENT_MAX_LENGTH = 5000
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


class OutcomeDocument(models.Model):
    class Kind(models.TextChoices):
        DECLARATION = "declaration", _("Declaration")
        RESOLUTION = "resolution", _("Resolution")

    class Status(models.TextChoices):
        DRAFTING = "drafting", _("Drafting")
        CONSULTATION = "consultation", _("Consultation")
        CLOSED = "closed", _("Closed")
        ADOPTED = "adopted", _("Adopted")

    summit = models.ForeignKey("summit.Summit", on_delete=models.CASCADE, related_name="documents")
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
    statement_deadline = models.DateTimeField(_("deadline for statements"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The history follows the document's state; its title (and modeltranslation's copies of
    # it, which the history could not store) is not part of it.
    history = HistoricalRecords(excluded_fields=["updated_at", "title", "title_ru", "title_en"])

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
    def statements_open(self) -> bool:
        """Statements are taken before adoption, and after it until the deadline."""
        if self.statement_deadline is not None:
            return timezone.now() < self.statement_deadline
        return self.status != self.Status.ADOPTED

    @property
    def consultation_open(self) -> bool:
        return self.status == self.Status.CONSULTATION and (
            self.comment_deadline is None or timezone.now() < self.comment_deadline
        )


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
        excluded_fields=["notified_at", "notify_error", "summary", "summary_ru", "summary_en"]
    )
    # Set once the delegates have been told; makes the notification task idempotent.
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    notify_error = models.TextField(blank=True, editable=False)

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
        if self.pk and Revision.objects.filter(pk=self.pk, state=self.State.PUBLISHED).exists():
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
        """Set for whole lists by drafts.selectors (one query); computed alone otherwise."""
        earlier = Q(position__lt=self.position) | Q(position=self.position, id__lte=self.id)
        return (
            Paragraph.objects.filter(revision_id=self.revision_id, kind=self.kind)
            .filter(earlier)
            .count()
        )

    @property
    def code(self) -> str:
        return paragraph_code(self.kind, self.ordinal)

    @property
    def label(self) -> str:
        return paragraph_label(self.kind, self.ordinal)


# Where a paragraph key names a thread, this names the comments on the whole document.
DOCUMENT_THREADS = "document"


class Comment(models.Model):
    class Kind(models.TextChoices):
        COMMENT = "comment", _("Comment")
        AMENDMENT = "amendment", _("Amendment")
        DELETION = "deletion", _("Deletion proposal")
        ADDITION = "addition", _("New paragraph proposal")

    class Visibility(models.TextChoices):
        ALL = "all", _("All delegations")
        SECRETARIAT = "secretariat", _("Secretariat only")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ACCEPTED = "accepted", _("Accepted")
        PARTLY = "partly", _("Partly accepted")
        NOT_ACCEPTED = "not_accepted", _("Not accepted")
        NOTED = "noted", _("Noted")

    revision = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="comments")
    # Empty for a comment on the whole document.
    paragraph = models.ForeignKey(
        Paragraph, on_delete=models.PROTECT, null=True, blank=True, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="comments"
    )
    # The delegation the author spoke for when writing, kept even if they move on.
    delegation = models.ForeignKey(
        "delegations.Delegation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="comments",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.COMMENT)
    body = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    proposed_text = models.TextField(_("proposed text"), max_length=COMMENT_MAX_LENGTH, blank=True)
    visibility = models.CharField(
        _("visible to"), max_length=20, choices=Visibility.choices, default=Visibility.ALL
    )
    # The language the author wrote in: an amendment is compared with the paragraph's text
    # in that language, whatever the reader's interface language.
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default="ru"
    )
    # The lines cited, as numbered in one language edition (each edition breaks its own
    # lines, so "l. 23" means nothing without the edition): set together or not at all.
    line_first = models.PositiveIntegerField(_("first line cited"), null=True, blank=True)
    line_last = models.PositiveIntegerField(_("last line cited"), null=True, blank=True)
    cited_language = models.CharField(
        _("edition cited"), max_length=2, choices=settings.LANGUAGES, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    response = models.TextField(
        _("secretariat response"), max_length=COMMENT_MAX_LENGTH, blank=True
    )
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["revision", "created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(fields=["revision", "paragraph"]),
            models.Index(fields=["revision", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="amendment") | ~Q(proposed_text=""),
                name="amendment_has_proposed_text",
            ),
            *length_limits("comment", COMMENT_MAX_LENGTH, "body", "proposed_text", "response"),
            models.CheckConstraint(
                condition=(
                    Q(line_first__isnull=True, line_last__isnull=True, cited_language="")
                    | Q(
                        paragraph__isnull=False,
                        line_first__gte=1,
                        line_last__gte=F("line_first"),
                        cited_language__in=[code for code, _name in settings.LANGUAGES],
                    )
                ),
                name="comment_cites_lines_of_its_paragraph",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} by {self.author} on {self.revision}"

    def get_in_text_url(self) -> str:
        """The comment in the reader: its paragraph's threads come open with the page
        (threads are otherwise loaded on demand), and the page lands on it."""
        thread = self.paragraph.key if self.paragraph_id else DOCUMENT_THREADS
        return f"{self.revision.get_absolute_url()}?open={thread}#c-{self.pk}"

    @property
    def cited_lines(self) -> str:
        """ "l. 23–24 (ru)", or "" when no line is cited."""
        if self.line_first is None:
            return ""
        if self.line_last == self.line_first:
            lines = _("l. %(n)d") % {"n": self.line_first}
        else:
            lines = _("l. %(first)d–%(last)d") % {"first": self.line_first, "last": self.line_last}
        return f"{lines} ({self.cited_language})"

    @property
    def citation(self) -> str:
        """How people cite what the comment is about: "OP5, l. 23–24 (ru)", "OP5", or the
        whole document. Lists label their paragraphs in one query first (paragraphs_labelled)."""
        if self.paragraph is None:
            return str(_("Whole document"))
        if self.line_first is None:
            return self.paragraph.label
        return f"{self.paragraph.label}, {self.cited_lines}"

    @property
    def is_answered(self) -> bool:
        return self.responded_at is not None


class CommentEvent(models.Model):
    """The history of a comment: nothing about a comment changes without a trace."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        EDITED = "edited", _("Edited")
        ANSWERED = "answered", _("Answered")
        HIDDEN = "hidden", _("Hidden")
        RESTORED = "restored", _("Restored")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=20, choices=Action.choices)
    data = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["comment", "at", "id"]

    def __str__(self):
        return f"{self.comment_id} {self.action} at {self.at:%Y-%m-%d %H:%M}"


class Position(models.Model):
    """A delegation's official position on a paragraph, recorded by its head."""

    class Stance(models.TextChoices):
        SUPPORT = "support", _("Support")
        RESERVATION = "reservation", _("Reservation")
        OBJECTION = "objection", _("Objection")

    paragraph = models.ForeignKey(Paragraph, on_delete=models.PROTECT, related_name="positions")
    delegation = models.ForeignKey(
        "delegations.Delegation", on_delete=models.PROTECT, related_name="positions"
    )
    stance = models.CharField(_("position"), max_length=20, choices=Stance.choices)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["paragraph", "delegation"]
        verbose_name = _("official position")
        verbose_name_plural = _("official positions")
        constraints = [
            models.UniqueConstraint(
                fields=["paragraph", "delegation"], name="one_position_per_delegation"
            ),
        ]

    def __str__(self):
        return f"{self.delegation} {self.stance} {self.paragraph}"


# --- Adoption: the last step of a negotiated text ---------------------------------------------
# The history of these rows (and of documents and revisions) is kept by django-simple-history:
# who changed what, and when; services name the author (`_history_user`).

STATEMENT_MAX_LENGTH = 5000


class Adoption(models.Model):
    """A document adopted at a meeting of the programme, from one published revision."""

    class Method(models.TextChoices):
        CONSENSUS = "consensus", _("By consensus")
        VOTE = "vote", _("By vote")

    document = models.OneToOneField(
        OutcomeDocument, on_delete=models.PROTECT, related_name="adoption"
    )
    revision = models.OneToOneField(Revision, on_delete=models.PROTECT, related_name="adoption")
    meeting = models.ForeignKey(
        "summit.Meeting",
        on_delete=models.PROTECT,
        related_name="adoptions",
        verbose_name=_("meeting"),
    )
    adopted_on = models.DateField(_("date of adoption"))
    method = models.CharField(_("how"), max_length=20, choices=Method.choices)
    votes_for = models.PositiveIntegerField(_("votes in favour"), null=True, blank=True)
    votes_against = models.PositiveIntegerField(_("votes against"), null=True, blank=True)
    abstentions = models.PositiveIntegerField(_("abstentions"), null=True, blank=True)
    final_symbol = models.CharField(_("final symbol"), max_length=60, unique=True)
    # The adopted text's title, without "Draft" (bilingual through modeltranslation).
    title = models.CharField(_("title of the adopted text"), max_length=400)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    # Set once the delegations have been told; makes the notification task idempotent.
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["notified_at", "title", "title_ru", "title_en"])

    class Meta:
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    method="consensus",
                    votes_for__isnull=True,
                    votes_against__isnull=True,
                    abstentions__isnull=True,
                )
                | Q(
                    method="vote",
                    votes_for__isnull=False,
                    votes_against__isnull=False,
                    abstentions__isnull=False,
                ),
                name="adoption_vote_has_figures",
            ),
        ]

    def __str__(self):
        return self.final_symbol

    def save(self, *args, **kwargs):
        # Adopted is final: the record of the meeting is not rewritten.
        if self.pk and Adoption.objects.filter(pk=self.pk).exists():
            raise ValidationError(_("An adoption is final and cannot be changed."))
        super().save(*args, **kwargs)


class Statement(models.Model):
    """A delegation's statement on a document, recorded by its head: one per delegation,
    editable until the secretariat's deadline, its every version kept."""

    class Kind(models.TextChoices):
        JOINS = "joins", _("Joins the consensus")
        RESERVATIONS = "reservations", _("Joins the consensus with reservations")
        EXPLANATION = "explanation", _("Explanation of position")
        DOES_NOT_JOIN = "does_not_join", _("Does not join the consensus")

    document = models.ForeignKey(
        OutcomeDocument, on_delete=models.PROTECT, related_name="statements"
    )
    delegation = models.ForeignKey(
        "delegations.Delegation", on_delete=models.PROTECT, related_name="statements"
    )
    kind = models.CharField(_("statement"), max_length=20, choices=Kind.choices)
    # The paragraphs a reservation concerns, by key: keys follow a paragraph from revision
    # to revision, so the statement still names it in the adopted text.
    paragraph_keys = models.JSONField(_("paragraphs"), default=list, blank=True)
    text = models.TextField(_("text"), max_length=STATEMENT_MAX_LENGTH, blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default="ru"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "delegation"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "delegation"], name="one_statement_per_delegation"
            ),
            *length_limits("statement", STATEMENT_MAX_LENGTH, "text"),
        ]

    def __str__(self):
        return f"{self.delegation}: {self.get_kind_display()}"


class Sponsorship(models.Model):
    """A delegation sponsoring a resolution, added or withdrawn by its head until adoption."""

    document = models.ForeignKey(
        OutcomeDocument, on_delete=models.PROTECT, related_name="sponsorships"
    )
    delegation = models.ForeignKey(
        "delegations.Delegation", on_delete=models.PROTECT, related_name="sponsorships"
    )
    withdrawn = models.BooleanField(default=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "delegation"]
        verbose_name = _("sponsorship")
        verbose_name_plural = _("sponsorships")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "delegation"], name="one_sponsorship_per_delegation"
            ),
        ]

    def __str__(self):
        return f"{self.delegation} → {self.document}"
