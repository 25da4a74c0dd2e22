"""What adoption adds to drafts' document page, through the slots that page offers
(portal/hooks.py): the link to record the adoption, the adoption's summary with the sponsors
and the statements, and the link to the document's history. Registered in AppConfig.ready()."""

import rules
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from delegations.permissions import membership_of
from portal.hooks import hook_register

from .permissions import statements_open
from .selectors import FinalDocument, document_final


def _final(document) -> FinalDocument:
    """The document's final state, read once for the page's several slots."""
    final = getattr(document, "_adoption_final", None)
    if final is None:
        final = document._adoption_final = document_final(document)
    return final


@hook_register("document.secretariat_actions")
def adopt_link(context, document) -> str:
    user = context["request"].user
    if _final(document).adoption is not None or not user.has_perm(
        "adoption.adopt_document", document
    ):
        return ""
    return format_html(
        '<a href="{}">{}</a>',
        reverse("document_adopt", args=[document.slug]),
        _("Record the adoption"),
    )


@hook_register("document.summary")
def adoption_summary(context, document) -> str:
    request = context["request"]
    final = _final(document)
    membership = membership_of(request.user)
    return render_to_string(
        "adoption/_adoption_summary.html",
        {
            "document": document,
            "final": final,
            "can_state": rules.has_perm("adoption.record_statement", request.user, document),
            "can_sponsor": rules.has_perm("adoption.sponsor_document", request.user, document),
            "sponsoring": membership is not None
            and any(delegation.pk == membership.delegation_id for delegation in final.sponsors),
            "statements_open": statements_open(document),
            "summit_zone": context.get("summit_zone"),
        },
        request=request,
    )


@hook_register("document.links")
def history_link(context, document) -> str:
    if _final(document).revision is None:
        return ""
    return format_html(
        '<p><a href="{}">{}</a></p>',
        reverse("document_history", args=[document.slug]),
        _("History of the document"),
    )
