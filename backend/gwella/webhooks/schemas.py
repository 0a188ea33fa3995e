"""API models of subscriptions and deliveries, and the typed payload of every event.

Every event is sent as ``{id, type, timestamp, data}``: ``id`` is also the ``webhook-id``
header (the same on every retry, so receivers can ignore a repeat), ``timestamp`` is when the
change happened, and ``data`` holds ids and a few fields; fetch the record for the rest.
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from gwella.core.pagination import Page
from gwella.core.schemas import ApiModel, Flag, ReadModel, ShortText
from gwella.webhooks.models import DeliveryStatus


class WebhookEventType(enum.StrEnum):
    response_created = "response.created"
    response_updated = "response.updated"
    responses_ingested = "responses.ingested"
    results_released = "results.released"
    import_completed = "import.completed"
    campaign_closed = "campaign.closed"
    measurement_created = "measurement.created"
    measurement_updated = "measurement.updated"
    indicator_signal = "indicator.signal"
    action_created = "action.created"
    action_status_changed = "action.status_changed"
    response_retracted = "response.retracted"
    measurement_retracted = "measurement.retracted"


# ------------------------------------------------------------------------ event payloads


class EventData(BaseModel):
    """Fields every event's ``data`` has. Unknown fields are refused, so that the documented
    payload is exactly what is sent."""

    model_config = ConfigDict(extra="forbid")

    organisation_id: uuid.UUID = Field(description="The organisation whose record changed")


class ResponseEventData(EventData):
    response_id: uuid.UUID
    campaign_id: uuid.UUID
    service_id: uuid.UUID
    channel: str = Field(description="`web`, `partner` or `paper`", examples=["partner"])
    submitted_at: datetime
    external_id: str | None = Field(
        default=None, max_length=200, description="The partner system's own id, when pushed"
    )


class IngestedCounts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    created: int = Field(ge=0)
    updated: int = Field(ge=0)
    unchanged: int = Field(ge=0)


class ResponsesIngestedEventData(EventData):
    batch_kind: Literal["ingest", "import", "fhir_bundle"] = Field(
        description="`ingest`: a JSON batch (`POST /api/v1/ingest/responses`); `import`: a whole "
        "file import, sent once when the job ends (`batch_id` is the import's id); "
        "`fhir_bundle`: a FHIR Bundle pushed to the FHIR API"
    )
    batch_id: uuid.UUID = Field(description="The batch; for an import, the import job's id")
    source_organisation_id: uuid.UUID = Field(description="The organisation that pushed it")
    campaign_ids: list[uuid.UUID] = Field(description="The campaigns it stored responses in")
    counts: IngestedCounts
    changed_from: datetime = Field(
        description="An instant just before its first change (the day only, 00:00 UTC, when "
        "it changed responses of an anonymous campaign)"
    )
    changed_to: datetime = Field(
        description="When its last change was written (the day only, as `changed_from`)"
    )
    submitted_from: datetime | None = Field(
        description="The earliest `submitted_at` among the responses it created or updated"
    )
    submitted_to: datetime | None = Field(description="The latest such `submitted_at`")
    changes_url: str = Field(
        description="The change feed from `changed_from`: every response changed since, "
        "this batch's included",
        examples=[
            "https://gwella.example.nhs.uk/api/v1/responses/changes"
            "?changed_since=2026-03-01T09%3A00%3A00.123455Z"
        ],
    )


class ResultsReleasedEventData(EventData):
    campaign_id: uuid.UUID
    service_ids: list[uuid.UUID] = Field(
        description="The services (of this organisation, or all for the campaign's own) whose "
        "results moved on"
    )
    released_on: date


class ImportCompletedEventData(EventData):
    import_id: uuid.UUID
    status: Literal["completed", "completed_with_errors", "failed"] = Field(
        description="How the job ended: every row taken, some rows refused, or nothing taken",
        examples=["completed_with_errors"],
    )
    failure_reason: str | None = Field(default=None, description="Why a failed job took nothing")
    rows: int = Field(default=0, description="Rows read from the file")
    imported: int
    updated: int
    ignored: int
    rejected: int


class CampaignClosedEventData(EventData):
    campaign_id: uuid.UUID
    instrument_version_id: uuid.UUID
    closed_at: datetime


class MeasurementCreatedEventData(EventData):
    measurement_id: uuid.UUID
    indicator_id: uuid.UUID
    service_id: uuid.UUID | None = None
    period_start: date
    period_end: date
    value: float | None = None


class MeasurementUpdatedEventData(MeasurementCreatedEventData):
    previous_value: float | None = Field(default=None, description="The value it replaced")


class ResponseRetractedEventData(EventData):
    response_id: uuid.UUID
    campaign_id: uuid.UUID
    service_id: uuid.UUID
    external_id: str | None = Field(default=None, max_length=200)


class MeasurementRetractedEventData(EventData):
    measurement_id: uuid.UUID
    indicator_id: uuid.UUID
    service_id: uuid.UUID | None = None
    period_start: date
    period_end: date
    external_id: str | None = Field(default=None, max_length=200)


class IndicatorSignalEventData(EventData):
    indicator_id: uuid.UUID
    service_id: uuid.UUID | None = None
    period_end: date = Field(description="The period of the point that raised the signal")
    signal: Literal["improvement", "concern"]
    rule: Literal["outside_limits", "trend", "two_of_three", "shift"] = Field(
        description="The special-cause rule that fired (Making Data Count XmR)"
    )
    value: float


class ActionCreatedEventData(EventData):
    action_id: uuid.UUID
    title: str = Field(max_length=200)
    status: str = Field(examples=["proposed"])
    source: str = Field(description="Where it came from", examples=["service_user"])


class ActionStatusChangedEventData(EventData):
    action_id: uuid.UUID
    previous_status: str = Field(examples=["agreed"])
    status: str = Field(examples=["in_progress"])


class _Event(BaseModel):
    id: uuid.UUID = Field(description="The event's id; also the `webhook-id` header")
    timestamp: datetime = Field(description="When the change happened (RFC 3339, UTC)")


class ResponseCreatedEvent(_Event):
    """A response was stored: in identified-with-consent campaigns, any response (web, paper
    or a partner push); in anonymous and pseudonymous ones, only a partner's own pushes, to
    that partner (their results move on by releases: see `results.released`)."""

    type: Literal["response.created"]
    data: ResponseEventData


class ResponseUpdatedEvent(_Event):
    """A partner system pushed changed content for a response it had sent before."""

    type: Literal["response.updated"]
    data: ResponseEventData


class ResponsesIngestedEvent(_Event):
    """A partner's batch stored responses: one event for the whole batch (a JSON push, a FHIR
    Bundle, or a whole file import, announced once when the job ends, however many chunks it
    was stored in and even if a worker resumed it) instead of one per response; it raises no
    `response.created` or `response.updated`. Read what changed from `changes_url`. Sent to
    the organisations that would have heard of each response (the pushing organisation; in
    identified campaigns also the campaign's and the services'), and only when something was
    created or updated. Single submissions (web, paper, one FHIR QuestionnaireResponse) still
    raise `response.created`."""

    type: Literal["responses.ingested"]
    data: ResponsesIngestedEventData


class ResultsReleasedEvent(_Event):
    """A campaign's results moved on: a release of at least its minimum cell size of new
    responses (or changes) in each service named. Refetch the results. For an anonymous
    campaign it is sent once the day is over (UTC), with the end of the day as its
    `timestamp`, and never says how many responses or when they came."""

    type: Literal["results.released"]
    data: ResultsReleasedEventData


class ImportCompletedEvent(_Event):
    """An import job finished (successfully or not); fetch it for the summary's errors."""

    type: Literal["import.completed"]
    data: ImportCompletedEventData


