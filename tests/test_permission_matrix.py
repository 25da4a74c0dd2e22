"""The permission matrix: every URL pattern of the portal × every role → the expected answer.

The test walks the whole URL conf (`get_resolver()`, recursively: i18n-prefixed routes,
allauth, the admin, the API), so a route without an entry in `MATRIX` (or a group rule
below) FAILS `test_every_url_pattern_is_in_the_matrix`.

To register a new route, add one line to `MATRIX`, keyed by its URL name
("namespace:name" inside a namespace; "route:<the route>" for an unnamed pattern):

    "comment_create": Case(
        EXPECT(anonymous=LOGIN, delegate_a=OK, delegate_b=OK, head_a=OK, secretariat=OK, admin=OK, sid=FORBIDDEN, half=LOGIN, staff=FORBIDDEN),
        kwargs=lambda w: {"slug": w.document.slug, "number": w.published.number},
        method="post", data={"body": "…"},
    ),

`w` is the `World` below (two delegations, a published revision and a draft, an open
invitation…): add what your route needs to it. The roles, in order:

    anonymous · delegate_a (Alice, delegate of A) · delegate_b (Bob, delegate of B) ·
    head_a (Hannah, head of A) · secretariat (Sam, with TOTP set up) · admin (Ada, superuser
    with TOTP set up) · sid (Sid, secretariat role without TOTP set up: the role alone grants
    nothing) · half (Hal of the secretariat, whose session passed the password step of the
    login but not the TOTP step: not logged in) · staff (Stella, `is_staff` only)

Answers: OK (200), LOGIN (a redirect to a login page), REDIRECT (a redirect anywhere else),
FORBIDDEN (403), NOT_FOUND (404), GONE (410), NOT_ALLOWED (405), or any other status code.
Each request is made with a freshly logged-in client; a route that changes data is given
fresh objects through `kwargs` (see the invitation routes).

Group rules, still enumerated (every allauth or admin route must fall under one):
- allauth entrance pages (`ALLAUTH_ENTRANCE`): anonymous 200, logged-in people are redirected.

The table is written one row per line (`# fmt: off`): a route's answers read across.
- allauth pages for a logged-in person (`ALLAUTH_MANAGE`): anonymous → login, others 200
  (or REDIRECT where allauth first asks for the password again, listed per route).
- Django admin (`admin:*`): only admins with TOTP (`admin_case`); everyone else → login.

Run with `MATRIX_PRINT=1 pytest tests/test_permission_matrix.py -s` to print the answers
actually observed, as a table.
"""

import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib import admin as django_admin
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import timezone, translation
from PIL import Image
from pypdf import PdfWriter

from adoption.services import document_adopt
from consultation.services import comment_create
from drafts.services import revision_publish
from initiatives.models import Indicator, Output
from pdfs.models import PdfJob
from pdfs.permissions import pdf_job_requester_key
from pdfs.services import pdf_job_render, pdf_job_request
from programme.models import Meeting
from register.services import document_issue
from registration.models import (
    NominationLetter,
    Registration,
    RegistrationDocument,
    RegistrationWindow,
)
from registration.uploads import photo_clean
from submissions.models import Call
from submissions.services import submission_submit
from subscriptions.models import Subscription
from subscriptions.services import unsubscribe_token
from tests.factories import (
    DelegationFactory,
    InitiativeFactory,
    InvitationFactory,
    MembershipFactory,
    ParagraphFactory,
    RevisionFactory,
    SummitFactory,
    UserFactory,
    totp_enable,
)

PASSWORD = "pass-word-123"  # tests.factories.UserFactory's
ROLES = (
    "anonymous",
    "delegate_a",
    "delegate_b",
    "head_a",
    "secretariat",
    "admin",
    "sid",
    "half",
    "staff",
)

OK = 200
FORBIDDEN = 403
NOT_FOUND = 404
NOT_ALLOWED = 405
GONE = 410
LOGIN = "login"
REDIRECT = "redirect"


def EXPECT(*, anonymous, delegate_a, delegate_b, head_a, secretariat, admin, sid, half, staff):
    return (anonymous, delegate_a, delegate_b, head_a, secretariat, admin, sid, half, staff)


def ALL(answer) -> tuple:
    return (answer,) * len(ROLES)


def admin_gets(expect: tuple, answer) -> tuple:
    """`expect`, with another answer for the admin."""
    index = ROLES.index("admin")
    return expect[:index] + (answer,) + expect[index + 1 :]


# fmt: off
PUBLIC = ALL(OK)
# Any account: a password-only session is not logged in yet.
LOGGED_IN = EXPECT(anonymous=LOGIN, delegate_a=OK, delegate_b=OK, head_a=OK, secretariat=OK, admin=OK, sid=OK, half=LOGIN, staff=OK)
# Delegates and the secretariat (with TOTP); other accounts have no part in the drafting.
PARTICIPANTS = EXPECT(anonymous=LOGIN, delegate_a=OK, delegate_b=OK, head_a=OK, secretariat=OK, admin=OK, sid=FORBIDDEN, half=LOGIN, staff=FORBIDDEN)
# Invitations screens: the secretariat (with TOTP) for all delegations, heads for their own.
INVITERS = EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=OK, secretariat=OK, admin=OK, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN)
# Secretariat screens: the secretariat (with TOTP) and admins; delegates are refused.
SECRETARIAT = EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=FORBIDDEN, secretariat=OK, admin=OK, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN)
# The same for a POST that succeeds and redirects back to the screen.
SECRETARIAT_POST = EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=FORBIDDEN, secretariat=REDIRECT, admin=REDIRECT, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN)
# The unpublished draft exists only for the secretariat (404, not 403, for everyone else).
DRAFT_READERS = EXPECT(anonymous=NOT_FOUND, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND, head_a=NOT_FOUND, secretariat=OK, admin=OK, sid=NOT_FOUND, half=NOT_FOUND, staff=NOT_FOUND)
# API answers: an anonymous client is asked to authenticate (401, JSON, WWW-Authenticate).
UNAUTHENTICATED = 401
API_SECRETARIAT = EXPECT(anonymous=UNAUTHENTICATED, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=FORBIDDEN, secretariat=OK, admin=OK, sid=FORBIDDEN, half=UNAUTHENTICATED, staff=FORBIDDEN)
ADMIN_ONLY = EXPECT(anonymous=LOGIN, delegate_a=LOGIN, delegate_b=LOGIN, head_a=LOGIN, secretariat=LOGIN, admin=OK, sid=LOGIN, half=LOGIN, staff=LOGIN)


@dataclass(frozen=True)
class Case:
    expect: tuple
    kwargs: Callable[[SimpleNamespace], dict] | dict = field(default_factory=dict)
    url: Callable[[SimpleNamespace], str] | None = None  # for unnamed patterns
    method: str = "get"
    data: dict | None = None
    query: str = ""


