"""Loads the demo data of demo/data.py into the database; a second run changes nothing."""

import datetime as dt
import secrets
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from accounts.models import User
from adoption.services import document_adopt, sponsorship_set, statement_record
from consultation.services import comment_answer, comment_create
from delegations.models import Delegation, Membership
from drafts.editions import editions_for
from drafts.models import Edition, OutcomeDocument, Paragraph, Revision
from drafts.services import revision_publish
from initiatives.models import (
    FundingEntry,
    Indicator,
    Initiative,
    Outcome,
    Output,
    Section,
    SectionVersion,
    Tag,
)
from portal.mail import mail_discarded
from programme.models import AgendaItem, Meeting, Summit

from .data import (
    ADOPTED_RESOLUTION,
    ADOPTED_SPONSORS,
    ADOPTED_STATEMENTS,
    DECLARATION,
    DELEGATIONS,
    DEMO_ACCOUNTS,
    DEMO_EN,
    DEMO_MFA_ACCOUNTS,
    DEMO_RU,
    FUNDING,
    INITIATIVES,
    RESOLUTION,
    RESULTS,
    REVISION_2_EDITS,
    SECTION_TEXT,
    TAGS,
)
from .register import load_register
from .registration import load_registration
from .submissions import load_submissions


@dataclass
class DemoAccount:
    email: str
    password: str | None  # None when an existing password was left as it was
    totp_secret: str | None = None  # base32, for an authenticator app or `oathtool --totp -b`


def _demo(text_ru: str, text_en: str) -> dict:
    return {"text_ru": DEMO_RU + text_ru, "text_en": DEMO_EN + text_en}


def demo_load(*, password: str = "") -> list[DemoAccount]:
    """Create or complete the demo data; a second run changes nothing. It publishes and
    adopts as the secretariat would, but tells nobody: the notifications (sent when the
    transaction commits, so inside the `with`) would go to demo accounts that nobody reads,
    and the console backend of `make run` would print them all above the accounts list."""
    if not settings.DEBUG:
        raise RuntimeError("Demo data is never loaded with production settings (DEBUG off).")
    with mail_discarded(), transaction.atomic():
        return _load(password)


def _load(password: str) -> list[DemoAccount]:
    summit = _load_summit()
    delegations = _load_delegations()
    tags = _load_tags()
    initiatives = _load_initiatives(delegations, tags)
    accounts = _load_accounts(delegations, password)
    _load_mfa(accounts)
    secretariat = User.objects.get(email="secretariat@example.org")
    _load_document(
        summit,
        "declaration",
        "RES-2026/DECL/DRAFT",
        "declaration",
        ("Проект декларации РЭС-2026", "Draft RES-2026 Declaration"),
        DECLARATION,
        initiatives,
        secretariat,
    )
    _load_document(
        summit,
        "resolution",
        "RES-2026/RES/1/DRAFT",
        "resolution",
        (
            "Проект резолюции о региональных инициативах",
            "Draft resolution on the regional initiatives",
        ),
        RESOLUTION,
        initiatives,
        secretariat,
    )
    _load_comments(secretariat)
    _load_adopted_resolution(summit, initiatives, secretariat)
    load_registration(secretariat)
    load_register(secretariat)
    load_submissions(secretariat)
    return accounts


def _load_comments(secretariat: User) -> None:
    """A few comments on the declaration's first revision, so the reader, the dashboard and
    the triage screen have something to show. Written through the services, like real ones."""

    revision = Revision.objects.get(document__slug="declaration", number=1)
    if revision.comments.exists():
        return
    paragraphs = {p.position: p for p in revision.paragraphs.all()}
    kz = User.objects.get(email="delegate-kz@example.org")
    uz = User.objects.get(email="delegate-uz@example.org")
    undp = User.objects.get(email="delegate-undp@example.org")
    supported = comment_create(
        author=kz,
        revision=revision,
        paragraph=paragraphs[9],
        body=DEMO_RU + "Делегация Казахстана поддерживает этот пункт.",
        language="ru",
    )
    comment_create(
        author=uz,
        revision=revision,
        paragraph=paragraphs[12],
        kind="amendment",
        body=DEMO_RU + "Предлагаем подчеркнуть координацию усилий.",
        proposed_text=DEMO_RU + "обязуемся активизировать и координировать борьбу с "
        "деградацией земель и опустыниванием;",
        language="ru",
    )
    comment_create(
        author=undp,
        revision=revision,
        body=DEMO_EN + "UNDP stands ready to support the financial architecture.",
        visibility="secretariat",
        language="en",
    )
    comment_answer(
        comment=supported,
        user=secretariat,
        status="noted",
        response=DEMO_RU + "Секретариат благодарит делегацию.",
        language="ru",
    )


