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
from register.models import Document, LanguageVersion
from register.signals import document_issued, version_added
from submissions.models import Call
from submissions.signals import call_opened, call_published

from . import events, services


@receiver(revision_published, sender=Revision, dispatch_uid="subscriptions.revision_published")
def on_revision_published(sender, revision, **kwargs):
    events.revision_published_record(revision=revision)


@receiver(document_adopted, sender=Adoption, dispatch_uid="subscriptions.document_adopted")
def on_document_adopted(sender, adoption, **kwargs):
    events.document_adopted_record(adoption=adoption)


@receiver(post_save, sender=Membership, dispatch_uid="subscriptions.membership_created")
def on_membership_created(sender, instance, created, raw=False, **kwargs):
    # A new delegate follows the published outcome documents, once the membership commits.
    if created and not raw:
        after_commit(lambda: services.subscriptions_default_for_user(user=instance.user))


@receiver(document_issued, sender=Document, dispatch_uid="subscriptions.document_issued")
def on_document_issued(sender, document, **kwargs):
    events.register_document_issued_record(document=document)


@receiver(version_added, sender=LanguageVersion, dispatch_uid="subscriptions.version_added")
def on_version_added(sender, version, **kwargs):
    events.register_version_added_record(version=version)


@receiver(call_opened, sender=Call, dispatch_uid="subscriptions.call_opened")
def on_call_opened(sender, call, **kwargs):
    events.call_opened_record(call=call)


@receiver(call_published, sender=Call, dispatch_uid="subscriptions.call_published")
def on_call_published(sender, call, document=None, **kwargs):
    events.call_published_record(call=call, document=document)
