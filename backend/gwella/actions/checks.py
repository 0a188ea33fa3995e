"""Checks of the records a request about an action names: its evidence, its standard, an
owner, a PDSA cycle's indicator and service. Each refuses, as a 422 on the field, what does
not exist or what the caller cannot see, so that a hidden record looks like a missing one."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.accounts import users as accounts
from gwella.actions.models import EvidenceKind
from gwella.actions.rules import invalid
from gwella.actions.schemas import EvidenceIn
from gwella.campaigns import service as campaigns
from gwella.core.database import utcnow
from gwella.core.errors import NotFound
from gwella.core.principal import Principal
from gwella.indicators import service as indicators
from gwella.organisations import service as organisations
from gwella.responses import comments as free_text
from gwella.responses import service as responses

DUE_DATE_PASSED = "The due date has passed: choose today or a later day."


def check_due_date(due: date | None, at: str, kept: date | None = None) -> None:
    """A due date set or changed is today (UTC) or later: a past one would make the action
    overdue the moment it is made. The date it already has may be sent back unchanged."""
    if due is not None and due != kept and due < utcnow().date():
        raise invalid(at, DUE_DATE_PASSED, DUE_DATE_PASSED)


async def check_evidence(
    session: AsyncSession, p: Principal, item: EvidenceIn, at: str
) -> uuid.UUID | None:
    """Refuse evidence that does not exist or that the proposer cannot see; returns the
    standard of a linked indicator."""
    if item.kind in (EvidenceKind.campaign_result, EvidenceKind.question):
        assert item.campaign_id is not None
        try:
            campaign = await campaigns.get_campaign(session, item.campaign_id)
        except NotFound as exc:
            raise invalid(f"{at}.campaign_id", "no such campaign visible to you") from exc
        links = (await campaigns.links_of(session, [campaign.id]))[campaign.id]
        service_orgs = [
            (await organisations.get_service(session, link.service_id)).organisation_id
            for link in links
        ]
        if not policy.can_view_campaign(p, campaign.organisation_id, service_orgs):
            raise invalid(f"{at}.campaign_id", "no such campaign visible to you")
        if item.kind is EvidenceKind.question:
            content = await responses.version_content(session, campaign)
            if item.question_key not in {q.key for q in content.questions}:
                raise invalid(f"{at}.question_key", "not a question of that campaign")
        return None
    if item.kind is EvidenceKind.indicator:
        assert item.indicator_id is not None
        try:
            indicator = await indicators.get_indicator(session, item.indicator_id)
        except NotFound as exc:
            raise invalid(f"{at}.indicator_id", "no such indicator visible to you") from exc
        if indicator.organisation_id is not None and not policy.can_read_org(
            p, indicator.organisation_id
        ):
            raise invalid(f"{at}.indicator_id", "no such indicator visible to you")
        return indicator.standard_id
    assert item.answer_id is not None
    try:
        answer, response = await free_text.get_answer(session, item.answer_id)
    except NotFound as exc:
        raise invalid(f"{at}.answer_id", "no such published comment") from exc
    service = await organisations.get_service(session, response.service_id)
    if (
        answer.moderation is None
        or answer.moderation.value != "published"
        or not policy.can_read_org(p, service.organisation_id)
    ):
        raise invalid(f"{at}.answer_id", "no such published comment")
    return None


async def check_owner(
    session: AsyncSession, owner_id: uuid.UUID | None, org_id: uuid.UUID, at: str
) -> None:
    """An owner of an organisation's part must be a member of that organisation."""
    if owner_id is None:
        return
    held = (await accounts.memberships_of(session, [owner_id]))[owner_id]
    if not any(m.organisation_id == org_id for m in held):
        raise invalid(at, "the owner must be a member of that organisation")


async def check_standard(session: AsyncSession, standard_id: uuid.UUID, at: str) -> None:
    known = {s.id for _, rows in await indicators.frameworks_with_standards(session) for s in rows}
    if standard_id not in known:
        raise invalid(at, "no such standard")


async def check_pdsa_target(
    session: AsyncSession,
    p: Principal,
    indicator_id: uuid.UUID | None,
    service_id: uuid.UUID | None,
    org_id: uuid.UUID,
) -> None:
    """A PDSA cycle watches an indicator the caller can see, for a service of its
    organisation."""
    if indicator_id is not None:
        try:
            indicator = await indicators.get_indicator(session, indicator_id)
        except NotFound as exc:
            raise invalid("body.indicator_id", "no such indicator visible to you") from exc
        if indicator.organisation_id is not None and not policy.can_read_org(
            p, indicator.organisation_id
        ):
            raise invalid("body.indicator_id", "no such indicator visible to you")
    if service_id is not None:
        try:
            svc = await organisations.get_service(session, service_id)
        except NotFound as exc:
            raise invalid("body.service_id", "no such service") from exc
        if svc.organisation_id != org_id:
            raise invalid("body.service_id", "not a service of that organisation")