def _load_summit() -> Summit:
    summit, _ = Summit.objects.get_or_create(
        acronym="RES-2026",
        defaults={
            "name_ru": "Региональный экологический саммит стран Центральной Азии",
            "name_en": "Regional Ecological Summit of Central Asia",
            "host_city_ru": "будет объявлен",
            "host_city_en": "to be announced",
            "timezone": "Asia/Almaty",
            "description_ru": (
                "РЭС-2026 объединяет Казахстан, Кыргызстан, Таджикистан, Туркменистан и "
                "Узбекистан, а также международных партнёров для согласования декларации и "
                "резолюции по двум региональным инициативам: «Зелёный щит» и «Гармония с природой "
                "во благо устойчивого развития региона»."
            ),
            "description_en": (
                "RES-2026 brings together Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and "
                "Uzbekistan with international partners to agree a declaration and a resolution "
                'on two regional initiatives: "Green Shield" and "Harmony with Nature for the '
                'Sustainable Development of the Region".'
            ),
        },
    )
    almaty, created = Meeting.objects.get_or_create(
        slug="almaty-preparatory-2026",
        defaults={
            "summit": summit,
            "kind": Meeting.Kind.PREPARATORY,
            "title_ru": "Подготовительная встреча к РЭС-2026",
            "title_en": "Preparatory meeting for RES-2026",
            "place_ru": "Алматы",
            "place_en": "Almaty",
            "start_date": dt.date(2026, 2, 25),
            "end_date": dt.date(2026, 2, 27),
            "description_ru": (
                "Организатор — Комитет лесного хозяйства и животного мира Министерства экологии "
                "и природных ресурсов Республики Казахстан при поддержке ПРООН и GIZ. Встречу "
                "открыл председатель Комитета Д. Тургамбаев."
            ),
            "description_en": (
                "Organised by the Committee of Forestry and Wildlife of the Ministry of Ecology "
                "and Natural Resources of the Republic of Kazakhstan with the support of UNDP and "
                "GIZ. Opened by the Committee's chairman, D. Turgambayev."
            ),
        },
    )
    if created:
        agenda = [
            (
                "Трансграничное сохранение биоразнообразия",
                "Transboundary conservation of biodiversity",
            ),
            (
                "Восстановление лесных экосистем: горные леса, саксаульники, тугайные леса",
                "Restoration of forest ecosystems: mountain, saxaul and tugai forests",
            ),
            (
                "Борьба с деградацией земель и опустыниванием",
                "Combating land degradation and desertification",
            ),
            (
                "Согласованная система мобилизации финансовых ресурсов",
                "A coordinated system for mobilising financial resources",
            ),
            (
                "Следующие шаги: проектная документация, логика результатов, координация, финансовая архитектура",
                "Next steps: project documentation, results logic, coordination, financial architecture",
            ),
        ]
        AgendaItem.objects.bulk_create(
            AgendaItem(meeting=almaty, position=i, title_ru=ru, title_en=en)
            for i, (ru, en) in enumerate(agenda, start=1)
        )
    Meeting.objects.get_or_create(
        slug="res-2026-summit",
        defaults={
            "summit": summit,
            "kind": Meeting.Kind.SUMMIT,
            "title_ru": "Региональный экологический саммит стран Центральной Азии (РЭС-2026)",
            "title_en": "Regional Ecological Summit of Central Asia (RES-2026)",
            "place_ru": "будет объявлено",
            "place_en": "to be announced",
            "description_ru": "Представление инициатив и подписание декларации и резолюции.",
            "description_en": "Presentation of the initiatives; signature of the declaration and the resolution.",
        },
    )
    return summit


def _load_delegations() -> dict[str, Delegation]:
    delegations = {}
    for order, (slug, kind, iso, name_ru, name_en, acr_ru, acr_en) in enumerate(DELEGATIONS):
        delegations[slug], _ = Delegation.objects.get_or_create(
            slug=slug,
            defaults={
                "kind": kind,
                "iso_code": iso,
                "sort_order": order,
                "name_ru": name_ru,
                "name_en": name_en,
                "acronym_ru": acr_ru,
                "acronym_en": acr_en,
            },
        )
    return delegations


