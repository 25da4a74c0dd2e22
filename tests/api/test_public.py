"""The public reads: summits, meetings, initiatives, delegations, outcome documents."""

from decimal import Decimal

import pytest
from rest_framework.throttling import AnonRateThrottle

from initiatives.models import FundingEntry, Section, Tag
from programme.models import AgendaItem, Meeting
from tests.factories import (
    DelegationFactory,
    InitiativeFactory,
    MembershipFactory,
    OutcomeDocumentFactory,
    ParagraphFactory,
    RevisionFactory,
    SummitFactory,
)

ROLES = ["anonymous", "alice", "bob", "secretariat"]


@pytest.fixture
def meeting(db):
    meeting = Meeting.objects.create(
        summit=SummitFactory(),
        kind=Meeting.Kind.PREPARATORY,
        title_en="Preparatory meeting",
        title_ru="Подготовительная встреча",
        place_en="Almaty",
        place_ru="Алматы",
        slug="almaty",
    )
    AgendaItem.objects.create(meeting=meeting, position=1, title_en="Opening", title_ru="Открытие")
    return meeting


@pytest.fixture
def green_shield(delegation_a, delegation_b):
    initiative = InitiativeFactory(
        slug="green-shield", title_en="Green Shield", title_ru="Зелёный щит", status="preparation"
    )
    initiative.lead_delegation = delegation_a
    initiative.save()
    initiative.partners.add(delegation_b)
    initiative.tags.add(Tag.objects.create(kind="species", name_en="Snow leopard", slug="leopard"))
    Section.objects.create(initiative=initiative, kind="background", body_en="Mountains.")
    for amount, status in [(100, "pledged"), (50, "pledged"), (30, "disbursed")]:
        FundingEntry.objects.create(
            initiative=initiative, source=delegation_b, amount=Decimal(amount), status=status
        )
    return initiative


@pytest.mark.parametrize("role", ROLES)
def test_everybody_reads_summits_and_meetings_with_their_agenda(clients, role, meeting):
    summits = clients[role].get("/api/v1/summits/").json()
    meetings = clients[role].get("/api/v1/meetings/").json()

    assert summits["count"] == 1
    assert summits["results"][0]["meetings"][0]["slug"] == "almaty"
    assert meetings["results"][0]["agenda_items"] == [
        {"position": 1, "title": "Opening", "description": ""}
    ]
    assert clients[role].get(f"/api/v1/meetings/{meeting.pk}/").status_code == 200
    assert clients[role].get(f"/api/v1/summits/{meeting.summit_id}/").status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_everybody_reads_initiatives_with_funding_totals_by_status(clients, role, green_shield):
    listed = clients[role].get("/api/v1/initiatives/").json()
    detail = clients[role].get("/api/v1/initiatives/green-shield/").json()

    assert listed["count"] == 1
    assert listed["results"][0]["funding_totals"] == [
        {"status": "pledged", "currency": "USD", "total": "150.00"},
        {"status": "disbursed", "currency": "USD", "total": "30.00"},
    ]
    assert detail["tags"] == [{"slug": "leopard", "kind": "species", "name": "Snow leopard"}]
    assert detail["sections"][0]["body"] == "Mountains."
    assert len(detail["funding"]) == 3
    assert detail["lead_delegation"]["iso_code"] == "KZ"


def test_initiatives_are_filtered_by_status_tag_and_delegation(anonymous, green_shield):
    InitiativeFactory(slug="harmony", status="concept")

    def slugs(query):
        return [i["slug"] for i in anonymous.get(f"/api/v1/initiatives/?{query}").json()["results"]]

    assert slugs("status=preparation") == ["green-shield"]
    assert slugs("tag=leopard") == ["green-shield"]
    assert slugs("delegation=uz") == ["green-shield"]  # a partner
    assert slugs("delegation=kz") == ["green-shield"]  # the lead
    assert slugs("ordering=-title") == ["harmony", "green-shield"]  # "Initiative …" > "Green …"


