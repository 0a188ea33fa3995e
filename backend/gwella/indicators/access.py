"""Load an indicator and decide, in the same call, whether the caller may see it. National
indicators (no organisation) are readable by everyone signed in; an organisation's own are
reported as 404 to those outside it (see ``gwella.policy``)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from gwella import policy
from gwella.indicators import annotation_edits, service

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from gwella.core.principal import Principal
    from gwella.indicators.models import Annotation, Indicator


async def visible_indicator(
    session: AsyncSession, p: Principal, indicator_id: uuid.UUID
) -> Indicator:
    indicator = await service.get_indicator(session, indicator_id)
    if indicator.organisation_id is not None:
        policy.ensure_read_org(p, indicator.organisation_id, "indicator")
    return indicator


async def authored_annotation(
    session: AsyncSession, p: Principal, indicator_id: uuid.UUID, annotation_id: uuid.UUID
) -> Annotation:
    """An annotation its author is about to change or remove, locked: 404 to those who cannot
    see its organisation, 403 to anyone else who is not its author."""
    note = await annotation_edits.locked_annotation(session, indicator_id, annotation_id)
    policy.ensure_read_org(p, note.organisation_id, "annotation")
    policy.ensure_author(p, note.created_by_id, annotation_edits.ONLY_THE_AUTHOR)
    return note