MATRIX: dict[str, Case] = {
    # --- public pages (summit, initiatives, drafts)
    "set_language": Case(ALL(REDIRECT), method="post", data={"language": "en", "next": "/"}),
    "home": Case(PUBLIC),
    "initiative_detail": Case(PUBLIC, kwargs=lambda w: {"slug": w.initiative.slug}),
    "initiative_list": Case(PUBLIC),
    "programme": Case(PUBLIC),
    "meeting_detail": Case(PUBLIC, kwargs=lambda w: {"slug": w.meeting.slug}),
    "delegation_list": Case(PUBLIC),
    "delegation_detail": Case(PUBLIC, kwargs=lambda w: {"slug": w.delegation_a.slug}),
    "sitemap": Case(PUBLIC),
    # --- drafting and consultation
    "revision_compare": Case(
        PUBLIC, kwargs=lambda w: {"slug": w.document.slug}, query="from=1&to=1"
    ),
    "revision_compare [draft]": Case(
        DRAFT_READERS, kwargs=lambda w: {"slug": w.document.slug}, query="from=1&to=2"
    ),
    # A comment is for participants: other accounts do not even learn that it exists.
    "comment_detail": Case(EXPECT(anonymous=LOGIN, delegate_a=OK, delegate_b=OK, head_a=OK, secretariat=OK, admin=OK, sid=NOT_FOUND, half=LOGIN, staff=NOT_FOUND), kwargs=lambda w: {"pk": w.comment.pk}),
    "comment_detail [secretariat only]": Case(
        # Another delegation's comment for the secretariat's eyes does not exist for Bob.
        EXPECT(anonymous=LOGIN, delegate_a=OK, delegate_b=NOT_FOUND, head_a=OK, secretariat=OK, admin=OK, sid=NOT_FOUND, half=LOGIN, staff=NOT_FOUND),
        kwargs=lambda w: {"pk": w.new_comment(visibility="secretariat").pk},
    ),
    "comment_edit": Case(
        # Only the author edits: not even an admin rewrites a delegate's words.
        EXPECT(anonymous=LOGIN, delegate_a=OK, delegate_b=FORBIDDEN, head_a=FORBIDDEN, secretariat=FORBIDDEN, admin=FORBIDDEN, sid=NOT_FOUND, half=LOGIN, staff=NOT_FOUND),
        kwargs=lambda w: {"pk": w.new_comment().pk},
    ),
    "comment_create": Case(
        EXPECT(anonymous=LOGIN, delegate_a=REDIRECT, delegate_b=REDIRECT, head_a=REDIRECT, secretariat=REDIRECT, admin=REDIRECT, sid=FORBIDDEN, half=LOGIN, staff=FORBIDDEN),
        kwargs=lambda w: {"slug": w.document.slug, "number": w.published.number},
        method="post",
        data={"kind": "comment", "body": "Support.", "visibility": "all"},
    ),
    "comment_create [draft]": Case(
        EXPECT(anonymous=LOGIN, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND, head_a=NOT_FOUND, secretariat=FORBIDDEN, admin=FORBIDDEN, sid=NOT_FOUND, half=LOGIN, staff=NOT_FOUND),
        kwargs=lambda w: {"slug": w.document.slug, "number": w.draft.number},
        method="post",
        data={"kind": "comment", "body": "Support.", "visibility": "all"},
    ),
    # A paragraph's threads and forms, as the reader fetches them (drafts.js).
    "paragraph_threads": Case(
        PUBLIC,
        kwargs=lambda w: {"slug": w.document.slug, "number": w.published.number, "key": w.published_key},
    ),
    "paragraph_threads [draft]": Case(
        DRAFT_READERS,
        kwargs=lambda w: {"slug": w.document.slug, "number": w.draft.number, "key": w.draft_key},
    ),
    "paragraph_form": Case(
        PARTICIPANTS,
        kwargs=lambda w: {"slug": w.document.slug, "number": w.published.number, "key": w.published_key},
    ),
    "paragraph_form [draft]": Case(
        # Nobody comments on a draft; it does not even exist outside the secretariat.
        EXPECT(anonymous=LOGIN, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND, head_a=NOT_FOUND, secretariat=FORBIDDEN, admin=FORBIDDEN, sid=NOT_FOUND, half=LOGIN, staff=NOT_FOUND),
        kwargs=lambda w: {"slug": w.document.slug, "number": w.draft.number, "key": w.draft_key},
    ),
    "position_record": Case(
        # Heads record their delegation's position; nobody else has one to record.
        EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=REDIRECT, secretariat=FORBIDDEN, admin=FORBIDDEN, sid=FORBIDDEN, half=LOGIN, staff=FORBIDDEN),
        kwargs=lambda w: {
            "slug": w.document.slug,
            "number": w.published.number,
            "key": w.published_key,
        },
        method="post",
        data={"stance": "support", "reason": ""},
    ),
    # --- the secretariat's drafting screens
    "comment_triage": Case(SECRETARIAT),
    "dashboard": Case(PARTICIPANTS),
    "comment_answer": Case(
        SECRETARIAT_POST,
        kwargs=lambda w: {"pk": w.new_comment().pk},
        method="post",
        data={"status": "noted", "response": "Thank you."},
    ),
    "comment_bulk_status": Case(
        SECRETARIAT_POST,
        kwargs={},
        method="post",
        data={"comments": ["1"], "status": "noted"},
    ),
    "comment_hide": Case(
        SECRETARIAT_POST,
        kwargs=lambda w: {"pk": w.new_comment().pk},
        method="post",
        data={"reason": "Off topic"},
    ),
    "comment_restore": Case(
        SECRETARIAT_POST, kwargs=lambda w: {"pk": w.new_comment().pk}, method="post"
    ),
    "document_settings": Case(SECRETARIAT, kwargs=lambda w: {"slug": w.document.slug}),
    # --- adoption: the secretariat records it; heads speak for their own delegation
    "document_adopt": Case(SECRETARIAT, kwargs=lambda w: {"slug": w.document.slug}),
    # The world's document is not agreed: the secretariat passes the gate and is refused.
    "document_adopt [post]": Case(EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=FORBIDDEN, secretariat=400, admin=400, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN), kwargs=lambda w: {"slug": w.document.slug}, method="post", data={"method": "consensus"}),
    "document_adopted": Case(PUBLIC, kwargs=lambda w: {"slug": w.adopted.slug}),
    "document_adopted [not adopted]": Case(ALL(NOT_FOUND), kwargs=lambda w: {"slug": w.document.slug}),
    "document_history": Case(PUBLIC, kwargs=lambda w: {"slug": w.document.slug}),
    # No superuser shortcut: a statement is a delegation's, and an admin speaks for none.
    "statement_edit": Case(EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=OK, secretariat=FORBIDDEN, admin=FORBIDDEN, sid=FORBIDDEN, half=LOGIN, staff=FORBIDDEN), kwargs=lambda w: {"slug": w.document.slug}),
    "statement_edit [post]": Case(EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=REDIRECT, secretariat=FORBIDDEN, admin=FORBIDDEN, sid=FORBIDDEN, half=LOGIN, staff=FORBIDDEN), kwargs=lambda w: {"slug": w.document.slug}, method="post", data={"kind": "joins", "version": "0"}),
    "sponsorship_set": Case(EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=REDIRECT, secretariat=FORBIDDEN, admin=FORBIDDEN, sid=FORBIDDEN, half=LOGIN, staff=FORBIDDEN), kwargs=lambda w: {"slug": w.resolution.slug}, method="post", data={"sponsor": "yes"}),
    "draft_editor": Case(SECRETARIAT, kwargs=lambda w: {"slug": w.document.slug}),
    "draft_import": Case(SECRETARIAT, kwargs=lambda w: {"slug": w.document.slug}),
    # A POST without a file: the secretariat passes the gate and gets the form's refusal.
    "draft_import [post]": Case(EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=FORBIDDEN, secretariat=400, admin=400, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN), kwargs=lambda w: {"slug": w.document.slug}, method="post"),
    # Akoma Ntoso XML: like the PDF, for whoever may read the revision.
    "revision_akn": Case(PUBLIC, kwargs=lambda w: {"slug": w.document.slug, "number": w.published.number, "language": "ru"}),
    "revision_akn [draft]": Case(DRAFT_READERS, kwargs=lambda w: {"slug": w.document.slug, "number": w.draft.number, "language": "en"}),
    "draft_start": Case(
        SECRETARIAT_POST, kwargs=lambda w: {"slug": w.document.slug}, method="post"
    ),
    "paragraph_add": Case(
        SECRETARIAT_POST,
        kwargs=lambda w: {"slug": w.document.slug},
        method="post",
        data={"kind": "operative", "text_ru": "Текст", "text_en": "Text"},
    ),
    "revision_publish": Case(SECRETARIAT, kwargs=lambda w: {"slug": w.document.slug}),
    "paragraph_edit": Case(
        SECRETARIAT, kwargs=lambda w: {"slug": w.document.slug, "key": w.draft_key}
    ),
    "paragraph_delete": Case(
        SECRETARIAT_POST,
        kwargs=lambda w: {"slug": w.document.slug, "key": w.new_draft_paragraph().key},
        method="post",
        data={"version": 1},
    ),
    "paragraph_move": Case(
        SECRETARIAT_POST,
        kwargs=lambda w: {"slug": w.document.slug, "key": w.draft_key},
        method="post",
        data={"direction": "down"},
    ),
    "revision_notify": Case(
        SECRETARIAT_POST,
        kwargs=lambda w: {"slug": w.document.slug, "number": w.published.number},
        method="post",
    ),
    "position_matrix": Case(
        SECRETARIAT, kwargs=lambda w: {"slug": w.document.slug, "number": w.published.number}
    ),
    "compilation_download": Case(
        SECRETARIAT,
        kwargs=lambda w: {"slug": w.document.slug, "number": w.published.number, "fmt": "csv"},
    ),
    "compilation_download [pdf]": Case(
        SECRETARIAT,
        kwargs=lambda w: {"slug": w.document.slug, "number": w.published.number, "fmt": "pdf"},
    ),
    # --- PDF drafts (anyone who may read the revision; the draft only for the secretariat)
    "pdf_request": Case(
        ALL(REDIRECT),
        kwargs=lambda w: {"slug": w.document.slug, "number": w.published.number, "language": "en"},
        method="post",
    ),
    "pdf_request [draft]": Case(
        EXPECT(anonymous=NOT_FOUND, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND, head_a=NOT_FOUND, secretariat=REDIRECT, admin=REDIRECT, sid=NOT_FOUND, half=NOT_FOUND, staff=NOT_FOUND),
        kwargs=lambda w: {"slug": w.document.slug, "number": w.draft.number, "language": "en"},
        method="post",
    ),
    # A job is followed with the key its requester was given (the secretariat needs none);
    # job ids are sequential, so without the key it does not exist (the file stays public).
    "pdf_job_status": Case(EXPECT(anonymous=NOT_FOUND, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND, head_a=NOT_FOUND, secretariat=OK, admin=OK, sid=NOT_FOUND, half=NOT_FOUND, staff=NOT_FOUND), kwargs=lambda w: {"pk": w.pdf_job(w.published).pk}),
    "pdf_job_status [anonymous requester's key]": Case(
        EXPECT(anonymous=OK, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND, head_a=NOT_FOUND, secretariat=OK, admin=OK, sid=NOT_FOUND, half=OK, staff=NOT_FOUND),
        url=lambda w: w.anonymous_pdf_job_url(web=True),
    ),
    "pdf_job_status [draft]": Case(DRAFT_READERS, kwargs=lambda w: {"pk": w.pdf_job(w.draft).pk}),
    "pdf_job_download": Case(PUBLIC, kwargs=lambda w: {"pk": w.pdf_job(w.published).pk}),
    "pdf_job_download [draft]": Case(DRAFT_READERS, kwargs=lambda w: {"pk": w.pdf_job(w.draft).pk}),
    # --- the API (/api/, no language prefix; refusals are JSON)
    "api-summit-list": Case(PUBLIC),
    "api-summit-detail": Case(PUBLIC, kwargs=lambda w: {"pk": w.meeting.summit.pk}),
    "api-meeting-list": Case(PUBLIC),
    "api-meeting-detail": Case(PUBLIC, kwargs=lambda w: {"pk": w.meeting.pk}),
    "api-initiative-list": Case(PUBLIC),
    "api-initiative-detail": Case(PUBLIC, kwargs=lambda w: {"slug": w.initiative.slug}),
    "api-delegation-list": Case(PUBLIC),
    "api-delegation-detail": Case(PUBLIC, kwargs=lambda w: {"pk": w.delegation_a.pk}),
    "api-document-list": Case(PUBLIC),
    "api-document-detail": Case(PUBLIC, kwargs=lambda w: {"pk": w.document.pk}),
    "api-document-history": Case(PUBLIC, kwargs=lambda w: {"pk": w.document.pk}),
    "api-document-adopt": Case(EXPECT(anonymous=UNAUTHENTICATED, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=FORBIDDEN, secretariat=400, admin=400, sid=FORBIDDEN, half=UNAUTHENTICATED, staff=FORBIDDEN), kwargs=lambda w: {"pk": w.document.pk}, method="post", data={"meeting": "almaty", "adopted_on": "2026-02-27", "method": "consensus", "final_symbol": "RES-2026/DECL/1"}),
    "api-document-statement": Case(EXPECT(anonymous=UNAUTHENTICATED, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=OK, secretariat=FORBIDDEN, admin=FORBIDDEN, sid=FORBIDDEN, half=UNAUTHENTICATED, staff=FORBIDDEN), kwargs=lambda w: {"pk": w.resolution.pk}, method="put", data={"kind": "joins"}),
    "api-document-sponsorship": Case(EXPECT(anonymous=UNAUTHENTICATED, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=OK, secretariat=FORBIDDEN, admin=FORBIDDEN, sid=FORBIDDEN, half=UNAUTHENTICATED, staff=FORBIDDEN), kwargs=lambda w: {"pk": w.resolution.pk}, method="post"),
    "api-document-revision": Case(
        PUBLIC, kwargs=lambda w: {"pk": w.document.pk, "number": w.published.number}
    ),
    "api-document-revision [draft]": Case(
        DRAFT_READERS, kwargs=lambda w: {"pk": w.document.pk, "number": w.draft.number}
    ),
    "api-document-compare": Case(
        PUBLIC, kwargs=lambda w: {"pk": w.document.pk}, query="from=1&to=1"
    ),
    "api-document-compare [draft]": Case(
        DRAFT_READERS, kwargs=lambda w: {"pk": w.document.pk}, query="from=1&to=2"
    ),
    "api-document-akn": Case(PUBLIC, kwargs=lambda w: {"pk": w.document.pk, "number": w.published.number}, query="lang=ru"),
    "api-document-akn [draft]": Case(DRAFT_READERS, kwargs=lambda w: {"pk": w.document.pk, "number": w.draft.number}, query="lang=en"),
    # Importing is the secretariat's; without a file it is refused (400), for others the
    # endpoint does not exist.
    "api-document-akn-import": Case(EXPECT(anonymous=UNAUTHENTICATED, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND, head_a=NOT_FOUND, secretariat=400, admin=400, sid=NOT_FOUND, half=UNAUTHENTICATED, staff=NOT_FOUND), kwargs=lambda w: {"pk": w.document.pk}, method="post"),
    "api-document-compilation": Case(
        API_SECRETARIAT, kwargs=lambda w: {"pk": w.document.pk, "number": w.published.number}
    ),
    "api-document-compilation [pdf]": Case(
        API_SECRETARIAT,
        kwargs=lambda w: {"pk": w.document.pk, "number": w.published.number},
        query="format=pdf",
    ),
    # Asking for a PDF: whoever may read the revision (202: the job is made after the commit).
    "api-document-pdf": Case(
        ALL(202),
        kwargs=lambda w: {"pk": w.document.pk, "number": w.published.number},
        method="post",
        data={"lang": "en"},
    ),
    "api-document-pdf [draft]": Case(
        EXPECT(anonymous=NOT_FOUND, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND, head_a=NOT_FOUND, secretariat=202, admin=202, sid=NOT_FOUND, half=NOT_FOUND, staff=NOT_FOUND),
        kwargs=lambda w: {"pk": w.document.pk, "number": w.draft.number},
        method="post",
        data={"lang": "en"},
    ),
    # A job is its requester's (Alice here) and the secretariat's; it does not exist for others.
    "api-pdf-job-detail": Case(
        EXPECT(anonymous=NOT_FOUND, delegate_a=OK, delegate_b=NOT_FOUND, head_a=NOT_FOUND, secretariat=OK, admin=OK, sid=NOT_FOUND, half=NOT_FOUND, staff=NOT_FOUND),
        kwargs=lambda w: {"pk": w.alices_pdf_job().pk},
    ),
    "api-pdf-job-detail [anonymous requester's key]": Case(
        # The key is bound to the person who asked: only an anonymous client may use this one.
        EXPECT(anonymous=OK, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND, head_a=NOT_FOUND, secretariat=OK, admin=OK, sid=NOT_FOUND, half=OK, staff=NOT_FOUND),
        url=lambda w: w.anonymous_pdf_job_url(),
    ),
    # Any account may list the comments it may see (none, for an outsider).
    "api-comment-list": Case(EXPECT(anonymous=UNAUTHENTICATED, delegate_a=OK, delegate_b=OK, head_a=OK, secretariat=OK, admin=OK, sid=OK, half=UNAUTHENTICATED, staff=OK)),
    "api-comment-detail": Case(EXPECT(anonymous=UNAUTHENTICATED, delegate_a=OK, delegate_b=OK, head_a=OK, secretariat=OK, admin=OK, sid=NOT_FOUND, half=UNAUTHENTICATED, staff=NOT_FOUND), kwargs=lambda w: {"pk": w.comment.pk}),
    "api-comment-answer": Case(
        # Answering is the secretariat's; a comment an account may not see does not exist.
        EXPECT(anonymous=UNAUTHENTICATED, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=FORBIDDEN, secretariat=OK, admin=OK, sid=NOT_FOUND, half=UNAUTHENTICATED, staff=NOT_FOUND),
        kwargs=lambda w: {"pk": w.comment.pk},
        method="post",
        data={"status": "noted", "response": "Thank you."},
    ),
    "api-schema": Case(PUBLIC),
    "api-docs": Case(PUBLIC),
    "api-redoc": Case(PUBLIC),
    "route:api/": Case(ALL(NOT_FOUND), url=lambda w: "/api/v1/no-such-endpoint/"),
    # Unknown API paths answer the JSON 404 to any method, a POST without CSRF token too.
    "route:api/ [post]": Case(ALL(NOT_FOUND), url=lambda w: "/api/v1/no-such-endpoint/", method="post"),
    "route:api/ [format suffix]": Case(ALL(NOT_FOUND), url=lambda w: f"/api/v1/documents/{w.document.pk}/revisions/1.json"),
    # --- the secretariat's initiative editor
    "initiative_edit": Case(SECRETARIAT, kwargs=lambda w: {"slug": w.initiative.slug}),
    "section_edit": Case(
        SECRETARIAT, kwargs=lambda w: {"slug": w.initiative.slug, "kind": w.section.kind}
    ),
    "section_history": Case(
        SECRETARIAT, kwargs=lambda w: {"slug": w.initiative.slug, "kind": w.section.kind}
    ),
    "funding_add": Case(
        # Input without a source: the secretariat passes the gate and gets the form error.
        EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=FORBIDDEN, secretariat=400, admin=400, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN),
        kwargs=lambda w: {"slug": w.initiative.slug},
        method="post",
        data={"source": "", "amount": "10", "currency": "USD", "status": "pledged"},
    ),
    "funding_delete": Case(
        SECRETARIAT_POST,
        kwargs=lambda w: {"slug": w.initiative.slug, "pk": w.new_funding_entry().pk},
        method="post",
    ),
    "results_add": Case(
        SECRETARIAT, kwargs=lambda w: {"slug": w.initiative.slug, "level": "outcome"}
    ),
    "indicator_edit": Case(
        SECRETARIAT, kwargs=lambda w: {"slug": w.initiative.slug, "pk": w.indicator.pk}
    ),
    "document_list": Case(PUBLIC),
    "document_detail": Case(PUBLIC, kwargs=lambda w: {"slug": w.document.slug}),
    "revision_detail": Case(
        PUBLIC, kwargs=lambda w: {"slug": w.document.slug, "number": w.published.number}
    ),
    "revision_detail [draft]": Case(
        # An unpublished draft does not exist for anyone but the secretariat.
        EXPECT(anonymous=NOT_FOUND, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND, head_a=NOT_FOUND, secretariat=OK, admin=OK, sid=NOT_FOUND, half=NOT_FOUND, staff=NOT_FOUND),
        kwargs=lambda w: {"slug": w.document.slug, "number": w.draft.number},
    ),
    # --- accounts and delegations
    "profile": Case(LOGGED_IN),
    "invitation_list": Case(INVITERS),
    "invitation_create": Case(INVITERS),
    "invitation_resend": Case(
        # Bob's delegation is not A: the invitation does not exist for him… but he is not a
        # head either, so he is refused before the lookup.
        EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=REDIRECT, secretariat=REDIRECT, admin=REDIRECT, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN),
        kwargs=lambda w: {"pk": w.new_invitation(w.delegation_a).pk},
        method="post",
    ),
    "invitation_resend [other delegation]": Case(
        EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=NOT_FOUND, secretariat=REDIRECT, admin=REDIRECT, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN),
        kwargs=lambda w: {"pk": w.new_invitation(w.delegation_b).pk},
        method="post",
    ),
    "invitation_revoke": Case(
        EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=REDIRECT, secretariat=REDIRECT, admin=REDIRECT, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN),
        kwargs=lambda w: {"pk": w.new_invitation(w.delegation_a).pk},
        method="post",
    ),
    "invitation_revoke [GET]": Case(
        EXPECT(anonymous=NOT_ALLOWED, delegate_a=NOT_ALLOWED, delegate_b=NOT_ALLOWED, head_a=NOT_ALLOWED, secretariat=NOT_ALLOWED, admin=NOT_ALLOWED, sid=NOT_ALLOWED, half=NOT_ALLOWED, staff=NOT_ALLOWED),
        kwargs=lambda w: {"pk": w.new_invitation(w.delegation_a).pk},
    ),
    "invitation_accept": Case(
        # The token is the credential; logged-in people other than the invitee are told so.
        EXPECT(anonymous=OK, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=FORBIDDEN, secretariat=FORBIDDEN, admin=FORBIDDEN, sid=FORBIDDEN, half=OK, staff=FORBIDDEN),
        kwargs=lambda w: {"token": w.new_invitation(w.delegation_a).token},
    ),
    "invitation_accept [unknown token]": Case(ALL(NOT_FOUND), kwargs={"token": "no-such-token"}),
    "delegation_members": Case(
        EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=OK, secretariat=OK, admin=OK, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN),
        kwargs=lambda w: {"slug": w.delegation_a.slug},
    ),
    "membership_remove": Case(
        # Hannah removes her own delegates; Bob's membership is not hers to remove.
        EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=REDIRECT, secretariat=REDIRECT, admin=REDIRECT, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN),
        kwargs=lambda w: {"pk": w.new_member(w.delegation_a).pk},
        method="post",
    ),
    "membership_remove [other delegation]": Case(
        EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=FORBIDDEN, secretariat=REDIRECT, admin=REDIRECT, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN),
        kwargs=lambda w: {"pk": w.new_member(w.delegation_b).pk},
        method="post",
    ),
    "delegation_members [other delegation]": Case(
        EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=FORBIDDEN, secretariat=OK, admin=OK, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN),
        kwargs=lambda w: {"slug": w.delegation_b.slug},
    ),
    # --- registration and accreditation (issue 25)
    "programme_ical": Case(PUBLIC),
    "meeting_ical": Case(PUBLIC, kwargs=lambda w: {"slug": w.meeting.slug}),
    "registration_participants": Case(PUBLIC, kwargs=lambda w: {"slug": w.meeting.slug}),
    # The list's PDF names only who consented: public. The sheet of badges is the desk's.
    "registration_document": Case(PUBLIC, kwargs=lambda w: {"pk": w.registration_document("list").pk}),
    "registration_document [badges]": Case(EXPECT(anonymous=NOT_FOUND, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=FORBIDDEN, secretariat=OK, admin=OK, sid=FORBIDDEN, half=NOT_FOUND, staff=FORBIDDEN), kwargs=lambda w: {"pk": w.registration_document("badges").pk}),
    # Heads (and focal points) nominate for their own delegation; the secretariat for any.
    "registration_nominations": Case(EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=OK, secretariat=OK, admin=OK, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN), kwargs=lambda w: {"slug": w.meeting.slug}),
    "registration_self": Case(EXPECT(anonymous=LOGIN, delegate_a=OK, delegate_b=OK, head_a=OK, secretariat=FORBIDDEN, admin=FORBIDDEN, sid=FORBIDDEN, half=LOGIN, staff=FORBIDDEN), kwargs=lambda w: {"slug": w.meeting.slug}),
    # Without a file: those who may upload are sent back to the page with the refusal.
    "registration_letter_upload": Case(EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=REDIRECT, secretariat=REDIRECT, admin=REDIRECT, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN), kwargs=lambda w: {"slug": w.meeting.slug}, method="post"),
    # Delegation A's letter: its members and the secretariat.
    "registration_letter": Case(EXPECT(anonymous=LOGIN, delegate_a=OK, delegate_b=FORBIDDEN, head_a=OK, secretariat=OK, admin=OK, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN), kwargs=lambda w: {"pk": w.letter.pk}),
    "registration_focal_point": Case(EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=REDIRECT, secretariat=REDIRECT, admin=REDIRECT, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN), kwargs=lambda w: {"slug": w.delegation_a.slug}, method="post", data={"member": "0"}),
    "registration_confirm": Case(EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=REDIRECT, secretariat=REDIRECT, admin=REDIRECT, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN), kwargs=lambda w: {"pk": w.new_registration(status="pending").pk}, method="post"),
    "registration_withdraw": Case(EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=REDIRECT, secretariat=REDIRECT, admin=REDIRECT, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN), kwargs=lambda w: {"pk": w.new_registration().pk}, method="post"),
    # Alice's own registration (delegation A, accredited, with a photo): personal data for
    # her, her head and the secretariat.
    "registration_photo": Case(EXPECT(anonymous=LOGIN, delegate_a=OK, delegate_b=FORBIDDEN, head_a=OK, secretariat=OK, admin=OK, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN), kwargs=lambda w: {"pk": w.registration.pk}),
    "registration_badge": Case(EXPECT(anonymous=LOGIN, delegate_a=OK, delegate_b=FORBIDDEN, head_a=OK, secretariat=OK, admin=OK, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN), kwargs=lambda w: {"pk": w.registration.pk}),
    "registration_desk": Case(SECRETARIAT),
    "registration_desk_register": Case(SECRETARIAT),
    "registration_desk_windows": Case(SECRETARIAT),
    "registration_desk_detail": Case(SECRETARIAT, kwargs=lambda w: {"pk": w.registration.pk}),
    "registration_desk_export": Case(SECRETARIAT, kwargs={"fmt": "csv"}),
    "registration_desk_export [xlsx]": Case(SECRETARIAT, kwargs={"fmt": "xlsx"}),
    # A rejection without a reason: refused by the form, back to the desk.
    "registration_desk_decide": Case(SECRETARIAT_POST, method="post", data={"registrations": ["1"], "decision": "reject"}),
    "registration_desk_document": Case(SECRETARIAT_POST, method="post", data={}),
    "registration_check_in": Case(SECRETARIAT),
    "api-meeting-participants": Case(PUBLIC, kwargs=lambda w: {"pk": w.meeting.pk}),
    # Each account sees what it may (its own, its delegation's, all): a list for everyone.
    "api-meeting-registrations": Case(EXPECT(anonymous=UNAUTHENTICATED, delegate_a=OK, delegate_b=OK, head_a=OK, secretariat=OK, admin=OK, sid=OK, half=UNAUTHENTICATED, staff=OK), kwargs=lambda w: {"pk": w.meeting.pk}),
    # Hannah nominates for A; the secretariat must name a delegation or an organisation (400).
    "api-meeting-registrations [post]": Case(EXPECT(anonymous=UNAUTHENTICATED, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=201, secretariat=400, admin=400, sid=FORBIDDEN, half=UNAUTHENTICATED, staff=FORBIDDEN), kwargs=lambda w: {"pk": w.meeting.pk}, method="post", data={"title": "ms", "given_name": "Matrix", "family_name": "Nominee", "function": "Adviser", "email": "matrix-nominee@example.org"}),
    "api-registration-detail": Case(EXPECT(anonymous=UNAUTHENTICATED, delegate_a=OK, delegate_b=NOT_FOUND, head_a=OK, secretariat=OK, admin=OK, sid=NOT_FOUND, half=UNAUTHENTICATED, staff=NOT_FOUND), kwargs=lambda w: {"pk": w.registration.pk}),
    "api-registration-badge": Case(EXPECT(anonymous=UNAUTHENTICATED, delegate_a=OK, delegate_b=NOT_FOUND, head_a=OK, secretariat=OK, admin=OK, sid=NOT_FOUND, half=UNAUTHENTICATED, staff=NOT_FOUND), kwargs=lambda w: {"pk": w.registration.pk}),
    # Deciding is the secretariat's; the head sees the registration but may not decide.
    "api-registration-accredit": Case(EXPECT(anonymous=UNAUTHENTICATED, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND, head_a=FORBIDDEN, secretariat=OK, admin=OK, sid=NOT_FOUND, half=UNAUTHENTICATED, staff=NOT_FOUND), kwargs=lambda w: {"pk": w.new_registration().pk}, method="post"),
    "api-registration-reject": Case(EXPECT(anonymous=UNAUTHENTICATED, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND, head_a=FORBIDDEN, secretariat=OK, admin=OK, sid=NOT_FOUND, half=UNAUTHENTICATED, staff=NOT_FOUND), kwargs=lambda w: {"pk": w.new_registration().pk}, method="post", data={"reason": "No letter."}),
    # A code that is no badge: the secretariat is told so (404); nobody else may ask.
    # --- the document register (issue #28): public reads, the secretariat issues
    "register:meeting": Case(PUBLIC, kwargs=lambda w: {"slug": w.meeting.slug}),
    "register:feed": Case(PUBLIC, kwargs=lambda w: {"slug": w.meeting.slug}),
    "register:issued_today": Case(PUBLIC, kwargs=lambda w: {"slug": w.meeting.slug}),
    "register:issued": Case(PUBLIC, kwargs=lambda w: {"slug": w.meeting.slug, "day": "2026-02-25"}),
    "register:document": Case(PUBLIC, kwargs=lambda w: {"slug": w.meeting.slug, "pk": w.register_document.pk}),
    "register:download": Case(PUBLIC, kwargs=lambda w: {"slug": w.meeting.slug, "pk": w.register_document.pk, "language": "ru"}),
    "register:issue": Case(SECRETARIAT, kwargs=lambda w: {"slug": w.meeting.slug}),
    # Without a title or a file: the secretariat passes the gate and gets the form's refusal.
    "register:issue [post]": Case(EXPECT(anonymous=LOGIN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=FORBIDDEN, secretariat=400, admin=400, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN), kwargs=lambda w: {"slug": w.meeting.slug}, method="post", data={"series": "INF"}),
    "register:version_add": Case(SECRETARIAT, kwargs=lambda w: {"slug": w.meeting.slug, "pk": w.register_document.pk}),
    "api-meeting-documents": Case(PUBLIC, kwargs=lambda w: {"pk": w.meeting.pk}),
    "api-meeting-documents [post]": Case(EXPECT(anonymous=UNAUTHENTICATED, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=FORBIDDEN, secretariat=400, admin=400, sid=FORBIDDEN, half=UNAUTHENTICATED, staff=FORBIDDEN), kwargs=lambda w: {"pk": w.meeting.pk}, method="post", data={"series": "INF"}),
    # --- subscriptions (issue #28): one's own only; someone else's does not exist (404)
    "subscription_list": Case(LOGGED_IN),
    "subscription_follow": Case(EXPECT(anonymous=LOGIN, delegate_a=REDIRECT, delegate_b=REDIRECT, head_a=REDIRECT, secretariat=REDIRECT, admin=REDIRECT, sid=REDIRECT, half=LOGIN, staff=REDIRECT), method="post", data={"target_type": "meeting", "target": 1, "frequency": "daily"}),
    "subscription_frequency": Case(EXPECT(anonymous=LOGIN, delegate_a=REDIRECT, delegate_b=NOT_FOUND, head_a=NOT_FOUND, secretariat=NOT_FOUND, admin=NOT_FOUND, sid=NOT_FOUND, half=LOGIN, staff=NOT_FOUND), kwargs=lambda w: {"pk": _alices_subscription(w).pk}, method="post", data={"frequency": "daily"}),
    "subscription_unfollow": Case(EXPECT(anonymous=LOGIN, delegate_a=REDIRECT, delegate_b=NOT_FOUND, head_a=NOT_FOUND, secretariat=NOT_FOUND, admin=NOT_FOUND, sid=NOT_FOUND, half=LOGIN, staff=NOT_FOUND), kwargs=lambda w: {"pk": _alices_subscription(w).pk}, method="post"),
    # The link in a mail: no login, the signature is the credential.
    "unsubscribe": Case(PUBLIC, kwargs=lambda w: {"token": unsubscribe_token(_alices_subscription(w))}),
    "api-subscription-list": Case(EXPECT(anonymous=UNAUTHENTICATED, delegate_a=OK, delegate_b=OK, head_a=OK, secretariat=OK, admin=OK, sid=OK, half=UNAUTHENTICATED, staff=OK)),
    "api-subscription-detail": Case(EXPECT(anonymous=UNAUTHENTICATED, delegate_a=204, delegate_b=NOT_FOUND, head_a=NOT_FOUND, secretariat=NOT_FOUND, admin=NOT_FOUND, sid=NOT_FOUND, half=UNAUTHENTICATED, staff=NOT_FOUND), kwargs=lambda w: {"pk": _alices_subscription(w).pk}, method="delete"),
    "api-check-in": Case(EXPECT(anonymous=UNAUTHENTICATED, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=FORBIDDEN, secretariat=NOT_FOUND, admin=NOT_FOUND, sid=FORBIDDEN, half=UNAUTHENTICATED, staff=FORBIDDEN), method="post", data={"code": "not-a-badge"}),
    # --- calls for written inputs (issue 28, part 2): the call is public; Hannah (head of A)
    # submits; Alice's delegation sees its receipt; the secretariat opens, lists, publishes.
    "call_detail": Case(PUBLIC, kwargs=lambda w: {"pk": w.call.pk}),
    "call_detail [post]": Case(EXPECT(anonymous=FORBIDDEN, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=REDIRECT, secretariat=FORBIDDEN, admin=FORBIDDEN, sid=FORBIDDEN, half=FORBIDDEN, staff=FORBIDDEN), kwargs=lambda w: {"pk": w.call.pk}, method="post", data={"text": "Matrix."}),
    "call_new": Case(SECRETARIAT, kwargs=lambda w: {"slug": w.meeting.slug}),
    # Before its deadline the call is not published: back to its page with the reason.
    "call_publish": Case(SECRETARIAT_POST, kwargs=lambda w: {"pk": w.call.pk}, method="post"),
    "submission_receipt": Case(EXPECT(anonymous=LOGIN, delegate_a=OK, delegate_b=FORBIDDEN, head_a=OK, secretariat=OK, admin=OK, sid=REDIRECT, half=LOGIN, staff=FORBIDDEN), kwargs=lambda w: {"pk": w.submission.pk}),
    # The original PDF: its delegation and the secretariat until the call is published.
    "submission_file": Case(EXPECT(anonymous=FORBIDDEN, delegate_a=OK, delegate_b=FORBIDDEN, head_a=OK, secretariat=OK, admin=OK, sid=FORBIDDEN, half=FORBIDDEN, staff=FORBIDDEN), kwargs=lambda w: {"pk": w.submission.pk}),
    "api-meeting-calls": Case(PUBLIC, kwargs=lambda w: {"pk": w.meeting.pk}),
    "api-meeting-calls [post]": Case(EXPECT(anonymous=UNAUTHENTICATED, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=FORBIDDEN, secretariat=201, admin=201, sid=FORBIDDEN, half=UNAUTHENTICATED, staff=FORBIDDEN), kwargs=lambda w: {"pk": w.meeting.pk}, method="post", data={"subject": "Matrix", "deadline": "2099-01-01T18:00:00+05:00", "who": "all"}),
    "api-call-detail": Case(PUBLIC, kwargs=lambda w: {"pk": w.call.pk}),
    "api-call-submissions": Case(API_SECRETARIAT, kwargs=lambda w: {"pk": w.call.pk}),
    "api-call-submissions [post]": Case(EXPECT(anonymous=UNAUTHENTICATED, delegate_a=FORBIDDEN, delegate_b=FORBIDDEN, head_a=201, secretariat=FORBIDDEN, admin=FORBIDDEN, sid=FORBIDDEN, half=UNAUTHENTICATED, staff=FORBIDDEN), kwargs=lambda w: {"pk": w.call.pk}, method="post", data={"text": "Matrix."}),
}

