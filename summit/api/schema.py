"""The OpenAPI schema says every answer the API can give, errors included.

Views document their own successes and the errors particular to them; the errors that any
operation can answer come from the shared machinery and are added here, once:

- 400: a query parameter out of its schema (`lang`, paging, filters) or a body that does not
  parse;
- 401: a token that is not valid (on any endpoint), or no credentials where they are needed;
- 403: a write without a CSRF token in a browser session, or one the rules refuse;
- 404: an id that does not exist or is not visible, a page past the last;
- 406: an operation that answers files (CSV, PDF, XLSX, AKN) asked for a format it does
  not offer (`Accept: application/json`, `?format=json`); the error lists `formats`;
- 414: a request line longer than the server reads (gunicorn's `limit_request_line`);
- 429: throttled (with Retry-After);
- 503: the database does not answer (with Retry-After; portal.unavailable).
"""

from django.conf import settings
from django.utils import translation
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SCHEMA_KWARGS, SpectacularAPIView

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
SCHEMA_LANGUAGE = "en"  # the language of identifiers, whatever the portal's default

ERROR_REF = {"$ref": "#/components/schemas/Error"}
COMMON = {
    "400": "Invalid input",
    "401": "Not authenticated, or the token is not valid",
    "404": "Not found (or not visible to you)",
    "414": "The URL is longer than the server reads",
    "429": "Too many requests; the Retry-After header says when to try again",
    "503": "The portal cannot reach its database; the Retry-After header says when to try again",
}
WRITES = {"403": "Not allowed"}
FILES = {"406": "None of the formats on offer was asked for; `formats` lists them"}


def _answers_files(operation: dict) -> bool:
    content = operation.get("responses", {}).get("200", {}).get("content", {})
    return any(media_type != "application/json" for media_type in content)


# A form field refuses NUL (PostgreSQL cannot store it): a text query parameter says so.
NO_NUL = "^[^\\x00]*$"


def _refuse_nul(operation: dict) -> None:
    for parameter in operation.get("parameters", []):
        schema = parameter.get("schema", {})
        if (
            parameter.get("in") == "query"
            and schema.get("type") == "string"
            and not {"enum", "pattern", "format"} & schema.keys()
        ):
            schema["pattern"] = NO_NUL


def document_errors(result, generator, request, public):
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            _refuse_nul(operation)
            responses = operation.setdefault("responses", {})
            errors = {
                **COMMON,
                **(WRITES if method != "get" else {}),
                **(FILES if _answers_files(operation) else {}),
            }
            for code, description in errors.items():
                responses.setdefault(
                    code,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": ERROR_REF}},
                    },
                )
    return result


class SchemaView(SpectacularAPIView):
    """The machine-readable schema is in English unless `?lang=` asks for another language.
    Code generators (openapi-python-client) name classes and modules after its titles, so
    they must not follow the Accept-Language of whoever downloads it (Russian by default);
    component names, enum names and operationIds are English in every language."""

    @extend_schema(**SCHEMA_KWARGS)  # as drf-spectacular's own (not in the schema)
    def get(self, request, *args, **kwargs):
        if request.GET.get("lang") in LANGUAGE_CODES:
            return super().get(request, *args, **kwargs)  # drf-spectacular applies ?lang=
        with translation.override(SCHEMA_LANGUAGE):
            response = super().get(request, *args, **kwargs)
            # Rendered here: lazily translated titles must meet the language they are for.
            response.accepted_renderer = request.accepted_renderer
            response.accepted_media_type = request.accepted_media_type
            response.renderer_context = self.get_renderer_context()
            response.render()
        response["Content-Language"] = SCHEMA_LANGUAGE
        return response
