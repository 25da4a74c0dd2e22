import pytest
from django.core.management import CommandError, call_command

from accounts.models import User
from adoption.selectors import document_final
from delegations.models import Delegation
from drafts.models import OutcomeDocument, Paragraph, Revision
from initiatives.models import FundingEntry, Initiative
from programme.models import Meeting


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            User,
            Delegation,
            Meeting,
            Initiative,
            FundingEntry,
            OutcomeDocument,
            Revision,
            Paragraph,
        )
    }


@pytest.mark.django_db
def test_load_demo_builds_the_summit_and_a_second_run_changes_nothing(settings, capsys):
    settings.DEBUG = True
    settings.DEMO_PASSWORD = "demo-pass-2026"
    call_command("load_demo")
    first = _counts()
    snapshot = list(Paragraph.objects.order_by("pk").values_list("pk", "key", "text_en"))

    call_command("load_demo")

    assert _counts() == first
    assert list(Paragraph.objects.order_by("pk").values_list("pk", "key", "text_en")) == snapshot
    assert Meeting.objects.filter(place_en="Almaty", start_date="2026-02-25").exists()
    assert Delegation.objects.filter(kind="member_state").count() == 5
    assert set(Initiative.objects.values_list("title_en", flat=True)) == {
        "Green Shield",
        "Harmony with Nature for the Sustainable Development of the Region",
    }


@pytest.mark.django_db
def test_demo_documents_have_revision_1_published_and_revision_2_in_draft(settings):
    settings.DEBUG = True
    call_command("load_demo")

    for document in OutcomeDocument.objects.exclude(status="adopted"):
        states = dict(document.revisions.values_list("number", "state"))
        assert states == {1: "published", 2: "draft"}
        first = document.revisions.get(number=1)
        assert first.paragraphs.count() >= 12
        assert {"preambular", "operative"} <= set(first.paragraphs.values_list("kind", flat=True))
        assert all(p.text_ru and p.text_en for p in first.paragraphs.all())
        assert all("[Demo text]" in p.text_en for p in first.paragraphs.all())


@pytest.mark.django_db
def test_demo_accounts_log_in_with_the_demo_password(settings, client):
    settings.DEBUG = True
    settings.DEMO_PASSWORD = "demo-pass-2026"
    call_command("load_demo")

    for email in [
        "admin@example.org",
        "secretariat@example.org",
        "head-kz@example.org",
        "delegate-kz@example.org",
        "delegate-uz@example.org",
        "delegate-undp@example.org",
    ]:
        assert client.login(username=email, password="demo-pass-2026"), email
    assert User.objects.get(email="head-kz@example.org").membership.role == "head"
    assert User.objects.get(email="admin@example.org").is_superuser


@pytest.mark.django_db
def test_demo_data_is_refused_with_production_settings(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_demo")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_load_demo_sets_up_totp_for_the_secretariat_and_prints_the_same_secret_twice(
    settings, capsys
):
    from allauth.mfa.models import Authenticator

    settings.DEBUG = True
    call_command("load_demo")
    first = capsys.readouterr().out
    call_command("load_demo")
    second = capsys.readouterr().out

    secretariat = User.objects.get(email="secretariat@example.org")
    kinds = set(Authenticator.objects.filter(user=secretariat).values_list("type", flat=True))
    assert kinds == {"totp", "recovery_codes"}
    line = next(
        line for line in first.splitlines() if "secretariat@example.org" in line and "TOTP" in line
    )
    secret = line.split()[-1]
    assert len(secret) >= 32 and secret in second
    assert not User.objects.filter(is_staff=True, is_superuser=False).exists()


@pytest.mark.django_db
def test_the_demo_shows_a_resolution_adopted_at_the_almaty_meeting(settings):
    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")  # a second run adds nothing

    document = OutcomeDocument.objects.get(status="adopted")
    final = document_final(document)
    assert final.adoption.final_symbol == "RES-2026/PREP/1"
    assert final.adoption.meeting.slug == "almaty-preparatory-2026"
    assert "(demo)" in document.title_en
    assert all("[Demo text]" in p.text_en for p in final.revision.paragraphs.all())
    assert [(s.delegation.slug, s.kind, s.labels) for s in final.statements] == [
        ("kazakhstan", "joins", []),
        ("tajikistan", "explanation", []),
        ("uzbekistan", "reservations", ["ОП2"]),
    ]
    assert [d.slug for d in final.sponsors] == ["kazakhstan", "uzbekistan"]


@pytest.mark.django_db(transaction=True)  # the loader's own transaction commits: mail would go
def test_load_demo_prints_the_accounts_and_no_mail(settings, capsys, mailoutbox):
    """`make run` with the console backend: what the loading publishes and adopts notifies
    nobody, and the output is the accounts, their passwords and TOTP secrets."""
    settings.DEBUG = True
    settings.DEMO_PASSWORD = "demo-pass-2026"
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

    call_command("load_demo")

    printed = capsys.readouterr().out
    assert "Subject:" not in printed
    assert "Content-Type:" not in printed
    assert "secretariat@example.org" in printed
    assert "demo-pass-2026" in printed
    assert "TOTP secret" in printed
    assert mailoutbox == []
    # The notifications of the two published drafts did run (they would have mailed), only
    # into the void.
    assert Revision.objects.filter(state="published", notified_at__isnull=False).count() == 2


@pytest.mark.django_db(transaction=True)
def test_mail_after_the_demo_is_loaded_is_sent_again(settings, mailoutbox):
    settings.DEBUG = True
    call_command("load_demo")

    from django.core.mail import send_mail

    send_mail("After", "the demo", None, ["alice@example.org"])

    assert [mail.subject for mail in mailoutbox] == ["After"]
