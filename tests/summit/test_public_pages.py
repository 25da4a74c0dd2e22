import pytest
from django.core.management import call_command


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("load_demo")


@pytest.mark.parametrize("lang,text", [("ru", "Зелёный щит"), ("en", "Green Shield")])
def test_home_shows_the_summit_and_its_initiatives_in_both_languages(client, demo, lang, text):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    assert text in response.content.decode()


def test_home_shows_the_almaty_meeting(client, demo):
    body = client.get("/en/").content.decode()
    assert "Almaty" in body
    assert "Preparatory meeting for RES-2026" in body


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
