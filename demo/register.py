"""The demo's register: a few documents of the preparatory meeting in Almaty, issued through
the register's services as the secretariat would, dated on the meeting's days.

Their words are the seed article's facts only (dates, place, organiser, delegations, topics,
next steps); every title and every page says it is a demonstration example, not an official
document. The PDFs are typeset here with WeasyPrint (typesetting.pdf). A second run changes
nothing."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.utils.html import escape

from accounts.models import User
from programme.models import Meeting
from register.models import Document, LanguageVersion
from register.services import document_issue, version_add
from typesetting.pdf import html_to_pdf

ALMATY = ZoneInfo("Asia/Almaty")
EXAMPLE = {
    "ru": "Демонстрационный пример — не официальный документ",
    "en": "Demonstration example — not an official document",
}
PARTICIPANTS = {
    "ru": (
        "Делегации: Республика Казахстан, Кыргызская Республика, Республика Таджикистан, "
        "Туркменистан, Республика Узбекистан; международные организации и партнёры: ПРООН, "
        "ФАО, GIZ, ЮНЕП, ЮНЕСКО, WWF, МСОП; сотрудники секретариатов международных конвенций."
    ),
    "en": (
        "Delegations: Republic of Kazakhstan, Kyrgyz Republic, Republic of Tajikistan, "
        "Turkmenistan, Republic of Uzbekistan; international organisations and partners: UNDP, "
        "FAO, GIZ, UNEP, UNESCO, WWF, IUCN; staff of the secretariats of international "
        "conventions."
    ),
}
MEETING = {
    "ru": (
        "Подготовительная встреча к Региональному экологическому саммиту стран Центральной "
        "Азии (РЭС-2026), Алматы, 25–27 февраля 2026 года. Организатор — Комитет лесного "
        "хозяйства и животного мира Министерства экологии и природных ресурсов Республики "
        "Казахстан при поддержке ПРООН и GIZ."
    ),
    "en": (
        "Preparatory meeting for the Regional Ecological Summit of Central Asia (RES-2026), "
        "Almaty, 25–27 February 2026. Organised by the Committee of Forestry and Wildlife of "
        "the Ministry of Ecology and Natural Resources of the Republic of Kazakhstan with the "
        "support of UNDP and GIZ."
    ),
}
TOPICS = {
    "ru": (
        "Темы: трансграничное сохранение биоразнообразия; восстановление лесных экосистем, "
        "в том числе горных лесов, саксаульников и тугайных лесов; борьба с деградацией "
        "земель и опустыниванием; согласованная система мобилизации финансовых ресурсов."
    ),
    "en": (
        "Topics: transboundary conservation of biodiversity; restoration of forest ecosystems, "
        "including mountain forests, saxaul forests and tugai forests; combating land "
        "degradation and desertification; a coordinated system for mobilising financial "
        "resources."
    ),
}
NEXT_STEPS = {
    "ru": (
        "Согласованные дальнейшие шаги: доработать проектную документацию, уточнить логику "
        "результатов, механизмы координации и финансовую архитектуру, чтобы саммит получил "
        "готовые к реализации решения."
    ),
}
NOTE_TITLES = {
    "title_ru": "Информационная записка для участников (демонстрационный пример)",
    "title_en": "Information note for participants (demonstration example)",
}
STEPS_TITLES = {
    "title_ru": "Дальнейшие шаги, согласованные на встрече (демонстрационный пример)",
    "title_en": "Next steps agreed at the meeting (demonstration example)",
}


def _pdf(language: str, title: str, paragraphs: list[str]) -> ContentFile:
    body = "".join(f"<p>{escape(text)}</p>" for text in paragraphs)
    html = (
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>"
        '<link rel="stylesheet" href="/static/pdf/pdf.css"></head><body>'
        f'<p style="border:2pt solid #000;padding:4pt;font-weight:700">{escape(EXAMPLE[language])}</p>'
        f"<h1>{escape(title)}</h1>{body}</body></html>"
    )
    return ContentFile(html_to_pdf(html), name=f"demo-{language}.pdf")


def _dated(document: Document, when: dt.datetime, *languages: str) -> None:
    """Dated on the meeting's day it stands for, as the loader dates the publications."""
    Document.objects.filter(pk=document.pk).update(issued_at=when)
    LanguageVersion.objects.filter(document=document, language__in=languages).update(issued_at=when)


def load_register(secretariat: User) -> None:
    almaty = Meeting.objects.get(slug="almaty-preparatory-2026")
    if Document.objects.filter(meeting=almaty).exists():
        return
    note_ru, note_en = NOTE_TITLES["title_ru"], NOTE_TITLES["title_en"]
    note = document_issue(
        meeting=almaty,
        series="INF",
        files={"ru": _pdf("ru", note_ru, [MEETING["ru"], PARTICIPANTS["ru"]])},
        original_language="ru",
        by=secretariat,
        **NOTE_TITLES,
    )
    _dated(note, dt.datetime(2026, 2, 25, 9, 0, tzinfo=ALMATY), "ru")
    english = version_add(
        document=note,
        language="en",
        file=_pdf("en", note_en, [MEETING["en"], PARTICIPANTS["en"]]),
        by=secretariat,
    )
    LanguageVersion.objects.filter(pk=english.pk).update(
        issued_at=dt.datetime(2026, 2, 25, 15, 0, tzinfo=ALMATY)
    )
    # The revision adds the meeting's topics to the note.
    revision = document_issue(
        meeting=almaty,
        series="INF",
        files={
            "ru": _pdf("ru", note_ru, [MEETING["ru"], PARTICIPANTS["ru"], TOPICS["ru"]]),
            "en": _pdf("en", note_en, [MEETING["en"], PARTICIPANTS["en"], TOPICS["en"]]),
        },
        original_language="ru",
        revises=note,
        by=secretariat,
        **NOTE_TITLES,
    )
    _dated(revision, dt.datetime(2026, 2, 26, 10, 0, tzinfo=ALMATY), "ru", "en")
    # In Russian only: the English version is still to be issued.
    steps = document_issue(
        meeting=almaty,
        series="CRP",
        files={"ru": _pdf("ru", STEPS_TITLES["title_ru"], [NEXT_STEPS["ru"]])},
        agenda_item=almaty.agenda_items.order_by("-position").first(),
        by=secretariat,
        **STEPS_TITLES,
    )
    _dated(steps, dt.datetime(2026, 2, 27, 11, 0, tzinfo=ALMATY), "ru")
