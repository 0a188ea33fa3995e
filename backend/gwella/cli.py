"""Admin commands: run `gwella --help` for the list."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from alembic.config import Config
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core.config import REPO_ROOT, Environment, Settings, get_settings, served_url

T = TypeVar("T")


def alembic_config(settings: Settings) -> Config:
    config = Config(str(REPO_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(REPO_ROOT / "migrations"))
    config.attributes["database_url"] = settings.database_url
    return config


def migrate(settings: Settings, revision: str = "head") -> None:
    from alembic import command

    if settings.is_sqlite:
        path = settings.database_url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(settings), revision)
    done = asyncio.run(_with_session(settings, run_maintenance))
    for name in done:
        print(f"Ran {name} after the migration.")


async def run_maintenance(session: AsyncSession) -> list[str]:
    """The tasks migrations left (see ``gwella.core.maintenance``), each done and forgotten in
    the same transaction."""
    from sqlalchemy import delete, inspect, select

    from gwella.core.maintenance import REBUILD_RESULTS, MaintenanceTask

    connection = await session.connection()
    has_table = await connection.run_sync(
        lambda c: inspect(c).has_table(MaintenanceTask.__tablename__)
    )
    if not has_table:  # migrated to a revision before the task list
        return []
    names = list(await session.scalars(select(MaintenanceTask.name)))
    for name in names:
        if name == REBUILD_RESULTS:
            await rebuild_campaigns(session, None)
        await session.execute(delete(MaintenanceTask).where(MaintenanceTask.name == name))
    return names


async def _with_session(settings: Settings, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    from gwella.core.database import create_engine, create_sessionmaker

    engine = create_engine(settings.database_url)
    try:
        async with create_sessionmaker(engine)() as session:
            result = await work(session)
            await session.commit()
            return result
    finally:
        await engine.dispose()


def load_demo(settings: Settings) -> None:
    from gwella.demo.data import DEMO_DOMAIN, DEMO_PASSWORD, PEOPLE
    from gwella.demo.loader import load_demo

    if settings.env is Environment.production:
        sys.exit("Refusing to load demo data with GWELLA_ENV=production.")
    created = asyncio.run(_with_session(settings, load_demo))
    print(f"Demo data: created {created}")
    print(f"Demo sign-ins (password {DEMO_PASSWORD}):")
    for local, name, _language, _admin, roles in PEOPLE:
        where = ", ".join(f"{role.value} at {org}" for org, role in roles)
        print(f"  {local}@{DEMO_DOMAIN}  {name} ({where})")


def create_admin(settings: Settings, email: str, name: str) -> None:
    from gwella.accounts import passwords
    from gwella.accounts import users as accounts
    from gwella.core.audit import AuditContext

    password = os.environ.get("GWELLA_ADMIN_PASSWORD") or getpass.getpass("Password: ")
    passwords.check_password_strength(settings, password, email, name=name)

    async def work(session: AsyncSession) -> None:
        await accounts.create_user(
            session,
            AuditContext.system("cli"),
            email=email,
            display_name=name,
            password=password,
            is_platform_admin=True,
        )

    asyncio.run(_with_session(settings, work))
    print(f"Platform administrator {email} created.")


async def rebuild_campaigns(session: AsyncSession, campaign_id: str | None) -> int:
    """Recompute the results of one campaign, or of all, from the stored responses."""
    import uuid

    from gwella.campaigns import service as campaigns
    from gwella.responses import service as responses
    from gwella.results import service as results

    if campaign_id:
        chosen = [await campaigns.get_campaign(session, uuid.UUID(campaign_id))]
    else:
        chosen = await campaigns.all_campaigns(session)
    count = 0
    for campaign in chosen:
        content = await responses.version_content(session, campaign)
        counted = await responses.counted_for_rebuild(session, campaign.id)
        await results.rebuild(session, campaign.id, content, counted)
        count += 1
    return count


def derive(settings: Settings) -> None:
    from gwella.derived import derive_measurements

    count = asyncio.run(_with_session(settings, derive_measurements))
    print(f"Derived {count} measurement(s) from survey results.")


def rebuild_results(settings: Settings, campaign_id: str | None) -> None:
    count = asyncio.run(_with_session(settings, lambda s: rebuild_campaigns(s, campaign_id)))
    print(f"Rebuilt the results of {count} campaign(s).")


def write_openapi(path: Path) -> None:
    from gwella.main import create_app

    spec = create_app(get_settings()).openapi()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(spec, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Wrote {path}")


def serve(settings: Settings, host: str, port: int, workers: int) -> None:
    import uvicorn

    from gwella.core.server import HTTP_PROTOCOL  # with uvicorn: only `serve` needs it

    address = served_url(host, port)
    if settings.public_url_derived:
        # Links, QR codes and FHIR URLs name the address served, in this process and in
        # uvicorn's worker processes (which read the environment again).
        os.environ["GWELLA_PUBLIC_URL"] = address
        get_settings.cache_clear()
        settings = get_settings()
        where = "the address served; set GWELLA_PUBLIC_URL for one that phones reach"
    else:
        where = "GWELLA_PUBLIC_URL"
    print(
        f"\nGwella is serving on {address}/  (API docs: /api/docs)\n"
        f"Links and QR codes point at {settings.public_url} ({where})\n",
        flush=True,
    )
    uvicorn.run(
        "gwella.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_config=None,
        # Slow clients: a deadline for each request's headers (the protocol's), for the idle
        # time between requests, and for the headers' size (h11's default, 16 KiB, named).
        http=HTTP_PROTOCOL,
        timeout_keep_alive=settings.keep_alive_timeout_seconds,
        h11_max_incomplete_event_size=16 * 1024,
        proxy_headers=settings.trust_proxy_headers,
        # uvicorn's own handling (X-Forwarded-Proto, for HSTS) trusts the same proxies;
        # unlisted, it keeps its default (FORWARDED_ALLOW_IPS, else 127.0.0.1).
        forwarded_allow_ips=[str(n) for n in settings.trusted_proxies] or None,
        access_log=False,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="gwella", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="apply database migrations up to head")
    sub.add_parser("load-demo", help="create the demo partnership and sign-ins (idempotent)")
    admin = sub.add_parser("create-admin", help="create a platform administrator")
    admin.add_argument("--email", required=True)
    admin.add_argument("--name", required=True)
    srv = sub.add_parser("serve", help="serve the API and the web app")
    srv.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    srv.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    srv.add_argument("--workers", type=int, default=1)
    wrk = sub.add_parser(
        "worker", help="deliver webhooks until SIGTERM/SIGINT (several may run at once)"
    )
    wrk.add_argument("--once", action="store_true", help="deliver one batch of what is due")
    rebuild = sub.add_parser("rebuild-results", help="recompute survey results from responses")
    rebuild.add_argument("--campaign", help="one campaign's id (default: every campaign)")
    sub.add_parser(
        "derive-measurements", help="indicator measurements from survey questions mapped to them"
    )
    spec = sub.add_parser("openapi", help="write the OpenAPI spec")
    spec.add_argument("--output", type=Path, default=REPO_ROOT / "openapi" / "openapi.json")
    args = parser.parse_args(argv)
    settings = get_settings()
    if args.command == "migrate":
        migrate(settings)
    elif args.command == "load-demo":
        load_demo(settings)
    elif args.command == "create-admin":
        create_admin(settings, args.email, args.name)
    elif args.command == "serve":
        serve(settings, args.host, args.port, args.workers)
    elif args.command == "worker":
        from gwella.worker import main as run_worker

        run_worker(settings, once=args.once)
    elif args.command == "rebuild-results":
        rebuild_results(settings, args.campaign)
    elif args.command == "derive-measurements":
        derive(settings)
    elif args.command == "openapi":
        write_openapi(args.output)


if __name__ == "__main__":
    main()
