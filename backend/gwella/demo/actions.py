"""The demo improvement actions: a service user's proposal in progress and a staff proposal."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role, User
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
from gwella.core.audit import AuditContext
from gwella.core.database import utcnow
from gwella.core.principal import Principal
from gwella.demo.data import PARTNERSHIP
from gwella.indicators import service as indicators
from gwella.organisations.models import Organisation
from gwella.partnerships import service as partnerships
from gwella.partnerships.models import Partnership


async def load_actions(
    session: AsyncSession, orgs: dict[str, Organisation], people: dict[str, User]
) -> dict[str, int]:
    """Two improvement actions: a service user's proposal in progress (the board leads, the
    council supports, one PDSA cycle on the involvement chart) and a staff proposal."""
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
