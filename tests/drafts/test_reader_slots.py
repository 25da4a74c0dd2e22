"""The reader is drafts' own: without the apps that fill its slots (the consultation, in
consultation/hooks.py) it shows the numbered text and nothing of theirs."""

import pytest
from django.urls import reverse

from consultation.services import comment_create
from portal import hooks

pytestmark = pytest.mark.usefixtures("english")


def test_the_reader_without_the_consultation_shows_the_text_alone(
    client, monkeypatch, alice, published_revision
):
    document = published_revision.document
    document.status = "consultation"
    document.save()
    comment_create(
        author=alice,
        revision=published_revision,
        paragraph=published_revision.paragraphs.first(),
        body="Support.",
    )
    client.force_login(alice)
    url = reverse("revision_detail", args=[document.slug, published_revision.number])
    with_consultation = client.get(url).content.decode()
    assert "js-panel" in with_consultation and "document-comments" in with_consultation

    monkeypatch.setattr(hooks, "_slots", hooks.defaultdict(list))
    page = client.get(url).content.decode()

    assert 'class="para-block"' in page and 'class="line"' in page
    for theirs in ["js-panel", "document-comments", "data-threads", "comment-form", "line_first="]:
        assert theirs not in page
