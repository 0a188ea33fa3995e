"""The demo data itself: a fictional partnership around the coastal Welsh city of Abermor, its
organisations, people, survey and indicators. Every name is invented."""

from __future__ import annotations

from dataclasses import dataclass

from gwella.accounts.models import Language, Role
from gwella.indicators.models import Direction
from gwella.organisations.enums import OrganisationKind, ServiceKind

DEMO_PASSWORD = "gwella-demo"  # noqa: S105 - published demo sign-in, never loaded in production
DEMO_DOMAIN = "demo.gwella.test"
SCHEME = "demo"


@dataclass(frozen=True)
class DemoOrg:
    code: str
    name: str
    name_cy: str
    kind: OrganisationKind
    services: tuple[tuple[str, str, str, ServiceKind], ...] = ()


ORGS = (
    DemoOrg(
        "BAUHB",
        "Bae Abermor University Health Board",
        "Bwrdd Iechyd Prifysgol Bae Abermor",
        OrganisationKind.health_board,
        (
            (
                "CMHT-N",
                "Abermor North Community Mental Health Team",
                "Tîm Iechyd Meddwl Cymunedol Gogledd Abermor",
                ServiceKind.community_mental_health_team,
            ),
            (
                "CMHT-W",
                "Abermor West Community Mental Health Team",
                "Tîm Iechyd Meddwl Cymunedol Gorllewin Abermor",
                ServiceKind.community_mental_health_team,
            ),
            (
                "WARD-GLAS",
                "Ward Glas (adult acute)",
                "Ward Glas (oedolion acíwt)",
                ServiceKind.ward,
            ),
        ),
    ),
    DemoOrg(
        "ACC-ASS",
        "Abermor City Council Adult Social Services",
        "Gwasanaethau Cymdeithasol Oedolion Cyngor Dinas Abermor",
        OrganisationKind.local_authority,
        (
            (
                "SWT-MH",
                "Mental Health Social Work Team",
                "Tîm Gwaith Cymdeithasol Iechyd Meddwl",
                ServiceKind.social_work_team,
            ),
        ),
    ),
    DemoOrg(
        "LLES",
        "Lles Glan y Môr Wellbeing Charity",
        "Elusen Lles Glan y Môr",
        OrganisationKind.third_sector,
        (
            (
                "DROP-IN",
                "Harbourside Wellbeing Drop-in",
                "Galw Heibio Lles Glan yr Harbwr",
                ServiceKind.day_centre,
            ),
        ),
    ),
    DemoOrg(
        "FORUM",
        "Abermor Service User Forum",
        "Fforwm Defnyddwyr Gwasanaeth Abermor",
        OrganisationKind.service_user_group,
    ),
)

PARTNERSHIP = ("Abermor Mental Health Partnership", "Partneriaeth Iechyd Meddwl Abermor")

# (local part, display name, language, platform admin, [(org code, role)])
PEOPLE: tuple[tuple[str, str, Language, bool, tuple[tuple[str, Role], ...]], ...] = (
    ("admin", "Alys Admin", Language.en, True, (("BAUHB", Role.admin),)),
    ("manager", "Morgan Manager", Language.en, False, (("BAUHB", Role.manager),)),
    ("staff", "Siôn Staff", Language.cy, False, (("BAUHB", Role.staff),)),
    ("serviceuser", "Sam Service-User", Language.en, False, (("FORUM", Role.service_user),)),
    ("carer", "Carys Carer", Language.cy, False, (("FORUM", Role.carer),)),
    ("council", "Ceri Council", Language.en, False, (("ACC-ASS", Role.manager),)),
)


def _likert_options() -> list[dict[str, object]]:
    labels = (
        ("Strongly disagree", "Anghytuno'n gryf"),
        ("Disagree", "Anghytuno"),
        ("Neither agree nor disagree", "Ddim yn cytuno nac yn anghytuno"),
        ("Agree", "Cytuno"),
        ("Strongly agree", "Cytuno'n gryf"),
    )
    return [
        {"value": str(i), "label": {"en": en, "cy": cy}} for i, (en, cy) in enumerate(labels, 1)
    ]


