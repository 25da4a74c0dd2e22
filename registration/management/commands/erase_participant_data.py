from django.core.management.base import BaseCommand

from registration.retention import personal_data_erase


class Command(BaseCommand):
    help = (
        "Erase the personal data of meetings' participants REGISTRATION_RETENTION_DAYS after "
        "the meeting ended, keeping the anonymous counts (run daily by Celery beat)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override the setting.")

    def handle(self, *args, days=None, **options):
        erased = personal_data_erase(days=days)
        self.stdout.write(f"Erased the personal data of {erased} registration(s).")
