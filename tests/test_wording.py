"""Wording a person reads (issue #27, item 6): a time zone by its city and offset, a
countdown sentence with its capital, the compare page's one numbering and quiet unchanged
paragraphs."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from drafts.services import revision_publish
from portal.templatetags.zones import time_left, zone_name
from tests.consultation.test_secretariat import _second_revision


def test_a_zone_is_named_by_its_city_and_offset():
    with translation.override("ru"):
        assert zone_name("Asia/Almaty") == "Алматы, UTC+5"
    with translation.override("en"):
        assert zone_name("Asia/Almaty") == "Almaty, UTC+5"
        assert zone_name("Asia/Kolkata") == "Kolkata, UTC+5:30"
        assert zone_name("UTC") == "UTC, UTC"


def test_the_russian_countdown_and_sponsor_sentences_read_properly():
    now = timezone.now()
    with translation.override("ru"):
        # Units that agree with any number: never "Осталось 1 неделя".
        assert time_left(now + timedelta(days=7, minutes=1), now) == "Осталось 7 дн. 0 ч 1 мин"
        assert time_left(now + timedelta(days=30, hours=2), now) == "Осталось 30 дн. 2 ч 0 мин"
        assert time_left(now - timedelta(hours=1), now) == "Осталось 0 дн. 0 ч 0 мин"
        assert time_left(None) == ""  # no deadline, no countdown (as Django's timeuntil)
        from adoption.selectors import _  # the catalogue's wording, as the history uses it

        assert "(а)" not in str(_("%(delegation)s added as sponsor"))


@pytest.mark.usefixtures("english")
def test_compare_has_one_numbering_and_quiet_unchanged_paragraphs(
    client, secretariat, published_revision
):
    draft = _second_revision(secretariat, published_revision)
    revision_publish(revision=draft, user=secretariat)
    url = reverse("revision_compare", args=[published_revision.document.slug])

    page = client.get(url, {"from": 1, "to": 2}).content.decode()

    assert "<strong>Unchanged</strong>" not in page
    assert '<span class="unchanged">Unchanged</span>' in page
    assert "<strong>Changed</strong>" in page
    assert '<span class="label">' in page
