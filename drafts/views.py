from django.http import Http404
from django.shortcuts import get_object_or_404, render

from .models import OutcomeDocument, Revision
from .selectors import documents_public, paragraphs_numbered


def document_list(request):
    return render(request, "drafts/document_list.html", {"documents": documents_public()})


def document_detail(request, slug):
    document = get_object_or_404(OutcomeDocument, slug=slug)
    revisions = [
        revision
        for revision in document.revisions.select_related("published_by")
        if request.user.has_perm("drafts.read_revision", revision)
    ]
    if not revisions:
        # A document with nothing readable does not exist for this reader.
        raise Http404
    return render(
        request, "drafts/document_detail.html", {"document": document, "revisions": revisions}
    )


def revision_detail(request, slug, number):
    revision = get_object_or_404(
        Revision.objects.select_related("document"), document__slug=slug, number=number
    )
    if not request.user.has_perm("drafts.read_revision", revision):
        raise Http404  # 404, not 403: an unpublished draft must not leak its existence.
    return render(
        request,
        "drafts/revision_detail.html",
        {
            "document": revision.document,
            "revision": revision,
            "paragraphs": paragraphs_numbered(revision),
        },
    )
