"""Demo data: a fictional partnership around the coastal Welsh city of Abermor.

Every name is invented. Loading is idempotent: run it twice and nothing is duplicated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts import users as accounts
from gwella.accounts.models import Language, Membership, Role, User
from gwella.campaigns import service as campaigns
from gwella.campaigns.enums import Channel
from gwella.campaigns.schemas import CampaignCreate
from gwella.core.audit import ActorType, AuditContext
from gwella.core.database import utcnow
from gwella.core.text import LocalizedText
from gwella.indicators import service as indicators
from gwella.indicators.models import Direction, Framework, Measurement, MeasurementSource, Standard
from gwella.indicators.schemas import IndicatorCreate
from gwella.instruments import review as instrument_review
from gwella.instruments import service as instruments
from gwella.instruments.content import InstrumentContent
from gwella.instruments.models import Instrument, ReviewDecision
from gwella.instruments.schemas import InstrumentCreate
from gwella.organisations import service as organisations
from gwella.organisations.models import Organisation, OrganisationKind, Service, ServiceKind
from gwella.organisations.schemas import OrganisationCreate, ServiceCreate
from gwella.partnerships import service as partnerships
from gwella.partnerships.models import Partnership
from gwella.partnerships.schemas import PartnershipCreate

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


async def _load_survey(
    session: AsyncSession, orgs: dict[str, Organisation], people: dict[str, User]
) -> dict[str, int]:
    """A published, service-user-approved instrument with an open campaign in both teams."""
    created = {"instruments": 0, "campaigns": 0}
    board, forum = orgs["BAUHB"], orgs["FORUM"]
    exists = await session.scalar(
        select(Instrument.id).where(
            Instrument.organisation_id == board.id, Instrument.code == SURVEY_CODE
        )
    )
    if exists is not None:
        return created
    staff = AuditContext(ActorType.user, people["staff"].id, people["staff"].email)
    instrument, version = await instruments.create_instrument(
        session,
        staff,
        InstrumentCreate(
            organisation_id=board.id,
            code=SURVEY_CODE,
            title=LocalizedText(
                en="Your experience of the community mental health team",
                cy="Eich profiad o'r tîm iechyd meddwl cymunedol",
            ),
            shared_with_partnerships=True,
            content=InstrumentContent.model_validate(SURVEY_CONTENT),
        ),
    )
    await instruments.set_codesign(session, staff, instrument, version, False, [forum.id])
    await instrument_review.request_review(session, staff, instrument, version)
    reviewer = people["serviceuser"]
    await instrument_review.add_review(
        session,
        AuditContext(ActorType.user, reviewer.id, reviewer.email),
        instrument,
        version,
        (reviewer.id, forum.id, "service_user"),
        ReviewDecision.approved,
        "Plain words, and it asks what matters to us.",
    )
    await instrument_review.publish(session, staff, instrument, version)
    created["instruments"] += 1
    team_ids = list(
        await session.scalars(
            select(Service.id).where(
                Service.organisation_id == board.id, Service.code.in_(["CMHT-N", "CMHT-W"])
            )
        )
    )
    opens = utcnow() - timedelta(days=7)
    await campaigns.create_campaign(
        session,
        staff,
        CampaignCreate(
            instrument_version_id=version.id,
            name="CMHT experience, this quarter",
            opens_at=opens,
            closes_at=opens + timedelta(days=90),
            service_ids=team_ids,
            channels=[Channel.web, Channel.paper, Channel.partner],
        ),
        None,
    )
    created["campaigns"] += 1
    return created


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


async def _load_indicators(session: AsyncSession, board: Organisation) -> dict[str, int]:
    created = {"indicators": 0, "measurements": 0}
    framework = await session.scalar(select(Framework).where(Framework.code == "WALES-AMH-NSF"))
    if framework is None:
        framework = Framework(
            code="WALES-AMH-NSF",
            title={
                "en": "Adult Mental Health National Service Framework for Wales",
                "cy": "Fframwaith Gwasanaeth Cenedlaethol Iechyd Meddwl Oedolion Cymru",
            },
            description={
                "en": "Its seven standards, with titles paraphrased for the demo.",
                "cy": "Ei saith safon, gyda theitlau wedi'u haralleirio ar gyfer y demo.",
            },
        )
        session.add(framework)
        await session.flush()
        session.add_all(
            Standard(framework_id=framework.id, code=f"S{n}", number=n, title={"en": en, "cy": cy})
            for n, (en, cy) in enumerate(NSF_STANDARDS, 1)
        )
        await session.flush()
    standards = {
        s.number: s.id
        for s in await session.scalars(
            select(Standard).where(Standard.framework_id == framework.id)
        )
    }
    ctx = AuditContext.system("demo-data")
    today = utcnow().date().replace(day=1)
    for code, en, cy, unit, direction, target, number, values in DEMO_INDICATORS:
        existing = await indicators.indicators_by_code(session, [code])
        if code in existing:
            continue
        indicator = await indicators.create_indicator(
            session,
            ctx,
            IndicatorCreate(
                code=code,
                name=LocalizedText(en=en, cy=cy),
                unit=unit,
                direction=direction,
                target=target,
                standard_id=standards[number],
            ),
        )
        created["indicators"] += 1
        for months_ago, value in zip(range(len(values), 0, -1), values, strict=True):
            start = _month_back(today, months_ago)
            end = _month_back(today, months_ago - 1) - timedelta(days=1)
            session.add(
                Measurement(
                    indicator_id=indicator.id,
                    organisation_id=board.id,
                    service_id=None,
                    unit_key=indicators.unit_key(board.id, None),
                    period_start=start,
                    period_end=end,
                    value=float(value),
                    source=MeasurementSource.manual,
                )
            )
            created["measurements"] += 1
    await session.flush()
    return created


def _month_back(first_of_month: date, months: int) -> date:
    index = first_of_month.year * 12 + first_of_month.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


async def load_demo(session: AsyncSession) -> dict[str, int]:
    """Create whatever of the demo data is missing; returns counts of what was created."""
    ctx = AuditContext.system("demo-data")
    created = {"organisations": 0, "services": 0, "users": 0, "memberships": 0, "partnerships": 0}
    orgs: dict[str, Organisation] = {}
    for spec in ORGS:
        org = await session.scalar(
            select(Organisation).where(
                Organisation.code_scheme == SCHEME, Organisation.code == spec.code
            )
        )
        if org is None:
            org = await organisations.create_organisation(
                session,
                ctx,
                OrganisationCreate(
                    name=spec.name,
                    name_cy=spec.name_cy,
                    kind=spec.kind,
                    code_scheme=SCHEME,
                    code=spec.code,
                ),
            )
            created["organisations"] += 1
        orgs[spec.code] = org
        for code, name, name_cy, kind in spec.services:
            exists = await session.scalar(
                select(Service.id).where(Service.organisation_id == org.id, Service.code == code)
            )
            if exists is None:
                await organisations.create_service(
                    session,
                    ctx,
                    org,
                    ServiceCreate(name=name, name_cy=name_cy, kind=kind, code=code),
                )
                created["services"] += 1
    partnership = await session.scalar(
        select(Partnership).where(Partnership.name == PARTNERSHIP[0])
    )
    if partnership is None:
        await partnerships.create_partnership(
            session,
            ctx,
            PartnershipCreate(
                name=PARTNERSHIP[0],
                name_cy=PARTNERSHIP[1],
                description="Health board, council, charity and service user forum improving "
                "adult mental health services in Abermor together.",
                organisation_ids=[o.id for o in orgs.values()],
            ),
        )
        created["partnerships"] += 1
    people: dict[str, User] = {}
    for local, name, language, platform_admin, roles in PEOPLE:
        email = f"{local}@{DEMO_DOMAIN}"
        user = await session.scalar(select(User).where(User.email == email))
        if user is None:
            user = await accounts.create_user(
                session,
                ctx,
                email=email,
                display_name=name,
                password=DEMO_PASSWORD,
                language=language,
                is_platform_admin=platform_admin,
            )
            created["users"] += 1
        people[local] = user
        for org_code, role in roles:
            held = await session.scalar(
                select(Membership.id).where(
                    Membership.user_id == user.id,
                    Membership.organisation_id == orgs[org_code].id,
                    Membership.role == role,
                )
            )
            if held is None:
                await accounts.grant_role(session, ctx, orgs[org_code].id, user.id, role)
                created["memberships"] += 1
    partnership = await session.scalar(
        select(Partnership).where(Partnership.name == PARTNERSHIP[0])
    )
    if partnership is not None and not await partnerships.list_leads(session, partnership.id):
        await partnerships.appoint_lead(
            session, ctx, partnership, people["manager"].id, orgs["BAUHB"].id, person_belongs=True
        )
    created.update(await _load_survey(session, orgs, people))
    created.update(await _load_indicators(session, orgs["BAUHB"]))
    created.update(await _load_actions(session, orgs, people))
    return created


async def _load_actions(
    session: AsyncSession, orgs: dict[str, Organisation], people: dict[str, User]
) -> dict[str, int]:
    """Two improvement actions: a service user's proposal in progress (the board leads, the
    council supports, one PDSA cycle on the involvement chart) and a staff proposal."""
    import uuid

    from gwella.actions import participation, pdsa, progress, responsibilities, workflow
    from gwella.actions.models import Action, ActionStatus, EvidenceKind, ResponsibilityRole
    from gwella.actions.parties import parties
    from gwella.actions.schemas import (
        ActionCreate,
        BilingualText,
        EvidenceIn,
        PdsaCreate,
        ProgressUpdateCreate,
        ResponsibilityIn,
        StatusChange,
        TitleText,
    )
    from gwella.core.principal import Principal

    partnership = await session.scalar(
        select(Partnership).where(Partnership.name == PARTNERSHIP[0])
    )
    assert partnership is not None
    if await session.scalar(select(Action.id).where(Action.partnership_id == partnership.id)):
        return {"actions": 0}
    ctx = AuditContext.system("demo-data")
    await session.flush()
    members = await partnerships.active_member_ids(session, partnership.id)
    board, council, forum = orgs["BAUHB"], orgs["ACC-ASS"], orgs["FORUM"]

    def person(local: str, org: Organisation, role: Role) -> Principal:
        return Principal(
            kind="user",
            id=people[local].id,
            label=people[local].display_name,
            token_id=uuid.uuid4(),
            audit=ctx,
            roles={org.id: frozenset({role.value})},
            partnership_ids=frozenset({partnership.id}),
            partner_org_ids=frozenset(members - {org.id}),
        )

    involved = (await indicators.indicators_by_code(session, ["SU-INVOLVED"])).get("SU-INVOLVED")
    today = utcnow().date()
    sam = person("serviceuser", forum, Role.service_user)
    evening = await workflow.create_action(
        session,
        ctx,
        sam,
        (forum.id, Role.service_user.value),
        ActionCreate(
            partnership_id=partnership.id,
            title=TitleText(
                en="Evening appointments at the community mental health team",
                cy="Apwyntiadau gyda'r nos yn y tîm iechyd meddwl cymunedol",
            ),
            description=BilingualText(
                en="People who work, and carers, cannot come to appointments in the day.",
                cy="Ni all pobl sy'n gweithio, na gofalwyr, ddod i apwyntiadau yn ystod y dydd.",
            ),
            summary=BilingualText(
                en="You said you could not come in the day; we are opening until 8pm on "
                "Tuesdays, with the council's carers' support team alongside.",
                cy="Dywedoch na allech ddod yn ystod y dydd; rydym yn agor tan 8pm ar ddydd "
                "Mawrth, gyda thîm cymorth gofalwyr y cyngor wrth ein hochr.",
            ),
            evidence=[EvidenceIn(kind=EvidenceKind.indicator, indicator_id=involved.id)]
            if involved
            else [],
            responsibilities=[
                ResponsibilityIn(
                    organisation_id=board.id,
                    role=ResponsibilityRole.lead,
                    owner_id=people["staff"].id,
                ),
                ResponsibilityIn(organisation_id=council.id, role=ResponsibilityRole.supporting),
            ],
            due_date=today + timedelta(days=90),
        ),
        members,
    )
    for status, why in (
        (ActionStatus.under_review, "Raised at the partnership board"),
        (ActionStatus.agreed, "Agreed by the board and the council"),
        (ActionStatus.in_progress, "Pilot starts on Tuesdays"),
    ):
        who = await parties(session, evening)
        if status is ActionStatus.agreed:
            for row in who.rows:
                await responsibilities.answer_responsibility(
                    session, ctx, evening, row, True, None, "We will do our part"
                )
            who = await parties(session, evening)
        await workflow.change_status(
            session, ctx, evening, StatusChange(status=status, explanation=why), who
        )
    await participation.add_support(
        session, ctx, evening, people["carer"].id, (forum.id, Role.carer.value)
    )
    who = await parties(session, evening)
    await progress.add_update(
        session,
        ctx,
        evening,
        board.id,
        ProgressUpdateCreate(
            note=BilingualText(
                en="Rooms and staff rota agreed; first four evenings held.",
                cy="Ystafelloedd a rota staff wedi'u cytuno; pedair noson gyntaf wedi'u cynnal.",
            ),
            percent=40,
        ),
        who,
    )
    await pdsa.create_cycle(
        session,
        ctx,
        person("staff", board, Role.staff),
        evening,
        PdsaCreate(
            objective="Open until 8pm on Tuesdays for a month",
            prediction="More service users feel involved in decisions about their care",
            indicator_id=involved.id if involved else None,
            planned_on=today - timedelta(days=30),
        ),
        board.id,
    )
    letters = await workflow.create_action(
        session,
        ctx,
        person("staff", board, Role.staff),
        (board.id, Role.staff.value),
        ActionCreate(
            partnership_id=partnership.id,
            title=TitleText(
                en="Care plans in Welsh as well as English",
                cy="Cynlluniau gofal yn Gymraeg yn ogystal â Saesneg",
            ),
            description=BilingualText(
                en="Offer every care plan in the person's language of choice."
            ),
        ),
        members,
    )
    await participation.add_support(
        session, ctx, letters, people["serviceuser"].id, (forum.id, Role.service_user.value)
    )
    await session.flush()
    return {"actions": 2}
