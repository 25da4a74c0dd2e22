from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from delegations.models import Delegation
from drafts.models import OutcomeDocument, Revision
from initiatives.models import Initiative
from programme.models import Meeting


class PublicSitemap(Sitemap):
    # One entry per language: /ru/… and /en/… with hreflang alternates.
    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(PublicSitemap):
    def items(self):
        return ["home", "programme", "initiative_list", "delegation_list", "document_list"]

    def location(self, item):
        return reverse(item)


class InitiativeSitemap(PublicSitemap):
    def items(self):
        return Initiative.objects.all()

    def lastmod(self, item):
        return item.updated_at


class DelegationSitemap(PublicSitemap):
    def items(self):
        return Delegation.objects.all()

    def location(self, item):
        return reverse("delegation_detail", args=[item.slug])


class MeetingSitemap(PublicSitemap):
    def items(self):
        return Meeting.objects.all()


class DocumentSitemap(PublicSitemap):
    def items(self):
        return OutcomeDocument.objects.published()

    def lastmod(self, item):
        return item.updated_at


class RevisionSitemap(PublicSitemap):
    def items(self):
        return Revision.objects.published().select_related("document")

    def lastmod(self, item):
        return item.published_at


sitemaps = {
    "pages": StaticPagesSitemap,
    "initiatives": InitiativeSitemap,
    "meetings": MeetingSitemap,
    "delegations": DelegationSitemap,
    "documents": DocumentSitemap,
    "revisions": RevisionSitemap,
}