class CampaignClosedEvent(_Event):
    """A campaign closed: its results are final."""

    type: Literal["campaign.closed"]
    data: CampaignClosedEventData


class MeasurementCreatedEvent(_Event):
    """A new indicator measurement was stored."""

    type: Literal["measurement.created"]
    data: MeasurementCreatedEventData


class MeasurementUpdatedEvent(_Event):
    """A pushed measurement's value changed (a repeat with the same value raises nothing)."""

    type: Literal["measurement.updated"]
    data: MeasurementUpdatedEventData


class ResponseRetractedEvent(_Event):
    """A partner system retracted a response it had pushed: it no longer counts in the
    results, and the change feed shows it as a tombstone."""

    type: Literal["response.retracted"]
    data: ResponseRetractedEventData


class MeasurementRetractedEvent(_Event):
    """A partner system retracted a measurement it had pushed: it is gone from the charts,
    and the change feed shows it as a tombstone."""

    type: Literal["measurement.retracted"]
    data: MeasurementRetractedEventData


class IndicatorSignalEvent(_Event):
    """An indicator's chart shows a special cause (improvement or concern)."""

    type: Literal["indicator.signal"]
    data: IndicatorSignalEventData


class ActionCreatedEvent(_Event):
    """An improvement action was proposed or agreed."""

    type: Literal["action.created"]
    data: ActionCreatedEventData


