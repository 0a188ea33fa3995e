#!/usr/bin/env python3
"""Keep a partner system in step with what it pushed to Gwella, and retract a mistake.

Follows the change feed of the responses your organisation pushed
(``GET /api/v1/responses/changes``), keeping its place in a small file so that a restart
carries on where it stopped:

    GWELLA_URL=https://gwella.example.org \\
    GWELLA_CLIENT_ID=gwc_... GWELLA_CLIENT_SECRET=gws_... \\
    python examples/sync_loop.py follow sync-cursor.txt

Each change is printed as one JSON line: ``upsert`` (the response as it is now) or
``deleted`` (retracted: a tombstone with its id and external id). Apply them by id in your
own store: a change may come again after a crash between applying it and saving the cursor,
and applying it twice does no harm. The loop is "call with the cursor until a page is
empty, save the cursor, sleep, call again"; the feed never skips a change, even one still
being written when a page was read (it comes in a later page).

To retract responses pushed by mistake (they stop counting in the results, the feed shows
them as deleted, and subscribers get ``response.retracted``):

    python examples/sync_loop.py retract "Sent to the wrong campaign" PAS-0001 PAS-0002

The API client needs the scopes ``responses:read`` (to follow) and ``responses:write`` (to
retract). For measurements, the same calls are under ``/api/v1/measurements``. Needs only
``httpx``.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx


async def sign_in(http: httpx.AsyncClient, client_id: str, client_secret: str) -> None:
    """Exchange the client credentials for a bearer token and keep it on the client."""
    r = await http.post(
        "/api/v1/auth/token",
        data={"grant_type": "client_credentials"},
        auth=(client_id, client_secret),
    )
    r.raise_for_status()
    http.headers["Authorization"] = f"Bearer {r.json()['access_token']}"


def load_cursor(path: Path) -> str | None:
    """The cursor saved by the last run, if any."""
    text = path.read_text(encoding="utf-8").strip() if path.exists() else ""
    return text or None


def save_cursor(path: Path, cursor: str) -> None:
    """Save the cursor so that a crash half-way through never loses it (write, then rename)."""
    spare = path.with_suffix(path.suffix + ".tmp")
    spare.write_text(cursor + "\n", encoding="utf-8")
    spare.replace(path)


async def pull(
    http: httpx.AsyncClient,
    cursor_file: Path,
    apply: Callable[[dict[str, Any]], None],
    *,
    changed_since: str | None = None,
    page_size: int = 100,
) -> int:
    """Apply every change after the saved cursor (or, on the first run, since
    ``changed_since``, or from the beginning), page by page until a page is empty; the cursor
    is saved after each page. Returns how many changes were applied."""
    cursor = load_cursor(cursor_file)
    applied = 0
    while True:
        params: dict[str, Any] = {"limit": page_size}
        if cursor is not None:
            params["cursor"] = cursor
        elif changed_since is not None:
            params["changed_since"] = changed_since
        r = await http.get("/api/v1/responses/changes", params=params)
        r.raise_for_status()
        page = r.json()
        for change in page["items"]:
            apply(change)
            applied += 1
        cursor = page["next_cursor"]
        save_cursor(cursor_file, cursor)  # always given, also after an empty page
        if not page["items"]:
            return applied


async def retract(http: httpx.AsyncClient, reason: str, external_ids: list[str]) -> dict[str, Any]:
    """Retract these pushed responses; an id retracted before is a no-op, an unknown one is
    reported in ``errors``."""
    r = await http.post(
        "/api/v1/responses/retractions",
        json={"external_ids": external_ids, "reason": reason},
    )
    r.raise_for_status()
    summary: dict[str, Any] = r.json()
    return summary


def _print(change: dict[str, Any]) -> None:
    print(json.dumps(change, ensure_ascii=False), flush=True)


async def main(argv: list[str]) -> int:
    if (
        len(argv) < 2
        or argv[0] not in ("follow", "retract")
        or (argv[0] == "retract" and len(argv) < 3)
    ):
        print(__doc__)
        return 2
    async with httpx.AsyncClient(base_url=os.environ["GWELLA_URL"], timeout=60) as http:
        await sign_in(http, os.environ["GWELLA_CLIENT_ID"], os.environ["GWELLA_CLIENT_SECRET"])
        if argv[0] == "retract":
            summary = await retract(http, argv[1], argv[2:])
            print(json.dumps(summary, indent=2))
            return 0 if summary["status"] == "completed" else 1
        cursor_file = Path(argv[1])
        every = float(os.environ.get("GWELLA_POLL_SECONDS", "60"))
        while True:
            await pull(http, cursor_file, _print)
            await asyncio.sleep(every)


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1:])))
