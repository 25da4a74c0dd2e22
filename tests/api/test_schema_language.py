"""The machine-readable schema is in English unless asked otherwise: a client generated from
it (openapi-python-client) gets English class, module and function names, whatever the
language of the request that downloaded it; Russian comes with ?lang=ru."""

import re

import pytest
import yaml

CYRILLIC = re.compile("[А-Яа-яЁё]")


def _walk(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{path}[{index}]")
    else:
        yield path, node


def _names(schema: dict) -> list[str]:
    """Everything a generator turns into an identifier: titles, component (enum) names,
    enum values, operationIds."""
    names = list(schema["components"]["schemas"])
    for path, value in _walk(schema):
        last = path.rsplit("/", 1)[-1]
        if last in ("title", "operationId") or re.search(r"/enum\[\d+\]$", path):
            names.append(str(value))
    return names


@pytest.mark.parametrize("accept_language", [None, "ru", "ru-RU,ru;q=0.9", "en"])
def test_the_default_schema_has_no_cyrillic_in_any_name(client, db, accept_language):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}

    response = client.get("/api/schema/?format=json", **headers)

    assert response.status_code == 200
    names = _names(response.json())
    assert len(names) > 100
    assert [name for name in names if CYRILLIC.search(name)] == []
    kinds = response.json()["paths"]["/api/v1/documents/"]["get"]["parameters"]
    assert "* `declaration` - Declaration\n* `resolution` - Resolution" in [
        p.get("description") for p in kinds
    ]
    assert response["Content-Language"] == "en"


def test_the_default_schema_is_english_as_yaml_too(client, db):
    response = client.get("/api/schema/", HTTP_ACCEPT_LANGUAGE="ru")

    schema = yaml.safe_load(response.content)
    assert "documents_list" in _names(schema)
    assert [name for name in _names(schema) if CYRILLIC.search(name)] == []
    # Only the Russian paragraph labels, quoted as examples, are in Cyrillic.
    described = [v for p, v in _walk(schema) if p.endswith("/description") and CYRILLIC.search(v)]
    assert all("ОП" in description for description in described)


def test_russian_comes_on_request_with_the_same_names(client, db):
    english = client.get("/api/schema/?format=json").json()
    russian = client.get("/api/schema/?format=json&lang=ru", HTTP_ACCEPT_LANGUAGE="en").json()

    titles = [value for path, value in _walk(russian) if path.endswith("/title")]
    assert "Вид" in titles
    assert list(russian["components"]["schemas"]) == list(english["components"]["schemas"])
    operation_ids = [
        [value for path, value in _walk(schema) if path.endswith("/operationId")]
        for schema in (english, russian)
    ]
    assert operation_ids[0] == operation_ids[1]
