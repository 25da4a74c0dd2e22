import pytest
from django.core.management import call_command
from django.utils import translation


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("load_demo")


@pytest.mark.parametrize("lang,text", [("ru", "Зелёный щит"), ("en", "Green Shield")])
def test_home_shows_the_summit_and_its_initiatives_in_both_languages(client, demo, lang, text):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    assert text in response.content.decode()


def test_home_shows_the_next_meeting_once_almaty_is_over(client, demo):
    body = client.get("/en/").content.decode()
    assert "Next meeting" in body
    assert "Regional Ecological Summit of Central Asia (RES-2026)" in body
    assert "Preparatory meeting for RES-2026" not in body


def test_public_reads_a_published_revision_but_not_the_draft(client, demo):
    assert client.get("/en/documents/declaration/rev/1/").status_code == 200
    assert client.get("/en/documents/declaration/rev/2/").status_code == 404


def test_secretariat_reads_the_draft(client, demo):
    from accounts.models import User

    client.force_login(User.objects.get(email="secretariat@example.org"))
    assert client.get("/en/documents/declaration/rev/2/").status_code == 200


def test_initiative_page_shows_results_framework_and_funding(
    client, demo, django_assert_max_num_queries
):
    with django_assert_max_num_queries(15):
        response = client.get("/en/initiatives/green-shield/")
    body = response.content.decode()
    assert "Results framework" in body
    assert "Snow leopard" in body
    assert "Pledged" in body


def test_admin_asks_anonymous_users_to_log_in(client, db):
    response = client.get("/en/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize(
    "path,text",
    [
        ("/en/programme/", "Preparatory meeting for RES-2026"),
        ("/ru/programme/", "Подготовительная встреча к РЭС-2026"),
        (
            "/en/programme/almaty-preparatory-2026/",
            "Combating land degradation and desertification",
        ),
        ("/en/initiatives/", "Harmony with Nature"),
        ("/en/delegations/", "Kyrgyz Republic"),
        ("/ru/delegations/", "МСОП"),
        ("/en/documents/", "RES-2026/DECL/DRAFT"),
    ],
)
def test_public_pages_show_the_summit_facts(client, demo, path, text):
    response = client.get(path)
    assert response.status_code == 200
    assert text in response.content.decode()


def test_pages_link_to_the_same_page_in_the_other_language(client, demo):
    body = client.get("/en/initiatives/green-shield/").content.decode()
    assert 'hreflang="ru" href="/ru/initiatives/green-shield/"' in body
    assert '<meta property="og:title"' in body
    assert '<meta name="description" content="A regional initiative' in body


def test_sitemap_lists_public_pages_in_both_languages_but_no_draft(client, demo):
    body = client.get("/sitemap.xml").content.decode()
    assert "/ru/initiatives/green-shield/" in body
    assert "/en/documents/declaration/rev/1/" in body
    assert "/rev/2/" not in body


def test_funding_chart_shows_totals_by_status(client, demo):
    body = client.get("/en/initiatives/green-shield/").content.decode()
    assert "Funding totals by status" in body
    assert "Pledged: 100,000 USD" in body
    assert "Committed: 50,000 USD" in body


def test_a_delegation_lists_each_outcome_document_once_with_what_it_did(client, demo):
    from adoption.models import Sponsorship, Statement

    statement = Statement.objects.select_related("delegation", "document").first()
    Sponsorship.objects.get_or_create(document=statement.document, delegation=statement.delegation)
    with translation.override("en"):
        url = statement.delegation.get_absolute_url()
        kind = statement.get_kind_display()
    page = client.get(url).content.decode()
    assert page.count(f">{statement.document.display_symbol}</span>") == 1
    assert f"</span> — sponsor; {kind[:1].lower()}{kind[1:]}</li>" in page
