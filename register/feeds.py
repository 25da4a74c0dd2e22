"""An Atom feed per meeting: its documents, latest first, each updated when a language
version is added (so a reader sees the English version arrive)."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from . import selectors

FEED_LENGTH = 50


class MeetingDocumentsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug):
        meeting = selectors.meeting_for_register(slug)
        if meeting is None:
            raise Http404
        return meeting

    def title(self, meeting):
        return _("Documents of %(meeting)s") % {"meeting": meeting.title}

    def subtitle(self, meeting):
        return _("Documents issued to the register of %(meeting)s, latest first.") % {
            "meeting": meeting.title
        }

    def link(self, meeting):
        return reverse("register:meeting", args=[meeting.slug])

    def items(self, meeting):
        documents = list(selectors.documents_of(meeting))
        for document in documents:
            document.updated = max(
                [document.issued_at, *(v.issued_at for v in document.versions.all())]
            )
        documents.sort(key=lambda document: document.updated, reverse=True)
        return documents[:FEED_LENGTH]

    def item_title(self, document):
        return f"{document.symbol} — {document.title}"

    def item_description(self, document):
        rows = selectors.language_rows(document)
        parts = [
            (
                f"{row.name}: {_('original') if row.version.original else _('translation')}"
                if row.version
                else f"{row.name}: {_('to be issued')}"
            )
            for row in rows
        ]
        if document.is_superseded:
            parts.append(_("Superseded by %(symbol)s") % {"symbol": document.superseded_by_symbol})
        return " · ".join(parts)

    def item_link(self, document):
        return document.get_absolute_url()

    def item_guid(self, document):
        return f"register-document-{document.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, document):
        return document.issued_at

    def item_updateddate(self, document):
        return document.updated