def _alices_subscription(w):
    """Alice follows the meeting (again, for a route that ends it)."""
    return Subscription.objects.get_or_create(
        user=w.users["delegate_a"], target_type="meeting", meeting=w.meeting
    )[0]


# --- allauth (django-allauth's own routes). Sign-up is closed: the page says so.
# A password-only session is in the middle of its login: allauth sends it on to the second
# factor, and shows it the (closed) sign-up page like anyone not logged in.
ALLAUTH_ENTRANCE = {
    "account_login": REDIRECT,
    "account_signup": OK,
}
ALLAUTH_CASES: dict[str, Case] = {
    "account_logout": Case(
        EXPECT(anonymous=REDIRECT, delegate_a=REDIRECT, delegate_b=REDIRECT, head_a=REDIRECT, secretariat=REDIRECT, admin=REDIRECT, sid=REDIRECT, half=REDIRECT, staff=REDIRECT),
        method="post",
    ),
    "account_inactive": Case(PUBLIC),
    "account_reset_password": Case(PUBLIC),
    "account_reset_password_done": Case(PUBLIC),
    "account_reset_password_from_key_done": Case(PUBLIC),
    "account_email_verification_sent": Case(PUBLIC),
    "account_confirm_email": Case(PUBLIC, kwargs={"key": "not-a-key"}),
    "account_reset_password_from_key": Case(PUBLIC, kwargs={"uidb36": "0", "key": "not-a-key"}),
    # Only during a login by e-mailed code (not enabled): others are sent away.
    "account_confirm_login_code": Case(
        EXPECT(anonymous=LOGIN, delegate_a=REDIRECT, delegate_b=REDIRECT, head_a=REDIRECT, secretariat=REDIRECT, admin=REDIRECT, sid=REDIRECT, half=LOGIN, staff=REDIRECT)
    ),
    "account_reauthenticate": Case(LOGGED_IN),
    "account_request_reauthentication_code": Case(
        EXPECT(anonymous=LOGIN, delegate_a=REDIRECT, delegate_b=REDIRECT, head_a=REDIRECT, secretariat=REDIRECT, admin=REDIRECT, sid=REDIRECT, half=LOGIN, staff=REDIRECT)
    ),
    "account_confirm_reauthentication_code": Case(
        EXPECT(anonymous=LOGIN, delegate_a=REDIRECT, delegate_b=REDIRECT, head_a=REDIRECT, secretariat=REDIRECT, admin=REDIRECT, sid=REDIRECT, half=LOGIN, staff=REDIRECT)
    ),
    "account_email": Case(LOGGED_IN),
    "account_change_password": Case(LOGGED_IN),
    "account_set_password": Case(
        # Everybody here has a password already: allauth sends them to "change password".
        EXPECT(anonymous=LOGIN, delegate_a=REDIRECT, delegate_b=REDIRECT, head_a=REDIRECT, secretariat=REDIRECT, admin=REDIRECT, sid=REDIRECT, half=LOGIN, staff=REDIRECT)
    ),
    # allauth.mfa
    "mfa_index": Case(LOGGED_IN),
    # Only during a login with a second factor: others are sent away.
    "mfa_authenticate": Case(
        EXPECT(anonymous=LOGIN, delegate_a=REDIRECT, delegate_b=REDIRECT, head_a=REDIRECT, secretariat=REDIRECT, admin=REDIRECT, sid=REDIRECT, half=OK, staff=REDIRECT)
    ),
    "mfa_reauthenticate": Case(
        EXPECT(anonymous=LOGIN, delegate_a=REDIRECT, delegate_b=REDIRECT, head_a=REDIRECT, secretariat=OK, admin=OK, sid=REDIRECT, half=LOGIN, staff=REDIRECT)
    ),
    # Setting up or changing a second factor asks for the password again first.
    "mfa_activate_totp": Case(
        EXPECT(anonymous=LOGIN, delegate_a=REDIRECT, delegate_b=REDIRECT, head_a=REDIRECT, secretariat=REDIRECT, admin=REDIRECT, sid=REDIRECT, half=LOGIN, staff=REDIRECT)
    ),
    "mfa_deactivate_totp": Case(
        EXPECT(anonymous=LOGIN, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND, head_a=NOT_FOUND, secretariat=REDIRECT, admin=REDIRECT, sid=NOT_FOUND, half=LOGIN, staff=NOT_FOUND)
    ),
    "mfa_view_recovery_codes": Case(
        EXPECT(anonymous=LOGIN, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND, head_a=NOT_FOUND, secretariat=REDIRECT, admin=REDIRECT, sid=NOT_FOUND, half=LOGIN, staff=NOT_FOUND)
    ),
    "mfa_generate_recovery_codes": Case(
        EXPECT(anonymous=LOGIN, delegate_a=REDIRECT, delegate_b=REDIRECT, head_a=REDIRECT, secretariat=REDIRECT, admin=REDIRECT, sid=REDIRECT, half=LOGIN, staff=REDIRECT)
    ),
    "mfa_download_recovery_codes": Case(
        EXPECT(anonymous=LOGIN, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND, head_a=NOT_FOUND, secretariat=REDIRECT, admin=REDIRECT, sid=NOT_FOUND, half=LOGIN, staff=NOT_FOUND)
    ),
}
for _name, _half in ALLAUTH_ENTRANCE.items():
    ALLAUTH_CASES[_name] = Case(EXPECT(anonymous=OK, delegate_a=REDIRECT, delegate_b=REDIRECT, head_a=REDIRECT, secretariat=REDIRECT, admin=REDIRECT, sid=REDIRECT, half=_half, staff=REDIRECT))
