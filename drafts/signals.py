"""What drafts tells the apps above it (search, subscriptions), which listen in their
AppConfig.ready(): drafts imports none of them."""

from django.dispatch import Signal

# A revision has been published and the publication has committed:
# sent with sender=Revision, revision=<the published Revision>.
revision_published = Signal()
