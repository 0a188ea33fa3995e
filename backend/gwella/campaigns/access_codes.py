"""Single-use access codes: a campaign can ask every web respondent for one, so that nobody can
fill its tables with made-up answers (printed on cards handed out with the survey, or sent
by text, as NHS Friends and Family Test cards and survey tools' tokens are).

A code is shown once, when made (with the link and a QR code that carries it), and kept only
as a keyed hash. Using it marks it used: not when, and not by which response, so a code sent
to a known person tells nobody what that person answered.
"""

from __future__ import annotations

import secrets
import uuid

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.campaigns.models import AccessCode, AccessCodeBatch, Campaign
from gwella.core import audit
from gwella.core.audit import AuditContext
from gwella.core.database import utcnow
from gwella.core.errors import Conflict, Forbidden, NotFound
from gwella.core.security import keyed_hash

ALPHABET = "ACDEFGHJKMNPQRTUVWXY3479"
"""No letters or digits that are easily mistaken for others (0/O, 1/I/L, 5/S, 8/B, 2/Z)."""
LENGTH = 10


class AccessCodeRefused(Forbidden):
    slug, title = "access-code-refused", "The access code is not valid"


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def normalise(code: str) -> str:
    """What people type: any case, spaces or dashes."""
    return "".join(c for c in code.upper() if c.isalnum())


def _hash(campaign_id: uuid.UUID, code: str) -> str:
    return keyed_hash(f"{campaign_id}:{normalise(code)}", "access-code")


async def create_batch(
    session: AsyncSession,
    ctx: AuditContext,
    campaign: Campaign,
    service_id: uuid.UUID,
    size: int,
    label: str | None,
) -> tuple[AccessCodeBatch, list[str]]:
    """Make ``size`` codes for one service's link; the codes themselves are returned once."""
    batch = AccessCodeBatch(
        campaign_id=campaign.id,
        service_id=service_id,
        label=label,
        size=size,
        created_at=utcnow(),
        created_by_id=ctx.actor_id,
    )
    session.add(batch)
    await session.flush()
    codes: list[str] = []
    hashes: set[str] = set()
    while len(codes) < size:
        code = new_code()
        digest = _hash(campaign.id, code)
        if digest in hashes:
            continue
        hashes.add(digest)
        codes.append(code)
    session.add_all(AccessCode(code_hash=h, batch_id=batch.id, used=False) for h in hashes)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="access_codes.created",
        record_type="campaign",
        record_id=campaign.id,
        organisation_id=campaign.organisation_id,
        after={"batch_id": str(batch.id), "service_id": str(service_id), "size": size},
    )
    return batch, codes


async def list_batches(session: AsyncSession, campaign_id: uuid.UUID) -> list[AccessCodeBatch]:
    return list(
        await session.scalars(
            select(AccessCodeBatch)
            .where(AccessCodeBatch.campaign_id == campaign_id)
            .order_by(AccessCodeBatch.created_at, AccessCodeBatch.id)
        )
    )


async def revoke_batch(
    session: AsyncSession,
    ctx: AuditContext,
    campaign: Campaign,
    batch_id: uuid.UUID,
    services: set[uuid.UUID],
) -> AccessCodeBatch:
    """Revoke a batch of one of ``services`` (those the caller may answer for)."""
    batch = await session.get(AccessCodeBatch, batch_id)
    if batch is None or batch.campaign_id != campaign.id or batch.service_id not in services:
        raise NotFound("No batch of access codes with that id in this campaign.")
    if batch.revoked_at is not None:
        raise Conflict("These codes were revoked already.")
    batch.revoked_at = utcnow()
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="access_codes.revoked",
        record_type="campaign",
        record_id=campaign.id,
        organisation_id=campaign.organisation_id,
        after={"batch_id": str(batch.id)},
    )
    return batch


async def use(
    session: AsyncSession, campaign_id: uuid.UUID, service_id: uuid.UUID, code: str
) -> None:
    """Mark a code used, in the caller's transaction (so a refused response keeps it unused);
    refuse a code that is unknown, of another link, revoked or used."""
    digest = _hash(campaign_id, code)
    usable = (
        select(AccessCode.code_hash)
        .join(AccessCodeBatch, AccessCodeBatch.id == AccessCode.batch_id)
        .where(
            AccessCode.code_hash == digest,
            AccessCodeBatch.campaign_id == campaign_id,
            AccessCodeBatch.service_id == service_id,
            AccessCodeBatch.revoked_at.is_(None),
        )
    )
    if await session.scalar(usable) is None:
        raise AccessCodeRefused(
            "This access code is not valid for this survey. Check it on your card."
        )
    marked = await session.execute(
        update(AccessCode)
        .where(AccessCode.code_hash == digest, AccessCode.used.is_(False))
        .values(used=True)
        .execution_options(synchronize_session=False)
    )
    if marked.rowcount != 1:  # type: ignore[attr-defined]
        raise AccessCodeRefused("This access code has been used already: each code answers once.")
