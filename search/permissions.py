"""Who reads which entries: no rule of its own. An entry's audience is the reach of the rule of
the text it copies (search/sources.py), asked here of that rule itself."""

from drafts.models import Revision

from .models import Entry


def audiences(user) -> list[str]:
    """The audiences of the entries `user` may find: everyone's; and the secretariat's for
    whoever drafts' own rule (drafts.read_revision) lets read a revision not yet published,
    the texts of a draft being what only the secretariat reads."""
    found = [Entry.Audience.PUBLIC]
    if user.has_perm("drafts.read_revision", Revision(state=Revision.State.DRAFT)):
        found.append(Entry.Audience.SECRETARIAT)
    return found
