from types import SimpleNamespace

from drafts.diff import compare_paragraphs
from portal.diff import word_diff


def _p(key, text, kind="operative", number=None):
    return SimpleNamespace(key=key, text=text, kind=kind, number=number)


def test_word_diff_marks_inserted_and_deleted_words():
    ops = word_diff("commit to step up action", "commit to step up and coordinate action")
    assert [(op.op, op.text) for op in ops] == [
        ("equal", "commit to step up "),
        ("insert", "and coordinate "),
        ("equal", "action"),
    ]


def test_compare_finds_inserted_deleted_changed_and_moved_paragraphs():
    old = [
        _p("a", "Alpha", number=1),
        _p("b", "Bravo", number=2),
        _p("c", "Charlie", number=3),
        _p("d", "Delta", number=4),
    ]
    new = [
        _p("a", "Alpha", number=1),
        _p("d", "Delta", number=2),
        _p("c", "Charlie edited", number=3),
        _p("e", "Echo", number=4),
    ]

    changes = [(c.change, c.key, c.moved, c.renumbered) for c in compare_paragraphs(old, new)]

    assert changes == [
        ("unchanged", "a", False, False),
        ("deleted", "b", False, False),
        ("unchanged", "d", True, True),
        ("changed", "c", False, False),
        ("inserted", "e", False, False),
    ]


def test_a_changed_paragraph_carries_its_word_diff():
    [change] = compare_paragraphs([_p("a", "decides to act")], [_p("a", "decides not to act")])
    assert change.change == "changed"
    words = change.words
    assert "".join(w.text for w in words if w.op != "delete") == "decides not to act"
    assert "".join(w.text for w in words if w.op != "insert") == "decides to act"
    assert [w.text.strip() for w in words if w.op == "insert"] == ["not"]
    assert not [w for w in words if w.op == "delete"]


def test_deleted_first_paragraph_comes_first():
    changes = compare_paragraphs([_p("a", "A"), _p("b", "B")], [_p("b", "B")])
    assert [(c.change, c.key) for c in changes] == [("deleted", "a"), ("unchanged", "b")]
