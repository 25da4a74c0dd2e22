from accounts.permissions import acts_as_secretariat, has_mfa
from delegations.permissions import (
    invitable_roles,
    is_delegate,
    is_head_of_delegation,
    is_participant,
)
from tests.factories import InvitationFactory, totp_enable


def test_roles_keep_their_meaning(alice, head_a, secretariat):
    assert is_delegate(alice) and is_delegate(head_a) and not is_delegate(secretariat)
    assert is_head_of_delegation(head_a) and not is_head_of_delegation(alice)
    assert acts_as_secretariat(secretariat) and not acts_as_secretariat(head_a)
    assert is_participant(alice) and is_participant(secretariat)


def test_only_a_head_of_the_same_delegation_sees_its_members(
    alice, bob, head_a, delegation_a, delegation_b
):
    assert head_a.has_perm("delegations.view_members", delegation_a)
    assert not head_a.has_perm("delegations.view_members", delegation_b)
    assert not alice.has_perm("delegations.view_members", delegation_a)
    assert not bob.has_perm("delegations.view_members", delegation_a)


def test_secretariat_rights_need_totp(secretariat_without_totp, delegation_a):
    sid = secretariat_without_totp
    assert not sid.has_perm("delegations.invite", delegation_a)
    assert not sid.has_perm("accounts.use_secretariat_screens")
    totp_enable(sid)
    assert has_mfa(sid)
    assert sid.has_perm("delegations.invite", delegation_a)
    assert sid.has_perm("accounts.use_secretariat_screens")


def test_heads_invite_delegates_and_advisers_the_secretariat_any_role(
    head_a, secretariat, alice, delegation_a, delegation_b
):
    assert invitable_roles(head_a, delegation_a) == ["delegate", "adviser"]
    assert invitable_roles(head_a, delegation_b) == []
    assert invitable_roles(alice, delegation_a) == []
    assert set(invitable_roles(secretariat, delegation_b)) == {"head", "delegate", "adviser"}


def test_a_head_manages_only_own_delegations_invitations(head_a, delegation_a, delegation_b):
    assert head_a.has_perm(
        "delegations.manage_invitation", InvitationFactory(delegation=delegation_a)
    )
    assert not head_a.has_perm(
        "delegations.manage_invitation", InvitationFactory(delegation=delegation_b)
    )
