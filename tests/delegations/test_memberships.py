import pytest
from django.db import IntegrityError

from delegations.models import Delegation, Membership
from tests.factories import DelegationFactory


def test_a_person_belongs_to_one_delegation_only(alice, delegation_b):
    with pytest.raises(IntegrityError):
        Membership.objects.create(user=alice, delegation=delegation_b, role="delegate")


def test_a_member_state_needs_an_iso_code(db):
    with pytest.raises(IntegrityError):
        DelegationFactory(kind=Delegation.Kind.MEMBER_STATE, iso_code="")


def test_an_organisation_needs_no_iso_code(db):
    undp = DelegationFactory(kind=Delegation.Kind.ORGANISATION, iso_code="", acronym_en="UNDP")
    assert str(undp) == undp.name