class ActionStatusChangedEvent(_Event):
    """An improvement action moved to another status."""

    type: Literal["action.status_changed"]
    data: ActionStatusChangedEventData


EVENTS: dict[WebhookEventType, tuple[type[EventData], type[_Event]]] = {
    WebhookEventType.response_created: (ResponseEventData, ResponseCreatedEvent),
    WebhookEventType.response_updated: (ResponseEventData, ResponseUpdatedEvent),
    WebhookEventType.responses_ingested: (ResponsesIngestedEventData, ResponsesIngestedEvent),
    WebhookEventType.results_released: (ResultsReleasedEventData, ResultsReleasedEvent),
    WebhookEventType.import_completed: (ImportCompletedEventData, ImportCompletedEvent),
    WebhookEventType.campaign_closed: (CampaignClosedEventData, CampaignClosedEvent),
    WebhookEventType.measurement_created: (MeasurementCreatedEventData, MeasurementCreatedEvent),
    WebhookEventType.measurement_updated: (MeasurementUpdatedEventData, MeasurementUpdatedEvent),
    WebhookEventType.indicator_signal: (IndicatorSignalEventData, IndicatorSignalEvent),
    WebhookEventType.action_created: (ActionCreatedEventData, ActionCreatedEvent),
    WebhookEventType.action_status_changed: (
        ActionStatusChangedEventData,
        ActionStatusChangedEvent,
    ),
    WebhookEventType.response_retracted: (ResponseRetractedEventData, ResponseRetractedEvent),
    WebhookEventType.measurement_retracted: (
        MeasurementRetractedEventData,
        MeasurementRetractedEvent,
    ),
}

RECORDS: dict[WebhookEventType, tuple[str, str]] = {
    WebhookEventType.response_created: ("response", "response_id"),
    WebhookEventType.response_updated: ("response", "response_id"),
    WebhookEventType.responses_ingested: ("batch", "batch_id"),
    WebhookEventType.results_released: ("campaign", "campaign_id"),
    WebhookEventType.import_completed: ("import", "import_id"),
    WebhookEventType.campaign_closed: ("campaign", "campaign_id"),
    WebhookEventType.measurement_created: ("measurement", "measurement_id"),
    WebhookEventType.measurement_updated: ("measurement", "measurement_id"),
    WebhookEventType.indicator_signal: ("indicator", "indicator_id"),
    WebhookEventType.action_created: ("action", "action_id"),
    WebhookEventType.action_status_changed: ("action", "action_id"),
    WebhookEventType.response_retracted: ("response", "response_id"),
    WebhookEventType.measurement_retracted: ("measurement", "measurement_id"),
}
"""Each event type's record: its type, and the field of the event's ``data`` that holds its
id (a UUID, so every record id has the same short length). A subscriber gets the events of
one record in the order they happened; a subscription belongs to one organisation, so the
record needs no organisation in its key."""