def test_translated_fields_follow_lang_then_accept_language(anonymous, green_shield):
    def title(**kwargs):
        return anonymous.get("/api/v1/initiatives/green-shield/", **kwargs).json()["title"]

    assert title(data={"lang": "ru"}) == "Зелёный щит"
    assert title(data={"lang": "en"}) == "Green Shield"
    assert title(HTTP_ACCEPT_LANGUAGE="en") == "Green Shield"
    assert title(HTTP_ACCEPT_LANGUAGE="ru") == "Зелёный щит"
    assert title(data={"lang": "en"}, HTTP_ACCEPT_LANGUAGE="ru") == "Green Shield"


def test_search_finds_initiatives_by_title_in_either_language(anonymous, green_shield):
    InitiativeFactory(slug="harmony", title_en="Harmony with Nature", title_ru="Гармония")

    def slugs(q):
        return [
            i["slug"]
            for i in anonymous.get("/api/v1/initiatives/", {"search": q}).json()["results"]
        ]

    assert slugs("shield") == ["green-shield"]
    assert slugs("Гармония") == ["harmony"]
    assert slugs("nothing-like-this") == []


def test_member_names_are_shown_only_to_logged_in_clients(clients, alice, bob):
    MembershipFactory(
        user__first_name="Carla",
        user__last_name="Head",
        role="head",
        delegation=alice.membership.delegation,
    )

    anonymous = clients["anonymous"].get("/api/v1/delegations/?country=KZ").json()
    logged_in = clients["bob"].get("/api/v1/delegations/?country=KZ").json()

    assert anonymous["results"][0]["members"] is None
    assert "Carla Head" in {m["name"] for m in logged_in["results"][0]["members"]}
    assert clients["anonymous"].get("/api/v1/delegations/").json()["count"] == 2


def test_delegations_are_filtered_by_kind(anonymous, delegation_a):
    DelegationFactory(kind="organisation", iso_code="", slug="undp", name_en="UNDP")

    organisations = anonymous.get("/api/v1/delegations/?kind=organisation").json()

    assert [d["slug"] for d in organisations["results"]] == ["undp"]


def test_public_reads_carry_an_etag_and_a_conditional_request_gets_304(anonymous, green_shield):
    first = anonymous.get("/api/v1/initiatives/")
    again = anonymous.get("/api/v1/initiatives/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200
    assert "public" in first["Cache-Control"] and "max-age=60" in first["Cache-Control"]
    assert "Accept-Language" in first["Vary"]
    assert again.status_code == 304
    assert again.content == b""

    green_shield.title_en = "Green Shield renamed"
    green_shield.save()
    changed = anonymous.get("/api/v1/initiatives/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200


def test_logged_in_reads_are_not_stored_by_shared_caches(as_alice, green_shield):
    response = as_alice.get("/api/v1/initiatives/")

    assert "private" in response["Cache-Control"]


def test_published_revision_has_last_modified_and_answers_if_modified_since(
    anonymous, published_revision
):
    url = f"/api/v1/documents/{published_revision.document_id}/revisions/1/"
    first = anonymous.get(url)

    assert first.status_code == 200
    assert first["Last-Modified"]
    assert anonymous.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304


def test_anonymous_clients_are_throttled_with_the_error_format(anonymous, monkeypatch, meeting):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})

    codes = [anonymous.get("/api/v1/meetings/").status_code for _ in range(3)]
    throttled = anonymous.get("/api/v1/meetings/")

    assert codes == [200, 200, 429]
    assert throttled.json()["error"]["code"] == "throttled"
    assert "Retry-After" in throttled


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("get", "/api/v1/no-such-thing/", 404, "not_found"),
        ("get", "/api/v1/initiatives/nope/", 404, "not_found"),
        ("post", "/api/v1/initiatives/", 405, "method_not_allowed"),
        ("get", "/api/v1/comments/", 401, "not_authenticated"),
        ("get", "/api/v1/initiatives/?page=99", 404, "not_found"),
    ],
)
def test_every_error_has_one_json_format(anonymous, db, method, path, status, code):
    response = getattr(anonymous, method)(path)

    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert error["status"] == status
    assert error["code"] == code
    assert error["message"]


