"""What the README points to is in the repository: the source article of the demo and its
English summary live in docs/seed/, not in a folder outside it."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def test_the_readme_points_to_the_seed_article_in_the_repository():
    readme = (ROOT / "README.md").read_text()

    assert "](docs/seed/)" in readme
    assert "shared/seed" not in readme


def test_the_seed_article_and_its_english_summary_are_in_docs():
    article = (ROOT / "docs/seed/almaty-preparatory-meeting.ru.txt").read_text()
    summary = (ROOT / "docs/seed/README.md").read_text()

    assert "С 25 по 27 февраля 2026 года в Алматы" in article
    assert "almaty-preparatory-meeting.ru.txt" in summary
    # The summary is in English: Russian appears only as the quoted names.
    prose = re.sub(r"[«(][^»)]*[»)]", "", summary)
    assert not re.search(r"[А-Яа-яЁё]{4,}", prose.replace("[Демонстрационный текст]", ""))


def test_every_relative_link_of_the_readme_and_docs_exists():
    for document in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        for target in re.findall(r"\]\(([^)#:]+)\)", document.read_text()):
            assert (document.parent / target).exists(), f"{document.name}: {target}"
