"""Delegates who existed before subscriptions follow the published documents afterwards, as
they were mailed about them before (migration 0002)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tests.factories import MembershipFactory, OutcomeDocumentFactory, RevisionFactory


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_existing_delegates_follow_the_published_documents_by_default():
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    _migrate([("subscriptions", "0001_initial")])
    delegate = MembershipFactory(user__email="early@example.org").user
    published = OutcomeDocumentFactory()
    RevisionFactory(document=published, state="published", published_at=timezone.now())
    unpublished = OutcomeDocumentFactory()
    RevisionFactory(document=unpublished)

    _migrate(leaves)

    from subscriptions.models import Subscription

    rows = list(Subscription.objects.filter(user=delegate).values_list("document", "frequency"))
    assert rows == [(published.pk, "immediate")]
    assert Subscription.objects.get(user=delegate).by_default
