"""Slots by which a higher app adds to a lower app's page, so that no arrow points up.

A lower app names a slot in its template (`{% load hooks %}{% hook "revision.downloads" revision %}`)
and knows nothing of who fills it; a higher app fills it at start-up, in its AppConfig.ready():

    from portal.hooks import hook_register

    @hook_register("revision.downloads")
    def pdf_block(context, revision):
        return render_to_string("pdf/_block.html", {...}, request=context.get("request"))

Each filler takes the template context and the tag's arguments and returns HTML (marked safe by
`render_to_string`, or escaped by the tag when it is a plain string). Fillers run in the order
of INSTALLED_APPS, the order of their registration. A slot nobody fills renders nothing.
"""

from collections import defaultdict
from collections.abc import Callable

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

Filler = Callable[..., str]

_slots: dict[str, list[Filler]] = defaultdict(list)


def hook_register(slot: str) -> Callable[[Filler], Filler]:
    def register(filler: Filler) -> Filler:
        if filler not in _slots[slot]:
            _slots[slot].append(filler)
        return filler

    return register


def hook_fillers(slot: str) -> list[Filler]:
    return list(_slots.get(slot, ()))


def hook_render(slot: str, context, *args, **kwargs) -> SafeString:
    return mark_safe(
        "".join(
            conditional_escape(filler(context, *args, **kwargs)) for filler in hook_fillers(slot)
        )
    )
