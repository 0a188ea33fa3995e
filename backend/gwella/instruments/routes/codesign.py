"""HTTP for co-design: suggestions on a draft, votes, accepting and declining them."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request, status
from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.core.database import SessionDep
from gwella.core.dependencies import SignedIn
from gwella.core.errors import problem_responses
from gwella.core.pagination import PageParams, next_link, page_params
from gwella.core.principal import Principal
from gwella.instruments import codesign, service
from gwella.instruments.access import visible_version
from gwella.instruments.models import (
    Contribution,
    ContributionKind,
    ContributionStatus,
    Instrument,
    InstrumentVersion,
)
from gwella.instruments.routes import notices
from gwella.instruments.routes.common import (
    CHANGE_ERRORS,
    contribution_reads,
)
from gwella.instruments.schemas import (
    ContributionAccept,
    ContributionCreate,
    ContributionDecline,
    ContributionPage,
    ContributionRead,
)

router = APIRouter(prefix="/api/v1", tags=["instruments"])


async def _participant(
    session: AsyncSession,
    p: Principal,
    instrument: Instrument,
    version: InstrumentVersion,
    doing: str,
) -> tuple[uuid.UUID, uuid.UUID, str]:
    eligible = {instrument.organisation_id} | await service.codesign_orgs(session, version)
    org_id, role = policy.acting_role(p, eligible, doing)
    return p.id, org_id, role


@router.get(
    "/instrument-versions/{version_id}/contributions",
    operation_id="listContributions",
    summary="List a draft's co-design suggestions and comments",
    response_model=ContributionPage,
    responses=problem_responses(400, 401, 403, 404, 422),
)
async def list_contributions(
    version_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: SignedIn,
    params: Annotated[
        PageParams, Depends(page_params("created_at", list(codesign.CONTRIBUTION_SORTS)))
    ],
    kind: ContributionKind | None = None,
    status: ContributionStatus | None = None,
) -> ContributionPage:
    _, version = await visible_version(session, principal, version_id)
    rows, cursor = await codesign.list_contributions(session, params, version.id, kind, status)
    return ContributionPage(
        items=await contribution_reads(session, principal, rows),
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.post(
    "/instrument-versions/{version_id}/contributions",
    operation_id="createContribution",
    summary="Suggest a topic or a question, or comment on a question",
    description="Members of the owning organisation, and of organisations invited to "
    "co-design the draft. The author's role is recorded (service user and carer first).",
    status_code=status.HTTP_201_CREATED,
    response_model=ContributionRead,
    responses=CHANGE_ERRORS,
)
async def create_contribution(
    version_id: uuid.UUID, data: ContributionCreate, session: SessionDep, principal: SignedIn
) -> ContributionRead:
    instrument, version = await visible_version(session, principal, version_id)
    author = await _participant(session, principal, instrument, version, "contribute")
    contribution = await codesign.add_contribution(
        session, principal.audit, instrument, version, author, data
    )
    await notices.contribution_added(session, instrument, version, contribution)
    return (await contribution_reads(session, principal, [contribution]))[0]


async def _contribution(
    session: AsyncSession, p: Principal, contribution_id: uuid.UUID
) -> tuple[Instrument, InstrumentVersion, Contribution]:
    contribution = await codesign.get_contribution(session, contribution_id)
    instrument, version = await visible_version(session, p, contribution.version_id)
    return instrument, version, contribution


@router.post(
    "/contributions/{contribution_id}/votes",
    operation_id="createVote",
    summary="Vote a suggestion up (once per person)",
    status_code=status.HTTP_201_CREATED,
    response_model=ContributionRead,
    responses=CHANGE_ERRORS,
)
async def vote(
    contribution_id: uuid.UUID, session: SessionDep, principal: SignedIn
) -> ContributionRead:
    instrument, version, contribution = await _contribution(session, principal, contribution_id)
    voter = await _participant(session, principal, instrument, version, "vote")
    await codesign.vote(session, principal.audit, instrument, contribution, voter)
    return (await contribution_reads(session, principal, [contribution]))[0]


@router.delete(
    "/contributions/{contribution_id}/votes/me",
    operation_id="deleteVote",
    summary="Withdraw your vote",
    response_model=ContributionRead,
    responses=CHANGE_ERRORS,
)
async def withdraw_vote(
    contribution_id: uuid.UUID, session: SessionDep, principal: SignedIn
) -> ContributionRead:
    instrument, _, contribution = await _contribution(session, principal, contribution_id)
    await codesign.withdraw_vote(session, principal.audit, instrument, contribution, principal.id)
    return (await contribution_reads(session, principal, [contribution]))[0]


@router.post(
    "/contributions/{contribution_id}/accept",
    operation_id="acceptContribution",
    summary="Accept a suggestion: it becomes a question credited to its author",
    response_model=ContributionRead,
    responses=CHANGE_ERRORS,
)
async def accept_contribution(
    contribution_id: uuid.UUID, data: ContributionAccept, session: SessionDep, principal: SignedIn
) -> ContributionRead:
    instrument, version, contribution = await _contribution(session, principal, contribution_id)
    policy.ensure_edit_instrument(principal, instrument.organisation_id)
    await codesign.accept_contribution(
        session, principal.audit, instrument, version, contribution, data
    )
    await notices.contribution_decided(
        session, principal.id, instrument, version, contribution, accepted=True
    )
    return (await contribution_reads(session, principal, [contribution]))[0]


@router.post(
    "/contributions/{contribution_id}/decline",
    operation_id="declineContribution",
    summary="Decline a suggestion with a reason its author sees",
    response_model=ContributionRead,
    responses=CHANGE_ERRORS,
)
async def decline_contribution(
    contribution_id: uuid.UUID,
    data: ContributionDecline,
    session: SessionDep,
    principal: SignedIn,
) -> ContributionRead:
    instrument, version, contribution = await _contribution(session, principal, contribution_id)
    policy.ensure_edit_instrument(principal, instrument.organisation_id)
    await codesign.decline_contribution(
        session, principal.audit, instrument, contribution, data.reason
    )
    await notices.contribution_decided(
        session, principal.id, instrument, version, contribution, accepted=False
    )
    return (await contribution_reads(session, principal, [contribution]))[0]
