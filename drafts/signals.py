"""What drafts tells the apps above it, which it does not know (search, subscriptions)."""

from django.dispatch import Signal

# A revision has been published: sent once the publication has committed, with
# sender=Revision, revision=<the published Revision>.
revision_published = Signal()