MATRIX.update(ALLAUTH_CASES)
# fmt: on


# --- Django admin: one rule for all its routes, object pages use an existing object.
ADMIN_OBJECT_SUFFIXES = ("_change", "_delete", "_history")


def _admin_model_for(name: str):
    """`delegations_membership_change` → the Membership model (None if not a model route)."""
    for model in apps.get_models():
        prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
        if name.startswith(prefix):
            return model
    return None


def admin_case(key: str, route: str) -> Case | None:
    """The rule for the Django admin; None for a route it does not know (→ test fails)."""
    name = key.removeprefix("admin:")
    if name == "login":
        return Case(
            EXPECT(
                anonymous=LOGIN,
                delegate_a=FORBIDDEN,
                delegate_b=FORBIDDEN,
                head_a=FORBIDDEN,
                secretariat=FORBIDDEN,
                admin=REDIRECT,
                sid=REDIRECT,
                half=LOGIN,
                staff=FORBIDDEN,
            )
        )
    if name == "logout":
        # The admin sends non-admins to its index (and so to the login) rather than log out.
        return Case(admin_gets(ALL(REDIRECT), OK), method="post")
    if name in ("index", "password_change", "password_change_done", "jsi18n"):
        return Case(ADMIN_ONLY)
    if name == "autocomplete":
        return Case(ADMIN_ONLY, query="app_label=delegations&model_name=membership&field_name=user")
    if name == "app_list":
        return Case(ADMIN_ONLY, kwargs={"app_label": "delegations"})
    if name == "view_on_site":
        return Case(
            admin_gets(ADMIN_ONLY, REDIRECT),
            kwargs=lambda w: {
                "content_type_id": ContentType.objects.get_for_model(w.initiative).pk,
                "object_id": w.initiative.pk,
            },
        )
    if name == "auth_user_password_change":
        return Case(ADMIN_ONLY, kwargs=lambda w: {"id": w.users["delegate_a"].pk})
    if name.endswith("_changelist") and _admin_model_for(name):
        return Case(ADMIN_ONLY)
    if name.endswith("_add") and _admin_model_for(name):
        model = _admin_model_for(name)

        def may_add(w):
            # Some models are never added from the admin (their ModelAdmin says so).
            request = RequestFactory().get("/")
            request.user = w.users["admin"]
            return (
                OK if django_admin.site._registry[model].has_add_permission(request) else FORBIDDEN
            )

        return Case(admin_gets(ADMIN_ONLY, _Lazy(may_add)))
    if name.endswith(ADMIN_OBJECT_SUFFIXES) and _admin_model_for(name):
        return _admin_object_case(_admin_model_for(name), name=name)
    if name.startswith("route:") and route.endswith("<path:object_id>/"):
        # The bare object URL redirects to the change page.
        model = _admin_model_for(route.split("/")[1] + "_" + route.split("/")[2] + "_")
        if model is not None:
            case = _admin_object_case(model, name=None, route=route)
            return Case(admin_gets(ADMIN_ONLY, REDIRECT), url=case.url)
    if name.startswith("route:") and route.endswith("(?P<url>.*)$"):
        return Case(admin_gets(ADMIN_ONLY, NOT_FOUND), url=lambda w: "/ru/admin/no-such-page/")
    return None


