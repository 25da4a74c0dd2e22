"""Who follows, chairs and asks for the floor in a live session: the one set of rules the
pages, the API and the WebSocket consumer all ask.

Delegates and heads of every delegation follow by default; the public only when the
secretariat made the session public (a webcast); only the secretariat (with its second
factor) opens, edits, moves the focus, manages the queue and closes.
"""

import rules

from accounts.permissions import acts_as_secretariat
from delegations.permissions import is_delegate


@rules.predicate
def session_is_public(user, session) -> bool:
    return session is not None and session.is_public


@rules.predicate
def session_is_open(user, session) -> bool:
    return session is not None and session.is_open


can_follow = acts_as_secretariat | is_delegate | session_is_public
can_chair = acts_as_secretariat
can_request_floor = is_delegate & session_is_open

rules.add_perm("live.follow_session", can_follow)
rules.add_perm("live.chair_session", can_chair)
rules.add_perm("live.request_floor", can_request_floor)
# On a document's draft revision.
rules.add_perm("live.open_session", acts_as_secretariat)
