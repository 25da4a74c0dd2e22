"""Who may read and write what in the outcome documents. Used by views, templates and the API."""

import rules

from accounts.permissions import (
    acts_as_secretariat,
    is_head_of_delegation,
)


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


# --- Adoption ------------------------------------------------------------------------------
@rules.predicate
def document_statements_open(user, document) -> bool:
    return document.statements_open


@rules.predicate
def document_is_public(user, document) -> bool:
    return document.revisions.filter(state="published").exists()


@rules.predicate
def document_takes_sponsors(user, document) -> bool:
    return document.kind == document.Kind.RESOLUTION and document.status != document.Status.ADOPTED


rules.add_perm("drafts.adopt_document", acts_as_secretariat)
rules.add_perm(
    "drafts.record_statement",
    is_head_of_delegation & document_is_public & document_statements_open,
)
rules.add_perm(
    "drafts.sponsor_document", is_head_of_delegation & document_is_public & document_takes_sponsors
)
# The whole history of a document (drafts, settings) is the secretariat's; everybody sees
# its public events.
rules.add_perm("drafts.view_full_history", acts_as_secretariat)
