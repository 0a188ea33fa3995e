"""HTTP for webhooks: subscriptions, their deliveries and attempts, redelivery.

Who may do what (record rules; to move into ``gwella.policy`` with the rest):

* an organisation's administrators (and platform administrators) manage every subscription
  of the organisation, including those its API clients made;
* an API client (with the ``read`` scope: webhooks are a way of reading) subscribes its own
  organisation and sees and manages only the subscriptions it made itself;
* to anyone else a subscription does not exist (404), except to the organisation's own
  members without the admin role (403).
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status
from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.core.concurrency import IfMatch, set_etag
from gwella.core.database import SessionDep
from gwella.core.dependencies import Reader, SettingsDep
from gwella.core.errors import (
    FieldProblem,
    ValidationFailed,
    problem_responses,
)
from gwella.core.headers import created
from gwella.core.pagination import DEFAULT_LIMIT, MAX_LIMIT, PageParams, next_link, page_params
from gwella.organisations import service as organisations
from gwella.webhooks import replay, service
from gwella.webhooks.access import visible_delivery, visible_subscription
from gwella.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookSubscription
from gwella.webhooks.schemas import (
    WebhookAttemptPage,
    WebhookAttemptRead,
    WebhookDeliveryPage,
    WebhookDeliveryRead,
    WebhookEventPage,
    WebhookEventRead,
    WebhookEventType,
    WebhookSubscriptionCreate,
    WebhookSubscriptionPage,
    WebhookSubscriptionRead,
    WebhookSubscriptionUpdate,
    WebhookSubscriptionWithSecret,
)

router = APIRouter(prefix="/api/v1", tags=["webhooks"])


# ------------------------------------------------------------------------- record rules


# ------------------------------------------------------------------------------ shaping


def _read(subscription: WebhookSubscription) -> WebhookSubscriptionRead:
    return WebhookSubscriptionRead.model_validate(subscription)


def _with_secret(subscription: WebhookSubscription, secret: str) -> WebhookSubscriptionWithSecret:
    return WebhookSubscriptionWithSecret(**_read(subscription).model_dump(), secret=secret)


async def _delivery_reads(
    session: AsyncSession, rows: list[WebhookDelivery]
) -> list[WebhookDeliveryRead]:
    events = await service.events_by_seq(session, [d.event_seq for d in rows])
    out = []
    for d in rows:
        event = events[d.event_seq]
        out.append(
            WebhookDeliveryRead(
                id=d.id,
                subscription_id=d.subscription_id,
                event_id=event.id,
                event_type=WebhookEventType(event.event_type),
                record_type=d.record_type,
                record_id=d.record_id,
                status=d.status,
                attempt_count=d.attempt_count,
                next_attempt_at=d.next_attempt_at if d.status is DeliveryStatus.pending else None,
                deadline_at=d.deadline_at,
                last_attempt_at=d.last_attempt_at,
                last_status_code=d.last_status_code,
                last_error=d.last_error,
                delivered_at=d.delivered_at,
                created_at=d.created_at,
                payload=event.payload,
            )
        )
    return out


# ------------------------------------------------------------------------- subscriptions


@router.get(
    "/webhook-subscriptions",
    operation_id="listWebhookSubscriptions",
    summary="List the webhook subscriptions you manage",
    response_model=WebhookSubscriptionPage,
    responses=problem_responses(400, 401, 403, 422),
)
async def list_subscriptions(
    request: Request,
    session: SessionDep,
    principal: Reader,
    params: Annotated[
        PageParams, Depends(page_params("-created_at", list(service.SUBSCRIPTION_SORTS)))
    ],
    organisation_id: uuid.UUID | None = None,
    is_active: bool | None = None,
) -> WebhookSubscriptionPage:
    within: frozenset[uuid.UUID] | None = principal.member_org_ids
    own: uuid.UUID | None = principal.id
    if principal.kind != "api_client":
        within, own = policy.admin_org_ids(principal), None
    rows, cursor = await service.list_subscriptions(
        session,
        params,
        within_orgs=within,
        api_client_id=own,
        organisation_id=organisation_id,
        is_active=is_active,
    )
    return WebhookSubscriptionPage(
        items=[_read(s) for s in rows], next_cursor=cursor, next=next_link(request, cursor)
    )


@router.post(
    "/webhook-subscriptions",
    operation_id="createWebhookSubscription",
    summary="Subscribe a URL to events (the signing secret is shown once)",
    description=(
        "Each event is POSTed as JSON with the Standard Webhooks headers `webhook-id`, "
        "`webhook-timestamp` and `webhook-signature` (HMAC-SHA256 with the secret returned "
        "here, which is never shown again). Any 2xx answer acknowledges it; anything else is "
        "retried with backoff for 24 hours. Events of one record arrive in order."
    ),
    status_code=status.HTTP_201_CREATED,
    response_model=WebhookSubscriptionWithSecret,
    responses={**problem_responses(401, 403, 404, 422), **created()},
)
async def create_subscription(
    data: WebhookSubscriptionCreate,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    principal: Reader,
) -> WebhookSubscriptionWithSecret:
    org_id = data.organisation_id
    if org_id is None:
        if principal.kind != "api_client":
            raise ValidationFailed(
                "Say which organisation's events to subscribe to.",
                errors=[FieldProblem(field="body.organisation_id", message="required")],
            )
        org_id = next(iter(principal.member_org_ids))
    org = await organisations.get_organisation(session, org_id)
    policy.ensure_may_subscribe(principal, org.id)
    subscription, secret = await service.create_subscription(
        session,
        principal.audit,
        settings,
        data,
        organisation_id=org.id,
        api_client_id=principal.id if principal.kind == "api_client" else None,
    )
    response.headers["Cache-Control"] = "no-store"
    response.headers["Location"] = f"/api/v1/webhook-subscriptions/{subscription.id}"
    set_etag(response, subscription.version)
    return _with_secret(subscription, secret)


@router.get(
    "/webhook-subscriptions/{subscription_id}",
    operation_id="getWebhookSubscription",
    summary="Read a webhook subscription (never its secret)",
    response_model=WebhookSubscriptionRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_subscription(
    subscription_id: uuid.UUID, response: Response, session: SessionDep, principal: Reader
) -> WebhookSubscriptionRead:
    subscription = await visible_subscription(session, principal, subscription_id)
    set_etag(response, subscription.version)
    return _read(subscription)


@router.patch(
    "/webhook-subscriptions/{subscription_id}",
    operation_id="updateWebhookSubscription",
    summary="Change a subscription's URL, events or description, or pause it",
    description="While inactive nothing is sent; its pending deliveries wait for it.",
    response_model=WebhookSubscriptionRead,
    responses=problem_responses(401, 403, 404, 412, 422, 428),
)
async def update_subscription(
    subscription_id: uuid.UUID,
    patch: WebhookSubscriptionUpdate,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    principal: Reader,
    if_match: IfMatch = None,
) -> WebhookSubscriptionRead:
    subscription = await visible_subscription(session, principal, subscription_id)
    subscription = await service.update_subscription(
        session, principal.audit, settings, subscription, patch, if_match
    )
    set_etag(response, subscription.version)
    return _read(subscription)


@router.delete(
    "/webhook-subscriptions/{subscription_id}",
    operation_id="deleteWebhookSubscription",
    summary="Delete a subscription, with its deliveries (nothing more is sent)",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 422),
)
async def delete_subscription(
    subscription_id: uuid.UUID, session: SessionDep, principal: Reader
) -> None:
    subscription = await visible_subscription(session, principal, subscription_id)
    await service.delete_subscription(session, principal.audit, subscription)


@router.post(
    "/webhook-subscriptions/{subscription_id}/rotate-secret",
    operation_id="rotateWebhookSecret",
    summary="Replace a subscription's signing secret (the new one is shown once)",
    description=(
        "Until `previous_valid_for` seconds have passed, every message carries two "
        "signatures (new and old secret), so a receiver can switch without missing one."
    ),
    response_model=WebhookSubscriptionWithSecret,
    responses=problem_responses(401, 403, 404, 422),
)
async def rotate_secret(
    subscription_id: uuid.UUID,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    principal: Reader,
    previous_valid_for: Annotated[
        int,
        Query(ge=0, le=7 * 24 * 3600, description="Seconds the old secret still signs"),
    ] = 24 * 3600,
) -> WebhookSubscriptionWithSecret:
    subscription = await visible_subscription(session, principal, subscription_id)
    subscription, secret = await service.rotate_secret(
        session,
        principal.audit,
        settings,
        subscription,
        timedelta(seconds=previous_valid_for),
    )
    response.headers["Cache-Control"] = "no-store"
    set_etag(response, subscription.version)
    return _with_secret(subscription, secret)


# ---------------------------------------------------------------------------- deliveries


@router.get(
    "/webhook-subscriptions/{subscription_id}/deliveries",
    operation_id="listWebhookDeliveries",
    summary="List a subscription's deliveries, newest first",
    response_model=WebhookDeliveryPage,
    responses=problem_responses(400, 401, 403, 404, 422),
)
async def list_deliveries(
    subscription_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: Reader,
    params: Annotated[
        PageParams, Depends(page_params("-created_at", list(service.DELIVERY_SORTS)))
    ],
    status: DeliveryStatus | None = None,
    event_type: WebhookEventType | None = None,
) -> WebhookDeliveryPage:
    subscription = await visible_subscription(session, principal, subscription_id)
    rows, cursor = await service.list_deliveries(
        session, params, subscription.id, status=status, event_type=event_type
    )
    return WebhookDeliveryPage(
        items=await _delivery_reads(session, rows),
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.get(
    "/webhook-subscriptions/{subscription_id}/events",
    operation_id="listWebhookEvents",
    summary="Replay a subscription's events, oldest first, from a cursor",
    description=(
        "Every event queued for this subscription, in the order it happened, with the body "
        "exactly as sent and its delivery's state. Each event carries a `cursor`: keep the "
        "last one handled and list from it to catch up after an outage. Replay reaches back "
        "`GWELLA_WEBHOOK_RETENTION_DAYS` (30 by default) from a delivery's last change; "
        "pending deliveries are always listed. Replay never skips: a page stops before an "
        "event whose transaction is still being written (it comes in its place once "
        "committed), so no cursor is ever handed out past an event still to be listed."
    ),
    response_model=WebhookEventPage,
    responses=problem_responses(400, 401, 403, 404, 422),
)
async def list_events(
    subscription_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: Reader,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size")] = DEFAULT_LIMIT,
    cursor: Annotated[
        str | None,
        Query(max_length=512, description="An event's `cursor`, or `next_cursor`"),
    ] = None,
) -> WebhookEventPage:
    subscription = await visible_subscription(session, principal, subscription_id)
    rows, next_cursor = await replay.list_events(
        session, subscription.id, cursor=cursor, limit=limit
    )
    return WebhookEventPage(
        items=[
            WebhookEventRead(
                cursor=replay.cursor_of(d),
                id=event.id,
                type=WebhookEventType(event.event_type),
                record_type=event.record_type,
                record_id=event.record_id,
                timestamp=event.occurred_at,
                payload=event.payload,
                delivery_id=d.id,
                status=d.status,
                attempt_count=d.attempt_count,
                last_attempt_at=d.last_attempt_at,
                last_status_code=d.last_status_code,
                delivered_at=d.delivered_at,
            )
            for d, event in rows
        ],
        next_cursor=next_cursor,
        next=next_link(request, next_cursor),
    )


@router.get(
    "/webhook-deliveries/{delivery_id}",
    operation_id="getWebhookDelivery",
    summary="Read a delivery: its state, schedule and the body sent",
    response_model=WebhookDeliveryRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_delivery(
    delivery_id: uuid.UUID, session: SessionDep, principal: Reader
) -> WebhookDeliveryRead:
    delivery, _ = await visible_delivery(session, principal, delivery_id)
    return (await _delivery_reads(session, [delivery]))[0]


@router.get(
    "/webhook-deliveries/{delivery_id}/attempts",
    operation_id="listWebhookDeliveryAttempts",
    summary="List every attempt of a delivery, with the receiver's answer",
    response_model=WebhookAttemptPage,
    responses=problem_responses(400, 401, 403, 404, 422),
)
async def list_attempts(
    delivery_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: Reader,
    params: Annotated[
        PageParams, Depends(page_params("-attempted_at", list(service.ATTEMPT_SORTS)))
    ],
) -> WebhookAttemptPage:
    delivery, _ = await visible_delivery(session, principal, delivery_id)
    rows, cursor = await service.list_attempts(session, params, delivery.id)
    return WebhookAttemptPage(
        items=[WebhookAttemptRead.model_validate(a) for a in rows],
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.post(
    "/webhook-deliveries/{delivery_id}/redeliver",
    operation_id="redeliverWebhook",
    summary="Send a delivery again now (same `webhook-id`), whatever its state",
    description=(
        "A pending delivery is tried at once; a delivered or failed one is pending again, "
        "with a new 24-hour retry window. 409 while a worker is sending it."
    ),
    status_code=status.HTTP_202_ACCEPTED,
    response_model=WebhookDeliveryRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def redeliver(
    delivery_id: uuid.UUID, session: SessionDep, settings: SettingsDep, principal: Reader
) -> WebhookDeliveryRead:
    delivery, subscription = await visible_delivery(session, principal, delivery_id)
    delivery = await service.redeliver(session, principal.audit, settings, delivery, subscription)
    return (await _delivery_reads(session, [delivery]))[0]
