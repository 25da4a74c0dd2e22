from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Delegation(models.Model):
    class Kind(models.TextChoices):
        MEMBER_STATE = "member_state", _("Member state")
        ORGANISATION = "organisation", _("International organisation")
        CONVENTION = "convention", _("Convention secretariat")
        OBSERVER = "observer", _("Observer")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=20, blank=True)
    iso_code = models.CharField(
        _("ISO 3166 code"), max_length=2, blank=True, help_text=_("Member states only.")
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100)
    slug = models.SlugField(unique=True)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="member_state") | ~Q(iso_code=""),
                name="member_state_has_iso_code",
            ),
            models.UniqueConstraint(
                fields=["iso_code"], condition=~Q(iso_code=""), name="unique_iso_code"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_member_state(self) -> bool:
        return self.kind == self.Kind.MEMBER_STATE


class Membership(models.Model):
    class Role(models.TextChoices):
        HEAD = "head", _("Head of delegation")
        DELEGATE = "delegate", _("Delegate")
        ADVISER = "adviser", _("Adviser")

    # One delegation per person: the OneToOne is the constraint.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="membership",
        verbose_name=_("user"),
    )
    delegation = models.ForeignKey(Delegation, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["delegation", "role", "user"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} — {self.delegation} ({self.get_role_display()})"

    @property
    def is_head(self) -> bool:
        return self.role == self.Role.HEAD