def _admin_object_case(model, *, name: str | None, route: str = "") -> Case:
    def first(w):
        return model._default_manager.order_by("pk").first()

    def object_id(w):
        instance = first(w)
        # No object of this model in the world: the admin says so with a redirect.
        return instance.pk if instance is not None else 0

    def expected_for_admin(w):
        instance = first(w)
        if name.endswith("_delete"):
            # Some models are never deleted from the admin (their ModelAdmin says so).
            request = RequestFactory().get("/")
            request.user = w.users["admin"]
            if not django_admin.site._registry[model].has_delete_permission(request, instance):
                return FORBIDDEN
        return OK if instance is not None else REDIRECT

    if name is None:
        app, model_name = model._meta.app_label, model._meta.model_name
        return Case(ADMIN_ONLY, url=lambda w: f"/ru/admin/{app}/{model_name}/{object_id(w)}/")
    return Case(
        admin_gets(ADMIN_ONLY, _Lazy(expected_for_admin)),
        kwargs=lambda w: {"object_id": object_id(w)},
    )


@dataclass(frozen=True)
class _Lazy:
    """An expected answer known only once the world exists."""

    compute: Callable[[SimpleNamespace], object]


# --- walking the URL conf


@dataclass(frozen=True)
class Route:
    key: str
    route: str
    i18n: bool


