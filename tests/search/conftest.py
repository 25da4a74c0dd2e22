from contextlib import contextmanager

import pytest
from django.contrib.auth.models import AnonymousUser

from drafts.services import revision_publish
from search.models import Stale
from search.selectors import search_entries
from search.services import search_reindex
from tests.factories import OutcomeDocumentFactory, ParagraphFactory, RevisionFactory


@pytest.fixture
def anonymous():
    return AnonymousUser()


@pytest.fixture
def find():
    """find(user, q, language="ru", **filters) -> the titles and bodies of what `user` finds."""

    def run(user, q, language="ru", **filters):
        return [
            (entry.kind, entry.body)
            for entry in search_entries(user=user, q=q, language=language, **filters)
        ]

    return run


@pytest.fixture
def publish(secretariat):
    """publish((text_ru, text_en), ...) -> a document whose first revision holds these
    operative paragraphs and is published; its next draft is a copy."""

    def run(*texts, title=("Проект декларации", "Draft declaration")):
        document = OutcomeDocumentFactory(title_ru=title[0], title_en=title[1])
        revision = RevisionFactory(document=document)
        for position, (ru, en) in enumerate(texts, start=1):
            ParagraphFactory(revision=revision, position=position, text_ru=ru, text_en=en)
        revision_publish(revision=revision, user=secretariat)
        return document

    return run


@pytest.fixture
def reindex():
    return search_reindex


@pytest.fixture
def committed(db, django_capture_on_commit_callbacks):
    """`with committed():` runs what committing the block would run: the index's task
    (eager in tests). The test's own transaction never commits, so the units the index
    marked stale before the block (search.services.index_on_commit) are set aside; a real
    transaction's marks are rebuilt after its commit."""

    @contextmanager
    def block():
        Stale.objects.all().delete()
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            yield callbacks

    return block
