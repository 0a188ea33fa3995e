"""Finding the responses a partner pushed by its own identifier and by when they last changed
(what FHIR search of QuestionnaireResponse asks). Only the caller's organisation's pushes are
ever found, as for every read-back (:mod:`gwella.responses.sync`)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core.pagination import PageParams, paginate
from gwella.responses.models import Response

SORTS = {"submitted_at": Response.submitted_at}

Bound = tuple[Literal["from", "before"], datetime]
"""``("from", t)``: changed at ``t`` or later; ``("before", t)``: changed before ``t``."""


async def find_pushed(
    session: AsyncSession,
    organisation_id: uuid.UUID,
    params: PageParams,
    *,
    external_id: str | None = None,
    changed: Sequence[Bound] = (),
) -> tuple[list[Response], str | None]:
    """A page of the responses this organisation pushed, with this external id (if given)
    and last changed within every bound."""
    stmt = select(Response).where(Response.source_organisation_id == organisation_id)
    if external_id is not None:
        stmt = stmt.where(Response.external_id == external_id)
    # When it was last stored or changed (its submission time, for one stored before the
    # time of storing was kept).
    moment = func.coalesce(Response.updated_at, Response.submitted_at)
    for side, at in changed:
        stmt = stmt.where(moment >= at if side == "from" else moment < at)
    return await paginate(session, stmt, params, SORTS, Response.id)
