"""The hot reads' serializers (portal.representation.ModelSerializer: initiatives, their delegations and
tags, a revision) write an answer through portal.representation.Representation, worked out once per
class instead of copying and binding their fields on every use. The answer is DRF's own."""

from decimal import Decimal

import pytest
from rest_framework import serializers

from delegations.models import Delegation
from initiatives.models import FundingEntry, Section, Tag
from portal.representation import ModelSerializer, Representation
from tests.factories import InitiativeFactory


@pytest.fixture
def initiatives(delegation_a, delegation_b):
    green = InitiativeFactory(slug="green-shield", title_en="Green Shield", title_ru="Зелёный щит")
    green.lead_delegation = delegation_a
    green.save()
    green.partners.add(delegation_b, delegation_a)
    green.tags.add(
        Tag.objects.create(kind="species", name_en="Snow leopard", name_ru="", slug="leopard"),
        Tag.objects.create(kind="theme", name_en="Water", name_ru="Вода", slug="water"),
    )
    Section.objects.create(initiative=green, kind="background", body_en="Mountains.")
    for amount, currency, status in [
        (Decimal("100"), "USD", "pledged"),
        (Decimal("10.5"), "EUR", "pledged"),
        (Decimal("30.25"), "USD", "disbursed"),
    ]:
        FundingEntry.objects.create(
            initiative=green, source=delegation_b, amount=amount, currency=currency, status=status
        )
    # No lead, no partner, tag or funding; an English title left empty.
    InitiativeFactory(slug="harmony", title_en="", title_ru="Гармония", position=2)


def drf_own(monkeypatch):
    """From now on these serializers answer as DRF's ModelSerializer does."""
    monkeypatch.setattr(
        ModelSerializer, "to_representation", serializers.ModelSerializer.to_representation
    )


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/initiatives/",
        "/api/v1/initiatives/?page_size=1&page=2",
        "/api/v1/initiatives/green-shield/",
        "/api/v1/initiatives/harmony/",
        "revision",
        "draft",
    ],
)
@pytest.mark.parametrize("language", ["ru", "en"])
def test_an_answer_is_byte_for_byte_drfs_own(
    anonymous, as_secretariat, initiatives, published_revision, monkeypatch, path, language
):
    client = as_secretariat if path == "draft" else anonymous
    if path in ("revision", "draft"):
        number = 1 if path == "revision" else 2
        path = f"/api/v1/documents/{published_revision.document_id}/revisions/{number}/"
    fast = client.get(path, {"lang": language})
    assert fast.status_code == 200

    drf_own(monkeypatch)
    own = client.get(path, {"lang": language})

    assert fast.content == own.content


def test_a_field_that_needs_the_request_is_refused():
    # Representation's fields are shared by every use of the class, and have no request.
    class Linked(ModelSerializer):
        url = serializers.HyperlinkedIdentityField(view_name="delegation-detail")

        class Meta:
            model = Delegation
            fields = ["url", "slug"]

    with pytest.raises(TypeError, match="Linked.url needs the request"):
        Representation.of(Linked)
