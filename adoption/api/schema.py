"""The OpenAPI documentation of what adoption adds to the documents' API."""

from drf_spectacular.utils import OpenApiExample

from drafts.api.schema import DOCUMENT_EXAMPLE as DRAFTS_DOCUMENT_EXAMPLE

_ADOPTION_FIELDS = {
    "final_symbol": None,
    "adopted_at": None,
    "meeting": None,
    "adoption": None,
    "statement_deadline": None,
    "sponsors": [],
}


def _with_adoption(value: dict) -> dict:
    """Drafts' example with adoption's fields, where the serializer puts them: before
    `updated_at`."""
    value = dict(value)
    updated_at = value.pop("updated_at")
    return {**value, **_ADOPTION_FIELDS, "updated_at": updated_at}


DOCUMENT_EXAMPLE = OpenApiExample(
    DRAFTS_DOCUMENT_EXAMPLE.name,
    value=_with_adoption(DRAFTS_DOCUMENT_EXAMPLE.value),
    response_only=True,
)
