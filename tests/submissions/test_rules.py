"""Who may submit: a head of delegation, of a kind the call takes; nobody else."""

import pytest
from django.core.exceptions import PermissionDenied

from submissions.models import Call
from submissions.services import submission_submit

from .conftest import call_on


@pytest.mark.parametrize(
    ("who", "state_may", "organisation_may"),
    [("states", True, False), ("organisations", False, True), ("all", True, True)],
)
def test_who_may_submit_follows_the_kind_of_the_delegation(
    meeting, head_a, olga, who, state_may, organisation_may
):
    call = call_on(meeting, who=who)
    assert head_a.has_perm("submissions.submit", call) is state_may
    assert olga.has_perm("submissions.submit", call) is organisation_may


def test_a_state_head_is_refused_by_a_call_for_organisations(meeting, head_a):
    call = call_on(meeting, who=Call.Who.ORGANISATIONS)
    with pytest.raises(PermissionDenied):
        submission_submit(call=call, user=head_a, text="We are a State.")


def test_an_organisation_head_submits_to_a_call_for_organisations(meeting, olga):
    call = call_on(meeting, who=Call.Who.ORGANISATIONS)
    submission = submission_submit(call=call, user=olga, text="UNEP's view.")
    assert submission.delegation.slug == "unep"


def test_observers_and_convention_secretariats_count_as_organisations(meeting):
    from delegations.models import Delegation

    call = call_on(meeting, who=Call.Who.ORGANISATIONS)
    for kind in (Delegation.Kind.CONVENTION, Delegation.Kind.OBSERVER):
        assert call.admits(Delegation(kind=kind))
    assert not call.admits(Delegation(kind=Delegation.Kind.MEMBER_STATE))


def test_a_delegate_who_is_not_the_head_is_refused(call, alice):
    with pytest.raises(PermissionDenied):
        submission_submit(call=call, user=alice, text="Not mine to send.")


def test_the_secretariat_does_not_submit(call, secretariat):
    with pytest.raises(PermissionDenied):
        submission_submit(call=call, user=secretariat, text="Not ours.")


def test_only_the_secretariat_sees_the_list_and_publishes(call, head_a, alice, secretariat):
    for person in (head_a, alice):
        assert not person.has_perm("submissions.view_submissions", call)
        assert not person.has_perm("submissions.publish", call)
    assert secretariat.has_perm("submissions.view_submissions", call)
    assert secretariat.has_perm("submissions.publish", call)


def test_a_delegations_members_see_their_receipt_others_do_not(call, head_a, alice, bob):
    submission = submission_submit(call=call, user=head_a, text="Ours.")
    assert alice.has_perm("submissions.view_submission", submission)
    assert not bob.has_perm("submissions.view_submission", submission)
    assert not bob.has_perm("submissions.view_submission_file", submission)


def test_an_admin_heads_no_delegation_and_is_refused_not_crashed(call):
    from tests.factories import UserFactory

    admin = UserFactory(is_superuser=True, is_staff=True)
    with pytest.raises(PermissionDenied):
        submission_submit(call=call, user=admin, text="Not an admin's to send.")
