"""Which version a QuestionnaireResponse means when it names its Questionnaire by the
canonical url alone, without ``|version``.

FHIR partners commonly copy a Questionnaire's ``url`` into ``questionnaire``; Gwella's
Questionnaires have one url per instrument and a ``version`` per published version. The url
alone is taken when exactly one version of the instrument is open to the pushing
organisation's pushes (a campaign running it takes partner pushes from it now): that is the
only version a push could go to. With several, the push is refused with the ``url|version``
forms to choose from; with none, as for any Questionnaire that takes no responses."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from gwella.campaigns import service as campaigns
from gwella.core.errors import Conflict, NotFound
from gwella.core.pagination import MAX_LIMIT, PageParams
from gwella.ingest import service as ingest
from gwella.instruments import service as instruments


async def open_version_numbers(
    session: AsyncSession, client_org: uuid.UUID, instrument_id: uuid.UUID
) -> list[int]:
    """The numbers of the instrument's versions that this organisation may push to now."""
    version_ids: set[uuid.UUID] = set()
    cursor = None
    while True:
        rows, cursor = await campaigns.list_campaigns(
            session,
            PageParams(limit=MAX_LIMIT, cursor=cursor, sort="created_at"),
            visible_orgs=frozenset({client_org}),
            instrument_id=instrument_id,
        )
        for campaign in rows:
            if campaign.instrument_version_id in version_ids:
                continue
            try:
                await ingest.campaign_for_client(session, campaign.id, client_org)
            except (Conflict, NotFound):
                continue  # not taking this organisation's pushes now
            version_ids.add(campaign.instrument_version_id)
        if cursor is None:
            break
    return sorted([(await instruments.get_version(session, v)).number for v in version_ids])
