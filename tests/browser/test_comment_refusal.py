"""A delegate who opens the comment page after the deadline is told so, on a phone and on a
desktop, in both languages: a refusal in view and a way back to the text, not a form that
cannot be sent (and not a server error, as before)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from drafts.models import OutcomeDocument
from tests.browser.test_consultation_journey import DELEGATE, log_in, signed_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width,height", [(390, 844), (1366, 768)])
def test_a_closed_consultation_refuses_the_comment_page_in_view(
    browser, demo_site, shot, axe, width, height
):
    document = OutcomeDocument.objects.get(slug="declaration")
    OutcomeDocument.objects.filter(pk=document.pk).update(
        comment_deadline=timezone.now() - timedelta(hours=1)
    )
    revision = document.revisions.filter(state="published").order_by("-number").first()
    context = browser.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(10_000)
    page = context.new_page()
    log_in(page, demo_site, DELEGATE)
    page.wait_for_url(lambda url: signed_in(url))

    for lang, refusal, back in (
        (
            "ru",
            "Консультация по этому документу закрыта: замечания больше не принимаются.",
            "Вернуться к тексту",
        ),
        (
            "en",
            "The consultation on this document is closed: comments are no longer accepted.",
            "Back to the text",
        ),
    ):
        response = page.goto(
            f"{demo_site.url}/{lang}/documents/declaration/rev/{revision.number}/comment/"
        )
        assert response.status == 403
        alert = page.get_by_role("alert")
        assert alert.inner_text().strip() == refusal
        assert alert.is_visible() and alert.bounding_box()["y"] < height
        assert page.locator("textarea").count() == 0
        assert page.get_by_role("link", name=back).is_visible()
        assert axe(page) == []
        shot(page, f"refusal-{lang}-{width}")
    context.close()
