"""RES-2026 demo data.

Facts (the meeting in Almaty on 25–27 February 2026, its organisers, the delegations, the two
initiatives and their themes) come from the news article in `shared/seed/`. Everything else
— the draft texts, the results framework, the funding figures — is demonstration material
and says so, in both languages.
"""

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

from accounts.models import User
from delegations.models import Delegation, Membership
from drafts.models import OutcomeDocument, Paragraph, Revision
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

from .models import AgendaItem, Meeting, Summit

DEMO_RU = "[Демонстрационный текст] "
DEMO_EN = "[Demo text] "

DELEGATIONS = [
    # slug, kind, iso, name_ru, name_en, acronym_ru, acronym_en
    ("kazakhstan", "member_state", "KZ", "Республика Казахстан", "Republic of Kazakhstan", "", ""),
    ("kyrgyzstan", "member_state", "KG", "Кыргызская Республика", "Kyrgyz Republic", "", ""),
    (
        "tajikistan",
        "member_state",
        "TJ",
        "Республика Таджикистан",
        "Republic of Tajikistan",
        "",
        "",
    ),
    ("uzbekistan", "member_state", "UZ", "Республика Узбекистан", "Republic of Uzbekistan", "", ""),
    ("turkmenistan", "member_state", "TM", "Туркменистан", "Turkmenistan", "", ""),
    (
        "undp",
        "organisation",
        "",
        "Программа развития ООН",
        "United Nations Development Programme",
        "ПРООН",
        "UNDP",
    ),
    (
        "fao",
        "organisation",
        "",
        "Продовольственная и сельскохозяйственная организация ООН",
        "Food and Agriculture Organization of the United Nations",
        "ФАО",
        "FAO",
    ),
    (
        "giz",
        "organisation",
        "",
        "Немецкое общество по международному сотрудничеству",
        "Deutsche Gesellschaft für Internationale Zusammenarbeit",
        "GIZ",
        "GIZ",
    ),
    (
        "unep",
        "organisation",
        "",
        "Программа ООН по окружающей среде",
        "United Nations Environment Programme",
        "ЮНЕП",
        "UNEP",
    ),
    (
        "unesco",
        "organisation",
        "",
        "Организация Объединённых Наций по вопросам образования, науки и культуры",
        "United Nations Educational, Scientific and Cultural Organization",
        "ЮНЕСКО",
        "UNESCO",
    ),
    (
        "wwf",
        "organisation",
        "",
        "Всемирный фонд дикой природы",
        "World Wide Fund for Nature",
        "WWF",
        "WWF",
    ),
    (
        "iucn",
        "organisation",
        "",
        "Международный союз охраны природы",
        "International Union for Conservation of Nature",
        "МСОП",
        "IUCN",
    ),
    (
        "conventions",
        "convention",
        "",
        "Секретариаты международных конвенций",
        "Secretariats of international conventions",
        "",
        "",
    ),
]

TAGS = [
    (
        "theme",
        "transboundary-biodiversity",
        "Трансграничное сохранение биоразнообразия",
        "Transboundary biodiversity conservation",
    ),
    ("theme", "mountain-forests", "Восстановление горных лесов", "Restoration of mountain forests"),
    ("theme", "saxaul-forests", "Восстановление саксаульников", "Restoration of saxaul forests"),
    ("theme", "tugai-forests", "Восстановление тугайных лесов", "Restoration of tugai forests"),
    ("theme", "land-degradation", "Борьба с деградацией земель", "Combating land degradation"),
    ("theme", "desertification", "Борьба с опустыниванием", "Combating desertification"),
    (
        "theme",
        "finance-mobilisation",
        "Мобилизация финансовых ресурсов",
        "Mobilisation of financial resources",
    ),
    ("ecosystem", "tien-shan", "Тянь-Шань", "Tien Shan"),
    ("ecosystem", "pamir-alay", "Памиро-Алай", "Pamir-Alay"),
    ("ecosystem", "steppes", "Степи", "Steppes"),
    ("ecosystem", "deserts", "Пустыни", "Deserts"),
    ("ecosystem", "wetlands", "Водно-болотные угодья", "Wetlands"),
    ("species", "snow-leopard", "Снежный барс", "Snow leopard"),
    ("species", "kulan", "Кулан", "Kulan"),
    ("species", "argali", "Архар", "Argali"),
]

