"""Load an instrument (or one of its versions) and decide, in the same call, whether the caller
may see it: its organisation, partners when it is shared with their partnerships, and the
organisations invited to co-design it. Others get 404 (see ``gwella.policy``)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from gwella import policy
from gwella.instruments import service

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from gwella.core.principal import Principal
    from gwella.instruments.models import Instrument, InstrumentVersion


async def visible_instrument(
    session: AsyncSession, p: Principal, instrument_id: uuid.UUID
) -> Instrument:
    instrument = await service.get_instrument(session, instrument_id)
    invited = (await service.invited_orgs_by_instrument(session, [instrument.id]))[instrument.id]
    policy.ensure_view_instrument(
        p, instrument.organisation_id, instrument.shared_with_partnerships, invited
    )
    return instrument


async def visible_version(
    session: AsyncSession, p: Principal, version_id: uuid.UUID
) -> tuple[Instrument, InstrumentVersion]:
    version = await service.get_version(session, version_id)
    return await visible_instrument(session, p, version.instrument_id), version
