"""Rules for instruments and their versions (drafts, content, opening a draft to co-design).
Co-design suggestions are in ``codesign``, review and publication in ``review``. No HTTP types."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core import audit
from gwella.core.audit import AuditContext
from gwella.core.concurrency import check_if_match
from gwella.core.errors import Conflict, FieldProblem, NotFound, ValidationFailed
from gwella.core.pagination import PageParams, paginate
from gwella.instruments.content import InstrumentContent, validate_content
from gwella.instruments.enums import VersionStatus
from gwella.instruments.models import (
    CodesignOrganisation,
    Instrument,
    InstrumentVersion,
)
from gwella.instruments.schemas import (
    InstrumentCreate,
    InstrumentUpdate,
)

INSTRUMENT_FIELDS = ("code", "title", "description", "languages", "shared_with_partnerships")
SORTS = {"code": Instrument.code, "created_at": Instrument.created_at}
DEFAULT_APPROVER_ROLES = ["service_user", "carer"]


def check_content(
    content: InstrumentContent, languages: list[str], prefix: str = "body.content"
) -> None:
    problems = validate_content(content, languages, prefix)
    if problems:
        raise ValidationFailed("The instrument is not valid yet; see errors.", errors=problems)


def dump_content(content: InstrumentContent) -> dict[str, Any]:
    return content.model_dump(mode="json", exclude_none=True)


def content_of(version: InstrumentVersion) -> InstrumentContent:
    return InstrumentContent.model_validate(version.content)


async def invited_orgs(session: AsyncSession, version_id: uuid.UUID) -> list[uuid.UUID]:
    rows = await session.scalars(
        select(CodesignOrganisation.organisation_id)
        .where(CodesignOrganisation.version_id == version_id)
        .order_by(CodesignOrganisation.organisation_id)
    )
    return list(rows)


async def codesign_orgs(session: AsyncSession, version: InstrumentVersion) -> set[uuid.UUID]:
    """The organisations whose members may contribute now (none while co-design is closed)."""
    return set(await invited_orgs(session, version.id)) if version.codesign_open else set()


# ----------------------------------------------------------------------------- instruments


async def get_instrument(session: AsyncSession, instrument_id: uuid.UUID) -> Instrument:
    instrument = await session.get(Instrument, instrument_id)
    if instrument is None:
        raise NotFound("No instrument with that id is visible to you.")
    return instrument


async def invited_orgs_by_instrument(
    session: AsyncSession, instrument_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, set[uuid.UUID]]:
    """Per instrument, the organisations ever invited to co-design one of its versions: they
    see it (and review it), whether or not contributing is open right now."""
    ids = set(instrument_ids)
    out: dict[uuid.UUID, set[uuid.UUID]] = {i: set() for i in ids}
    if not ids:
        return out
    rows = await session.execute(
        select(InstrumentVersion.instrument_id, CodesignOrganisation.organisation_id)
        .join(CodesignOrganisation, CodesignOrganisation.version_id == InstrumentVersion.id)
        .where(InstrumentVersion.instrument_id.in_(ids))
    )
    for instrument_id, org_id in rows:
        out[instrument_id].add(org_id)
    return out


async def versions_of(
    session: AsyncSession, instrument_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[InstrumentVersion]]:
    ids = set(instrument_ids)
    out: dict[uuid.UUID, list[InstrumentVersion]] = {i: [] for i in ids}
    if ids:
        rows = await session.scalars(
            select(InstrumentVersion)
            .where(InstrumentVersion.instrument_id.in_(ids))
            .order_by(InstrumentVersion.number)
        )
        for v in rows:
            out[v.instrument_id].append(v)
    return out


async def list_instruments(
    session: AsyncSession,
    params: PageParams,
    *,
    member_orgs: frozenset[uuid.UUID] | None,
    partner_orgs: frozenset[uuid.UUID],
    organisation_id: uuid.UUID | None = None,
    q: str | None = None,
) -> tuple[list[Instrument], str | None]:
    stmt = select(Instrument)
    if member_orgs is not None:
        invited = (
            select(InstrumentVersion.instrument_id)
            .join(CodesignOrganisation, CodesignOrganisation.version_id == InstrumentVersion.id)
            .where(CodesignOrganisation.organisation_id.in_(member_orgs))
        )
        stmt = stmt.where(
            or_(
                Instrument.organisation_id.in_(member_orgs),
                Instrument.organisation_id.in_(partner_orgs)
                & Instrument.shared_with_partnerships.is_(True),
                Instrument.id.in_(invited),
            )
        )
    if organisation_id is not None:
        stmt = stmt.where(Instrument.organisation_id == organisation_id)
    if q:
        stmt = stmt.where(func.lower(Instrument.code).contains(q.lower(), autoescape=True))
    return await paginate(session, stmt, params, SORTS, Instrument.id)


async def create_instrument(
    session: AsyncSession, ctx: AuditContext, data: InstrumentCreate
) -> tuple[Instrument, InstrumentVersion]:
    languages: list[str] = list(dict.fromkeys(data.languages))
    problems = [
        FieldProblem(field=f"body.title.{lang}", message="missing in this language")
        for lang in languages
        if not (data.title.get(lang) or "").strip()
    ]
    if problems:
        raise ValidationFailed("Give the title in each language.", errors=problems)
    check_content(data.content, languages)
    exists = await session.scalar(
        select(Instrument.id).where(
            Instrument.organisation_id == data.organisation_id, Instrument.code == data.code
        )
    )
    if exists is not None:
        raise Conflict(f"This organisation already has an instrument with the code {data.code!r}.")
    instrument = Instrument(
        organisation_id=data.organisation_id,
        code=data.code,
        title=data.title.model_dump(exclude_none=True),
        description=(data.description.model_dump(exclude_none=True) if data.description else {}),
        languages=languages,
        shared_with_partnerships=data.shared_with_partnerships,
        created_by_id=ctx.actor_id,
    )
    session.add(instrument)
    await session.flush()
    version = InstrumentVersion(
        instrument_id=instrument.id, number=1, content=dump_content(data.content)
    )
    session.add(version)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="instrument.created",
        record_type="instrument",
        record_id=instrument.id,
        organisation_id=instrument.organisation_id,
        after=audit.snapshot(instrument, INSTRUMENT_FIELDS),
    )
    return instrument, version


async def update_instrument(
    session: AsyncSession,
    ctx: AuditContext,
    instrument: Instrument,
    patch: InstrumentUpdate,
    if_match: str | None,
) -> Instrument:
    check_if_match(if_match, instrument.version)
    before = audit.snapshot(instrument, INSTRUMENT_FIELDS)
    sent = patch.model_dump(exclude_unset=True, exclude_none=True)
    if "title" in sent:
        missing = [lang for lang in instrument.languages if not sent["title"].get(lang)]
        if missing:
            raise ValidationFailed(
                "Give the title in each language.",
                errors=[FieldProblem(field=f"body.title.{m}", message="missing") for m in missing],
            )
        instrument.title = sent["title"]
    if "description" in sent:
        instrument.description = sent["description"]
    if "shared_with_partnerships" in sent:
        instrument.shared_with_partnerships = sent["shared_with_partnerships"]
    after = audit.snapshot(instrument, INSTRUMENT_FIELDS)
    if after != before:
        await session.flush()
        await audit.record(
            session,
            ctx,
            action="instrument.updated",
            record_type="instrument",
            record_id=instrument.id,
            organisation_id=instrument.organisation_id,
            before=before,
            after=after,
        )
    return instrument


# -------------------------------------------------------------------------------- versions


async def get_version(session: AsyncSession, version_id: uuid.UUID) -> InstrumentVersion:
    version = await session.get(InstrumentVersion, version_id)
    if version is None:
        raise NotFound("No instrument version with that id is visible to you.")
    return version


def ensure_draft(version: InstrumentVersion) -> None:
    if version.status is VersionStatus.published:
        raise Conflict("A published version never changes; start a new draft version to change it.")


async def update_content(
    session: AsyncSession,
    ctx: AuditContext,
    instrument: Instrument,
    version: InstrumentVersion,
    content: InstrumentContent,
    if_match: str | None,
) -> InstrumentVersion:
    """Saving a draft; saving during review sends it back to draft (reviews saw old text)."""
    check_if_match(if_match, version.version)
    ensure_draft(version)
    check_content(content, instrument.languages)
    new = dump_content(content)
    if new == version.content:
        return version
    before_keys = [q["key"] for q in version.content.get("questions", [])]
    version.content = new
    version.revision += 1
    if version.status is VersionStatus.in_review:
        version.status = VersionStatus.draft
        version.review_requested_at = None
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="instrument_version.content_changed",
        record_type="instrument_version",
        record_id=version.id,
        organisation_id=instrument.organisation_id,
        before={"question_keys": before_keys},
        after={
            "question_keys": [q["key"] for q in new.get("questions", [])],
            "revision": version.revision,
        },
    )
    return version


async def start_new_draft(
    session: AsyncSession, ctx: AuditContext, instrument: Instrument
) -> InstrumentVersion:
    versions = (await versions_of(session, [instrument.id]))[instrument.id]
    if any(v.status is not VersionStatus.published for v in versions):
        raise Conflict("This instrument already has a draft version; change that one.")
    latest = versions[-1]
    version = InstrumentVersion(
        instrument_id=instrument.id, number=latest.number + 1, content=dict(latest.content)
    )
    session.add(version)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="instrument_version.created",
        record_type="instrument_version",
        record_id=version.id,
        organisation_id=instrument.organisation_id,
        after={"number": version.number, "from_version": latest.number},
    )
    return version


async def set_codesign(
    session: AsyncSession,
    ctx: AuditContext,
    instrument: Instrument,
    version: InstrumentVersion,
    open_: bool,
    org_ids: list[uuid.UUID],
) -> InstrumentVersion:
    ensure_draft(version)
    current = await invited_orgs(session, version.id)
    wanted = sorted(set(org_ids), key=str)
    before = {"codesign_open": version.codesign_open, "organisation_ids": current}
    after = {"codesign_open": open_, "organisation_ids": wanted}
    if set(current) != set(wanted):
        await session.execute(
            delete(CodesignOrganisation).where(CodesignOrganisation.version_id == version.id)
        )
        session.add_all(
            CodesignOrganisation(version_id=version.id, organisation_id=o) for o in wanted
        )
    if after != before:
        version.codesign_open = open_
        await session.flush()
        await audit.record(
            session,
            ctx,
            action="instrument_version.codesign_changed",
            record_type="instrument_version",
            record_id=version.id,
            organisation_id=instrument.organisation_id,
            before=before,
            after=after,
        )
    return version
