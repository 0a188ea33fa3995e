"""FHIR onto Gwella's rules: finding the Questionnaire and the campaign a QuestionnaireResponse
belongs to, and storing it through bulk ingestion (so validation, idempotency, audit and
everything else that ingestion does apply unchanged). No HTTP types here."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.campaigns import service as campaigns
from gwella.core.audit import AuditContext
from gwella.core.errors import Conflict, Gone, NotFound
from gwella.core.pagination import MAX_LIMIT, PageParams
from gwella.fhir.datatypes import (
    EXT_CAMPAIGN,
    EXT_CONSENT,
    QR,
    canonical_url,
    parse_questionnaire_ref,
)
from gwella.fhir.outcome import FhirError, Issue
from gwella.fhir.questionnaire import InstrumentView
from gwella.fhir.questionnaire_response import StoredResponse, answer_path
from gwella.fhir.submission import Submission, convert_answers, parse_resource, read_submission
from gwella.fhir.versions import open_version_numbers
from gwella.ingest import service as ingest
from gwella.ingest.schemas import ImportSummary, IngestResponseItem, ItemError
from gwella.instruments import service as instruments
from gwella.instruments.content import InstrumentContent
from gwella.instruments.enums import VersionStatus
from gwella.organisations import service as organisations
from gwella.responses import service as responses
from gwella.responses import sync as response_sync

if TYPE_CHECKING:
    from gwella.campaigns.models import Campaign
    from gwella.instruments.models import Instrument, InstrumentVersion
    from gwella.responses.models import Response

# ---------------------------------------------------------------------------- questionnaires


async def published_version(
    session: AsyncSession, version_id: uuid.UUID
) -> tuple[Instrument, InstrumentVersion]:
    """A published version and its instrument (drafts are not Questionnaires)."""
    version = await instruments.get_version(session, version_id)
    if version.status is not VersionStatus.published:
        raise NotFound("No Questionnaire with that id is visible to you.")
    return await instruments.get_instrument(session, version.instrument_id), version


async def views(
    session: AsyncSession, pairs: Sequence[tuple[Instrument, InstrumentVersion]]
) -> list[InstrumentView]:
    owners = await organisations.organisations_by_ids(
        session, list({i.organisation_id for i, _ in pairs})
    )
    return [
        InstrumentView(
            instrument_id=instrument.id,
            version_id=version.id,
            code=instrument.code,
            number=version.number,
            title=instrument.title,
            description=instrument.description,
            languages=instrument.languages,
            content=instruments.content_of(version),
            published_at=version.published_at,
            publisher=owner.name if (owner := owners.get(instrument.organisation_id)) else None,
        )
        for instrument, version in pairs
    ]


async def instrument_or_none(session: AsyncSession, instrument_id: uuid.UUID) -> Instrument | None:
    try:
        return await instruments.get_instrument(session, instrument_id)
    except NotFound:
        return None


async def invited_orgs(session: AsyncSession, instrument: Instrument) -> set[uuid.UUID]:
    return (await instruments.invited_orgs_by_instrument(session, [instrument.id]))[instrument.id]


async def published_versions(
    session: AsyncSession, instrument_ids: Sequence[uuid.UUID], number: int | None
) -> dict[uuid.UUID, list[InstrumentVersion]]:
    by_instrument = await instruments.versions_of(session, instrument_ids)
    return {
        instrument_id: [
            v
            for v in versions
            if v.status is VersionStatus.published and (number is None or v.number == number)
        ]
        for instrument_id, versions in by_instrument.items()
    }


async def list_instruments(
    session: AsyncSession,
    *,
    member_orgs: frozenset[uuid.UUID] | None,
    partner_orgs: frozenset[uuid.UUID],
    limit: int,
    cursor: str | None,
) -> tuple[list[Instrument], str | None]:
    return await instruments.list_instruments(
        session,
        PageParams(limit=limit, cursor=cursor, sort="code"),
        member_orgs=member_orgs,
        partner_orgs=partner_orgs,
    )


# ---------------------------------------------------------------------- stored responses


async def stored_response(
    session: AsyncSession, response: Response, public_url: str
) -> StoredResponse:
    answers = (await responses.answers_of(session, [response.id]))[response.id]
    version = await instruments.get_version(session, response.instrument_version_id)
    instrument = await instruments.get_instrument(session, version.instrument_id)
    unit = await organisations.get_service(session, response.service_id)
    return StoredResponse(
        response_id=response.id,
        questionnaire=f"{canonical_url(public_url, instrument.id)}|{version.number}",
        campaign_id=response.campaign_id,
        external_id=response.external_id,
        service_id=unit.id,
        service_code=unit.code,
        service_name=unit.name,
        submitted_at=response.submitted_at,
        language=response.language,
        answers={a.question_key: a.value.get("v") for a in answers},
        content=instruments.content_of(version),
        languages=instrument.languages,
        respondent_reference=response.respondent_reference,
        consented=response.consent_recorded_at is not None,
        updated_at=response.updated_at,
    )


async def pushed_response(
    session: AsyncSession,
    response_id: uuid.UUID,
    client_orgs: frozenset[uuid.UUID],
    public_url: str,
) -> StoredResponse:
    """A response that the client's organisation pushed (anybody else's: 404)."""
    hidden = NotFound("No QuestionnaireResponse with that id was pushed by your organisation.")
    try:
        response = await responses.get_response(session, response_id, released_only=False)
    except NotFound:
        if await response_sync.retracted_by(session, client_orgs, response_id):
            raise Gone("This QuestionnaireResponse was retracted by your organisation.") from None
        raise hidden from None
    if response.source_organisation_id not in client_orgs:
        raise hidden
    return await stored_response(session, response, public_url)


# ----------------------------------------------------------------------------------- push

Change = Literal["created", "updated", "unchanged"]


@dataclass
class EntryResult:
    """What became of one pushed QuestionnaireResponse."""

    status: int
    issues: list[Issue] = field(default_factory=list)
    response_id: uuid.UUID | None = None
    change: Change | None = None
    last_modified: datetime | None = None

    @property
    def refused(self) -> bool:
        return bool(self.issues)


@dataclass
class _Entry:
    index: int
    submission: Submission
    campaign: Campaign
    services: dict[str, uuid.UUID]
    content: InstrumentContent
    item: IngestResponseItem


@dataclass
class _Candidates:
    usable: list[tuple[Campaign, dict[str, uuid.UUID]]]
    refusal: str | None


# Where ingestion's item fields are in a QuestionnaireResponse.
_FIELD_PATHS = {
    "external_id": "identifier",
    "service": "subject",
    "submitted_at": "authored",
    "language": "language",
    "respondent_reference": "source",
    "consent": f"extension.where(url='{EXT_CONSENT}')",
}
_ISSUE_TYPES = {
    "invalid": "value",
    "unknown_service": "not-found",
    "outside_window": "business-rule",
    "duplicate_external_id": "duplicate",
}


class _Pusher:
    """One request's pushes: questionnaire and campaign look-ups are made once per request."""

    def __init__(self, session: AsyncSession, client_org: uuid.UUID, public_url: str) -> None:
        self.session = session
        self.client_org = client_org
        self.public_url = public_url
        self.versions: dict[str, InstrumentVersion | FhirError] = {}
        self.candidates: dict[uuid.UUID, _Candidates] = {}

    def _unknown(self, ref: str) -> FhirError:
        # The same words whether the Questionnaire does not exist or is not the client's to
        # answer: existence does not leak across organisations.
        return FhirError(
            404,
            [
                Issue(
                    "not-found",
                    f"No Questionnaire {ref!r} takes responses from your organisation.",
                    f"{QR}.questionnaire",
                )
            ],
        )

    async def version(self, ref: str) -> InstrumentVersion:
        found = self.versions.get(ref)
        if found is None:
            try:
                found = await self._version(ref)
            except FhirError as error:
                found = error
            self.versions[ref] = found
        if isinstance(found, FhirError):
            raise found
        return found

    async def _version(self, ref: str) -> InstrumentVersion:
        parsed = parse_questionnaire_ref(ref, self.public_url)
        if parsed is None:
            raise self._unknown(ref)
        if parsed.instrument_id is not None:
            number = parsed.number
            if number is None:
                number = await self._only_open(ref, parsed.instrument_id)
            versions = await published_versions(self.session, [parsed.instrument_id], number)
            found = versions.get(parsed.instrument_id) or []
            if not found:
                raise self._unknown(ref)
            return found[0]
        assert parsed.version_id is not None
        try:
            _, version = await published_version(self.session, parsed.version_id)
        except NotFound:
            raise self._unknown(ref) from None
        if parsed.number is not None and parsed.number != version.number:
            raise self._unknown(ref)
        return version

    async def _only_open(self, ref: str, instrument_id: uuid.UUID) -> int:
        """The url without ``|version``: the one version open to this client's pushes."""
        numbers = await open_version_numbers(self.session, self.client_org, instrument_id)
        if not numbers:
            raise self._unknown(ref)
        if len(numbers) > 1:
            url = ref.strip().partition("|")[0]
            forms = " or ".join(f"{url}|{n}" for n in numbers)
            message = f"Several versions of this Questionnaire take your pushes; send {forms}."
            raise FhirError(422, [Issue("required", message, f"{QR}.questionnaire")])
        return numbers[0]

    async def _candidates(self, version: InstrumentVersion) -> _Candidates:
        """The client's campaigns running this version and taking partner pushes, with the
        client's services in each (ingestion's own rule, ``campaign_for_client``)."""
        known = self.candidates.get(version.id)
        if known is not None:
            return known
        running: list[Campaign] = []
        cursor = None
        while True:
            rows, cursor = await campaigns.list_campaigns(
                self.session,
                PageParams(limit=MAX_LIMIT, cursor=cursor, sort="created_at"),
                visible_orgs=frozenset({self.client_org}),
                instrument_id=version.instrument_id,
            )
            running += [c for c in rows if c.instrument_version_id == version.id]
            if cursor is None:
                break
        usable: list[tuple[Campaign, dict[str, uuid.UUID]]] = []
        refusal = None
        for candidate in running:
            try:
                usable.append(
                    await ingest.campaign_for_client(self.session, candidate.id, self.client_org)
                )
            except Conflict as error:
                refusal = error.detail
            except NotFound:
                continue
        found = _Candidates(usable, refusal)
        self.candidates[version.id] = found
        return found

    async def campaign(
        self, sub: Submission, version: InstrumentVersion
    ) -> tuple[Campaign, dict[str, uuid.UUID]]:
        found = await self._candidates(version)
        if not found.usable:
            if found.refusal is not None:
                raise FhirError(409, [Issue("business-rule", found.refusal, f"{QR}.questionnaire")])
            raise self._unknown(sub.questionnaire)
        extension = f"{QR}.extension.where(url='{EXT_CAMPAIGN}')"
        if sub.campaign_id is not None:
            named = [c for c in found.usable if c[0].id == sub.campaign_id]
            if not named:
                raise FhirError(
                    404,
                    [
                        Issue(
                            "not-found",
                            "Not one of your campaigns running this Questionnaire.",
                            extension,
                        )
                    ],
                )
            return named[0]
        in_service = [c for c in found.usable if sub.service in c[1]]
        if not in_service:
            raise FhirError(
                422,
                [
                    Issue(
                        "not-found",
                        "Not a service of your organisation in a campaign running this "
                        "Questionnaire.",
                        f"{QR}.subject",
                    )
                ],
            )
        if len(in_service) == 1:
            return in_service[0]
        at = sub.submitted_at
        in_window = [c for c in in_service if c[0].opens_at <= at < c[0].closes_at]
        if not in_window:
            # Ingestion says why: the answers were given outside the campaign's window.
            return in_service[-1]
        if len(in_window) == 1:
            return in_window[0]
        ids = ", ".join(str(c[0].id) for c in in_window)
        raise FhirError(
            422,
            [
                Issue(
                    "business-rule",
                    "Several of your campaigns run this Questionnaire in that service at that "
                    f"time; name one with the extension {EXT_CAMPAIGN} "
                    f"(valueString): {ids}.",
                    extension,
                )
            ],
        )

    async def prepare(self, index: int, raw: Any) -> _Entry:
        """One resource read, matched to its campaign and converted to an ingestion item, or
        a FhirError saying why not."""
        resource = parse_resource(raw)
        # The Questionnaire it answers first (404 when there is none for this client), then
        # what the resource says against it.
        version = await self.version(str(resource.questionnaire))
        sub = read_submission(resource)
        campaign, services = await self.campaign(sub, version)
        content = instruments.content_of(version)
        answers, issues = convert_answers(content, sub)
        if issues:
            raise FhirError(422, issues)
        try:
            item = IngestResponseItem.model_validate(
                {
                    "external_id": sub.external_id,
                    "service": sub.service,
                    "submitted_at": sub.submitted_at,
                    "language": sub.language or campaign.languages[0],
                    "respondent_reference": sub.respondent_reference,
                    "consent": sub.consent,
                    "answers": answers,
                }
            )
        except ValidationError as error:
            raise FhirError(422, [_field_issue(e) for e in error.errors()]) from None
        return _Entry(index, sub, campaign, services, content, item)