def _walk(resolver, prefix="", namespace="", i18n=False):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            is_locale = isinstance(entry.pattern, LocalePrefixPattern)
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}{entry.namespace}:"
            yield from _walk(
                entry,
                prefix + ("" if is_locale else str(entry.pattern)),
                ns,
                i18n or is_locale,
            )
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            key = f"{namespace}{entry.name}" if entry.name else f"{namespace}route:{route}"
            yield Route(key=key, route=route, i18n=i18n)


def url_routes() -> list[Route]:
    seen = {}
    for route in _walk(get_resolver()):
        seen.setdefault(route.key, route)
    return list(seen.values())


def case_for(route: Route) -> Case | None:
    if route.key in MATRIX:
        return MATRIX[route.key]
    if route.key.startswith("admin:"):
        return admin_case(route.key, route.route)
    if route.key.startswith("route:") and route.route.startswith("^media/"):
        # Served only with DEBUG on (never in production): a missing file is a 404.
        return Case(ALL(NOT_FOUND), url=lambda w: "/media/does-not-exist.txt")
    return None


# --- the world every request runs against


@pytest.fixture
def world(db, delegation_a, delegation_b):
    alice = MembershipFactory(user__email="alice@example.org", delegation=delegation_a).user
    bob = MembershipFactory(user__email="bob@example.org", delegation=delegation_b).user
    hannah = MembershipFactory(
        user__email="hannah@example.org", delegation=delegation_a, role="head"
    ).user
    sam = UserFactory(email="sam@secretariat.example.org", is_secretariat=True)
    ada = UserFactory(email="ada@example.org", is_superuser=True, is_staff=True)
    for person in (sam, ada):
        totp_enable(person)
    sid = UserFactory(email="sid@secretariat.example.org", is_secretariat=True)
    # Hal of the secretariat has TOTP; his session gets only as far as the password step.
    hal = UserFactory(email="hal@secretariat.example.org", is_secretariat=True)
    totp_enable(hal)
    stella = UserFactory(email="stella@example.org", is_staff=True)

    revision = RevisionFactory()
    ParagraphFactory.create_batch(3, revision=revision)
    published = revision_publish(revision=revision, user=sam, summary_en="First")
    draft = published.document.revisions.get(number=2)
    document_comment = comment_create(author=alice, revision=published, body="Support.")
    counter = iter(range(10_000))
    initiative = InitiativeFactory()
    meeting = Meeting.objects.create(
        summit=SummitFactory(),
        kind="preparatory",
        title_en="Almaty",
        place_en="Almaty",
        slug="almaty",
    )
    resolution = RevisionFactory(document__kind="resolution")
    ParagraphFactory.create_batch(2, revision=resolution, negotiation="agreed")
    resolution = revision_publish(revision=resolution, user=sam).document
    adopted = RevisionFactory()
    ParagraphFactory.create_batch(2, revision=adopted, negotiation="agreed")
    adopted = revision_publish(revision=adopted, user=sam).document
    document_adopt(
        document=adopted,
        user=sam,
        meeting=meeting,
        adopted_on=timezone.localdate(),
        method="consensus",
        final_symbol="RES-2026/DECL/99",
    )

    def new_invitation(delegation):
        return InvitationFactory(delegation=delegation, email=f"matrix-{next(counter)}@example.org")

    RegistrationWindow.objects.create(
        meeting=meeting,
        opens_at=timezone.now() - timedelta(days=1),
        closes_at=timezone.now() + timedelta(days=10),
    )

    def new_registration(status="nominated", **extra):
        values = {
            "meeting": meeting,
            "delegation": delegation_a,
            "category": "state",
            "title": "ms",
            "given_name": "Ann",
            "family_name": "Lee",
            "function": "Adviser",
            "email": f"registration-{next(counter)}@example.org",
            "status": status,
        }
        return Registration.objects.create(**{**values, **extra})

    alices_registration = new_registration(status="accredited", user=alice, email=alice.email)
    photo = photo_clean(ContentFile(_png(), name="photo.png"))
    alices_registration.photo.save(photo.name, photo)
    letter = NominationLetter(meeting=meeting, delegation=delegation_a, uploaded_by=hannah)
    letter.file.save("matrix-letter.pdf", ContentFile(b"%PDF-1.4 matrix"))

    call = Call.objects.create(
        meeting=meeting,
        subject_en="Matrix call",
        deadline=timezone.now() + timedelta(days=5),
        who="all",
        opened_by=sam,
    )
    submission = submission_submit(
        call=call,
        user=hannah,
        text="Delegation A's view.",
        file=SimpleUploadedFile("view.pdf", _pdf()),
    )

    def registration_document(kind):
        document = RegistrationDocument(meeting=meeting, kind=kind, language="ru", status="ready")
        document.file.save(f"matrix-{kind}.pdf", ContentFile(b"%PDF-1.4 matrix"))
        return document

    register_document = document_issue(
        meeting=meeting,
        series="INF",
        title_ru="Записка",
        title_en="Note",
        files={"ru": ContentFile(_pdf(), name="note.pdf")},
        by=sam,
    )

    return SimpleNamespace(
        register_document=register_document,
        users={
            "anonymous": None,
            "delegate_a": alice,
            "delegate_b": bob,
            "head_a": hannah,
            "secretariat": sam,
            "admin": ada,
            "sid": sid,
            "half": hal,
            "staff": stella,
        },
        delegation_a=delegation_a,
        delegation_b=delegation_b,
        other_delegation=DelegationFactory(),
        initiative=initiative,
        section=initiative.sections.create(kind="objectives", body_en="Aims", body_ru="Цели"),
        indicator=Indicator.objects.create(
            output=Output.objects.create(
                outcome=initiative.outcomes.create(title_en="Outcome", title_ru="Итог"),
                title_en="Output",
                title_ru="Продукт",
            ),
            title_en="Area",
            title_ru="Площадь",
            unit_en="ha",
            unit_ru="га",
        ),
        new_funding_entry=lambda: initiative.funding.create(
            source=delegation_a, amount=1, status="pledged"
        ),
        meeting=meeting,
        call=call,
        submission=submission,
        resolution=resolution,
        adopted=adopted,
        document=published.document,
        comment=document_comment,
        draft_key=draft.paragraphs.first().key,
        new_comment=lambda **extra: comment_create(
            author=alice, revision=published, body="A point.", **extra
        ),
        new_draft_paragraph=lambda: ParagraphFactory(revision=draft, position=99),
        # Rendered here, once; every other request is served from storage.
        pdf_job=lambda revision: pdf_job_render(
            job_id=pdf_job_request(revision=revision, language="ru", user=sam, enqueue=False).pk
        ),
        # A row of its own (not the shared job of the PDF routes), so who asked first is known.
        alices_pdf_job=lambda: PdfJob.objects.get_or_create(
            revision=published,
            language="en",
            template_version="matrix",
            source_digest="alice",
            defaults={"requested_by": alice},
        )[0],
        anonymous_pdf_job_url=lambda web=False: anonymous_pdf_job_url(published, web=web),
        published_key=published.paragraphs.first().key,
        published=published,
        draft=draft,
        new_invitation=new_invitation,
        new_member=lambda delegation: MembershipFactory(delegation=delegation),
        registration=alices_registration,
        new_registration=new_registration,
        letter=letter,
        registration_document=registration_document,
    )