def _load_tags() -> dict[str, Tag]:
    tags = {}
    for kind, slug, name_ru, name_en in TAGS:
        tags[slug], _ = Tag.objects.get_or_create(
            slug=slug, defaults={"kind": kind, "name_ru": name_ru, "name_en": name_en}
        )
    return tags


def _load_initiatives(delegations, tags) -> list[Initiative]:
    initiatives = []
    for data in INITIATIVES:
        initiative, created = Initiative.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "position": data["position"],
                "title_ru": data["title_ru"],
                "title_en": data["title_en"],
                "summary_ru": data["summary_ru"],
                "summary_en": data["summary_en"],
                "status": Initiative.Status.PREPARATION,
                "lead_delegation": delegations["kazakhstan"],
            },
        )
        initiatives.append(initiative)
        if not created:
            continue
        initiative.tags.set([tags[slug] for slug in data["tags"]])
        initiative.partners.set([delegations[s] for s in ("undp", "giz")])
        for position, (kind, (body_ru, body_en)) in enumerate(SECTION_TEXT.items()):
            section = Section.objects.create(
                initiative=initiative,
                kind=kind,
                position=position,
                body_ru=body_ru,
                body_en=body_en,
            )
            SectionVersion.objects.create(
                section=section, number=1, body_ru=body_ru, body_en=body_en
            )
        for o_pos, ((o_ru, o_en), outputs) in enumerate(RESULTS[data["slug"]]):
            outcome = Outcome.objects.create(
                initiative=initiative,
                position=o_pos,
                title_ru=DEMO_RU + o_ru,
                title_en=DEMO_EN + o_en,
            )
            for p_pos, ((p_ru, p_en), indicators) in enumerate(outputs):
                output = Output.objects.create(
                    outcome=outcome, position=p_pos, title_ru=p_ru, title_en=p_en
                )
                for i_pos, (
                    (t_ru, t_en),
                    (u_ru, u_en),
                    baseline,
                    target,
                    (m_ru, m_en),
                ) in enumerate(indicators):
                    Indicator.objects.create(
                        output=output,
                        position=i_pos,
                        title_ru=t_ru,
                        title_en=t_en,
                        unit_ru=u_ru,
                        unit_en=u_en,
                        baseline=baseline,
                        target=target,
                        means_of_verification_ru=m_ru,
                        means_of_verification_en=m_en,
                    )
        FundingEntry.objects.bulk_create(
            FundingEntry(
                initiative=initiative,
                source=delegations[source],
                amount=Decimal(amount),
                currency="USD",
                status=status,
                note_ru="Демонстрационная цифра, а не реальное обязательство",
                note_en="Demo figure, not an actual pledge",
            )
            for source, amount, status in FUNDING[data["slug"]]
        )
    return initiatives


def _load_accounts(delegations, password: str) -> list[DemoAccount]:
    accounts = []
    for email, first, last, superuser, secretariat, delegation, role in DEMO_ACCOUNTS:
        user = User.objects.filter(email=email).first()
        chosen = password or None
        if user is None:
            chosen = password or secrets.token_urlsafe(12)
            user = User.objects.create_user(
                email=email,
                password=chosen,
                first_name=first,
                last_name=last,
                is_superuser=superuser,
                is_staff=superuser,
                is_secretariat=secretariat,
            )
        elif password and not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        else:
            chosen = None
        if delegation:
            Membership.objects.get_or_create(
                user=user, defaults={"delegation": delegations[delegation], "role": role}
            )
        accounts.append(DemoAccount(email=email, password=chosen))
    return accounts


def _load_mfa(accounts: list[DemoAccount]) -> None:
    """TOTP and recovery codes for the demo secretariat and admin; a second run keeps the
    secret, so an authenticator app set up once keeps working."""
    for account in accounts:
        if account.email not in DEMO_MFA_ACCOUNTS:
            continue
        user = User.objects.get(email=account.email)
        totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        if totp is None:
            account.totp_secret = generate_totp_secret()
            TOTP.activate(user, account.totp_secret)
        else:
            account.totp_secret = decrypt(totp.data["secret"])
        RecoveryCodes.activate(user)