def test_cors_allows_the_configured_public_site(anonymous, settings, meeting):
    settings.CORS_ALLOWED_ORIGINS = ["https://partner.example.org"]

    allowed = anonymous.get("/api/v1/meetings/", HTTP_ORIGIN="https://partner.example.org")
    other = anonymous.get("/api/v1/meetings/", HTTP_ORIGIN="https://evil.example.com")

    assert allowed["Access-Control-Allow-Origin"] == "https://partner.example.org"
    assert "Access-Control-Allow-Origin" not in other


@pytest.fixture
def documents(secretariat):
    """A published declaration, and a resolution that exists only as a draft."""
    from drafts.services import revision_publish

    declaration = RevisionFactory(
        document=OutcomeDocumentFactory(slug="declaration", title_en="Astana Declaration")
    )
    ParagraphFactory(revision=declaration, text_en="protects the snow leopard;")
    revision_publish(revision=declaration, user=secretariat)
    resolution = RevisionFactory(
        document=OutcomeDocumentFactory(
            slug="resolution", kind="resolution", title_en="Secret resolution"
        )
    )
    ParagraphFactory(revision=resolution, text_en="a confidential glacier fund;")
    return declaration.document, resolution.document


@pytest.mark.parametrize(
    ("role", "visible"),
    [
        ("anonymous", ["declaration"]),
        ("alice", ["declaration"]),
        ("bob", ["declaration"]),
        ("secretariat", ["declaration", "resolution"]),
    ],
)
def test_documents_list_only_what_the_client_may_read(clients, documents, role, visible):
    declaration, resolution = documents
    listed = clients[role].get("/api/v1/documents/").json()

    assert [d["slug"] for d in listed["results"]] == visible
    status = clients[role].get(f"/api/v1/documents/{resolution.pk}/").status_code
    assert status == (200 if role == "secretariat" else 404)
    revisions = clients[role].get(f"/api/v1/documents/{declaration.pk}/").json()["revisions"]
    states = [r["state"] for r in revisions]
    assert states == (["published", "draft"] if role == "secretariat" else ["published"])


def test_document_search_looks_in_paragraph_text_but_never_in_unpublished_drafts(
    anonymous, as_secretariat, documents
):
    def slugs(client, q, **extra):
        params = {"search": q, **extra}
        return [d["slug"] for d in client.get("/api/v1/documents/", params).json()["results"]]

    assert slugs(anonymous, "leopard") == ["declaration"]
    assert slugs(anonymous, "glacier") == []
    assert slugs(anonymous, "Secret") == []
    assert slugs(as_secretariat, "glacier") == ["resolution"]
    assert slugs(anonymous, "Astana", kind="declaration") == ["declaration"]
    assert slugs(anonymous, "Astana", kind="resolution") == []


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_list_read_from_rows_gives_each_initiative_as_its_serializer_gives_the_model(
    anonymous, green_shield, delegation_a, delegation_b, language
):
    # InitiativeListSerializer reads the list's rows and the detail's model instances alike:
    # both must give the same initiative.
    from django.utils import translation

    from initiatives.api.serializers import InitiativeDetailSerializer, InitiativeListSerializer
    from initiatives.selectors import initiative_detail_queryset

    # A second initiative: an English title left empty (the Russian one stands in), two
    # partners and two tags to keep in their order, funding in two currencies, no lead.
    other = InitiativeFactory(slug="harmony", title_en="", title_ru="Гармония", position=2)
    other.partners.add(delegation_b, delegation_a)
    other.tags.add(
        Tag.objects.create(kind="theme", name_en="Water", name_ru="Вода", slug="water"),
        Tag.objects.create(kind="species", name_en="Saxaul", name_ru="", slug="saxaul"),
    )
    for amount, currency in [(Decimal("10.5"), "EUR"), (Decimal("2"), "USD")]:
        FundingEntry.objects.create(
            initiative=other,
            source=delegation_a,
            amount=amount,
            currency=currency,
            status="pledged",
        )

    listed = anonymous.get("/api/v1/initiatives/", {"lang": language}).json()["results"]
    with translation.override(language):
        declared = [
            InitiativeDetailSerializer(initiative).data
            for initiative in initiative_detail_queryset().order_by("position", "title")
        ]

    assert [i["slug"] for i in listed] == ["green-shield", "harmony"]
    fields = InitiativeListSerializer.Meta.fields
    assert listed == [{key: initiative[key] for key in fields} for initiative in declared]
    harmony = listed[1]
    assert [p["slug"] for p in harmony["partners"]] == ["kz", "uz"]
    # By kind, then name; an empty Russian name falls back to the English one.
    assert [t["name"] for t in harmony["tags"]] == (
        ["Saxaul", "Water"] if language == "en" else ["Saxaul", "Вода"]
    )
    assert harmony["funding_totals"] == [
        {"status": "pledged", "currency": "EUR", "total": "10.50"},
        {"status": "pledged", "currency": "USD", "total": "2.00"},
    ]
    if language == "en":
        assert harmony["title"] == "Гармония"


