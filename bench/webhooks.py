"""Benchmark 6: webhook delivery throughput (issue 18's target: ≥ 500 deliveries/s per worker).

Queues ``scale.webhook_events`` events for one subscription (a fifth of the records get a
second event, so per-record ordering is in play), then runs one worker
(``gwella.worker.Worker``, the code ``gwella worker`` runs, settings as configured) until every
delivery is delivered. The receiver is a separate process on 127.0.0.1 answering ``204`` at
once over keep-alive connections, so the figure is the worker's; its CPU time is reported
beside the wall time (on a shared machine the wall time says more about the neighbours).
Checks that each record's events arrived in order. Part of ``python -m bench`` (``--only 6``);
alone: ``python -m bench.webhooks [--events N] [--concurrency C] [--batch-size B]`` on a fresh
database (``BENCH_HOOKS_DATABASE_URL``, default ``gwella_bench_hooks`` on the local server).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
import uuid
from dataclasses import replace
from typing import Any

from sqlalchemy import func, select

from bench.common import SCALES, Scale, free_port, fresh_schema, sessions, setup_environment

TARGET_PER_SECOND = 500
DEFAULT_URL = "postgresql+asyncpg://postgres@127.0.0.1/gwella_bench_hooks"

RECEIVER = r"""
import asyncio, json, sys
seen = []
async def serve(reader, writer):
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            body = await reader.readexactly(length)
            data = json.loads(body)["data"]
            seen.append((data["action_id"], data["status"]))
            writer.write(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n")
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()
async def main():
    server = await asyncio.start_server(serve, "127.0.0.1", int(sys.argv[1]), backlog=1024)
    async with server:
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    print(json.dumps(seen))
asyncio.run(main())
"""


async def run(database_url: str, env: dict[str, str], scale: Scale) -> dict[str, Any]:
    """One run at ``scale`` on a migrated database (``env``: the servers' environment)."""
    events = scale.webhook_events
    from gwella.core.audit import AuditContext
    from gwella.core.config import get_settings
    from gwella.core.logging import configure_logging
    from gwella.organisations import service as organisations
    from gwella.organisations.enums import OrganisationKind
    from gwella.organisations.schemas import OrganisationCreate
    from gwella.webhooks import service as webhooks
    from gwella.webhooks.models import DeliveryStatus, WebhookDelivery
    from gwella.webhooks.schemas import WebhookEventType, WebhookSubscriptionCreate
    from gwella.worker import Worker

    # The receiver is on 127.0.0.1, which webhooks may reach only with private destinations
    # allowed (the default in development, not under the test suite's settings).
    settings = get_settings().model_copy(update={"webhook_allow_private": True})
    if os.environ.get("GWELLA_LOG_LEVEL") == env.get("GWELLA_LOG_LEVEL"):
        # This process runs in the benchmark's environment (not inside the test suite):
        # its log level keeps one line per attempt out of the figures.
        configure_logging(settings.log_level, settings.log_format)
    port = free_port()
    receiver = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        RECEIVER,
        str(port),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        env=env,
    )
    await asyncio.sleep(0.5)
    ctx = AuditContext.system("bench")
    records = [uuid.uuid4() for _ in range(events * 4 // 5)]
    order = records + records[: events - len(records)]
    async with sessions(database_url) as maker:
        async with maker() as s:
            org = await organisations.create_organisation(
                s,
                ctx,
                OrganisationCreate(
                    name=f"Webhook bench {uuid.uuid4().hex[:8]}",
                    kind=OrganisationKind.health_board,
                ),
            )
            subscription, _ = await webhooks.create_subscription(
                s,
                ctx,
                settings,
                WebhookSubscriptionCreate(
                    url=f"http://127.0.0.1:{port}/hook",
                    event_types=[WebhookEventType.action_status_changed],
                ),
                organisation_id=org.id,
                api_client_id=None,
            )
            for start in range(0, len(order), 1000):
                await webhooks.emit_many(
                    s,
                    [
                        webhooks.PendingEvent(
                            "action.status_changed",
                            org.id,
                            "action",
                            record,
                            {"action_id": record, "previous_status": "agreed", "status": f"{i}"},
                        )
                        for i, record in enumerate(order[start : start + 1000], start)
                    ],
                )
            await s.commit()
        worker = Worker(settings, maker)
        stop = asyncio.Event()
        load_at_start = list(os.getloadavg())
        started = time.monotonic()
        cpu_started = time.process_time()
        task = asyncio.create_task(worker.run_deliveries(stop))
        while True:
            await asyncio.sleep(0.05)
            async with maker() as s:
                left = await s.scalar(
                    select(func.count())
                    .select_from(WebhookDelivery)
                    .where(
                        WebhookDelivery.subscription_id == subscription.id,
                        WebhookDelivery.status != DeliveryStatus.delivered,
                    )
                )
            if not left:
                break
        seconds = time.monotonic() - started
        cpu = time.process_time() - cpu_started
        stop.set()
        await task
    out, _ = await receiver.communicate(b"")
    seen = json.loads(out)
    arrivals: dict[str, list[int]] = {}
    for record, status in seen:
        arrivals.setdefault(record, []).append(int(status))
    in_order = all(statuses == sorted(statuses) for statuses in arrivals.values())
    # At least once allows a repeat (after a lost lease); a run without failures has none.
    repeats = len(seen) - len({(record, status) for record, status in seen})
    return {
        "events": events,
        "received": len(seen),
        "seconds": round(seconds, 2),
        "deliveries_per_second": round(events / seconds, 1),
        "worker_cpu_seconds": round(cpu, 2),
        "deliveries_per_cpu_second": round(events / cpu, 1),
        "load_average_at_start": load_at_start,
        "load_average": list(os.getloadavg()),
        "per_record_order_kept": in_order,
        "repeats": repeats,
        "batch_size": worker.config.batch_size,
        "concurrency": worker.config.concurrency,
        "cpus": os.cpu_count(),
        "met": in_order and events / seconds >= TARGET_PER_SECOND,
    }


async def _alone(database_url: str, events: int) -> dict[str, Any]:
    env = setup_environment(database_url)
    await fresh_schema(database_url)
    return await run(database_url, env, replace(SCALES["full"], webhook_events=events))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.webhooks", description=__doc__)
    parser.add_argument("--events", type=int, default=SCALES["full"].webhook_events)
    parser.add_argument("--concurrency", type=int, help="GWELLA_WEBHOOK_CONCURRENCY")
    parser.add_argument("--batch-size", type=int, help="GWELLA_WEBHOOK_BATCH_SIZE")
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_HOOKS_DATABASE_URL", DEFAULT_URL)
    )
    args = parser.parse_args(argv)
    if args.concurrency:
        os.environ["GWELLA_WEBHOOK_CONCURRENCY"] = str(args.concurrency)
    if args.batch_size:
        os.environ["GWELLA_WEBHOOK_BATCH_SIZE"] = str(args.batch_size)
    print(json.dumps(asyncio.run(_alone(args.database_url, args.events)), indent=2))


if __name__ == "__main__":
    main()