def _load_document(summit, slug, symbol, kind, titles, paragraphs, initiatives, secretariat):
    document, created = OutcomeDocument.objects.get_or_create(
        slug=slug,
        defaults={
            "summit": summit,
            "symbol": symbol,
            "kind": kind,
            "title_ru": titles[0],
            "title_en": titles[1],
            "status": OutcomeDocument.Status.CONSULTATION,
            # Thirty days from now, at 18:00 in Almaty, the summit's time zone.
            "comment_deadline": dt.datetime.combine(
                timezone.localdate() + dt.timedelta(days=30),
                dt.time(18, 0),
                tzinfo=ZoneInfo("Asia/Almaty"),
            ),
        },
    )
    if not created:
        return document
    document.initiatives.set(initiatives)
    first = Revision.objects.create(document=document, number=1)
    Paragraph.objects.bulk_create(
        Paragraph(revision=first, position=position, kind=kind_, **_demo(ru, en))
        for position, (kind_, ru, en) in enumerate(paragraphs, start=1)
    )
    revision_publish(
        revision=first,
        user=secretariat,
        summary_ru="Первый проект для консультаций (демонстрационный).",
        summary_en="First draft for consultation (demo).",
    )
    draft = document.revisions.get(number=2)
    for position, (ru, en) in REVISION_2_EDITS[slug].items():
        paragraph = draft.paragraphs.get(position=position)
        paragraph.text_ru, paragraph.text_en = DEMO_RU + ru, DEMO_EN + en
        paragraph.save()
    return document


def _load_adopted_resolution(summit, initiatives, secretariat) -> None:
    """The final state a visitor can see without producing it: a resolution published and
    adopted at the preparatory meeting in Almaty, with sponsors and statements, through the
    same services as the real thing (so its history reads as theirs)."""
    if OutcomeDocument.objects.filter(slug="almaty-resolution").exists():
        return
    almaty = Meeting.objects.get(slug="almaty-preparatory-2026")
    document = OutcomeDocument.objects.create(
        summit=summit,
        slug="almaty-resolution",
        symbol="RES-2026/PREP/1/DRAFT",
        kind=OutcomeDocument.Kind.RESOLUTION,
        title_ru="Резолюция подготовительной встречи (демонстрационная)",
        title_en="Resolution of the preparatory meeting (demo)",
        status=OutcomeDocument.Status.CLOSED,
    )
    document.initiatives.set(initiatives)
    revision = Revision.objects.create(document=document, number=1)
    Paragraph.objects.bulk_create(
        Paragraph(
            revision=revision,
            position=position,
            kind=kind,
            negotiation=Paragraph.Negotiation.AGREED,
            **_demo(ru, en),
        )
        for position, (kind, ru, en) in enumerate(ADOPTED_RESOLUTION, start=1)
    )
    # Published during the meeting: the publication is dated then (the services publish
    # "now"), with its entry in the document's history.
    revision.state = Revision.State.PUBLISHED
    revision.published_at = dt.datetime(2026, 2, 26, 10, 0, tzinfo=ZoneInfo("Asia/Almaty"))
    revision.published_by = secretariat
    revision.summary_ru = "Согласованный текст (демонстрационный)."
    revision.summary_en = "Agreed text (demo)."
    bulk_update_with_history(
        [revision],
        Revision,
        ["state", "published_at", "published_by", "summary_ru", "summary_en"],
        default_user=secretariat,
        default_date=revision.published_at,
    )
    Edition.objects.bulk_create(editions_for(revision))  # typeset, as publishing does
    operative = list(revision.paragraphs.filter(kind="operative").order_by("position"))
    for email in ADOPTED_SPONSORS:
        sponsorship_set(document=document, user=User.objects.get(email=email), sponsor=True)
    for email, kind, numbers, text in ADOPTED_STATEMENTS:
        statement_record(
            document=document,
            user=User.objects.get(email=email),
            kind=kind,
            text=DEMO_RU + text if text else "",
            paragraph_keys=[operative[n - 1].key for n in numbers],
            language="ru",
        )
    document_adopt(
        document=document,
        user=secretariat,
        meeting=almaty,
        adopted_on=dt.date(2026, 2, 27),
        method="consensus",
        final_symbol="RES-2026/PREP/1",
        statement_deadline=dt.datetime(2026, 3, 6, 18, 0, tzinfo=ZoneInfo("Asia/Almaty")),
    )
