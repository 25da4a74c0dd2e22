"""An adopted document is listed under the symbol it is issued under, not its draft's, and in
Russian its status agrees with the document: a resolution or a declaration is «Принята»."""

import pytest
from django.core.management import call_command
from django.utils import translation

from delegations.models import Delegation
from drafts.models import OutcomeDocument

DRAFT_SYMBOL = "RES-2026/PREP/1/DRAFT"
FINAL_SYMBOL = "RES-2026/PREP/1"


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.DEBUG = False


def _listed(page: str) -> bool:
    return f'<span class="symbol">{FINAL_SYMBOL}</span>' in page and DRAFT_SYMBOL not in page


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_adopted_resolution_is_listed_with_its_final_symbol_everywhere(client, demo, lang):
    kz = Delegation.objects.get(slug="kazakhstan")
    pages = {
        "home": f"/{lang}/",
        "documents": f"/{lang}/documents/",
        "initiative": f"/{lang}/initiatives/green-shield/",
        "delegation": f"/{lang}/delegations/{kz.slug}/",
    }
    for name, path in pages.items():
        response = client.get(path)
        assert response.status_code == 200, name
        assert _listed(response.content.decode()), name


def test_the_api_list_keeps_the_draft_symbol_and_gives_the_final_one(client, demo):
    documents = client.get("/api/v1/documents/").json()["results"]
    adopted = next(d for d in documents if d["status"] == "adopted")

    assert adopted["symbol"] == DRAFT_SYMBOL
    assert adopted["final_symbol"] == FINAL_SYMBOL


def test_the_home_page_says_the_resolution_is_adopted_in_the_feminine(client, demo):
    page = client.get("/ru/").content.decode()

    assert f"{FINAL_SYMBOL}</span> — Принята" in page
    assert "Принят<" not in page and "— Принят\n" not in page


@pytest.mark.parametrize("kind", ["declaration", "resolution"])
def test_every_status_of_a_document_agrees_with_its_kind_in_russian(kind):
    labels = {
        "drafting": "Подготовка проекта",
        "consultation": "Консультации",
        "closed": "Закрыта для замечаний",
        "adopted": "Принята",
    }
    with translation.override("ru"):
        for status, label in labels.items():
            assert OutcomeDocument(kind=kind, status=status).get_status_display() == label
    with translation.override("en"):
        assert OutcomeDocument(kind=kind, status="adopted").get_status_display() == "Adopted"


def test_a_document_not_adopted_is_listed_under_its_own_symbol():
    document = OutcomeDocument(symbol="RES-2026/DECL/DRAFT", status="consultation")

    assert document.display_symbol == "RES-2026/DECL/DRAFT"


def test_the_document_list_reads_the_adoptions_in_the_same_query(
    client, demo, django_assert_max_num_queries
):
    client.get("/en/documents/")  # warm caches (sessions, content types)
    with django_assert_max_num_queries(6):
        client.get("/en/documents/")
