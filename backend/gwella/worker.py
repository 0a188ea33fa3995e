"""The background worker: delivers webhooks, applies import jobs and runs periodic chores
(overdue actions, closed campaigns, e-mail digests of unread notifications).

Run it as ``gwella worker`` beside the API (as many as you like: they share the work without
sending anything twice), or inside the API process with ``GWELLA_RUN_WORKER=true`` (the
default in development, so ``make run`` works alone): :func:`start_in_process` is entered in
the app's lifespan. Deliveries never run inside a request.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import uuid
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.accounts import users
from gwella.actions import workflow as actions
from gwella.core.config import Settings
from gwella.core.database import create_engine, create_sessionmaker, utcnow
from gwella.core.logging import configure_logging, get_logger
from gwella.core.mail import MailSender, make_sender
from gwella.derived import derive_measurements
from gwella.housekeeping import announce_closed_campaigns, prune_tokens
from gwella.imports import service as imports
from gwella.imports import storage as import_files
from gwella.notifications import digest
from gwella.webhooks import delivery

_log = get_logger("gwella.worker")
PRUNE_EVERY = timedelta(hours=1)
DERIVE_EVERY = timedelta(minutes=5)
CLOSINGS_EVERY = timedelta(minutes=1)
OVERDUE_EVERY = timedelta(minutes=15)
DIGESTS_EVERY = timedelta(minutes=5)
MAX_ERROR_BACKOFF_SECONDS = 30.0


async def send_digests(
    sessionmaker: async_sessionmaker[AsyncSession],
    mail: MailSender,
    public_url: str,
    now: datetime | None = None,
) -> int:
    """The digest job: every e-mail digest due at ``now``, each person at most once per
    period however many workers run it (see :mod:`gwella.notifications.digest`)."""
    return await digest.send_due_digests(
        sessionmaker, mail, users.mail_recipients, public_url=public_url, now=now
    )


def new_worker_id() -> str:
    return f"{socket.gethostname()[:64]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Worker:
    """Polls the outbox and delivers what is due, until told to stop."""

    def __init__(
        self,
        settings: Settings,
        sessionmaker: async_sessionmaker[AsyncSession],
        *,
        worker_id: str | None = None,
        config: delivery.DeliveryConfig | None = None,
        mail: MailSender | None = None,
    ) -> None:
        self.settings = settings
        self.mail = mail or make_sender(settings.mail_backend, settings.mail_from)
        self.sessionmaker = sessionmaker
        self.worker_id = worker_id or new_worker_id()
        self.config = config or delivery.DeliveryConfig.from_settings(settings)
        self._pruned_at: datetime | None = None
        self._derived_at: datetime | None = None
        self._closings_at: datetime | None = None
        self._overdue_at: datetime | None = None
        self._digests_at: datetime | None = None

    async def run_once(
        self,
        http: Any = None,
        now: datetime | None = None,
        *,
        gate: asyncio.Semaphore | None = None,
        chores: bool = True,
    ) -> int:
        """Deliver one batch of what is due, then (``chores``) the periodic chores; returns
        how many deliveries were attempted."""
        if http is None:
            async with delivery.http_client(self.config) as client:
                return await self.run_once(client, now, gate=gate, chores=chores)
        done = await delivery.deliver_due(
            self.sessionmaker, http, self.config, worker_id=self.worker_id, now=now, gate=gate
        )
        if not chores:
            return done
        await self._prune_now_and_then(now or utcnow())
        await self._derive_now_and_then(now or utcnow())
        await self._overdue_now_and_then(now or utcnow())
        await self._announce_closings_now_and_then(now or utcnow())
        await self._digests_now_and_then(now or utcnow())
        return done

    async def _digests_now_and_then(self, now: datetime) -> None:
        """E-mail digests to those who asked for one, within minutes of their period's start."""
        if self._digests_at is not None and now - self._digests_at < DIGESTS_EVERY:
            return
        self._digests_at = now
        sent = await send_digests(self.sessionmaker, self.mail, self.settings.public_url, now)
        if sent:
            _log.info("notification_digests_sent", sent=sent)

    async def _announce_closings_now_and_then(self, now: datetime) -> None:
        """`campaign.closed` for campaigns whose window has passed, within a minute."""
        if self._closings_at is not None and now - self._closings_at < CLOSINGS_EVERY:
            return
        self._closings_at = now
        async with self.sessionmaker() as session:
            announced = await announce_closed_campaigns(session, now)
            await session.commit()
        if announced:
            _log.info("campaigns_closed", announced=announced)

    async def _overdue_now_and_then(self, now: datetime) -> None:
        """Notify once about each improvement action that has become overdue."""
        if self._overdue_at is not None and now - self._overdue_at < OVERDUE_EVERY:
            return
        self._overdue_at = now
        async with self.sessionmaker() as session:
            flagged = await actions.notify_overdue(session, now.date())
            await session.commit()
        if flagged:
            _log.info("actions_overdue", flagged=flagged)

    async def _derive_now_and_then(self, now: datetime) -> None:
        """Indicator measurements from survey results, every few minutes."""
        if self._derived_at is not None and now - self._derived_at < DERIVE_EVERY:
            return
        self._derived_at = now
        async with self.sessionmaker() as session:
            changed = await derive_measurements(session)
            await session.commit()
        if changed:
            _log.info("measurements_derived", changed=changed)

    async def _prune_now_and_then(self, now: datetime) -> None:
        if self._pruned_at is not None and now - self._pruned_at < PRUNE_EVERY:
            return
        self._pruned_at = now
        removed = await delivery.prune(
            self.sessionmaker, now, timedelta(days=self.settings.webhook_retention_days)
        )
        if removed:
            _log.info("webhook_deliveries_pruned", removed=removed)
        async with self.sessionmaker() as session:
            tokens = await prune_tokens(session, now)
            await session.commit()
        if tokens:
            _log.info("access_tokens_pruned", removed=tokens)
        async with self.sessionmaker() as session:
            orphans = await import_files.remove_orphan_files(
                session, import_files.import_dir(self.settings.import_dir), now
            )
        if orphans:
            _log.info("import_files_removed", removed=orphans)
        async with self.sessionmaker() as session:
            cells = await import_files.remove_refused_cells(session, now)
            await session.commit()
        if cells:
            _log.info("import_refused_cells_removed", rows=cells)

    async def run_imports(self, stop: asyncio.Event) -> None:
        """Apply import jobs one at a time, beside the deliveries (a long file never holds
        up a webhook); the same back-off on errors."""
        errors = 0
        while not stop.is_set():
            try:
                job = await imports.process_next(
                    self.sessionmaker, self.worker_id, self.settings.public_url
                )
                errors = 0
            except Exception:
                errors += 1
                job = None
                _log.exception("import_step_failed", consecutive=errors)
            if job is not None:
                continue
            wait = self.settings.worker_poll_seconds * (2 ** min(errors, 5))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), min(wait, MAX_ERROR_BACKOFF_SECONDS))

    async def run(self, stop: asyncio.Event) -> None:
        """Deliver webhooks and apply imports until ``stop`` is set."""
        importing = asyncio.create_task(self.run_imports(stop), name="gwella-imports")
        try:
            await self.run_deliveries(stop)
        finally:
            stop.set()
            await importing

    async def run_deliveries(self, stop: asyncio.Event) -> None:
        """Loop until ``stop`` is set: straight on while there is work, otherwise wait
        ``GWELLA_WORKER_POLL_SECONDS``; a failing database makes it wait longer, not stop.

        ``config.lanes`` loops run at once over one keep-alive client and one bound on the
        requests in flight, so that claiming and recording one batch overlap sending
        another. Each record's order still holds: a claim never takes an event while an
        earlier one of its record is pending, in flight in another lane included."""
        _log.info("worker_started", worker_id=self.worker_id)
        gate = asyncio.Semaphore(self.config.concurrency)
        async with delivery.http_client(self.config) as http:
            await asyncio.gather(
                *(self._lane(stop, http, gate, chores=n == 0) for n in range(self.config.lanes))
            )
        _log.info("worker_stopped", worker_id=self.worker_id)

    async def _lane(
        self, stop: asyncio.Event, http: Any, gate: asyncio.Semaphore, *, chores: bool
    ) -> None:
        errors = 0
        while not stop.is_set():
            try:
                done = await self.run_once(http, gate=gate, chores=chores)
                errors = 0
            except Exception:
                errors += 1
                done = 0
                _log.exception("worker_step_failed", consecutive=errors)
            if done and not errors:
                continue
            wait = self.settings.worker_poll_seconds * (2 ** min(errors, 5))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), min(wait, MAX_ERROR_BACKOFF_SECONDS))


