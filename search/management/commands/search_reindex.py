from django.core.management.base import BaseCommand

from search.services import search_reindex


class Command(BaseCommand):
    help = "Rebuild the search index from every text it covers (paragraphs, initiatives, meetings, documents)."

    def handle(self, *args, **options):
        written = search_reindex()
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {written} entries."))
