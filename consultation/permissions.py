"""Who may comment, see, edit, answer and moderate comments, and record official positions.
Used by views, templates and the API."""

import rules
from django.utils.translation import gettext as _

from accounts.permissions import acts_as_secretariat
from delegations.permissions import is_delegate, is_head_of_delegation, is_participant
from drafts.permissions import revision_is_published


@rules.predicate
def document_in_consultation(user, revision) -> bool:
    return revision is not None and revision.document.consultation_open


can_comment_on_revision = is_participant & revision_is_published & document_in_consultation


def comment_refusal(user, revision) -> str | None:
    """Why `user` may not comment on `revision`, in words for them; None when they may."""
    if can_comment_on_revision(user, revision):
        return None
    if not is_participant(user):
        return _("Only delegations and the secretariat comment on the texts.")
    if not revision_is_published(user, revision):
        return _("This revision is a draft: comments open once it is published.")
    return _("The consultation on this document is closed: comments are no longer accepted.")


rules.add_perm("consultation.comment_revision", can_comment_on_revision)
rules.add_perm("consultation.answer_comment", acts_as_secretariat)


@rules.predicate
def is_comment_author(user, comment) -> bool:
    return comment is not None and comment.author_id == user.pk


@rules.predicate
def comment_unanswered(user, comment) -> bool:
    return comment is not None and not comment.is_answered


@rules.predicate
def comment_consultation_open(user, comment) -> bool:
    return comment is not None and comment.revision.document.consultation_open


@rules.predicate
def comment_visible(user, comment) -> bool:
    return comment is not None and comment.is_visible_to(user)


can_edit_comment = is_comment_author & comment_unanswered & comment_consultation_open

rules.add_perm("consultation.view_comment", comment_visible)
rules.add_perm("consultation.change_comment", can_edit_comment)
rules.add_perm("consultation.moderate_comment", acts_as_secretariat)

# The compilation of comments is the secretariat's working document.
rules.add_perm("consultation.view_compilation", acts_as_secretariat)


@rules.predicate
def paragraph_revision_published(user, paragraph) -> bool:
    return paragraph is not None and paragraph.revision.is_published


# The secretariat's screens: triage and the matrix of positions.
rules.add_perm("consultation.triage_comments", acts_as_secretariat)
rules.add_perm("consultation.view_position_matrix", acts_as_secretariat)
# A delegation's official position is recorded by its head, on a circulated text only.
rules.add_perm("consultation.record_position", is_head_of_delegation & paragraph_revision_published)
rules.add_perm("consultation.view_own_positions", is_delegate)

rules.add_perm("consultation.view_dashboard", is_participant)
