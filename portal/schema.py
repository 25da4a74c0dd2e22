"""The API schema's view of each endpoint (settings: DEFAULT_SCHEMA_CLASS)."""

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema

from .negotiation import file_renderers


class AutoSchema(SpectacularAutoSchema):
    """The schema offers what ContentNegotiation agrees to: a file view's `?format=` and
    media types are its files, not the JSON it keeps for errors."""

    def map_renderers(self, attribute: str) -> list:
        files = file_renderers(self.view.get_renderers())
        if files:
            return list(dict.fromkeys(getattr(r, attribute).split(";")[0] for r in files))
        return super().map_renderers(attribute)
