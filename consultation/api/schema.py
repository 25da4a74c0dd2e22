"""The OpenAPI documentation of the consultation's API (shared errors and parameters are
drafts.api.schema's)."""

from drf_spectacular.utils import OpenApiExample

COMMENT_EXAMPLE = OpenApiExample(
    "An amendment",
    value={
        "id": 7,
        "document": 1,
        "revision": 1,
        "paragraph": 12,
        "paragraph_key": "0f9e8d7c6b5a",
        "paragraph_label": "OP1",
        "parent": None,
        "kind": "amendment",
        "body": "Clearer wording.",
        "proposed_text": "Decides to launch the Green Shield initiative;",
        "visibility": "all",
        "status": "open",
        "response": "",
        "responded_at": None,
        "author": "Alice Example",
        "delegation": "kz",
        "hidden": False,
        "created_at": "2026-03-02T09:00:00+05:00",
        "updated_at": "2026-03-02T09:00:00+05:00",
        "version": 1,
    },
    response_only=True,
)
