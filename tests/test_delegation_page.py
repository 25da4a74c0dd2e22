"""Every delegation has a public page, linked from wherever the portal names it (issue #15,
item 1): what it leads and supports, its funding, its statements and sponsorships; its
comments and positions only for those who may read them."""

import re

import pytest

from adoption.services import statement_record
from consultation.services import comment_create, position_record
from tests.factories import InitiativeFactory


@pytest.fixture
def page_data(published_revision, secretariat, delegation_a, delegation_b, alice, head_a):
    initiative = InitiativeFactory(title_en="Green Shield", lead_delegation=delegation_a)
    initiative.partners.add(delegation_b)
    initiative.funding.create(
        source=delegation_a, amount=50000, currency="USD", status="pledged", note_en="Demo"
    )
    comment_create(
        author=alice,
        revision=published_revision,
        paragraph=published_revision.paragraphs.get(position=3),
        body="Kazakhstan supports OP1.",
    )
    position_record(
        paragraph=published_revision.paragraphs.get(position=4), user=head_a, stance="support"
    )
    statement_record(document=published_revision.document, user=head_a, kind="joins")
    return initiative


def test_a_visitor_sees_what_a_delegation_leads_funds_and_states(client, page_data, delegation_a):
    page = client.get(f"/en/delegations/{delegation_a.slug}/").content.decode()

    assert f"<h1>{delegation_a.name}" in page
    assert "Head of delegation: " in page
    assert "Green Shield</a> — leads it" in page
    assert "50 000 USD" in page or "50,000 USD" in page
    assert "— joins the consensus</li>" in page  # after a dash, in lower case
    # Comments are for participants, positions for the delegation and the secretariat.
    assert "Kazakhstan supports OP1." not in page
    assert "Official positions" not in page


def test_a_delegate_sees_the_comments_and_its_own_positions(
    client, page_data, alice, bob, delegation_a
):
    client.force_login(alice)
    own = client.get(f"/en/delegations/{delegation_a.slug}/").content.decode()
    client.force_login(bob)
    other = client.get(f"/en/delegations/{delegation_a.slug}/").content.decode()

    # The comment's text carries its language (issue #27, item 5).
    assert re.search(r'OP1</a>: <span lang="(ru|en)">Kazakhstan supports OP1\.</span>', own)
    assert "OP2: Support" in own
    assert "Kazakhstan supports OP1." in other
    assert "Official positions" not in other


def test_delegations_are_linked_from_the_list_and_the_initiative(
    client, page_data, delegation_a, delegation_b
):
    listing = client.get("/en/delegations/").content.decode()
    initiative = client.get(page_data.get_absolute_url().replace("/ru/", "/en/")).content.decode()

    assert f'href="/en/delegations/{delegation_a.slug}/"' in listing
    assert f'href="/en/delegations/{delegation_a.slug}/">{delegation_a.name}</a>' in initiative
    assert f'href="/en/delegations/{delegation_b.slug}/">{delegation_b.name}</a>' in initiative


def test_the_sitemap_lists_the_delegation_pages(client, delegation_a):
    sitemap = client.get("/sitemap.xml").content.decode()

    assert f"/ru/delegations/{delegation_a.slug}/" in sitemap
    assert f"/en/delegations/{delegation_a.slug}/" in sitemap


def test_the_api_links_each_delegation_to_its_page(client, delegation_a):
    body = client.get(f"/api/v1/delegations/{delegation_a.pk}/?lang=en").json()

    assert body["page"] == f"http://testserver/en/delegations/{delegation_a.slug}/"
