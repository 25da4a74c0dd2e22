"""Who may do what with calls for written inputs and their submissions.

Objects: a `Call` for `submit`/`publish`/`view_submissions`, a `Submission` for
`view_submission`/`view_submission_file`. The secretariat's rights need TOTP, as every
secretariat screen (accounts.permissions.acts_as_secretariat).
"""

import rules

from accounts.permissions import acts_as_secretariat
from delegations.permissions import is_head_of_delegation, is_member_of, membership_of


@rules.predicate
def delegation_admitted(user, call) -> bool:
    """The person's delegation is of a kind the call takes (States, organisations, or both)."""
    membership = membership_of(user)
    return call is not None and membership is not None and call.admits(membership.delegation)


@rules.predicate
def is_member_of_submitting_delegation(user, submission) -> bool:
    return submission is not None and is_member_of(user, submission.delegation)


@rules.predicate
def submission_is_published(user, submission) -> bool:
    return submission is not None and submission.call.is_published


# Whether the deadline has passed is the service's question (it names the deadline): these
# rules say who, not when.
can_submit = is_head_of_delegation & delegation_admitted


def may_submit(user, call) -> bool:
    """The rule itself, not `user.has_perm`: Django grants a superuser every permission, but
    an admin heads no delegation and has nothing to submit for."""
    return can_submit.test(user, call)


rules.add_perm("submissions.open_call", acts_as_secretariat)
rules.add_perm("submissions.submit", can_submit)
rules.add_perm("submissions.publish", acts_as_secretariat)
rules.add_perm("submissions.view_submissions", acts_as_secretariat)
# The delegation's members see what their head sent; everyone once it is published.
rules.add_perm(
    "submissions.view_submission", acts_as_secretariat | is_member_of_submitting_delegation
)
rules.add_perm(
    "submissions.view_submission_file",
    acts_as_secretariat | is_member_of_submitting_delegation | submission_is_published,
)
