"""Load a campaign and decide, in the same call, whether the caller may see it.

Routers of any domain that start from a campaign (campaigns, results, responses, imports) use
these instead of loading the row and then remembering to apply the policy; a campaign the
caller may not see is reported as 404 (see ``gwella.policy``).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from gwella import policy
from gwella.campaigns import service
from gwella.organisations import service as organisations

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from gwella.campaigns.models import Campaign, CampaignService
    from gwella.core.principal import Principal


async def visible_campaign(
    session: AsyncSession, p: Principal, campaign_id: uuid.UUID
) -> tuple[Campaign, list[CampaignService], dict[uuid.UUID, uuid.UUID]]:
    """The campaign, its links, and each linked service's organisation."""
    campaign = await service.get_campaign(session, campaign_id)
    links = (await service.links_of(session, [campaign.id]))[campaign.id]
    owners = await organisations.organisations_of_services(session, [x.service_id for x in links])
    services = {link.service_id: owners[link.service_id] for link in links}
    policy.ensure_view_campaign(p, campaign.organisation_id, services.values())
    return campaign, links, services
