"""The consultation: delegations' comments on a published revision, their history, and the
official positions of delegations on its paragraphs.

These models were drafts' until the consultation became an app of its own; their tables
kept their names (`db_table`), so that moving them moved no row (migration 0001).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accounts.permissions import acts_as_secretariat
from delegations.permissions import is_participant, membership_of
from drafts.models import Paragraph, Revision
from portal.text import length_limits

COMMENT_MAX_LENGTH = 5000


# Where a paragraph key names a thread, this names the comments on the whole document.
DOCUMENT_THREADS = "document"


class CommentQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CommentQuerySet":
        """The comments a person may read: the secretariat sees all; a delegate sees what was
        made visible to all delegations, plus everything their own delegation wrote. The one
        statement of the rule: `Comment.is_visible_to` is the same for one comment in hand."""
        if acts_as_secretariat(user):
            return self
        if not is_participant(user):
            return self.none()
        membership = membership_of(user)
        own = Q(author=user) | Q(delegation_id=membership.delegation_id)
        return self.filter(own | Q(visibility=Comment.Visibility.ALL, hidden_at__isnull=True))


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
        _("language"), max_length=2, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
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
    # The language the secretariat answered in, as `language` is the comment's: a reader in
    # the other language is told (a `lang` attribute) that the answer is not in theirs.
    response_language = models.CharField(
        _("language of the response"), max_length=2, choices=settings.LANGUAGES, blank=True
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

    objects = CommentQuerySet.as_manager()

    class Meta:
        # The table drafts created: the model moved to this app, its rows did not.
        db_table = "drafts_comment"
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

    def is_visible_to(self, user) -> bool:
        """`Comment.objects.visible_to(user)` for a comment already loaded, without a query
        (the membership is read once per request)."""
        if acts_as_secretariat(user):
            return True
        if not is_participant(user):
            return False
        if self.author_id == user.pk:
            return True
        if self.delegation_id and self.delegation_id == membership_of(user).delegation_id:
            return True
        return self.visibility == Comment.Visibility.ALL and self.hidden_at is None

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
        db_table = "drafts_commentevent"  # drafts' table, kept when the model moved here
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
        db_table = "drafts_position"  # drafts' table, kept when the model moved here
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
