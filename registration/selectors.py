"""Shared reads: the public list in the UN order, the desk's list, and the one place that
decides which of a participant's data a reader sees."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.permissions import acts_as_secretariat
from delegations.models import Delegation
from delegations.permissions import membership_of
from programme.models import Meeting

from .badges import badge_code
from .models import NominationLetter, Registration, RegistrationWindow
from .permissions import is_focal_point_of

CATEGORY_ORDER = {category: rank for rank, category in enumerate(Registration.Category.values)}
CATEGORY_HEADINGS = {
    Registration.Category.STATE: _("States"),
    Registration.Category.UN_SYSTEM: _("United Nations system"),
    Registration.Category.IGO: _("Other intergovernmental organisations"),
    Registration.Category.NGO: _("Non-governmental organisations"),
    Registration.Category.MEDIA: _("Media"),
}
# Fields the public list and API may show: no e-mail, phone or photo, ever.
PERSONAL_FIELDS = ("email", "phone", "photo")


def meeting_or_404(**lookup) -> Meeting:
    return get_object_or_404(Meeting, **lookup)


def registration_window(meeting) -> RegistrationWindow | None:
    try:
        return meeting.registration_window
    except RegistrationWindow.DoesNotExist:
        return None


def registration_is_open(meeting, now=None) -> bool:
    window = registration_window(meeting)
    return window is not None and window.is_open(now)


def affiliation_name(registration: Registration, language: str) -> str:
    if registration.delegation_id:
        delegation = registration.delegation
        return getattr(delegation, f"name_{language}", "") or delegation.name
    return registration.organisation


def un_order_key(registration: Registration, language: str) -> tuple:
    """States by their name in the list's language, then the UN system, other IGOs, NGOs and
    the media; within a delegation the head first, then by family name."""
    return (
        CATEGORY_ORDER.get(registration.category, 99),
        affiliation_name(registration, language).casefold(),
        not registration.heads_delegation,
        registration.display_name(language).split(" ")[-1].casefold(),
        registration.display_name(language).casefold(),
    )


@dataclass
class ParticipantList:
    meeting: Any
    language: str
    groups: list[dict] = field(default_factory=list)
    named: int = 0
    unnamed: int = 0

    @property
    def participants(self) -> list[Registration]:
        return [
            person
            for group in self.groups
            for block in group["blocks"]
            for person in block["people"]
        ]


def participants_public(
    meeting, language: str, delegation: Delegation | None = None
) -> ParticipantList:
    """Accredited participants who consented, grouped and ordered as UN lists are; the others
    only counted. Two queries, whatever the size of the list."""
    accredited = Registration.objects.accredited().filter(meeting=meeting)
    if delegation is not None:
        accredited = accredited.filter(delegation=delegation)
    counts = accredited.aggregate(
        named=Count("pk", filter=Q(consent_public_list=True)),
        unnamed=Count("pk", filter=Q(consent_public_list=False)),
    )
    people = list(
        accredited.filter(consent_public_list=True)
        .select_related("delegation")
        .only(
            "title",
            "given_name",
            "family_name",
            "given_name_cyrillic",
            "family_name_cyrillic",
            "function",
            "category",
            "organisation",
            "heads_delegation",
            "delegation__name_ru",
            "delegation__name_en",
            "delegation__name",
            "delegation__slug",
            "delegation__kind",
        )
    )
    people.sort(key=lambda person: un_order_key(person, language))
    result = ParticipantList(meeting=meeting, language=language, **counts)
    for person in people:
        person.list_name = person.display_name(language)
        heading = CATEGORY_HEADINGS[person.category]
        if not result.groups or result.groups[-1]["category"] != person.category:
            result.groups.append({"category": person.category, "heading": heading, "blocks": []})
        blocks = result.groups[-1]["blocks"]
        name = affiliation_name(person, language)
        if not blocks or blocks[-1]["name"] != name:
            blocks.append({"name": name, "people": []})
        blocks[-1]["people"].append(person)
    return result


def registrations_for(user: User, **filters) -> QuerySet[Registration]:
    """The registrations this person may see: every one for the secretariat, their own
    delegation's for its head and focal point, their own for anyone else."""
    registrations = Registration.objects.select_related("meeting", "delegation", "nominated_by")
    if not acts_as_secretariat(user):
        membership = membership_of(user)
        own = Q(user=user) if user.is_authenticated else Q(pk__in=[])
        if membership is not None and (
            membership.is_head or is_focal_point_of(user, membership.delegation)
        ):
            own |= Q(delegation_id=membership.delegation_id)
        registrations = registrations.filter(own)
    clean = {name: value for name, value in filters.items() if value not in (None, "")}
    return registrations.filter(**clean).order_by("meeting", "delegation", "family_name")


def registration_data(registration: Registration, user: User) -> dict[str, Any]:
    """A registration as `user` may see it: personal data only for the secretariat, the
    participant and who speaks for the delegation; the badge code for those and nobody else."""
    data: dict[str, Any] = {
        "id": registration.pk,
        "meeting": registration.meeting_id,
        "delegation": registration.delegation_id,
        "organisation": registration.organisation,
        "category": registration.category,
        "title": registration.title,
        "given_name": registration.given_name,
        "family_name": registration.family_name,
        "given_name_cyrillic": registration.given_name_cyrillic,
        "family_name_cyrillic": registration.family_name_cyrillic,
        "function": registration.function,
        "heads_delegation": registration.heads_delegation,
        "consent_public_list": registration.consent_public_list,
        "status": registration.status,
        "status_reason": registration.status_reason,
        "checked_in_at": registration.checked_in_at,
        "email": None,
        "phone": None,
        "has_photo": bool(registration.photo),
        "badge_code": None,
    }
    if user.has_perm("registration.view_personal_data", registration):
        data["email"] = registration.email
        data["phone"] = registration.phone
    if user.has_perm("registration.view_badge", registration) and registration.may_enter:
        data["badge_code"] = badge_code(registration)
    return data


def letters_for(delegation: Delegation) -> QuerySet[NominationLetter]:
    return NominationLetter.objects.filter(delegation=delegation).select_related("meeting")


def meetings_open_for_registration(now=None):
    now = now or timezone.now()
    return RegistrationWindow.objects.filter(opens_at__lte=now, closes_at__gt=now).select_related(
        "meeting"
    )


def delegation_participants(delegation: Delegation, language: str) -> list[dict]:
    """Per meeting, the delegation's accredited participants who consented (head first) and
    how many others are accredited without being named. Three queries."""
    accredited = Registration.objects.accredited().filter(delegation=delegation)
    counts = {
        row["meeting"]: row
        for row in accredited.values("meeting").annotate(
            named=Count("pk", filter=Q(consent_public_list=True)),
            unnamed=Count("pk", filter=Q(consent_public_list=False)),
        )
    }
    if not counts:
        return []
    people = list(accredited.filter(consent_public_list=True).select_related("delegation"))
    people.sort(key=lambda person: un_order_key(person, language))
    by_meeting: dict[int, list[Registration]] = {}
    for person in people:
        person.list_name = person.display_name(language)
        by_meeting.setdefault(person.meeting_id, []).append(person)
    meetings = Meeting.objects.filter(pk__in=list(counts))
    return [
        {
            "meeting": meeting,
            "people": by_meeting.get(meeting.pk, []),
            "unnamed": counts[meeting.pk]["unnamed"],
        }
        for meeting in meetings
    ]