def _pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=100, height=100)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (60, 80), (10, 90, 160)).save(out, format="PNG")
    return out.getvalue()


def _pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def anonymous_pdf_job_url(published, *, web: bool = False) -> str:
    """The status URL (the API's, or the web page's) an anonymous client is given."""
    job = PdfJob.objects.get_or_create(
        revision=published, language="en", template_version="matrix", source_digest="anonymous"
    )[0]
    key = pdf_job_requester_key(job, None)
    name = "pdf_job_status" if web else "api-pdf-job-detail"
    return reverse(name, kwargs={"pk": job.pk}) + f"?key={key}"


def _answer(response):
    if response.status_code in (301, 302, 303, 307, 308):
        location = response["Location"]
        return LOGIN if "/login/" in location.split("?")[0] else REDIRECT
    return response.status_code


def _url(case: Case, key: str, world) -> str:
    if case.url is not None:
        return case.url(world)
    kwargs = case.kwargs(world) if callable(case.kwargs) else case.kwargs
    name = key.split(" [")[0]
    url = reverse(name, kwargs=kwargs)
    return f"{url}?{case.query}" if case.query else url


def _password_step_only(client: Client, user) -> None:
    """Log in through allauth with the right password and stop at the TOTP step."""
    cache.clear()  # one login per request of the matrix: stay under allauth's rate limit
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session