def test_anonymous_reads_are_kept_briefly_per_language_but_never_for_logged_in_clients(
    anonymous, as_alice, green_shield, settings, django_assert_num_queries
):
    settings.API_CACHE_SECONDS = 30
    first = anonymous.get("/api/v1/initiatives/green-shield/").json()
    green_shield.title_en = "Renamed"
    green_shield.save()

    with django_assert_num_queries(0):
        kept = anonymous.get("/api/v1/initiatives/green-shield/")
    russian = anonymous.get("/api/v1/initiatives/green-shield/?lang=ru").json()

    assert kept.json() == first
    assert kept["ETag"] and "public" in kept["Cache-Control"]
    assert russian["title"] == "Зелёный щит"
    assert as_alice.get("/api/v1/initiatives/green-shield/").json()["title"] == "Renamed"


def test_an_answer_from_the_cache_is_the_same_answer_and_still_counted_by_the_throttle(
    anonymous, green_shield, settings, monkeypatch, django_assert_num_queries
):
    from django.core.cache import cache

    settings.API_CACHE_SECONDS = 30
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    url = "/api/v1/initiatives/green-shield/"
    made = anonymous.get(url)

    stored = []
    monkeypatch.setattr(cache, "set", lambda *args, **kwargs: stored.append(args))
    with django_assert_num_queries(0):
        kept = anonymous.get(url)
        not_modified = anonymous.get(url, HTTP_IF_NONE_MATCH=made["ETag"])
    throttled = anonymous.get(url)

    assert kept.content == made.content
    for header in ("ETag", "Cache-Control", "Vary", "Content-Type", "Content-Security-Policy"):
        assert kept[header] == made[header], header
    assert not_modified.status_code == 304
    assert stored == []  # read, not stored again: it expires API_CACHE_SECONDS after it was made
    assert throttled.status_code == 429
    assert throttled.json()["error"]["code"] == "throttled"


def test_a_browser_with_a_session_is_never_answered_from_the_cache(alice, green_shield, settings):
    from rest_framework.test import APIClient

    settings.API_CACHE_SECONDS = 30
    APIClient(HTTP_ACCEPT_LANGUAGE="en").get("/api/v1/initiatives/green-shield/")  # kept
    green_shield.title_en = "Renamed"
    green_shield.save()
    browser = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    browser.force_login(alice)

    assert browser.get("/api/v1/initiatives/green-shield/").json()["title"] == "Renamed"


@pytest.mark.parametrize(
    ("role", "sees_names"),
    [("anonymous", False), ("alice", True), ("bob", True), ("secretariat", True)],
)
def test_delegations_for_each_role(clients, role, sees_names, alice):
    listed = clients[role].get("/api/v1/delegations/").json()["results"]
    kz = next(d for d in listed if d["iso_code"] == "KZ")
    detail = clients[role].get(f"/api/v1/delegations/{kz['id']}/").json()

    assert (kz["members"] is not None) == sees_names
    assert detail["members"] == kz["members"]
    if sees_names:
        assert {"name": str(alice), "role": "delegate"} in kz["members"]