INITIATIVES = [
    {
        "slug": "green-shield",
        "position": 1,
        "title_ru": "Зелёный щит",
        "title_en": "Green Shield",
        "summary_ru": (
            "Региональная инициатива по трансграничному сохранению биоразнообразия и "
            "восстановлению лесных экосистем Центральной Азии — горных лесов, саксаульников и "
            "тугайных лесов. Обсуждалась на подготовительной встрече в Алматы 25–27 февраля "
            "2026 года и будет представлена на РЭС-2026."
        ),
        "summary_en": (
            "A regional initiative for transboundary biodiversity conservation and the "
            "restoration of Central Asia's forest ecosystems — mountain forests, saxaul forests "
            "and tugai forests. Discussed at the preparatory meeting in Almaty on 25–27 February "
            "2026, to be presented at RES-2026."
        ),
        "tags": [
            "transboundary-biodiversity",
            "mountain-forests",
            "saxaul-forests",
            "tugai-forests",
            "tien-shan",
            "pamir-alay",
            "snow-leopard",
            "argali",
        ],
    },
    {
        "slug": "harmony-with-nature",
        "position": 2,
        "title_ru": "Гармония с природой во благо устойчивого развития региона",
        "title_en": "Harmony with Nature for the Sustainable Development of the Region",
        "summary_ru": (
            "Региональная инициатива по борьбе с деградацией земель и опустыниванием, "
            "сохранению степей, пустынь и водно-болотных угодий и созданию согласованной системы "
            "мобилизации финансовых ресурсов. Дополняет инициативу «Зелёный щит»."
        ),
        "summary_en": (
            "A regional initiative on combating land degradation and desertification, "
            "conserving steppes, deserts and wetlands, and building a coordinated system for "
            "mobilising financial resources. It complements the Green Shield initiative."
        ),
        "tags": [
            "land-degradation",
            "desertification",
            "finance-mobilisation",
            "steppes",
            "deserts",
            "wetlands",
            "kulan",
        ],
    },
]

SECTION_TEXT = {
    "background": (
        "Центральная Азия обладает природным капиталом мирового значения: экосистемы Тянь-Шаня и "
        "Памиро-Алая, степи, пустыни и водно-болотные угодья, где обитают снежный барс, кулан и "
        "архар. Регион сталкивается с нарастающими климатическими и экологическими вызовами, "
        "которые затрагивают продовольственную и водную безопасность, здоровье населения и "
        "устойчивость инфраструктуры.",
        "Central Asia holds natural capital of global importance: the ecosystems of the Tien Shan "
        "and Pamir-Alay, steppes, deserts and wetlands, home to the snow leopard, the kulan and the "
        "argali. The region faces growing climate and environmental pressures that touch food and "
        "water security, public health and the resilience of infrastructure.",
    ),
    "objectives": (
        DEMO_RU + "Цели инициативы уточняются участниками по итогам встречи в Алматы.",
        DEMO_EN + "The initiative's objectives are being refined by the participants after the "
        "Almaty meeting.",
    ),
    "results_logic": (
        DEMO_RU + "По итогам встречи в Алматы стороны договорились уточнить логику результатов.",
        DEMO_EN + "At the Almaty meeting the parties agreed to refine the results logic.",
    ),
    "coordination": (
        DEMO_RU + "Механизмы координации будут доработаны к РЭС-2026.",
        DEMO_EN + "The coordination mechanisms are to be refined before RES-2026.",
    ),
    "finance": (
        DEMO_RU + "Финансовая архитектура: согласованная система мобилизации финансовых ресурсов.",
        DEMO_EN
        + "Financial architecture: a coordinated system for mobilising financial resources.",
    ),
}

RESULTS = {
    "green-shield": [
        (
            ("Восстановлены лесные экосистемы региона", "Forest ecosystems of the region restored"),
            [
                (
                    (
                        "Планы восстановления саксаульников и тугайных лесов",
                        "Restoration plans for saxaul and tugai forests",
                    ),
                    [
                        (
                            ("Площадь восстановленных лесов", "Area of restored forest"),
                            ("га", "ha"),
                            "0",
                            "(demo)",
                            ("Национальная лесная статистика", "National forest statistics"),
                        )
                    ],
                ),
            ],
        ),
        (
            ("Сохранены популяции редких видов", "Populations of rare species conserved"),
            [
                (
                    (
                        "Трансграничный мониторинг снежного барса и архара",
                        "Transboundary monitoring of snow leopard and argali",
                    ),
                    [
                        (
                            ("Число участков мониторинга", "Number of monitoring sites"),
                            ("участков", "sites"),
                            "0",
                            "(demo)",
                            ("Отчёты мониторинга", "Monitoring reports"),
                        )
                    ],
                ),
            ],
        ),
    ],
    "harmony-with-nature": [
        (
            ("Снижены темпы деградации земель", "Land degradation slowed"),
            [
                (
                    ("Меры по борьбе с опустыниванием", "Measures against desertification"),
                    [
                        (
                            ("Площадь земель под мерами", "Land area under measures"),
                            ("га", "ha"),
                            "0",
                            "(demo)",
                            ("Отчёты по КБО ООН", "UNCCD reporting"),
                        )
                    ],
                ),
            ],
        ),
    ],
}

