#!/usr/bin/env python3
"""Push a CSV file of survey responses to Gwella and wait for the import to finish.

A partner system (say, a trust's patient administration system) exports its responses
to the campaign's CSV template (download it from
``GET /api/v1/campaigns/{campaign_id}/template.csv``), then runs:

    GWELLA_URL=https://gwella.example.org \\
    GWELLA_CLIENT_ID=gwc_... GWELLA_CLIENT_SECRET=gws_... \\
    python examples/push_responses.py CAMPAIGN_ID responses.csv

It signs in with the API client's credentials (scope ``responses:write``), uploads the file
(streamed, so its size does not matter), polls the import job until it ends (``completed``,
``completed_with_errors`` or ``failed``), prints the summary, and saves the refused rows, if
any, beside the file as ``…-refused.csv``: the rows as they were, with a last
``gwella_errors`` column saying why. Correct them and run it again with that file. Running it
again with the same file is safe: rows already imported are ignored, changed rows update the
stored responses. It exits 0 only when every row was taken. Needs only ``httpx``.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx


async def sign_in(http: httpx.AsyncClient, client_id: str, client_secret: str) -> None:
    """Exchange the client credentials for a bearer token and keep it on the client."""
    r = await http.post(
        "/api/v1/auth/token",
        data={"grant_type": "client_credentials", "scope": "responses:write"},
        auth=(client_id, client_secret),
    )
    r.raise_for_status()
    http.headers["Authorization"] = f"Bearer {r.json()['access_token']}"


async def _chunks(path: Path, size: int = 1 << 20) -> AsyncIterator[bytes]:
    with path.open("rb") as handle:
        while chunk := handle.read(size):
            yield chunk


async def upload(http: httpx.AsyncClient, campaign_id: str, path: Path) -> dict[str, Any]:
    """Start an import job; returns it (state ``queued``)."""
    r = await http.post(
        "/api/v1/imports",
        params={"kind": "responses", "campaign_id": campaign_id},
        content=_chunks(path),
        headers={"Content-Type": "text/csv"},
        timeout=None,
    )
    if r.status_code != 202:
        sys.exit(f"Upload refused ({r.status_code}): {r.text}")
    job: dict[str, Any] = r.json()
    return job


async def wait(http: httpx.AsyncClient, job: dict[str, Any], every: float = 2.0) -> dict[str, Any]:
    """Poll the job until it has completed or failed, showing progress."""
    while job["state"] in ("queued", "running"):
        print(f"  {job['state']}: {job['rows_processed']} of ~{job['rows_total']} rows", flush=True)
        await asyncio.sleep(every)
        r = await http.get(f"/api/v1/imports/{job['id']}")
        r.raise_for_status()
        job = r.json()
    return job


async def save_errors(http: httpx.AsyncClient, job: dict[str, Any], path: Path) -> Path | None:
    """Save the refused rows beside the file: as they were in it, with a last gwella_errors
    column saying why (correct the cells and upload that file again as it is)."""
    if not job["summary"]["rejected"]:
        return None
    r = await http.get(job["refused_rows_url"] or job["errors_url"])
    r.raise_for_status()
    target = path.with_name(f"{path.stem}-refused.csv")
    target.write_text(r.text, encoding="utf-8")
    return target


async def main(campaign_id: str, csv_path: str) -> int:
    path = Path(csv_path)
    base = os.environ.get("GWELLA_URL", "http://127.0.0.1:8000")
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        await sign_in(http, os.environ["GWELLA_CLIENT_ID"], os.environ["GWELLA_CLIENT_SECRET"])
        job = await wait(http, await upload(http, campaign_id, path))
        s = job["summary"]
        print(
            f"Import {job['state']}: {s['imported']} imported, {s['updated']} updated, "
            f"{s['ignored']} ignored, {s['rejected']} refused"
        )
        if job["failure_reason"]:
            print(f"Reason: {job['failure_reason']}")
        errors = await save_errors(http, job, path)
        if errors:
            print(f"Refused rows and why, to correct and upload again: {errors}")
        return 0 if job["state"] == "completed" else 1


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(asyncio.run(main(sys.argv[1], sys.argv[2])))
