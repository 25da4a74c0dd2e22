import pytest
from django.urls import reverse

from consultation.services import comment_answer, comment_create

pytestmark = pytest.mark.usefixtures("english")


def test_a_delegate_sees_open_documents_and_their_delegations_comments(
    client, alice, bob, published_revision
):
    comment_create(author=alice, revision=published_revision, body="Alice's point")
    comment_create(author=bob, revision=published_revision, body="Bob's point")
    client.force_login(alice)

    body = client.get(reverse("dashboard")).content.decode()

    assert published_revision.document.title_en in body
    assert 'class="countdown"' in body
    assert "Kazakhstan" in body
    assert body.count("/documents/comments/") == 1  # Bob's comment is not her delegation's


def test_answers_are_new_until_the_next_visit(client, alice, secretariat, published_revision):
    comment = comment_create(author=alice, revision=published_revision, body="Point")
    client.force_login(alice)
    client.get(reverse("dashboard"))
    comment_answer(comment=comment, user=secretariat, status="accepted", response="Taken in")

    first = client.get(reverse("dashboard")).content.decode()
    second = client.get(reverse("dashboard")).content.decode()

    assert "Taken in" in first
    assert "Taken in" not in second
    assert "No new answer since your last visit." in second


def test_the_dashboard_needs_a_delegation_or_the_secretariat(client, db):
    from tests.factories import UserFactory

    assert client.get(reverse("dashboard")).status_code == 302
    client.force_login(UserFactory())
    assert client.get(reverse("dashboard")).status_code == 403


def test_the_dashboard_makes_the_same_queries_for_few_and_many_comments(
    client, alice, published_revision, django_assert_max_num_queries
):
    client.force_login(alice)
    for n in range(30):
        comment_create(author=alice, revision=published_revision, body=f"Point {n}")
    with django_assert_max_num_queries(12):
        client.get(reverse("dashboard"))
