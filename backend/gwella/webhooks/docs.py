"""The events, documented in the OpenAPI spec's top-level ``webhooks`` section.

These operations are never served: they describe the requests Gwella makes to subscribers,
so that clients can be generated for receivers too. Call :func:`install_webhook_docs` on the
app, and pass ``webhooks=app.webhooks.routes`` to ``get_openapi``.
"""

# No `from __future__ import annotations` here: FastAPI reads each documentation handler's
# parameter types at run time, and they are made per event below.

from typing import Annotated, Any

from fastapi import FastAPI, Header
from pydantic import BaseModel

from gwella.webhooks.schemas import EVENTS, WebhookEventType

_RESPONSES: dict[int | str, dict[str, Any]] = {
    204: {"description": "Received: any 2xx status acknowledges (the body is ignored)"},
    "4XX": {"description": "Not received: retried with backoff for 24 hours"},
    "5XX": {"description": "Not received: retried with backoff for 24 hours"},
}

_DESCRIPTION = (
    "Sent as a JSON POST to each active subscription of the organisation that wants "
    "`{event}`. Verify `webhook-signature` before trusting the body: it is `v1,` + "
    "base64(HMAC-SHA256(key, `{{webhook-id}}.{{webhook-timestamp}}.{{body}}`)), the key being "
    "the base64-decoded part of your `whsec_` secret; during a secret rotation the header "
    "carries a second, space-separated signature. Reject timestamps more than 5 minutes "
    "old. The same event may come twice (after a time-out): ignore a `webhook-id` you have "
    "seen. Events of one record (the `data` field its type names: a response, a batch, a "
    "measurement, an action…) arrive in order; different records may arrive in any order. "
    "Missed some? `GET /api/v1/webhook-subscriptions/{{id}}/events` (`listWebhookEvents`) "
    "lists every event queued for the subscription, with its body as sent.\n\n{doc}"
)


def _operation(model: type[BaseModel]) -> Any:
    async def receive(
        event: model,  # type: ignore[valid-type]
        webhook_id: Annotated[
            str, Header(alias="webhook-id", description="The event's id, same on every retry")
        ],
        webhook_timestamp: Annotated[
            int, Header(alias="webhook-timestamp", description="Unix seconds when sent")
        ],
        webhook_signature: Annotated[
            str,
            Header(
                alias="webhook-signature",
                description="`v1,<base64 HMAC-SHA256>`, space-separated if several",
            ),
        ],
    ) -> None:
        """Documentation only."""

    return receive


def _camel(event: WebhookEventType) -> str:
    words = event.value.replace(".", "_").split("_")
    return words[0] + "".join(w.capitalize() for w in words[1:])


def install_webhook_docs(app: FastAPI) -> None:
    for event, (_, model) in EVENTS.items():
        app.webhooks.add_api_route(
            event.value,
            _operation(model),
            methods=["POST"],
            operation_id=f"{_camel(event)}Webhook",
            summary=(model.__doc__ or event.value).strip().splitlines()[0].rstrip("."),
            description=_DESCRIPTION.format(event=event.value, doc=(model.__doc__ or "").strip()),
            tags=["webhooks"],
            status_code=204,
            responses=_RESPONSES,
        )