SURVEY_CODE = "cmht-experience"
SURVEY_CONTENT = {
    "sections": [
        {"key": "care", "title": {"en": "Your care", "cy": "Eich gofal"}},
        {"key": "better", "title": {"en": "Making it better", "cy": "Ei wneud yn well"}},
    ],
    "questions": [
        {
            "key": "involved",
            "type": "likert",
            "section": "care",
            "required": True,
            "indicator_code": "SU-INVOLVED",
            "text": {
                "en": "I was involved as much as I wanted in decisions about my care.",
                "cy": "Roeddwn i'n rhan o benderfyniadau am fy ngofal gymaint ag yr oeddwn "
                "i eisiau.",
            },
            "options": _likert_options(),
        },
        {
            "key": "has_care_plan",
            "type": "yes_no",
            "section": "care",
            "required": True,
            "allow_dont_know": True,
            "text": {
                "en": "Do you have a care and treatment plan?",
                "cy": "Oes gennych chi gynllun gofal a thriniaeth?",
            },
        },
        {
            "key": "plan_useful",
            "type": "rating",
            "section": "care",
            "required": True,
            "conditions": [{"question": "has_care_plan", "values": ["yes"]}],
            "text": {
                "en": "How useful is your plan, from 0 (not at all) to 10 (very useful)?",
                "cy": "Pa mor ddefnyddiol yw eich cynllun, o 0 (ddim o gwbl) i 10 "
                "(defnyddiol iawn)?",
            },
        },
        {
            "key": "care_language",
            "type": "single_choice",
            "section": "care",
            "text": {
                "en": "In which language were you offered your care?",
                "cy": "Ym mha iaith y cynigiwyd eich gofal i chi?",
            },
            "options": [
                {"value": "english", "label": {"en": "English", "cy": "Saesneg"}},
                {"value": "welsh", "label": {"en": "Welsh", "cy": "Cymraeg"}},
                {"value": "both", "label": {"en": "Both", "cy": "Y ddwy"}},
            ],
        },
        {
            "key": "what_matters",
            "type": "free_text",
            "section": "better",
            "max_length": 1000,
            "text": {
                "en": "What one thing would make the service better for you?",
                "cy": "Beth yw'r un peth a fyddai'n gwneud y gwasanaeth yn well i chi?",
            },
        },
    ],
}


NSF_STANDARDS = (
    (
        "Social inclusion, health promotion and tackling stigma",
        "Cynhwysiant cymdeithasol, hybu iechyd a mynd i'r afael â stigma",
    ),
    ("Service user and carer empowerment", "Grymuso defnyddwyr gwasanaeth a gofalwyr"),
    (
        "Promoting opportunities for a normal pattern of daily life",
        "Hybu cyfleoedd ar gyfer patrwm bywyd bob dydd arferol",
    ),
    ("Commissioning equitable and accessible services", "Comisiynu gwasanaethau teg a hygyrch"),
    (
        "Delivering responsive, comprehensive services",
        "Darparu gwasanaethau ymatebol a chynhwysfawr",
    ),
    (
        "Effective client assessment and care pathways",
        "Asesu cleientiaid a llwybrau gofal effeithiol",
    ),
    (
        "Ensuring a well staffed, skilled and supported workforce",
        "Sicrhau gweithlu digonol, medrus a chefnogol",
    ),
)

# (code, en, cy, unit, direction, target, standard number, 24 monthly values)
DEMO_INDICATORS = (
    (
        "SU-INVOLVED",
        "Service users who felt involved in decisions about their care",
        "Defnyddwyr gwasanaeth a deimlai eu bod yn rhan o benderfyniadau am eu gofal",
        "%",
        Direction.higher_is_better,
        75.0,
        2,
        [
            61,
            64,
            59,
            63,
            60,
            62,
            65,
            58,
            61,
            63,
            60,
            62,
            64,
            61,
            63,
            66,
            68,
            69,
            70,
            71,
            72,
            70,
            73,
            74,
        ],
    ),
    (
        "CARE-PLAN",
        "Service users with a care and treatment plan",
        "Defnyddwyr gwasanaeth sydd â chynllun gofal a thriniaeth",
        "%",
        Direction.higher_is_better,
        90.0,
        6,
        [
            88,
            91,
            89,
            90,
            92,
            88,
            90,
            91,
            89,
            90,
            92,
            91,
            89,
            90,
            91,
            88,
            90,
            92,
            91,
            90,
            89,
            91,
            90,
            92,
        ],
    ),
    (
        "WAIT-ASSESS",
        "Median days from referral to assessment",
        "Canolrif y dyddiau o atgyfeirio i asesu",
        "days",
        Direction.lower_is_better,
        28.0,
        5,
        [
            30,
            27,
            33,
            29,
            31,
            28,
            26,
            32,
            30,
            29,
            31,
            27,
            30,
            28,
            33,
            31,
            34,
            35,
            36,
            38,
            39,
            41,
            40,
            43,
        ],
    ),
)


def _partner_series(start: float, step: float, wobble: tuple[float, ...]) -> list[float]:
    """24 months of a partner's own series: a drift by ``step`` a month, with the same small
    ups and downs each year (invented, as every figure here)."""
    return [round(start + step * i + wobble[i % len(wobble)], 1) for i in range(24)]


_WOBBLE = (1.5, -1.0, 0.5, -2.0, 1.0, 0.0, -1.5, 2.0, -0.5, 1.0, -1.0, 0.5)

# The partners' own series of the same indicators, so that "side by side" compares
# organisations: the council's social work team and the charity's drop-in measure involvement
# too; the council also keeps care plans and waits. {indicator code: {organisation code: values}}
PARTNER_MEASUREMENTS: dict[str, dict[str, list[float]]] = {
    "SU-INVOLVED": {
        "ACC-ASS": _partner_series(66.0, 0.2, _WOBBLE),
        "LLES": _partner_series(78.0, 0.0, _WOBBLE),
    },
    "CARE-PLAN": {"ACC-ASS": _partner_series(84.0, 0.15, _WOBBLE)},
    "WAIT-ASSESS": {"ACC-ASS": _partner_series(24.0, -0.1, _WOBBLE)},
}
