"""The invitation email goes out only once the invitation is stored: never for one whose
transaction fails, never while the transaction is still open, and a failed send leaves the
invitation in place (and says so in the log)."""

from __future__ import annotations

import io
import json
import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session

from gwella.accounts import invitations
from gwella.accounts.models import Invitation, Role
from gwella.accounts.schemas import InvitationCreate
from gwella.core.audit import AuditContext
from gwella.core.config import Settings
from gwella.core.database import AppSession, run_after_commit
from gwella.core.mail import MemoryMailSender, Message
from gwella.organisations.models import Organisation
from tests.factories import make_org, make_user, sign_in

SYSTEM = AuditContext.system("test")


async def _invitations(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Invitation)) or 0)


def _data(organisation_id: uuid.UUID, email: str) -> InvitationCreate:
    return InvitationCreate.model_validate(
        {"email": email, "organisation_id": str(organisation_id), "role": "staff"}
    )


@contextmanager
def _commits_fail() -> Iterator[None]:
    """Every commit fails, as when the database goes away at the last moment."""

    def refuse(_session: Session) -> None:
        raise OperationalError("COMMIT", {}, Exception("the database went away"))

    event.listen(AppSession, "before_commit", refuse)
    try:
        yield
    finally:
        event.remove(AppSession, "before_commit", refuse)


async def _admin(http: httpx.AsyncClient, session: AsyncSession) -> tuple[Organisation, Any]:
    org = await make_org(session, "Abermor Wellbeing")
    admin = await make_user(session, {org: [Role.admin]})
    return org, await sign_in(http, admin.email)


async def test_an_invitation_whose_commit_fails_is_never_mailed(
    client: httpx.AsyncClient, session: AsyncSession, mail: MemoryMailSender
) -> None:
    org, headers = await _admin(client, session)
    body = {"email": "lost@example.org", "organisation_id": str(org.id), "role": "staff"}
    with _commits_fail():
        r = await client.post("/api/v1/invitations", headers=headers, json=body)
    assert r.status_code == 503, r.text
    assert await _invitations(session) == 0
    assert mail.outbox == []

    # The same request, committed, is mailed once.
    r = await client.post("/api/v1/invitations", headers=headers, json=body)
    assert r.status_code == 201, r.text
    assert [m.to for m in mail.outbox] == ["lost@example.org"]
    # the role in words, in both languages (it read "as staff" in English only, raw value)
    assert "as staff." in mail.outbox[0].body
    assert "fel staff" in mail.outbox[0].body
    assert await _invitations(session) == 1


async def test_the_mail_waits_for_the_commit(
    sessionmaker: async_sessionmaker[AsyncSession], settings: Settings
) -> None:
    sent = MemoryMailSender()
    async with sessionmaker() as s:
        org_id = (await make_org(s)).id  # kept: a rollback expires the loaded object
        await s.commit()

        await invitations.create_invitation(
            s, settings, sent, SYSTEM, _data(org_id, "undone@example.org"), "Admin"
        )
        assert sent.outbox == []  # not while the transaction is open
        await s.rollback()
        await run_after_commit(s)
        assert sent.outbox == []  # nor ever, once it is rolled back

        await invitations.create_invitation(
            s, settings, sent, SYSTEM, _data(org_id, "kept@example.org"), "Admin"
        )
        await s.commit()
        assert sent.outbox == []
        await run_after_commit(s)
        await run_after_commit(s)
        assert [m.to for m in sent.outbox] == ["kept@example.org"]  # once

        # An invitation made in a savepoint that is rolled back is not mailed either.
        try:
            async with s.begin_nested():
                await invitations.create_invitation(
                    s, settings, sent, SYSTEM, _data(org_id, "savepoint@example.org"), "Admin"
                )
                raise RuntimeError("undo the savepoint")
        except RuntimeError:
            pass
        await s.commit()
        await run_after_commit(s)
        assert [m.to for m in sent.outbox] == ["kept@example.org"]


async def test_a_failed_send_keeps_the_invitation_and_is_logged(
    client: httpx.AsyncClient, session: AsyncSession, mail: MemoryMailSender, monkeypatch: Any
) -> None:
    org, headers = await _admin(client, session)

    async def refuse(message: Message) -> None:
        raise ConnectionError("the mail server is down")

    monkeypatch.setattr(mail, "send", refuse)
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    try:
        r = await client.post(
            "/api/v1/invitations",
            headers=headers,
            json={"email": "unlucky@example.org", "organisation_id": str(org.id), "role": "staff"},
        )
    finally:
        handler.setStream(previous)  # type: ignore[arg-type]
    assert r.status_code == 201, r.text
    assert await _invitations(session) == 1
    lines = [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]
    failures = [line for line in lines if line.get("event") == "after_commit_failed"]
    assert [f["action"] for f in failures] == [f"invitation {r.json()['id']} mail"]
    assert "unlucky@example.org" not in json.dumps(failures[0]["action"])
