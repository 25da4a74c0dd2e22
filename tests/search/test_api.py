"""GET /api/v1/search/: its contract, paging like the API's other lists, and bad input as the
API's one JSON error."""

import pytest
from rest_framework.test import APIClient

from search.snippets import snippet

URL = "/api/v1/search/"


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def indexed(publish, reindex):
    publish(
        ("Восстановление деградированных земель;", "Calls for the restoration of degraded land;"),
        ("Охрана вод;", "Protects <script>alert(1)</script> waters & rivers;"),
        title=("Проект декларации", "Draft declaration"),
    )
    reindex()


def test_a_search_answers_results_with_kind_title_snippet_and_link(api, indexed):
    response = api.get(URL, {"q": "restore", "lang": "en"})

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1 and body["next"] is None and body["previous"] is None
    [result] = body["results"]
    assert result["kind"] == "paragraph"
    assert result["kind_label"] == "Paragraph"
    assert result["title"] == "OP1 · Draft declaration"
    assert "revision 1" in result["context"]
    assert result["snippet"] == "Calls for the <mark>restoration</mark> of degraded land;"
    assert result["url"].startswith("http://testserver/en/documents/")
    assert result["url"].endswith("/rev/1/#OP1")
    assert result["language"] == "en"
    assert api.get(result["url"]).status_code == 200


def test_the_language_comes_from_lang_or_accept_language(api, indexed):
    by_header = api.get(URL, {"q": "восстановлению"}, HTTP_ACCEPT_LANGUAGE="ru").json()
    assert by_header["results"][0]["snippet"] == (
        "<mark>Восстановление</mark> деградированных земель;"
    )
    assert by_header["results"][0]["title"] == "ОП1 · Проект декларации"
    assert api.get(URL, {"q": "восстановлению", "lang": "en"}).json()["count"] == 0
    assert api.get(URL, {"q": "restore"}, HTTP_ACCEPT_LANGUAGE="en").json()["count"] == 1


def test_user_text_in_a_snippet_is_escaped_and_only_mark_is_added(api, indexed):
    [result] = api.get(URL, {"q": "waters", "lang": "en"}).json()["results"]

    assert result["snippet"] == (
        "Protects &lt;script&gt;alert(1)&lt;/script&gt; <mark>waters</mark> &amp; rivers;"
    )


def test_kind_and_meeting_narrow_the_results(api, indexed):
    assert api.get(URL, {"q": "restore", "lang": "en", "type": "paragraph"}).json()["count"] == 1
    assert api.get(URL, {"q": "restore", "lang": "en", "type": "meeting"}).json()["count"] == 0
    assert api.get(URL, {"q": "restore", "lang": "en", "meeting": 1}).json()["count"] == 0


def test_results_are_paged_like_the_other_lists(api, publish, reindex):
    publish(*[(f"Охрана вод {n};", f"Waters {n};") for n in range(5)])
    reindex()

    first = api.get(URL, {"q": "water", "lang": "en", "page_size": 2}).json()
    last = api.get(URL, {"q": "water", "lang": "en", "page_size": 2, "page": 3}).json()

    assert first["count"] == 5 and len(first["results"]) == 2
    assert "page=2" in first["next"]
    assert len(last["results"]) == 1 and last["next"] is None
    assert api.get(URL, {"q": "water", "page": 4, "page_size": 2}).status_code == 404


@pytest.mark.parametrize(
    "params,field",
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "   "}, "q"),
        ({"q": "x" * 201}, "q"),
        ({"q": "a\x00b"}, "q"),
        ({"q": "water", "type": "comment"}, "type"),
        ({"q": "water", "type": ""}, "type"),
        ({"q": "water", "meeting": "0"}, "meeting"),
        ({"q": "water", "meeting": ""}, "meeting"),
        ({"q": "water", "meeting": "1.5"}, "meeting"),
        ({"q": "water", "meeting": str(2**63)}, "meeting"),
        ({"q": "water", "lang": "fr"}, "lang"),
        ({"q": "water", "page_size": "500"}, "page_size"),
    ],
)
def test_bad_input_is_a_400_in_the_one_error_format(api, db, params, field):
    response = api.get(URL, params)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400 and error["code"] == "invalid"
    assert field in error["fields"]


def test_an_empty_or_too_long_query_says_what_to_do(api, db):
    empty = api.get(URL, {"q": " "}, HTTP_ACCEPT_LANGUAGE="en").json()["error"]
    long = api.get(URL, {"q": "x" * 201}, HTTP_ACCEPT_LANGUAGE="en").json()["error"]

    assert empty["fields"]["q"] == ["Type at least one word to search for (q)."]
    assert long["fields"]["q"] == ["A search is at most 200 characters long."]


def test_a_query_of_200_characters_is_answered(api, db):
    assert api.get(URL, {"q": "вода " * 40}).status_code == 200


def test_the_search_is_in_the_schema(api, db):
    schema = api.get("/api/schema/?format=json").json()

    operation = schema["paths"]["/api/v1/search/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"q", "lang", "type", "meeting", "page", "page_size"} <= names
    assert "400" in operation["responses"]


def test_a_snippet_marks_every_form_in_a_window_around_the_matches():
    text = " ".join(["слово"] * 50 + ["деградацией", "и", "деградация"] + ["слово"] * 50)

    result = snippet(text, "ru", "деградации")

    assert result.startswith("… ") and result.endswith(" …")
    assert result.count("<mark>") == 2
    assert "<mark>деградацией</mark> и <mark>деградация</mark>" in result
