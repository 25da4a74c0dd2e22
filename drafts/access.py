"""The one gate to the outcome documents' revisions, for pages, the API, PDFs and tasks.

Who may read what is decided by the rules of drafts/permissions.py (`drafts.read_revision`:
published revisions are public, drafts are the secretariat's); this module applies them the
same way everywhere: a revision that may not be read does not exist (404), so that an
unpublished draft does not even leak its existence.
"""

from django.http import Http404

from .models import Revision


def may_read_revision(user, revision: Revision) -> bool:
    return user.has_perm("drafts.read_revision", revision)


def check_revision_readable(user, revision: Revision) -> None:
    if not may_read_revision(user, revision):
        raise Http404


def revision_readable(user, *, number: int, slug: str = "", document_id: int = 0) -> Revision:
    """The revision `number` of the document named by its slug (pages) or id (the API), with
    its document and summit, if `user` may read it; Http404 otherwise."""
    lookup = {"document__slug": slug} if slug else {"document_id": document_id}
    queryset = Revision.objects.select_related("document__summit")
    return readable(user, queryset.filter(number=number, **lookup).first())


def readable(user, revision: Revision | None) -> Revision:
    """`revision`, found by the caller (the API's hot read finds it its own way), if there
    is one and `user` may read it; Http404 otherwise."""
    if revision is None:
        raise Http404
    check_revision_readable(user, revision)
    return revision
