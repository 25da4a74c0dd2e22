"""Which format an API answer comes in. Views that answer a file of their own (a CSV, a PDF,
AKN) list a PassThroughRenderer per format; the JSON renderer beside them is for their errors
only. Settings name ContentNegotiation, which DRF loads while it defines its views: this
module must not import them (portal.api and drf-spectacular do)."""

from django.http import Http404
from rest_framework import exceptions, negotiation, renderers


class PassThroughRenderer(renderers.BaseRenderer):
    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


def pass_through_renderer(fmt: str, media_type: str) -> type[renderers.BaseRenderer]:
    return type(
        f"{fmt.upper()}Renderer", (PassThroughRenderer,), {"format": fmt, "media_type": media_type}
    )


def file_renderers(renderers_: list) -> list:
    return [renderer for renderer in renderers_ if isinstance(renderer, PassThroughRenderer)]


class FormatNotOffered(exceptions.NotAcceptable):
    """406 that names the formats on offer (the error's `formats`)."""

    def __init__(self, formats: list[str]):
        self.formats = formats
        super().__init__()


class ContentNegotiation(negotiation.DefaultContentNegotiation):
    """A request to a file view chooses among its files, and one that names none of them
    (`Accept: application/json`, `?format=json`) is answered 406 with the formats on offer,
    never handed to a view that cannot make JSON. Views that answer JSON negotiate as DRF
    does."""

    def select_renderer(self, request, renderers, format_suffix=None):
        if request.query_params.get(self.settings.URL_FORMAT_OVERRIDE) == "":
            # DRF reads an empty `?format=` as none; the schema's enum does not offer it, so
            # it is a format of no renderer like any other unknown one (404, or 406 below).
            format_suffix = format_suffix or "\x00"
        files = file_renderers(renderers)
        if not files:
            return super().select_renderer(request, renderers, format_suffix)
        try:
            return super().select_renderer(request, files, format_suffix)
        except (Http404, exceptions.NotAcceptable):  # Http404: a ?format= of no renderer
            raise FormatNotOffered([renderer.format for renderer in files]) from None
