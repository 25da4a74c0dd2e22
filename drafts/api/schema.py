"""The OpenAPI documentation of the drafts API: examples, shared parameters and error
answers, kept apart so that the views read as what they do."""

from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse

from portal.api import ErrorSerializer

DOCUMENT_EXAMPLE = OpenApiExample(
    "Draft declaration",
    value={
        "id": 1,
        "slug": "declaration",
        "symbol": "RES-2026/DECL/1",
        "kind": "declaration",
        "title": "Draft Astana Declaration",
        "status": "consultation",
        "comment_deadline": "2026-04-01T18:00:00+05:00",
        "consultation_open": True,
        "initiatives": ["green-shield"],
        "revisions": [
            {
                "number": 1,
                "state": "published",
                "published_at": "2026-03-01T10:00:00+05:00",
                "summary": "First draft",
            }
        ],
        "updated_at": "2026-03-01T10:00:00+05:00",
    },
    response_only=True,
)
REVISION_EXAMPLE = OpenApiExample(
    "Rev.1 of the declaration",
    value={
        "id": 3,
        "document": 1,
        "number": 1,
        "state": "published",
        "published_at": "2026-03-01T10:00:00+05:00",
        "summary": "First draft",
        "paragraphs": [
            {
                "id": 11,
                "key": "a1b2c3d4e5f6",
                "label": "PP1",
                "number": None,
                "position": 1,
                "kind": "preambular",
                "text": "Recognising the fragility of mountain ecosystems,",
                "negotiation": "proposed",
                "lines": None,
            },
            {
                "id": 12,
                "key": "0f9e8d7c6b5a",
                "label": "OP1",
                "number": 1,
                "position": 2,
                "kind": "operative",
                "text": "Decides to establish the Green Shield initiative;",
                "negotiation": "agreed",
                "lines": [3, 4],
            },
        ],
    },
    response_only=True,
)
COMPARE_EXAMPLE = OpenApiExample(
    "Rev.1 → Rev.2",
    value={
        "document": 1,
        "from": 1,
        "to": 2,
        "changes": [
            {
                "change": "changed",
                "key": "0f9e8d7c6b5a",
                "moved": False,
                "renumbered": False,
                "old": {"number": 1, "kind": "operative", "text": "Decides to act;"},
                "new": {"number": 1, "kind": "operative", "text": "Decides to act now;"},
                "words": [
                    {"op": "equal", "text": "Decides to act"},
                    {"op": "insert", "text": " now"},
                    {"op": "equal", "text": ";"},
                ],
            }
        ],
    },
    response_only=True,
)
ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="Invalid input"),
    403: OpenApiResponse(ErrorSerializer, description="Not allowed"),
    404: OpenApiResponse(ErrorSerializer, description="Not found (or not visible to you)"),
}
# Revision numbers as the routes (at most 9 digits) and CompareQuerySerializer accept them.
REVISION_NUMBER = {"type": "integer", "minimum": 1, "maximum": 100000}
NUMBER = OpenApiParameter(
    "number", REVISION_NUMBER, OpenApiParameter.PATH, description="Revision number"
)