def _ask(case: Case, key: str, world, role: str):
    client = Client()
    user = world.users[role]
    if role == "half":
        _password_step_only(client, user)
    elif user is not None:
        client.force_login(user)
    url = _url(case, key, world)
    if case.method in ("put", "patch"):  # the test client sends these raw: say it is JSON
        response = getattr(client, case.method)(
            url, case.data or {}, content_type="application/json"
        )
    else:
        response = getattr(client, case.method)(url, case.data or {})
    return url, _answer(response)


def test_every_url_pattern_is_in_the_matrix():
    missing = [f"{route.key}  ({route.route})" for route in url_routes() if case_for(route) is None]
    assert not missing, (
        "These URL patterns have no entry in tests/test_permission_matrix.py (add them to "
        "MATRIX with the expected answer for each role):\n  " + "\n  ".join(missing)
    )


def test_matrix_has_no_stale_entries():
    keys = {route.key for route in url_routes()}
    stale = [key for key in MATRIX if key.split(" [")[0] not in keys]
    assert not stale, f"MATRIX entries for routes that no longer exist: {stale}"


def test_every_route_answers_every_role_as_the_matrix_says(world):
    cache.clear()  # allauth's rate limits live in the cache
    cases: list[tuple[str, Case]] = []
    for route in url_routes():
        case = case_for(route)
        if case is not None:
            cases.append((route.key, case))
    # Extra rows ("name [variant]") test one route with other objects.
    cases += [(key, case) for key, case in MATRIX.items() if " [" in key]

    wrong, table = [], []
    for key, case in cases:
        row = []
        for role, expected in zip(ROLES, case.expect, strict=True):
            if isinstance(expected, _Lazy):
                expected = expected.compute(world)
            url, answer = _ask(case, key, world, role)
            row.append(answer)
            if answer != expected:
                wrong.append(f"{key:<45} {role:<12} expected {expected!s:<9} got {answer}  {url}")
        table.append(f"{key:<45} " + " ".join(f"{a!s:<9}" for a in row))
    if os.environ.get("MATRIX_PRINT"):
        print("\n" + f"{'route':<45} " + " ".join(f"{r[:9]:<9}" for r in ROLES))
        print("\n".join(table))
    assert not wrong, "Answers that differ from the matrix:\n" + "\n".join(wrong)


def test_english_urls_answer_like_the_russian_ones(world):
    """The same rules hold under /en/ (the matrix above asks under /ru/, the default)."""
    cache.clear()
    wrong = []
    for route in url_routes():
        case = case_for(route)
        if not route.i18n or case is None or case.url is not None:
            continue
        for role in ("anonymous", "delegate_a"):
            expected = case.expect[ROLES.index(role)]
            if isinstance(expected, _Lazy):
                expected = expected.compute(world)
            with translation.override("en"):
                url, answer = _ask(case, route.key, world, role)
            assert url.startswith("/en/"), url
            if answer != expected:
                wrong.append(f"{route.key:<45} {role:<12} expected {expected!s:<9} got {answer}")
    assert not wrong, "Answers under /en/ that differ from the matrix:\n" + "\n".join(wrong)
