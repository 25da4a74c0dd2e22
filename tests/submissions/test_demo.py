import pytest
from django.core.management import call_command

from submissions.models import Call


@pytest.mark.django_db
def test_the_demo_has_one_open_call_on_the_almaty_meeting_marked_as_an_example(settings, client):
    settings.DEBUG = True
    settings.DEMO_PASSWORD = "demo-pass-2026"
    call_command("load_demo")
    call_command("load_demo")  # a second run adds nothing
    call = Call.objects.get()
    assert call.meeting.slug == "almaty-preparatory-2026"
    assert call.is_open()
    assert call.subject_en.startswith("[Demo text] Example call")
    assert call.subject_ru.startswith("[Демонстрационный текст] Пример призыва")
    page = client.get("/en/programme/almaty-preparatory-2026/").content.decode()
    assert "Calls for written inputs" in page
    assert f"/en/calls/{call.pk}/" in page
