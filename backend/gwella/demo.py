"""Demo data: a fictional partnership around the coastal Welsh city of Abermor.

Every name is invented. Loading is idempotent: run it twice and nothing is duplicated.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts import service as accounts
from gwella.accounts.models import Language, Membership, Role, User
from gwella.core.audit import AuditContext
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
)


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
    return created
