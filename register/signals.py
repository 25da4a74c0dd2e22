"""What the register tells the apps above it (search, subscriptions), always after commit.

- `document_issued` (sender=Document, document=...): a document was issued with its first
  language versions;
- `version_added` (sender=LanguageVersion, version=...): a later language version;
- `text_extracted` (sender=LanguageVersion, version=...): a version's text was extracted (by
  the Celery task), so an index may read `version.text`.
"""

from django.dispatch import Signal

document_issued = Signal()
version_added = Signal()
text_extracted = Signal()
