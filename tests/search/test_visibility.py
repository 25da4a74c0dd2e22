"""Search never shows what the person may not read: a word that stands only in a draft is
the secretariat's to find (drafts.read_revision), not the public's nor a delegate's."""

import pytest

from drafts.models import Paragraph
from drafts.services import paragraph_update


@pytest.fixture
def document_with_a_draft_word(publish, reindex, secretariat):
    document = publish(("Охрана горных экосистем;", "Protection of mountain ecosystems;"))
    draft = document.revisions.drafts().get()
    paragraph = draft.paragraphs.get()
    paragraph_update(
        paragraph=paragraph,
        user=secretariat,
        version=paragraph.version,
        kind=paragraph.kind,
        text_ru="Охрана горных экосистем и ледников;",
        text_en="Protection of mountain ecosystems and glaciers;",
    )
    reindex()
    return document


def test_a_word_only_in_the_draft_is_found_by_the_secretariat(
    document_with_a_draft_word, find, secretariat
):
    assert find(secretariat, "ледник") == [("paragraph", "Охрана горных экосистем и ледников;")]
    assert find(secretariat, "glacier", "en") == [
        ("paragraph", "Protection of mountain ecosystems and glaciers;")
    ]


def test_a_word_only_in_the_draft_is_not_found_by_the_public_or_a_delegate(
    document_with_a_draft_word, find, anonymous, alice, head_a, secretariat_without_totp
):
    for person in (anonymous, alice, head_a, secretariat_without_totp):
        assert find(person, "ледник") == []
        assert find(person, "glacier", "en") == []


def test_everyone_finds_the_published_text_once(
    document_with_a_draft_word, find, anonymous, secretariat
):
    assert find(anonymous, "горные") == [("paragraph", "Охрана горных экосистем;")]
    # The secretariat also sees the draft's changed paragraph, marked as such (its context).
    found = find(secretariat, "горные")
    assert sorted(found) == sorted(
        [
            ("paragraph", "Охрана горных экосистем;"),
            ("paragraph", "Охрана горных экосистем и ледников;"),
        ]
    )


def test_an_unchanged_draft_paragraph_is_not_found_twice(publish, reindex, find, secretariat):
    publish(("Охрана вод;", "Protection of waters;"))
    reindex()

    assert find(secretariat, "вода") == [("paragraph", "Охрана вод;")]


def test_a_document_never_published_is_found_by_the_secretariat_alone(
    reindex, find, anonymous, alice, secretariat
):
    from tests.factories import ParagraphFactory, RevisionFactory

    ParagraphFactory(revision=RevisionFactory(), text_ru="Секретный черновик о ледниках;")
    reindex()

    assert find(anonymous, "ледники") == []
    assert find(alice, "ледники") == []
    assert find(secretariat, "ледники") == [("paragraph", "Секретный черновик о ледниках;")]
    assert Paragraph.objects.count() == 1
