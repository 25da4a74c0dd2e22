"""The demo's registration: the summit's window open, a dozen nominations in every status,
some consenting to the public list, a few with a placeholder photo (drawn here, not a
person's). A second run changes nothing."""

import datetime as dt
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from accounts.models import User
from delegations.models import Delegation
from programme.models import Meeting
from registration.models import Registration, RegistrationWindow
from registration.uploads import photo_clean

from .data import DEMO_MEDIA_ORGANISATION, DEMO_REGISTRATIONS


def _placeholder_photo(initials: str, hue: int) -> ContentFile:
    """A grey silhouette on a coloured ground with initials: clearly not a photograph."""
    image = Image.new("RGB", (300, 400), (hue, 140, 200 - hue // 2))
    draw = ImageDraw.Draw(image)
    draw.ellipse((90, 60, 210, 180), fill=(225, 225, 225))
    draw.rounded_rectangle((50, 200, 250, 400), radius=60, fill=(225, 225, 225))
    draw.text((20, 20), initials + " (demo)", fill=(255, 255, 255))
    out = BytesIO()
    image.save(out, format="PNG")
    return photo_clean(ContentFile(out.getvalue(), name="demo.png"))


def load_registration(secretariat: User) -> None:
    summit_meeting = Meeting.objects.get(slug="res-2026-summit")
    now = timezone.now()
    RegistrationWindow.objects.get_or_create(
        meeting=summit_meeting,
        defaults={"opens_at": now - dt.timedelta(days=7), "closes_at": now + dt.timedelta(days=90)},
    )
    delegations = {d.slug: d for d in Delegation.objects.all()}
    heads = {
        user.membership.delegation.slug: user
        for user in User.objects.filter(membership__role="head").select_related(
            "membership__delegation"
        )
    }
    for n, row in enumerate(DEMO_REGISTRATIONS):
        slug, category, title, given, family, given_cy, family_cy, function = row[:8]
        status, heads_delegation, consent, has_photo = row[8:]
        email = f"participant-{n + 1}@example.org"
        if Registration.objects.filter(meeting=summit_meeting, email=email).exists():
            continue
        registration = Registration(
            meeting=summit_meeting,
            delegation=delegations.get(slug) if slug else None,
            organisation="" if slug else DEMO_MEDIA_ORGANISATION,
            category=category,
            title=title,
            given_name=given,
            family_name=family,
            given_name_cyrillic=given_cy,
            family_name_cyrillic=family_cy,
            function=function,
            email=email,
            heads_delegation=heads_delegation,
            consent_public_list=consent,
            status=status,
            status_reason={
                "rejected": "Demo: no nomination letter (demo)",
                "withdrawn": "Demo: cannot travel (demo)",
            }.get(status, ""),
            nominated_by=heads.get(slug) or secretariat,
            language="ru" if n % 2 else "en",
        )
        if has_photo:
            photo = _placeholder_photo(given[0] + family[0], (n * 37) % 200)
            registration.photo.save(photo.name, photo, save=False)
        registration._history_user = registration.nominated_by
        registration.save()
