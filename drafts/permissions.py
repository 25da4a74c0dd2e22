"""Who may read and write what in the outcome documents. Used by views, templates and the API."""

import rules

from accounts.permissions import acts_as_secretariat


@rules.predicate
def revision_is_published(user, revision) -> bool:
    return revision is not None and revision.is_published


can_read_revision = revision_is_published | acts_as_secretariat

rules.add_perm("drafts.read_revision", can_read_revision)


rules.add_perm("drafts.edit_draft", acts_as_secretariat)
rules.add_perm("drafts.publish_revision", acts_as_secretariat)


# The secretariat's screens: the draft editor, publishing, document settings (the
# consultation's own rules are in consultation/permissions.py).
rules.add_perm("drafts.change_document", acts_as_secretariat)
