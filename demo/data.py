"""The RES-2026 demo data, as data: what the loader (demo/loader.py) puts in the database.

Facts (the meeting in Almaty on 25–27 February 2026, its organisers, the delegations, the two
initiatives and their themes) come from the news article in `docs/seed/`. Everything else
— the draft texts, the results framework, the funding figures — is demonstration material
and says so, in both languages.
"""

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
                            "",  # the seed gives no target: none is invented
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
                            "",
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
                            "",
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

# A demonstration of the last step: a resolution of the preparatory meeting in Almaty,
# adopted there, with sponsors and statements. Every word of it is demonstration material.
ADOPTED_RESOLUTION = [
    (
        "heading",
        "Резолюция подготовительной встречи о порядке подготовки к саммиту",
        "Resolution of the preparatory meeting on the preparations for the summit",
    ),
    (
        "preambular",
        "Подготовительная встреча к РЭС-2026,",
        "The preparatory meeting for RES-2026,",
    ),
    (
        "preambular",
        "рассмотрев инициативы «Зелёный щит» и «Гармония с природой»,",
        'having considered the initiatives "Green Shield" and "Harmony with Nature",',
    ),
    (
        "operative",
        "просит секретариат подготовить проекты декларации и резолюции саммита;",
        "requests the secretariat to prepare the draft declaration and resolution of the summit;",
    ),
    (
        "operative",
        "предлагает делегациям представить замечания к проектам через портал;",
        "invites delegations to comment on the drafts through the portal;",
    ),
    (
        "operative",
        "постановляет провести следующее заседание в ходе саммита.",
        "decides to hold its next session during the summit.",
    ),
]
ADOPTED_STATEMENTS = [
    # head's e-mail, kind, operative paragraphs (by number), text_ru
    ("head-kz@example.org", "joins", [], ""),
    (
        "head-uz@example.org",
        "reservations",
        [2],
        "Делегация Узбекистана оговаривает, что замечания представляются также в письменном виде.",
    ),
    (
        "head-tj@example.org",
        "explanation",
        [],
        "Делегация Таджикистана присоединяется к консенсусу и поясняет свою позицию по срокам.",
    ),
]
ADOPTED_SPONSORS = ["head-kz@example.org", "head-uz@example.org"]

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
    ("head-uz@example.org", "Jasur", "Head UZ (demo)", False, False, "uzbekistan", "head"),
    ("head-tj@example.org", "Farrukh", "Head TJ (demo)", False, False, "tajikistan", "head"),
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


# Registration for the summit (issue 25). Every person here is invented for the demonstration
# and marked so: "(demo)" after the family name; no real participant is named.
# delegation slug (or None with an organisation), category, title, given, family, Cyrillic
# given, Cyrillic family, function, status, heads the delegation, consents to the public list,
# has a photo
DEMO_REGISTRATIONS = [
    (
        "kazakhstan",
        "state",
        "he",
        "Aidos",
        "Sample (demo)",
        "Айдос",
        "Образцов (демо)",
        "Chief negotiator (demo)",
        "accredited",
        True,
        True,
        True,
    ),
    (
        "kazakhstan",
        "state",
        "ms",
        "Aigerim",
        "Example (demo)",
        "Айгерим",
        "Примерова (демо)",
        "Expert (demo)",
        "accredited",
        False,
        True,
        True,
    ),
    (
        "kazakhstan",
        "state",
        "mr",
        "Nurlan",
        "Placeholder (demo)",
        "Нурлан",
        "Условный (демо)",
        "Adviser (demo)",
        "accredited",
        False,
        False,
        False,
    ),
    (
        "kazakhstan",
        "state",
        "ms",
        "Dana",
        "Pending (demo)",
        "Дана",
        "Ожидающая (демо)",
        "Delegate (demo)",
        "pending",
        False,
        False,
        False,
    ),
    (
        "uzbekistan",
        "state",
        "he",
        "Jasur",
        "Sample (demo)",
        "Жасур",
        "Образцов (демо)",
        "Chief negotiator (demo)",
        "accredited",
        True,
        True,
        True,
    ),
    (
        "uzbekistan",
        "state",
        "ms",
        "Dilnoza",
        "Example (demo)",
        "Дилноза",
        "Примерова (демо)",
        "Expert (demo)",
        "nominated",
        False,
        True,
        False,
    ),
    (
        "uzbekistan",
        "state",
        "mr",
        "Rustam",
        "Withdrawn (demo)",
        "Рустам",
        "Отозванный (демо)",
        "Adviser (demo)",
        "withdrawn",
        False,
        False,
        False,
    ),
    (
        "tajikistan",
        "state",
        "mr",
        "Farrukh",
        "Sample (demo)",
        "Фаррух",
        "Образцов (демо)",
        "Chief negotiator (demo)",
        "nominated",
        True,
        True,
        False,
    ),
    (
        "tajikistan",
        "state",
        "dr",
        "Zarina",
        "Rejected (demo)",
        "Зарина",
        "Отклонённая (демо)",
        "Expert (demo)",
        "rejected",
        False,
        False,
        False,
    ),
    (
        "tajikistan",
        "state",
        "ms",
        "Malika",
        "Pending (demo)",
        "Малика",
        "Ожидающая (демо)",
        "Delegate (demo)",
        "pending",
        False,
        True,
        False,
    ),
    (
        "undp",
        "un_system",
        "mr",
        "Alex",
        "Example (demo)",
        "",
        "",
        "Programme specialist (demo)",
        "accredited",
        False,
        True,
        False,
    ),
    (
        None,
        "media",
        "ms",
        "Saltanat",
        "Reporter (demo)",
        "Салтанат",
        "Репортёрова (демо)",
        "Journalist (demo)",
        "nominated",
        False,
        False,
        False,
    ),
]
DEMO_MEDIA_ORGANISATION = "Demo news agency (demo)"
