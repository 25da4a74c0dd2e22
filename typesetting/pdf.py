"""HTML to PDF bytes with WeasyPrint: a pure module, no database, no network, no file://.

WeasyPrint fetches every stylesheet, image and font through `PortalURLFetcher`, which
serves only the portal's own static files and the allow-listed font files the line breaker
measures (typesetting/lines.py); anything else is refused. Templates use relative URLs
(`static/...`, `fonts/...`) against BASE_URL, a host that cannot resolve.

The same entry points render any template, e.g. a compilation of comments as a table:
`render_template_pdf("pdf/compilation.html", context)` with a template extending
`pdf/base.html`.
"""

import base64
import binascii
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from . import pdf_tags
from .lines import FONT_FILES, font_path

pdf_tags.install()

logger = logging.getLogger(__name__)

BASE_URL = "https://pdf.portal.invalid/"
_MIME_TYPES = {
    ".css": "text/css",
    ".ttf": "font/ttf",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".jpg": "image/jpeg",
}


class ResourceRefused(ValueError):
    pass


# Images carried in the HTML itself (a badge's photo and QR code): nothing is fetched.
_DATA_IMAGE_TYPES = {"image/png", "image/jpeg", "image/svg+xml"}


def data_image(url: str) -> tuple[str, bytes] | None:
    """(mime type, bytes) of a base64 `data:` image URL of an allowed type, else None."""
    if not url.startswith("data:"):
        return None
    header, _comma, payload = url.partition(",")
    mime_type, _semicolon, encoding = header.removeprefix("data:").partition(";")
    if mime_type not in _DATA_IMAGE_TYPES or encoding != "base64":
        raise ResourceRefused(f"refused data URL of type {mime_type!r}")
    try:
        return mime_type, base64.b64decode(payload, validate=True)
    except binascii.Error as error:
        raise ResourceRefused("refused a data URL that is not base64") from error


class PortalURLFetcher(URLFetcher):
    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> URLFetcherResponse:
        inline = data_image(url)
        if inline is not None:
            return URLFetcherResponse(url, inline[1], {"Content-Type": inline[0]})
        path = resolve_resource(url)
        mime_type = _MIME_TYPES.get(PurePosixPath(path).suffix, "application/octet-stream")
        with open(path, "rb") as resource:
            body = resource.read()
        return URLFetcherResponse(url, body, {"Content-Type": mime_type})


def resolve_resource(url: str) -> str:
    """The file behind a portal URL, or ResourceRefused for anything not the portal's own."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}/" != BASE_URL or parts.query:
        raise ResourceRefused(f"refused to fetch {url!r}: not a portal resource")
    path = unquote(parts.path).lstrip("/")
    if ".." in PurePosixPath(path).parts:
        raise ResourceRefused(f"refused to fetch {url!r}: path traversal")
    if path.startswith("fonts/"):
        name = path.removeprefix("fonts/")
        styles = {file: style for style, file in FONT_FILES.items()}
        if name not in styles:
            raise ResourceRefused(f"refused to fetch {url!r}: not an allowed font")
        return str(font_path(styles[name]))
    if path.startswith("static/"):
        try:
            found = finders.find(path.removeprefix("static/"))
        except SuspiciousFileOperation as error:
            raise ResourceRefused(f"refused to fetch {url!r}: {error}") from error
        if not found:
            raise ResourceRefused(f"refused to fetch {url!r}: no such static file")
        return found
    raise ResourceRefused(f"refused to fetch {url!r}: not a portal resource")


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    pages: int


def render_pdf(html: str) -> RenderedPdf:
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=PortalURLFetcher()).render()
    # Tagged (PDF/UA-1): headings, paragraphs and reading order for screen readers; what the
    # templates mark aria-hidden (line numbers, running heads, watermark) are artifacts.
    content = document.write_pdf(pdf_variant="pdf/ua-1")
    return RenderedPdf(content=content, pages=len(document.pages))


def html_to_pdf(html: str) -> bytes:
    return render_pdf(html).content


def render_template_pdf(template_name: str, context: Mapping[str, Any]) -> bytes:
    return html_to_pdf(render_to_string(template_name, dict(context)))
