"""What the instrument routes share: error sets and how records are read out."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts import users as accounts
from gwella.core.errors import problem_responses
from gwella.core.principal import Principal
from gwella.instruments import codesign, service
from gwella.instruments.models import (
    Contribution,
    Instrument,
    InstrumentVersion,
)
from gwella.instruments.schemas import (
    ContributionRead,
    InstrumentRead,
    VersionRead,
    VersionSummary,
)

READ_ERRORS = problem_responses(401, 403, 404, 422)
CHANGE_ERRORS = problem_responses(401, 403, 404, 409, 422)
PATCH_ERRORS = problem_responses(401, 403, 404, 409, 412, 422, 428)


async def instrument_reads(session: AsyncSession, rows: list[Instrument]) -> list[InstrumentRead]:
    versions = await service.versions_of(session, [i.id for i in rows])
    return [
        InstrumentRead.model_validate(
            {
                **{f: getattr(i, f) for f in InstrumentRead.model_fields if f != "versions"},
                "versions": [VersionSummary.model_validate(v) for v in versions[i.id]],
            }
        )
        for i in rows
    ]


async def version_read(session: AsyncSession, version: InstrumentVersion) -> VersionRead:
    invited = await service.invited_orgs(session, version.id)
    return VersionRead.model_validate(
        {
            **{f: getattr(version, f) for f in VersionRead.model_fields if f != "codesign_org_ids"},
            "codesign_org_ids": invited,
        }
    )


async def contribution_reads(
    session: AsyncSession, p: Principal, rows: list[Contribution]
) -> list[ContributionRead]:
    counts, mine = await codesign.vote_counts(session, [c.id for c in rows], p.id)
    authors = await accounts.users_by_ids(session, [c.author_id for c in rows])
    return [
        ContributionRead.model_validate(
            {
                **{
                    f: getattr(c, f)
                    for f in ContributionRead.model_fields
                    if f not in {"votes", "voted_by_me", "author_display_name"}
                },
                "author_display_name": authors[c.author_id].display_name,
                "votes": counts.get(c.id, 0),
                "voted_by_me": c.id in mine,
            }
        )
        for c in rows
    ]
