"""HTTP for the signed-in person's agenda."""

from __future__ import annotations

from fastapi import APIRouter

from gwella.core.database import SessionDep
from gwella.core.dependencies import SignedIn
from gwella.core.errors import problem_responses
from gwella.home import service
from gwella.home.schemas import Agenda

router = APIRouter(prefix="/api/v1/me", tags=["home"])


@router.get(
    "/agenda",
    operation_id="getMyAgenda",
    summary="What needs you, and what changed",
    description=(
        "For the signed-in person only: drafts in review whose approval by you would count "
        "(under the owning organisation's review rule) and that you have not reviewed; open "
        "co-design suggestions on drafts you may edit; parts in actions that your "
        "organisations (where you are an administrator or manager) were asked to take; "
        "indicator series of your organisations (where you are staff, a manager or an "
        "administrator) and of the partnerships you lead whose latest point is a special "
        "cause, computed as the chart endpoint does; open actions past their due date that "
        "you or your organisation carry; and your latest notifications. Each list holds its "
        f"first {service.ITEMS} items and its `total`; each item links to where you act."
    ),
    response_model=Agenda,
    responses=problem_responses(401, 403),
)
async def get_my_agenda(session: SessionDep, principal: SignedIn) -> Agenda:
    return await service.agenda_of(principal, session)
