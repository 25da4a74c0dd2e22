"""Wording a person reads (issue #27, item 6): a time zone by its city and offset, a
countdown sentence with its capital, the compare page's one numbering and quiet unchanged
paragraphs."""

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from drafts.services import revision_publish
from portal.templatetags.zones import zone_name
from tests.consultation.test_secretariat import _second_revision


def test_a_zone_is_named_by_its_city_and_offset():
    with translation.override("ru"):
        assert zone_name("Asia/Almaty") == "Алматы, UTC+5"
    with translation.override("en"):
        assert zone_name("Asia/Almaty") == "Almaty, UTC+5"
        assert zone_name("Asia/Kolkata") == "Kolkata, UTC+5:30"
        assert zone_name("UTC") == "UTC, UTC"


def test_the_russian_countdown_and_sponsor_sentences_read_properly():
    with translation.override("ru"):
        text = Template(
            "{% load i18n %}{% blocktranslate with left='30 дн.' %}{{ left }} left{% endblocktranslate %}"
        ).render(Context())
        assert text == "Осталось 30 дн."
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