# ------------------------------------------------------------------------ subscriptions

EventTypes = list[WebhookEventType]


class WebhookSubscriptionCreate(ApiModel):
    organisation_id: uuid.UUID | None = Field(
        default=None,
        description="Whose events: required for people; an API client subscribes its own",
    )
    url: str = Field(
        min_length=10,
        max_length=2000,
        description="An https URL (http only to a loopback address, or outside production) "
        "whose host resolves only to public addresses (unless GWELLA_WEBHOOK_ALLOW_PRIVATE)",
        examples=["https://pas.example.nhs.uk/hooks/gwella"],
    )
    event_types: EventTypes = Field(min_length=1, max_length=len(WebhookEventType))
    description: ShortText | None = Field(default=None, examples=["Trust PAS"])
    is_active: Flag = True


class WebhookSubscriptionUpdate(ApiModel):
    url: str | None = Field(default=None, min_length=10, max_length=2000)
    event_types: EventTypes | None = Field(
        default=None, min_length=1, max_length=len(WebhookEventType)
    )
    description: ShortText | None = None
    is_active: Flag | None = Field(
        default=None, description="Inactive: nothing is sent; pending deliveries wait"
    )


class WebhookSubscriptionRead(ReadModel):
    id: uuid.UUID
    organisation_id: uuid.UUID
    api_client_id: uuid.UUID | None = Field(
        description="The API client that subscribed itself, if one did"
    )
    url: str
    description: str | None
    event_types: list[WebhookEventType]
    is_active: bool
    secret_rotated_at: datetime | None
    previous_secret_expires_at: datetime | None = Field(
        description="Until then, the secret before the last rotation also signs"
    )
    created_by_id: uuid.UUID | None
    version: int
    created_at: datetime
    updated_at: datetime


class WebhookSubscriptionWithSecret(WebhookSubscriptionRead):
    secret: str = Field(
        description="The signing secret (Standard Webhooks `whsec_…`): shown only in this "
        "answer; store it now",
        examples=["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
    )


class WebhookSubscriptionPage(Page[WebhookSubscriptionRead]):
    pass


# ------------------------------------------------------------------------ deliveries


class WebhookDeliveryRead(BaseModel):
    id: uuid.UUID
    subscription_id: uuid.UUID
    event_id: uuid.UUID
    event_type: WebhookEventType
    record_type: str
    record_id: str
    status: DeliveryStatus
    attempt_count: int
    next_attempt_at: datetime | None = Field(description="When it is next tried, if pending")
    deadline_at: datetime = Field(description="Retries stop here")
    last_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    delivered_at: datetime | None
    created_at: datetime
    payload: dict[str, Any] = Field(description="The body sent")


class WebhookDeliveryPage(Page[WebhookDeliveryRead]):
    pass


class WebhookAttemptRead(ReadModel):
    id: uuid.UUID
    delivery_id: uuid.UUID
    attempted_at: datetime
    duration_ms: int
    status_code: int | None = Field(description="The receiver's status; null if none came")
    error: str | None = Field(description="Why it failed: a status, a time-out, a refusal")
    response_body: str | None = Field(description="The start of the receiver's answer")


class WebhookAttemptPage(Page[WebhookAttemptRead]):
    pass


# ------------------------------------------------------------------------ replay


class WebhookEventRead(BaseModel):
    """An event sent (or to be sent) to a subscription, with its delivery's state."""

    cursor: str = Field(description="Pass as `cursor` to list the events after this one")
    id: uuid.UUID = Field(description="The event's id: the `webhook-id` header")
    type: WebhookEventType
    record_type: str
    record_id: str
    timestamp: datetime = Field(description="The event's `timestamp`")
    payload: dict[str, Any] = Field(
        description="The body exactly as sent (its compact JSON encoding is what is signed)"
    )
    delivery_id: uuid.UUID
    status: DeliveryStatus
    attempt_count: int
    last_attempt_at: datetime | None
    last_status_code: int | None
    delivered_at: datetime | None


class WebhookEventPage(Page[WebhookEventRead]):
    pass
