import logging

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.loader import demo_load


class Command(BaseCommand):
    help = "Load the RES-2026 demo data (idempotent). Refused with production settings."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo data is never loaded with production settings (DEBUG off).")
        # The notices that loading sends run in-process (eager tasks): their "Task … succeeded"
        # lines would bury the accounts printed below.
        trace = logging.getLogger("celery.app.trace")
        level = trace.level
        trace.setLevel(logging.WARNING)
        try:
            accounts = demo_load(password=settings.DEMO_PASSWORD)
        finally:
            trace.setLevel(level)
        self.stdout.write(self.style.SUCCESS("RES-2026 demo data is loaded."))
        self.stdout.write("Demo accounts (log in at /ru/accounts/login/):")
        for account in accounts:
            password = account.password or "(unchanged; set DEMO_PASSWORD to choose one)"
            self.stdout.write(f"  {account.email:<28} {password}")
        self.stdout.write(
            "Two-factor authentication (TOTP) is set up for these accounts; add the secret to an "
            "authenticator app, or get a code with `oathtool --totp -b SECRET`:"
        )
        for account in accounts:
            if account.totp_secret:
                self.stdout.write(f"  {account.email:<28} TOTP secret {account.totp_secret}")
