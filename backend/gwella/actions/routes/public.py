"""HTTP for the public "you said, we did" page (no sign-in)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends

from gwella.actions import public as public_page
from gwella.actions.schemas import PublicActionsPage
from gwella.core.database import SessionDep
from gwella.core.dependencies import public
from gwella.core.errors import problem_responses

router = APIRouter()


@router.get(
    "/public/partnerships/{partnership_id}/actions",
    operation_id="getPublicActions",
    summary='The public "you said, we did" page of a partnership (no sign-in)',
    description="Agreed, active and completed actions with their summaries and progress, and "
    "the reasons for those not taken forward, in English and Welsh. No personal data: no "
    "names, ids of people or email addresses.",
    tags=["public"],
    response_model=PublicActionsPage,
    responses=problem_responses(404, 422),
    dependencies=[Depends(public('The public "you said, we did" page'))],
)
async def get_public_actions(partnership_id: uuid.UUID, session: SessionDep) -> PublicActionsPage:
    return await public_page.public_page(session, partnership_id)