@asynccontextmanager
async def _in_process(app: Any) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    if not settings.run_worker:
        yield
        return
    stop = asyncio.Event()
    worker = Worker(settings, app.state.sessionmaker, mail=app.state.mail)
    task = asyncio.create_task(worker.run(stop), name="gwella-worker")
    try:
        yield
    finally:
        stop.set()
        try:
            # In-flight requests are bounded by the webhook time-out; then give up (a
            # delivery cut short is tried again when its lease lapses).
            await asyncio.wait_for(task, settings.webhook_timeout_seconds + 5)
        except TimeoutError:
            _log.warning("worker_cancelled_at_shutdown")
        except Exception:
            _log.exception("worker_failed")


def start_in_process(app: Any) -> AbstractAsyncContextManager[None]:
    """Run the worker as a task of the app while the context is entered, when
    ``GWELLA_RUN_WORKER`` is true (otherwise do nothing). Enter it in the lifespan after
    ``app.state.sessionmaker`` is set; leaving it stops the worker gracefully."""
    return _in_process(app)


async def _serve(settings: Settings, once: bool) -> None:
    engine = create_engine(settings.database_url)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        worker = Worker(settings, create_sessionmaker(engine))
        if once:
            done = await worker.run_once()
            print(f"Attempted {done} webhook deliveries.")
        else:
            await worker.run(stop)
    finally:
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)
        await engine.dispose()


def main(settings: Settings, once: bool = False) -> None:
    """``gwella worker``: run until SIGTERM or SIGINT (or one batch with ``--once``)."""
    configure_logging(settings.log_level, settings.log_format)
    asyncio.run(_serve(settings, once))