# Demonstration figures only: no pledge has been reported in the source material.
FUNDING = {
    "green-shield": [("undp", "100000", "pledged"), ("giz", "50000", "committed")],
    "harmony-with-nature": [("fao", "75000", "pledged"), ("unep", "25000", "disbursed")],
}

DECLARATION = [
    (
        "heading",
        "Декларация Регионального экологического саммита стран Центральной Азии",
        "Declaration of the Regional Ecological Summit of Central Asia",
    ),
    (
        "preambular",
        "Мы, главы государств Центральной Азии, собравшиеся на РЭС-2026,",
        "We, the Heads of State of Central Asia, gathered at RES-2026,",
    ),
    (
        "preambular",
        "признавая, что Центральная Азия обладает природным капиталом мирового значения, включая экосистемы Тянь-Шаня и Памиро-Алая, степи, пустыни и водно-болотные угодья,",
        "recognising that Central Asia holds natural capital of global importance, including the ecosystems of the Tien Shan and Pamir-Alay, steppes, deserts and wetlands,",
    ),
    (
        "preambular",
        "отмечая, что в этих экосистемах обитают редкие виды, такие как снежный барс, кулан и архар,",
        "noting that these ecosystems are home to rare species such as the snow leopard, the kulan and the argali,",
    ),
    (
        "preambular",
        "будучи обеспокоены нарастающими климатическими и экологическими вызовами, затрагивающими продовольственную и водную безопасность, здоровье населения и устойчивость инфраструктуры,",
        "concerned by growing climate and environmental pressures that affect food and water security, public health and the resilience of infrastructure,",
    ),
    (
        "preambular",
        "принимая во внимание итоги подготовительной встречи в Алматы 25–27 февраля 2026 года,",
        "taking into account the outcome of the preparatory meeting held in Almaty on 25–27 February 2026,",
    ),
    (
        "preambular",
        "приветствуя поддержку Программы развития ООН, GIZ и других партнёров,",
        "welcoming the support of UNDP, GIZ and other partners,",
    ),
    ("heading", "Обязательства", "Commitments"),
    (
        "operative",
        "поддерживаем региональную инициативу «Зелёный щит» по трансграничному сохранению биоразнообразия и восстановлению лесных экосистем;",
        'endorse the regional initiative "Green Shield" for transboundary biodiversity conservation and the restoration of forest ecosystems;',
    ),
    (
        "operative",
        "поддерживаем региональную инициативу «Гармония с природой во благо устойчивого развития региона»;",
        'endorse the regional initiative "Harmony with Nature for the Sustainable Development of the Region";',
    ),
    (
        "operative",
        "обязуемся содействовать восстановлению горных лесов, саксаульников и тугайных лесов;",
        "commit to support the restoration of mountain forests, saxaul forests and tugai forests;",
    ),
    (
        "operative",
        "обязуемся активизировать борьбу с деградацией земель и опустыниванием;",
        "commit to step up action against land degradation and desertification;",
    ),
    (
        "operative",
        "призываем к созданию согласованной системы мобилизации финансовых ресурсов;",
        "call for a coordinated system for mobilising financial resources;",
    ),
    (
        "operative",
        "поручаем доработать проектную документацию, логику результатов, механизмы координации и финансовую архитектуру инициатив;",
        "request that the project documentation, results logic, coordination mechanisms and financial architecture of the initiatives be finalised;",
    ),
    (
        "operative",
        "приглашаем международные организации и партнёров присоединиться к реализации настоящей Декларации.",
        "invite international organisations and partners to join in implementing this Declaration.",
    ),
]

