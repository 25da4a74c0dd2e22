"""The one read of the index, for the page and the API alike."""

from django.db.models import Count, QuerySet
from django.utils.functional import lazy
from django.utils.translation import gettext

from .backends import backend
from .models import Entry
from .permissions import audiences

# A query is a few words; a longer one is refused rather than cut.
QUERY_MAX_LENGTH = 200
# Translated when shown, not when imported.
TOO_LONG = lazy(
    lambda: gettext("A search is at most %(max)d characters long.") % {"max": QUERY_MAX_LENGTH},
    str,
)()


def search_entries(
    *, user, q: str, language: str, kind: str = "", meeting: int | None = None
) -> QuerySet:
    """The entries in `language` that match the words of `q` in any of their forms, best
    first, among those `user` may read; narrowed to a kind and a meeting when given."""
    entries = Entry.objects.filter(language=language, audience__in=audiences(user))
    if kind:
        entries = entries.filter(kind=kind)
    if meeting is not None:
        entries = entries.filter(meeting=meeting)
    return backend().match(entries, q, language)


def counts_by_kind(hits: QuerySet) -> dict[str, int]:
    return dict(hits.order_by().values_list("kind").annotate(n=Count("id")))
