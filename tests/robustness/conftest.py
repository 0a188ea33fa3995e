"""The webhook fixtures (a real receiver on 127.0.0.1, the outbox driven step by step) are
shared with tests/webhooks; the app fixture stays the suite's own."""

from __future__ import annotations

from tests.webhooks.conftest import config, hooks, http, org, receiver

__all__ = ["config", "hooks", "http", "org", "receiver"]
