"""Random multipart bodies to the register's form and API: an answer below 500, always, and a
refused request issues nothing."""

import os

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token

from register.models import Document, LanguageVersion

from .conftest import PNG, docx_bytes, pdf_bytes

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
text = st.one_of(
    st.text(max_size=30),
    st.text(max_size=10).map(lambda t: t + "\x00"),
    st.sampled_from(
        [
            "INF",
            "CRP",
            "L",
            "MISC",
            "ru",
            "en",
            "revises",
            "adds_to",
            "1",
            "-1",
            "99999999999999999999",
            "",
            " ",
        ]
    ),
)
contents = st.one_of(
    st.binary(max_size=200),
    st.sampled_from([PNG, b"%PDF-1.7 broken", b"PK\x03\x04", pdf_bytes(), docx_bytes("x")]),
)
FIELDS = [
    "series",
    "title_ru",
    "title_en",
    "relation",
    "related",
    "agenda_item",
    "original_language",
    "original",
    "revises",
    "adds_to",
    "corrects",
    "language",
]
bodies = st.dictionaries(st.sampled_from(FIELDS), text, max_size=8)
files = st.dictionaries(st.sampled_from(["file_ru", "file_en", "file"]), contents, max_size=2)


def _multipart(body, uploads):
    return {
        **body,
        **{
            name: SimpleUploadedFile("f.pdf", data, "application/pdf")
            for name, data in uploads.items()
        },
    }


def test_random_bodies_to_the_issue_form_and_the_api_never_fail(almaty, secretariat, issue):
    document = issue("INF")
    web = Client()
    web.force_login(secretariat)
    api = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=secretariat).key}")
    targets = [
        (web, reverse("register:issue", args=[almaty.slug])),
        (web, reverse("register:version_add", args=[almaty.slug, document.pk])),
        (api, f"/api/v1/meetings/{almaty.pk}/documents/"),
    ]

    @FUZZ
    @given(body=bodies, uploads=files)
    def post(body, uploads):
        for client, url in targets:
            documents, versions = Document.objects.count(), LanguageVersion.objects.count()
            response = client.post(url, _multipart(body, uploads))
            assert response.status_code < 500, (url, body, response.status_code)
            if response.status_code not in (201, 302):
                assert Document.objects.count() == documents
                assert LanguageVersion.objects.count() == versions

    post()
