"""What the apps below announce, turned into events of the outbox (connected at start-up, in
SubscriptionsConfig.ready()). The signals are sent after their writes commit; the receivers
call one service each and are idempotent, so a signal sent twice tells nobody twice."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from adoption.models import Adoption
from adoption.signals import document_adopted
from delegations.models import Membership
from drafts.models import Revision
from drafts.signals import revision_published
from portal.tasks import after_commit

from . import services


@receiver(revision_published, sender=Revision, dispatch_uid="subscriptions.revision_published")
def on_revision_published(sender, revision, **kwargs):
    services.revision_published_record(revision=revision)


@receiver(document_adopted, sender=Adoption, dispatch_uid="subscriptions.document_adopted")
def on_document_adopted(sender, adoption, **kwargs):
    services.document_adopted_record(adoption=adoption)


@receiver(post_save, sender=Membership, dispatch_uid="subscriptions.membership_created")
def on_membership_created(sender, instance, created, raw=False, **kwargs):
    # A new delegate follows the published outcome documents, once the membership commits.
    if created and not raw:
        after_commit(lambda: services.subscriptions_default_for_user(user=instance.user))
