"""FHIR search of QuestionnaireResponse: by ``identifier`` (your id for a response, under your
organisation's identifier system) and ``_lastUpdated`` (with the ``gt``, ``ge``, ``lt``,
``le`` and ``eq`` prefixes). No HTTP; every bad parameter is a FhirError 400.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core.moments import in_utc
from gwella.fhir.datatypes import canonical_url
from gwella.fhir.outcome import FhirError, Issue
from gwella.fhir.questionnaire_response import StoredResponse
from gwella.instruments import service as instruments
from gwella.organisations import service as organisations
from gwella.responses import service as responses
from gwella.responses.search import Bound

if TYPE_CHECKING:
    from gwella.instruments.models import Instrument, InstrumentVersion
    from gwella.organisations.models import Service
    from gwella.responses.models import Response

IDENTIFIER_SYSTEM = "urn:gwella:organisation:{organisation_id}:response"
"""The identifier system of a pushed response: the values are the ids the organisation's
system gave its responses (``identifier.value`` when pushed), unique within it."""

# The parameters of a search; anything else is refused (a misspelt filter must not widen the
# answer silently). _format chooses the answer's media type, as on every FHIR route.
SEARCH_PARAMETERS = ("identifier", "_lastUpdated", "_count", "_cursor", "_format")
PREFIXES = ("eq", "gt", "ge", "lt", "le")

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")


def identifier_system(organisation_id: uuid.UUID) -> str:
    return IDENTIFIER_SYSTEM.format(organisation_id=organisation_id)


@dataclass
class Query:
    """A QuestionnaireResponse search, in Gwella's terms."""

    external_id: str | None = None
    changed: list[Bound] = field(default_factory=list)
    matches_nothing: bool = False
    """An identifier of another system: no response of yours has it."""


def _bad(message: str, parameter: str) -> FhirError:
    return FhirError(400, [Issue("invalid", message, parameter)])


def refuse_unknown(names: Iterable[str]) -> None:
    unknown = sorted({n for n in names if n not in SEARCH_PARAMETERS})
    if unknown:
        raise FhirError(
            400,
            [
                Issue(
                    "not-supported",
                    f"Unknown search parameter {name!r}; QuestionnaireResponse is searched by "
                    f"{', '.join(SEARCH_PARAMETERS)}.",
                )
                for name in unknown
            ],
        )


def _range(text: str) -> tuple[datetime, datetime]:
    """The span a date or instant names: a day for a date, its second (or finer) for a time."""
    if _DATE.match(text):
        day = date.fromisoformat(text)
        start = datetime(day.year, day.month, day.day, tzinfo=UTC)
        return start, start + timedelta(days=1)
    if not _INSTANT.match(text):
        raise ValueError(text)
    start = in_utc(datetime.fromisoformat(text.replace("Z", "+00:00")))
    clock = text.split("T")[1]
    if "." in clock:
        return start, start + timedelta(microseconds=1)
    with_seconds = re.match(r"^\d{2}:\d{2}:\d{2}", clock) is not None
    return start, start + (timedelta(seconds=1) if with_seconds else timedelta(minutes=1))


def last_updated(value: str) -> list[Bound]:
    """One ``_lastUpdated`` value as bounds on when a response last changed."""
    prefix, text = (value[:2], value[2:]) if value[:2].isalpha() else ("eq", value)
    if prefix not in PREFIXES:
        raise _bad(
            f"Unknown prefix {prefix!r} for _lastUpdated; use one of {', '.join(PREFIXES)}.",
            "_lastUpdated",
        )
    try:
        start, end = _range(text)
    except (ValueError, OverflowError):  # OverflowError: the span ends past 9999-12-31
        raise _bad(
            f"{text!r} is not a date (YYYY-MM-DD) or an instant with its time zone "
            "(YYYY-MM-DDThh:mm:ssZ).",
            "_lastUpdated",
        ) from None
    bounds: dict[str, list[Bound]] = {
        "eq": [("from", start), ("before", end)],
        "gt": [("from", end)],
        "ge": [("from", start)],
        "lt": [("before", start)],
        "le": [("before", end)],
    }
    return bounds[prefix]


def query(organisation_id: uuid.UUID, identifier: str | None, updated: Iterable[str]) -> Query:
    """The search a request's ``identifier`` and ``_lastUpdated`` values make.

    ``identifier`` is ``system|value``, ``value`` (any system) or ``|value`` (no system: no
    response of yours, since each has your organisation's system)."""
    found = Query()
    if identifier is not None:
        if "|" in identifier:
            system, _, value = identifier.partition("|")
            found.matches_nothing = system != identifier_system(organisation_id)
        else:
            value = identifier
        if not value:
            raise _bad("Give the identifier's value: system|value or value.", "identifier")
        found.external_id = value
    for value in updated:
        found.changed += last_updated(value)
    return found


async def found_responses(
    session: AsyncSession, rows: Sequence[Response], public_url: str
) -> list[StoredResponse]:
    """A page of found responses as the FHIR echo needs them: their answers in one query, and
    each version, instrument and service they share read once."""
    answers = await responses.answers_of(session, [r.id for r in rows])
    versions: dict[uuid.UUID, InstrumentVersion] = {}
    owners: dict[uuid.UUID, Instrument] = {}
    units: dict[uuid.UUID, Service] = {}
    found = []
    for row in rows:
        if row.instrument_version_id not in versions:
            versions[row.instrument_version_id] = await instruments.get_version(
                session, row.instrument_version_id
            )
        version = versions[row.instrument_version_id]
        if version.instrument_id not in owners:
            owners[version.instrument_id] = await instruments.get_instrument(
                session, version.instrument_id
            )
        instrument = owners[version.instrument_id]
        if row.service_id not in units:
            units[row.service_id] = await organisations.get_service(session, row.service_id)
        unit = units[row.service_id]
        found.append(
            StoredResponse(
                response_id=row.id,
                questionnaire=f"{canonical_url(public_url, instrument.id)}|{version.number}",
                campaign_id=row.campaign_id,
                external_id=row.external_id,
                service_id=unit.id,
                service_code=unit.code,
                service_name=unit.name,
                submitted_at=row.submitted_at,
                language=row.language,
                answers={a.question_key: a.value.get("v") for a in answers[row.id]},
                content=instruments.content_of(version),
                languages=instrument.languages,
                respondent_reference=row.respondent_reference,
                consented=row.consent_recorded_at is not None,
                updated_at=row.updated_at,
            )
        )
    return found
