"""The results page of the header's search box."""


def test_the_page_shows_results_in_its_language_with_escaped_snippets(client, publish, reindex):
    publish(("Охрана <script>alert(1)</script> вод;", "Protects <b>waters</b>;"))
    reindex()

    page = client.get("/ru/search/", {"q": "воды"}).content.decode()

    assert "Охрана &lt;script&gt;alert(1)&lt;/script&gt; <mark>вод</mark>;" in page
    assert "<script>alert(1)" not in page
    english = client.get("/en/search/", {"q": "water"}).content.decode()
    assert "Protects &lt;b&gt;<mark>waters</mark>&lt;/b&gt;;" in english


def test_nothing_in_the_pages_language_links_to_the_other_languages_results(
    client, publish, reindex
):
    publish(("Охрана вод;", "Calls for the restoration of forests;"))
    reindex()

    page = client.get("/ru/search/", {"q": "restoration"}).content.decode()

    assert "ничего не найдено" in page
    assert 'href="/en/search/?q=restoration"' in page


def test_a_query_too_long_is_refused_with_a_message(client, db):
    response = client.get("/en/search/", {"q": "x" * 201})

    assert response.status_code == 400
    assert "A search is at most 200 characters long." in response.content.decode()
    assert client.get("/en/search/").status_code == 200  # the empty form
