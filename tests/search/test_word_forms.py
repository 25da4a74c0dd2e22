"""Search finds the forms of a word in both languages, on whichever database runs the tests
(SQLite's FTS5 with Snowball stems by default, PostgreSQL's `russian` and `english`
configurations when DATABASE_URL names one)."""

from django.db import connection


def test_a_russian_word_finds_its_other_forms(publish, reindex, find, anonymous):
    publish(
        ("Борьба с деградацией земель и опустыниванием;", "Combating land degradation;"),
        ("Охрана снежного барса;", "Protection of the snow leopard;"),
    )
    reindex()

    found = find(anonymous, "деградация")

    assert found == [("paragraph", "Борьба с деградацией земель и опустыниванием;")]
    assert find(anonymous, "деградации") == found
    assert find(anonymous, "деградации опустынивание") == found  # every word, in any form
    assert find(anonymous, "деградации барса") == []  # not both in one paragraph
    assert find(anonymous, "барсы") == [("paragraph", "Охрана снежного барса;")]


def test_an_english_word_finds_its_other_forms(publish, reindex, find, anonymous):
    publish(
        ("Восстановление экосистем;", "Calls for the restoration of mountain ecosystems;"),
        ("Охрана вод;", "Protects transboundary waters;"),
    )
    reindex()

    assert find(anonymous, "restore", "en") == [
        ("paragraph", "Calls for the restoration of mountain ecosystems;")
    ]
    assert find(anonymous, "ecosystem", "en") == find(anonymous, "restore", "en")
    assert find(anonymous, "protected water", "en") == [
        ("paragraph", "Protects transboundary waters;")
    ]


def test_each_language_is_searched_in_its_own_texts(publish, reindex, find, anonymous):
    publish(("Восстановление экосистем;", "Calls for the restoration of ecosystems;"))
    reindex()

    assert find(anonymous, "restore", "ru") == []
    assert find(anonymous, "восстановлению", "ru") == [("paragraph", "Восстановление экосистем;")]


def test_a_word_that_stands_nowhere_finds_nothing(publish, reindex, find, anonymous):
    publish(("Охрана вод;", "Protects waters;"))
    reindex()

    assert find(anonymous, "леопард") == []
    assert find(anonymous, "!!!") == []


def test_the_index_is_the_databases_own(db):
    # The test above ran on this backend: say which, so a run's log shows what it proved.
    assert connection.vendor in ("sqlite", "postgresql")
