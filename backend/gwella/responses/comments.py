"""Free-text answers as comments: listing them for staff, moderating them, and the comments
published beside results. No HTTP types."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core import audit
from gwella.core.audit import AuditContext
from gwella.core.database import utcnow
from gwella.core.errors import NotFound
from gwella.core.pagination import PageParams, paginate
from gwella.responses.models import Answer, Moderation, Response
from gwella.responses.service import get_response
from gwella.results import service as results


async def list_comments(
    session: AsyncSession,
    params: PageParams,
    campaign_id: uuid.UUID,
    service_ids: Iterable[uuid.UUID],
    moderation: Moderation | None,
) -> tuple[list[tuple[Answer, Response]], str | None]:
    stmt = (
        select(Answer)
        .join(Response, Response.id == Answer.response_id)
        .where(
            Response.campaign_id == campaign_id,
            Response.service_id.in_(set(service_ids)),
            Response.held.is_(False),
            ~results.unreleased(Response.id),
            Answer.moderation.is_not(None),
        )
    )
    if moderation is not None:
        stmt = stmt.where(Answer.moderation == moderation)
    rows, cursor = await paginate(
        session, stmt, params, {"question_key": Answer.question_key}, Answer.id
    )
    responses = {
        r.id: r
        for r in await session.scalars(
            select(Response).where(Response.id.in_({a.response_id for a in rows}))
        )
    }
    return [(a, responses[a.response_id]) for a in rows], cursor


async def get_answer(session: AsyncSession, answer_id: uuid.UUID) -> tuple[Answer, Response]:
    answer = await session.get(Answer, answer_id)
    if answer is None or answer.moderation is None:
        raise NotFound("No free-text answer with that id is visible to you.")
    return answer, await get_response(session, answer.response_id)


async def moderate(
    session: AsyncSession,
    ctx: AuditContext,
    answer: Answer,
    response: Response,
    organisation_id: uuid.UUID,
    state: Moderation,
    note: str | None,
) -> Answer:
    before = {"moderation": answer.moderation.value if answer.moderation else None}
    answer.moderation = state
    answer.moderation_note = note
    answer.moderated_by_id = ctx.actor_id
    answer.moderated_at = utcnow()
    await session.flush()
    await audit.record(
        session,
        ctx,
        action=f"answer.{state.value}",
        record_type="answer",
        record_id=answer.id,
        organisation_id=organisation_id,
        before=before,
        after={"moderation": state.value},
    )
    return answer


async def published_comments(
    session: AsyncSession, campaign_id: uuid.UUID, service_ids: Iterable[uuid.UUID]
) -> list[tuple[str, str, uuid.UUID, uuid.UUID]]:
    """Free text for shared views: only what its service's staff have published (question,
    text, service, and the answer's id, which an improvement action can cite)."""
    rows = await session.execute(
        select(Answer.question_key, Answer.text, Response.service_id, Answer.id)
        .join(Response, Response.id == Answer.response_id)
        .where(
            Response.campaign_id == campaign_id,
            Response.service_id.in_(set(service_ids)),
            Response.held.is_(False),
            ~results.unreleased(Response.id),
            Answer.moderation == Moderation.published,
        )
        .order_by(Answer.question_key, Answer.id)
        .limit(500)
    )
    return [(key, text or "", sid, aid) for key, text, sid, aid in rows]
