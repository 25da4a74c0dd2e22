"""The Russian interface: complete catalogs, committed .mo files that match them, and key pages
that show no English interface string under /ru/ (and no Russian one under /en/)."""

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from accounts.models import User

CATALOGS = sorted(
    path
    for path in Path(settings.BASE_DIR).glob("**/locale/ru/LC_MESSAGES/*.po")
    if ".venv" not in path.parts
)
RUSSIAN_PLURALS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<12 || n%100>14) ? 1 : 2);"
)
# %(name)s, %(n)d, %s, %d; a doubled %% (an escaped percent sign) is not a placeholder.
PLACEHOLDER = re.compile(r"%%|%\([a-z_]+\)[sd]|%[sd]")


def _ids(paths):
    return [str(path.relative_to(settings.BASE_DIR)) for path in paths]


def _placeholders(text: str) -> list[str]:
    return sorted(p for p in PLACEHOLDER.findall(text) if p != "%%")


def test_the_project_and_app_catalogs_are_all_found():
    found = set(_ids(CATALOGS))
    assert {
        "locale/ru/LC_MESSAGES/django.po",
        "accounts/locale/ru/LC_MESSAGES/django.po",
        "pdfs/locale/ru/LC_MESSAGES/django.po",
    } <= found


@pytest.mark.parametrize("path", CATALOGS, ids=_ids(CATALOGS))
def test_every_entry_has_a_checked_russian_translation(path):
    catalog = polib.pofile(str(path))
    assert catalog.metadata["Plural-Forms"] == RUSSIAN_PLURALS
    assert not catalog.metadata_is_fuzzy
    untranslated = [e.msgid for e in catalog if not e.obsolete and not e.translated()]
    fuzzy = [e.msgid for e in catalog if "fuzzy" in e.flags]
    assert untranslated == []
    assert fuzzy == []
    for entry in catalog:
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == [0, 1, 2], entry.msgid
            assert all(form.strip() for form in entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize("path", CATALOGS, ids=_ids(CATALOGS))
def test_translations_keep_the_placeholders_of_the_original(path):
    for entry in polib.pofile(str(path)):
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            expected = _placeholders(entry.msgid_plural)
            for form in entry.msgstr_plural.values():
                assert _placeholders(form) == expected, (entry.msgid, form)
        else:
            assert _placeholders(entry.msgstr) == _placeholders(entry.msgid), entry.msgid
        # An escaped percent sign ({% translate %} doubles them) must stay escaped.
        assert entry.msgid.count("%%") <= max(
            [entry.msgstr.count("%%"), *(f.count("%%") for f in entry.msgstr_plural.values())]
        ), entry.msgid


@pytest.mark.parametrize("path", CATALOGS, ids=_ids(CATALOGS))
def test_the_committed_mo_file_matches_its_po_file(path):
    """The .mo files are committed so a fresh machine needs no gettext tools: they must be
    compiled from the current .po (`python manage.py compilemessages`)."""
    mo_path = path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run compilemessages"

    def messages(entries):
        result = {}
        for entry in entries:
            if entry.msgid_plural:
                forms = tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
                result[(entry.msgctxt, entry.msgid, entry.msgid_plural)] = forms
            else:
                result[(entry.msgctxt, entry.msgid, None)] = entry.msgstr
        return result

    compiled = polib.mofile(str(mo_path))
    source = polib.pofile(str(path))
    # msgfmt leaves out untranslated and fuzzy entries; the header is compared below.
    kept = [e for e in source if not e.obsolete and e.translated() and "fuzzy" not in e.flags]
    assert messages(e for e in compiled if e.msgid) == messages(kept)
    assert compiled.metadata.get("Plural-Forms") == RUSSIAN_PLURALS


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
@pytest.mark.parametrize("path", CATALOGS, ids=_ids(CATALOGS))
def test_gettext_accepts_the_catalog(path, tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "n,text",
    [(1, "1 замечание"), (3, "3 замечания"), (5, "5 замечаний"), (11, "11 замечаний"),
     (21, "21 замечание"), (24, "24 замечания")],
)  # fmt: skip
def test_russian_plurals_take_the_right_form(n, text):
    with translation.override("ru"):
        assert translation.ngettext("%(n)s comment", "%(n)s comments", n) % {"n": n} == text


# (English, Russian): interface strings that must appear in the page's language only.
COMMON = [("Programme", "Программа"), ("Documents", "Документы"), ("Skip to content", "Перейти к содержанию")]  # fmt: skip
PAGES = {
    "home": (
        None,
        lambda: "/{lang}/",
        [("What is being negotiated", "Предмет переговоров"), ("Log in", "Войти"),
         ("Regional initiatives", "Региональные инициативы")],
    ),
    "initiative": (
        None,
        lambda: "/{lang}/initiatives/green-shield/",
        [("Results framework", "Матрица результатов"), ("Means of verification", "Средства проверки"),
         ("Funding totals by status", "Итоги финансирования по статусу")],
    ),
    "revision reader": (
        "delegate-kz@example.org",
        lambda: "/{lang}/documents/declaration/rev/1/",
        [("Comments on the whole document", "Замечания к документу в целом"),
         ("Comments are accepted until", "Замечания принимаются до"),
         ("Comment on this paragraph", "Представить замечание к этому пункту"),
         ("All revisions", "Все редакции")],
    ),
    "login": (
        None,
        lambda: "/{lang}/accounts/login/",
        [("Sign In", "Войти"),
         ("Accounts are created by invitation", "Учётные записи создаются по приглашению")],
    ),
    "triage": (
        "secretariat@example.org",
        lambda: "/{lang}/documents/triage/",
        [("Triage of comments", "Разбор замечаний"), ("Per paragraph", "По пунктам"),
         ("Per delegation", "По делегациям"), ("Log out", "Выйти")],
    ),
    "delegations": (
        None,
        lambda: "/{lang}/delegations/",
        [("Member states", "Государства-участники"), ("International organisations", "Международные организации")],
    ),
    "delegation": (
        None,
        lambda: "/{lang}/delegations/kazakhstan/",
        [("Head of delegation", "Глава делегации"), ("Outcome documents", "Итоговые документы"),
         ("leads it", "ведущая делегация")],
    ),
    "adopted document": (
        None,
        lambda: "/{lang}/documents/almaty-resolution/adopted/",
        [("Annex: statements of delegations", "Приложение: заявления делегаций"),
         ("Statements were recorded until", "Заявления принимались до"),
         ("History of the document", "История документа")],
    ),
    "document history": (
        "secretariat@example.org",
        lambda: "/{lang}/documents/almaty-resolution/history/",
        [("History of the document", "История документа"), ("Rev.1 published", "Опубликована ред. 1")],
    ),
    "dashboard": (
        "head-kz@example.org",
        lambda: "/{lang}/documents/dashboard/",
        [("Log out", "Выйти")],
    ),
}  # fmt: skip


def _visible_text(body: str) -> str:
    """The page's text and the attributes people read or hear (labels, confirmations)."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    attributes = re.findall(r'(?:aria-label|title|placeholder|alt|data-[a-z-]+)="([^"]*)"', body)
    text = re.sub(r"<[^>]+>", "\n", body)
    return html.unescape(text + "\n" + "\n".join(attributes))


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_key_pages_show_their_interface_in_the_requested_language(client, demo, page, lang):
    email, url, strings = PAGES[page]
    if email:
        client.force_login(User.objects.get(email=email))
    response = client.get(url().format(lang=lang))
    assert response.status_code == 200
    text = _visible_text(response.content.decode())
    for english, russian in COMMON + strings:
        wanted, unwanted = (russian, english) if lang == "ru" else (english, russian)
        assert wanted in text, (page, wanted)
        assert unwanted not in text, (page, unwanted)


def test_the_countdown_format_keeps_its_placeholders_in_russian(client, demo):
    """{% translate %} doubles percent signs in its msgid; the script needs them single."""
    body = client.get("/ru/documents/declaration/rev/1/").content.decode()
    assert 'data-format="Осталось %(d)s дн. %(h)s ч %(m)s мин"' in body


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext's xgettext is not installed")
def test_the_catalogs_hold_every_string_of_the_code_and_templates(tmp_path):
    """makemessages on a copy of the project finds no string the catalogs lack (or no longer
    need): a new interface string cannot slip in untranslated."""
    base = Path(settings.BASE_DIR)
    copy = tmp_path / "project"
    skip = shutil.ignore_patterns(
        ".*",
        "__pycache__",
        "tests",
        "bench",
        "media",
        "staticfiles",
        "docs",
        "*.mo",
        "*.sqlite3",
        "test-artifacts",
    )
    shutil.copytree(base, copy, ignore=skip)
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "ru",
            "--ignore=tests",
            "--ignore=bench",
        ],
        cwd=copy,
        env={**os.environ, "READ_DOT_ENV": "0", "DJANGO_SETTINGS_MODULE": "summit.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr

    def msgids(path):
        return {(e.msgctxt, e.msgid) for e in polib.pofile(str(path)) if not e.obsolete}

    for path in CATALOGS:
        relative = path.relative_to(base)
        extracted, committed = msgids(copy / relative), msgids(path)
        assert extracted - committed == set(), f"run makemessages and translate: {relative}"
        assert committed - extracted == set(), f"run makemessages to drop stale: {relative}"
