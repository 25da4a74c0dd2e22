"""Request parsers of the API, in a module of their own: DRF imports them while it is
still loading its views (APIView's class attributes), so nothing here may import an app."""

from django.utils.translation import gettext as _
from rest_framework import exceptions, parsers


class JSONParser(parsers.JSONParser):
    """DRF's parser, plus the one way `json` fails that is not a ValueError: nesting deep
    enough to exhaust the stack. (1e400 parses as inf; the strict fields of portal.api refuse it.)"""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise exceptions.ParseError(_("JSON parse error - nested too deeply.")) from error
        return data
