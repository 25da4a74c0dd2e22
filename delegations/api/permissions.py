"""The API's rule for delegations. It belongs in delegations/permissions.py, which another
branch creates at the same time; it lives here until the two are merged."""

import rules

# The public sees which countries and organisations take part; names of people only for
# those who are logged in.
rules.add_perm("delegations.view_member_names", rules.is_authenticated)
