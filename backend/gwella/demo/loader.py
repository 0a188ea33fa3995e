"""Loading the demo data. Idempotent: run it twice and nothing is duplicated."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts import users as accounts
from gwella.accounts.models import Membership, User
from gwella.core.audit import AuditContext
from gwella.demo.actions import load_actions
from gwella.demo.data import DEMO_DOMAIN, DEMO_PASSWORD, ORGS, PARTNERSHIP, PEOPLE, SCHEME
from gwella.demo.indicators import load_indicators
from gwella.demo.survey import load_survey
from gwella.organisations import service as organisations
from gwella.organisations.models import Organisation, Service
from gwella.organisations.schemas import OrganisationCreate, ServiceCreate
from gwella.partnerships import service as partnerships
from gwella.partnerships.models import Partnership
from gwella.partnerships.schemas import PartnershipCreate


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
    created.update(await load_survey(session, orgs, people))
    created.update(await load_indicators(session, orgs))
    created.update(await load_actions(session, orgs, people))
    return created
