"""HTTP for who took part in co-design: counts by role, per instrument and per organisation."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from gwella import policy
from gwella.core.database import SessionDep
from gwella.core.dependencies import Reader
from gwella.instruments import codesign
from gwella.instruments.access import visible_instrument
from gwella.instruments.routes.common import (
    READ_ERRORS,
)
from gwella.instruments.schemas import (
    Involvement,
    RoleCounts,
)
from gwella.organisations import service as organisations

router = APIRouter(prefix="/api/v1", tags=["instruments"])


def _involvement(counts: dict[str, dict[str, int]]) -> Involvement:
    lay = sum(
        n
        for bucket in ("suggestions", "comments", "votes")
        for role, n in counts[bucket].items()
        if role in policy.LAY_ROLES
    )
    total = sum(
        n for bucket in ("suggestions", "comments", "votes") for n in counts[bucket].values()
    )
    return Involvement(
        suggestions=RoleCounts(**counts["suggestions"]),
        comments=RoleCounts(**counts["comments"]),
        votes=RoleCounts(**counts["votes"]),
        suggestions_accepted=RoleCounts(**counts["suggestions_accepted"]),
        service_user_and_carer_share=round(lay / total, 4) if total else None,
    )


@router.get(
    "/instruments/{instrument_id}/involvement",
    operation_id="getInstrumentInvolvement",
    summary="How many suggestions, comments and votes came from each role",
    response_model=Involvement,
    responses=READ_ERRORS,
)
async def get_instrument_involvement(
    instrument_id: uuid.UUID, session: SessionDep, principal: Reader
) -> Involvement:
    instrument = await visible_instrument(session, principal, instrument_id)
    return _involvement(await codesign.involvement(session, instrument_id=instrument.id))


@router.get(
    "/organisations/{organisation_id}/involvement",
    operation_id="getOrganisationInvolvement",
    summary="Co-design involvement across an organisation's instruments, by role",
    tags=["organisations"],
    response_model=Involvement,
    responses=READ_ERRORS,
)
async def get_organisation_involvement(
    organisation_id: uuid.UUID, session: SessionDep, principal: Reader
) -> Involvement:
    await organisations.get_organisation(session, organisation_id)
    policy.ensure_read_org(principal, organisation_id)
    return _involvement(await codesign.involvement(session, organisation_id=organisation_id))
