#!/usr/bin/env python3
"""A minimal Gwella webhook receiver: verifies each request's signature and timestamp, then
prints the event. Standard library only (Python 3.11+), so it runs anywhere.

Gwella signs every webhook the Standard Webhooks way (https://www.standardwebhooks.com/):

* ``webhook-id``: the event's id, the same on every retry (ignore one you have seen);
* ``webhook-timestamp``: Unix seconds when it was sent (reject old ones: replays);
* ``webhook-signature``: ``v1,`` + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")), where
  the key is the base64-decoded part of your ``whsec_…`` secret after the prefix. During a
  secret rotation the header holds two space-separated signatures; one matching is enough.

Use it:

    WEBHOOK_SECRET=whsec_... python3 examples/webhook_receiver.py --port 8787

then subscribe ``http://127.0.0.1:8787/`` (plain http is accepted to a loopback address, or in
development) with ``POST /api/v1/webhook-subscriptions``. Answer 2xx quickly and do the real
work afterwards: Gwella waits 10 seconds at most, then retries with backoff for a day.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

TOLERANCE_SECONDS = 5 * 60
MAX_BODY_BYTES = 1024 * 1024


class WebhookVerificationError(Exception):
    """The request is not a genuine, fresh Gwella webhook."""


def expected_signature(secret: str, msg_id: str, timestamp: str, body: bytes) -> str:
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{msg_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


def verify_webhook(
    secret: str, headers: dict[str, str], body: bytes, now: float | None = None
) -> dict[str, Any]:
    """Return the event if the request is genuine and fresh; raise otherwise.

    ``headers`` keys are matched case-insensitively."""
    lower = {k.lower(): v for k, v in headers.items()}
    msg_id = lower.get("webhook-id")
    timestamp = lower.get("webhook-timestamp")
    signatures = lower.get("webhook-signature")
    if not msg_id or not timestamp or not signatures:
        raise WebhookVerificationError("missing webhook headers")
    try:
        sent = int(timestamp)
    except ValueError:
        raise WebhookVerificationError("bad webhook-timestamp") from None
    now = time.time() if now is None else now
    if abs(now - sent) > TOLERANCE_SECONDS:
        raise WebhookVerificationError("timestamp outside the 5-minute tolerance")
    expected = expected_signature(secret, msg_id, timestamp, body)
    # Compare in constant time with each signature offered (two during a secret rotation).
    if not any(hmac.compare_digest(expected, s) for s in signatures.split(" ")):
        raise WebhookVerificationError("no valid signature")
    event: dict[str, Any] = json.loads(body)
    if event.get("id") != msg_id:
        raise WebhookVerificationError("body id and webhook-id differ")
    return event


class Receiver(BaseHTTPRequestHandler):
    secret = ""
    seen: set[str] = set()

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        if length > MAX_BODY_BYTES:
            self.send_response(413)
            self.end_headers()
            return
        body = self.rfile.read(length)
        try:
            event = verify_webhook(self.secret, dict(self.headers.items()), body)
        except (WebhookVerificationError, ValueError) as exc:
            print(f"rejected: {exc}", file=sys.stderr, flush=True)
            self.send_response(400)
            self.end_headers()
            return
        if event["id"] in self.seen:
            print(f"repeat of {event['id']} ignored", flush=True)
        else:
            self.seen.add(event["id"])
            print(json.dumps(event, indent=2), flush=True)
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        return  # the events printed above are the log


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8787)
    args = parser.parse_args()
    secret = os.environ.get("WEBHOOK_SECRET", "")
    if not secret.startswith("whsec_"):
        sys.exit("Set WEBHOOK_SECRET to the whsec_… secret shown when you subscribed.")
    Receiver.secret = secret
    server = ThreadingHTTPServer((args.host, args.port), Receiver)
    print(f"Listening on http://{args.host}:{args.port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
