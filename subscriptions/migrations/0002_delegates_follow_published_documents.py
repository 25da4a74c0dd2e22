"""Delegates follow the published outcome documents by default, at once: what every delegate
was mailed before subscriptions existed, now a subscription each can end."""

from django.db import migrations


def follow(apps, schema_editor):
    Membership = apps.get_model("delegations", "Membership")
    OutcomeDocument = apps.get_model("drafts", "OutcomeDocument")
    Subscription = apps.get_model("subscriptions", "Subscription")
    documents = list(
        OutcomeDocument.objects.filter(revisions__state="published")
        .distinct()
        .values_list("pk", flat=True)
    )
    users = Membership.objects.filter(user__is_active=True).values_list("user_id", flat=True)
    Subscription.objects.bulk_create(
        [
            Subscription(
                user_id=user_id,
                target_type="document",
                document_id=document_id,
                frequency="immediate",
                by_default=True,
            )
            for user_id in users
            for document_id in documents
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0001_initial"),
        ("delegations", "0001_initial"),
        ("drafts", "0011_comments_moved_to_consultation"),
    ]

    operations = [migrations.RunPython(follow, migrations.RunPython.noop)]
