from django.core.management.base import BaseCommand

from subscriptions.services import digests_send


class Command(BaseCommand):
    help = (
        "Send each follower the daily digest of what is waiting for them; nothing to whom "
        "nothing happened. Safe to run again: what was sent is not sent twice."
    )

    def handle(self, *args, **options):
        sent = digests_send()
        self.stdout.write(f"{sent} digest(s) sent.")