def _field_issue(error: Any) -> Issue:
    loc = tuple(error.get("loc", ()))
    where = _FIELD_PATHS.get(str(loc[0]), "item") if loc else None
    return Issue("value", str(error.get("msg", "")), f"{QR}.{where}" if where else None)


def _item_issue(entry: _Entry, error: ItemError) -> Issue:
    """An ingestion error, pointing at the element of the QuestionnaireResponse."""
    expression = None
    if error.field:
        _, _, rest = error.field.partition(f"items.{error.index}.")
        name, _, key = rest.partition(".")
        if name == "answers" and key:
            expression = entry.submission.paths.get(key) or answer_path(entry.content, key)
        elif name in _FIELD_PATHS:
            expression = f"{QR}.{_FIELD_PATHS[name]}"
        else:
            expression = QR
    code = _ISSUE_TYPES.get(error.code, "processing")
    if error.code == "invalid" and error.detail == "required":
        code = "required"
    return Issue(code, error.detail, expression)


def _status_of(errors: Sequence[ItemError]) -> int:
    return 409 if any(e.code == "duplicate_external_id" for e in errors) else 422


async def push(
    session: AsyncSession,
    ctx: AuditContext,
    client_org: uuid.UUID,
    public_url: str,
    resources: Sequence[Any],
    *,
    atomic: bool,
    dry_run: bool = False,
) -> list[EntryResult]:
    """Store QuestionnaireResponses (raw JSON, or a FhirError for an entry already refused) as
    responses, through ``ingest_responses``: per campaign, best effort, or all or nothing
    (``atomic``: nothing is written unless every entry is accepted). ``dry_run`` (best effort)
    checks every entry as a real push would and stores nothing: only refusals are told.

    Returns one result per resource, in order: 201 created, 200 updated or unchanged (the
    same content again is ignored), or a refusal with its issues."""
    pusher = _Pusher(session, client_org, public_url)
    results: list[EntryResult | None] = [None] * len(resources)
    prepared: list[_Entry] = []
    for index, raw in enumerate(resources):
        try:
            if isinstance(raw, FhirError):
                raise raw
            prepared.append(await pusher.prepare(index, raw))
        except FhirError as error:
            results[index] = EntryResult(error.status, list(error.issues))
    groups: dict[uuid.UUID, list[_Entry]] = {}
    for entry in prepared:
        groups.setdefault(entry.campaign.id, []).append(entry)
    external_ids = {e.item.external_id for e in prepared}
    changes: dict[int, str] = {}  # entry index: what the writer did with it

    async def run(entries: list[_Entry], *, mode: ingest.Mode, dry_run: bool) -> ImportSummary:
        first = entries[0]
        summary, outcomes = await ingest.ingest_responses_itemised(
            session,
            ctx,
            client_org,
            first.campaign,
            first.services,
            [e.item for e in entries],
            mode=mode,
            dry_run=dry_run,
        )
        changes.update((e.index, o) for e, o in zip(entries, outcomes, strict=True))
        return summary

    def refuse(entries: list[_Entry], summary: ImportSummary) -> None:
        by_item: dict[int, list[ItemError]] = {}
        for error in summary.errors:
            by_item.setdefault(error.index, []).append(error)
        for i, errors in by_item.items():
            entry = entries[i]
            results[entry.index] = EntryResult(
                _status_of(errors), [_item_issue(entry, e) for e in errors]
            )

    if atomic:
        if any(r is not None for r in results):
            return [r or EntryResult(200) for r in results]
        for entries in groups.values():
            refuse(entries, await run(entries, mode="atomic", dry_run=True))
        if any(r is not None for r in results):
            return [r or EntryResult(200) for r in results]
        for entries in groups.values():
            summary = await run(entries, mode="atomic", dry_run=False)
            if summary.status != "completed":
                # Changed under our feet since the dry run: raising rolls back every group.
                issues = [_item_issue(entries[e.index], e) for e in summary.errors]
                raise FhirError(_status_of(summary.errors), issues)
    else:
        for entries in groups.values():
            refuse(entries, await run(entries, mode="best_effort", dry_run=dry_run))
        if dry_run:
            return [r or EntryResult(200) for r in results]
    after = await responses.pushed_by_external_id(session, client_org, external_ids)
    for entry in prepared:
        if results[entry.index] is not None:
            continue
        response_id, _, updated_at = after[entry.item.external_id]
        outcome = changes.get(entry.index)
        change: Change = "unchanged"
        if outcome == "created":
            change = "created"
        elif outcome == "updated":
            change = "updated"
        results[entry.index] = EntryResult(
            201 if change == "created" else 200,
            response_id=response_id,
            change=change,
            last_modified=updated_at,
        )
    return [r or EntryResult(500, [Issue("exception", "Not processed.")]) for r in results]