RESOLUTION = [
    (
        "heading",
        "Резолюция о региональных инициативах «Зелёный щит» и «Гармония с природой»",
        'Resolution on the regional initiatives "Green Shield" and "Harmony with Nature"',
    ),
    (
        "preambular",
        "Региональный экологический саммит стран Центральной Азии,",
        "The Regional Ecological Summit of Central Asia,",
    ),
    ("preambular", "ссылаясь на Декларацию РЭС-2026,", "recalling the RES-2026 Declaration,"),
    (
        "preambular",
        "признавая важность трансграничного сохранения биоразнообразия,",
        "recognising the importance of transboundary biodiversity conservation,",
    ),
    (
        "preambular",
        "отмечая вклад ПРООН, ФАО, GIZ, ЮНЕП, ЮНЕСКО, WWF и МСОП,",
        "noting the contribution of UNDP, FAO, GIZ, UNEP, UNESCO, WWF and IUCN,",
    ),
    (
        "preambular",
        "учитывая работу секретариатов международных конвенций,",
        "mindful of the work of the secretariats of international conventions,",
    ),
    ("heading", "Решения", "Decisions"),
    (
        "operative",
        "утверждает инициативу «Зелёный щит» в качестве региональной программы;",
        "adopts the Green Shield initiative as a regional programme;",
    ),
    (
        "operative",
        "утверждает инициативу «Гармония с природой во благо устойчивого развития региона»;",
        "adopts the Harmony with Nature for the Sustainable Development of the Region initiative;",
    ),
    (
        "operative",
        "учреждает механизм координации инициатив;",
        "establishes a coordination mechanism for the initiatives;",
    ),
    (
        "operative",
        "предлагает партнёрам рассмотреть возможность финансирования;",
        "invites partners to consider providing funding;",
    ),
    (
        "operative",
        "просит секретариат подготовить доклад о ходе реализации;",
        "requests the secretariat to prepare a progress report;",
    ),
    (
        "operative",
        "постановляет продолжить рассмотрение данного вопроса.",
        "decides to remain seized of the matter.",
    ),
]

# Revision 2 of each document changes a few paragraphs (by position in revision 1).
REVISION_2_EDITS = {
    "declaration": {
        12: (
            "обязуемся активизировать и координировать борьбу с деградацией земель и опустыниванием;",
            "commit to step up and coordinate action against land degradation and desertification;",
        ),
    },
    "resolution": {
        10: (
            "учреждает региональный механизм координации инициатив;",
            "establishes a regional coordination mechanism for the initiatives;",
        ),
    },
}

DEMO_ACCOUNTS = [
    # email, first name, last name, superuser, secretariat, delegation slug, role
    ("admin@example.org", "Admin", "Demo", True, False, None, None),
    ("secretariat@example.org", "Saule", "Secretariat (demo)", False, True, None, None),
    ("head-kz@example.org", "Aidos", "Head KZ (demo)", False, False, "kazakhstan", "head"),
    (
        "delegate-kz@example.org",
        "Aigerim",
        "Delegate KZ (demo)",
        False,
        False,
        "kazakhstan",
        "delegate",
    ),
    (
        "delegate-uz@example.org",
        "Dilnoza",
        "Delegate UZ (demo)",
        False,
        False,
        "uzbekistan",
        "delegate",
    ),
    ("delegate-undp@example.org", "Alex", "Delegate UNDP (demo)", False, False, "undp", "delegate"),
]


# Secretariat screens and the Django admin need TOTP: these demo accounts get it set up.
DEMO_MFA_ACCOUNTS = ["secretariat@example.org", "admin@example.org"]


@dataclass
class DemoAccount:
    email: str
    password: str | None  # None when an existing password was left as it was
    totp_secret: str | None = None  # base32, for an authenticator app or `oathtool --totp -b`


def _demo(text_ru: str, text_en: str) -> dict:
    return {"text_ru": DEMO_RU + text_ru, "text_en": DEMO_EN + text_en}


@transaction.atomic
def demo_load(*, password: str = "") -> list[DemoAccount]:
    """Create or complete the demo data; a second run changes nothing."""
    if not settings.DEBUG:
        raise RuntimeError("Demo data is never loaded with production settings (DEBUG off).")
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
    return accounts


def _load_comments(secretariat: User) -> None:
    """A few comments on the declaration's first revision, so the reader, the dashboard and
    the triage screen have something to show. Written through the services, like real ones."""
    from drafts.services import comment_answer, comment_create

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
                note="Demo figure, not an actual pledge",
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
