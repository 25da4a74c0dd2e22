"""Who records an adoption, a statement or a sponsorship, and who sees a document's whole
history. Used by views, templates and the API."""

import rules
from django.utils import timezone

from accounts.permissions import acts_as_secretariat
from delegations.permissions import is_head_of_delegation


def statements_open(document) -> bool:
    """Statements are taken before adoption, and after it until the deadline (the document's
    `statement_deadline`, which stays on drafts' table)."""
    if document.statement_deadline is not None:
        return timezone.now() < document.statement_deadline
    return document.status != document.Status.ADOPTED


@rules.predicate
def document_statements_open(user, document) -> bool:
    return statements_open(document)


@rules.predicate
def document_is_public(user, document) -> bool:
    return document.is_published


@rules.predicate
def document_takes_sponsors(user, document) -> bool:
    return document.kind == document.Kind.RESOLUTION and document.status != document.Status.ADOPTED


rules.add_perm("adoption.adopt_document", acts_as_secretariat)
rules.add_perm(
    "adoption.record_statement",
    is_head_of_delegation & document_is_public & document_statements_open,
)
rules.add_perm(
    "adoption.sponsor_document",
    is_head_of_delegation & document_is_public & document_takes_sponsors,
)
# The whole history of a document (drafts, settings) is the secretariat's; everybody sees
# its public events.
rules.add_perm("adoption.view_full_history", acts_as_secretariat)
