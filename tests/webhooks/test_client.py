"""The worker's HTTP client carries nothing from one request to the next or from the
environment: no cookie a receiver set, no proxy the process's environment names; it sends
nothing to a receiver whose certificate does not verify; and many deliveries finished
together are recorded together, each as if alone."""

from __future__ import annotations

import ipaddress
import ssl
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import func, select

from gwella.organisations.models import Organisation
from gwella.webhooks.models import DeliveryStatus, WebhookAttempt, WebhookDelivery
from tests.webhooks.conftest import Hooks
from tests.webhooks.receiver import Receiver


async def test_a_cookie_a_receiver_sets_is_never_sent_back(
    hooks: Hooks, org: Organisation, receiver: Receiver
) -> None:
    # By name: a client's cookie jar would keep a cookie from a name (never from an address).
    await hooks.subscribe(org, url=f"http://localhost:{receiver.port}/hooks")
    receiver.extra_headers = "Set-Cookie: session=from-the-receiver; Path=/\r\n"
    for _ in range(2):
        await hooks.emit(org, uuid.uuid4())
        assert await hooks.step() == 1
    first, second = receiver.requests
    assert "cookie" not in first.headers
    assert "cookie" not in second.headers, "a cookie from one answer travelled to the next"


@pytest.mark.parametrize("name", ["HTTP_PROXY", "http_proxy"])
async def test_a_proxy_named_in_the_environment_is_not_used(
    hooks: Hooks,
    org: Organisation,
    receiver: Receiver,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    """The delivery goes straight to the receiver (a proxy on the discard port would
    refuse it, and would see the signed body and headers if it did not)."""
    monkeypatch.setenv(name, "http://127.0.0.1:9")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    await hooks.subscribe(org)
    await hooks.emit(org, uuid.uuid4())
    assert await hooks.step() == 1
    assert len(receiver.accepted) == 1
    async with hooks.sessionmaker() as s:
        [row] = list(await s.scalars(select(WebhookDelivery)))
    assert row.status is DeliveryStatus.delivered


async def test_a_batch_of_outcomes_is_recorded_as_each_alone(
    hooks: Hooks, org: Organisation, receiver: Receiver
) -> None:
    """Twelve deliveries in one step, every fourth answered 500: each gets exactly one
    attempt with its own status; the delivered are done and unleased, the failed pending
    with a retry ahead."""
    await hooks.subscribe(org)
    for _ in range(12):
        await hooks.emit(org, uuid.uuid4())
    receiver.script.extend(["ok", "ok", "ok", "error"] * 3)
    assert await hooks.step() == 12
    answered = {r.headers["webhook-id"]: r.mode for r in receiver.requests}
    async with hooks.sessionmaker() as s:
        rows = list(await s.scalars(select(WebhookDelivery)))
        tried = await s.execute(
            select(
                WebhookAttempt.delivery_id, func.count(), func.max(WebhookAttempt.status_code)
            ).group_by(WebhookAttempt.delivery_id)
        )
        attempts = {delivery_id: (n, code) for delivery_id, n, code in tried}
    assert len(rows) == 12
    assert list(answered.values()).count("error") == 3
    assert sum(1 for r in rows if r.status is DeliveryStatus.delivered) == 9
    for row in rows:
        n, code = attempts[row.id]
        assert n == 1
        assert row.attempt_count == 1
        assert row.locked_by is None
        assert row.locked_until is None
        assert row.last_status_code == code
        if code == 200:
            assert row.status is DeliveryStatus.delivered
            assert row.delivered_at is not None
        else:
            assert code == 500
            assert row.status is DeliveryStatus.pending
            assert row.delivered_at is None
            assert row.last_error == "HTTP 500"
            assert row.next_attempt_at > row.last_attempt_at


def self_signed(directory: Path) -> ssl.SSLContext:
    """A server context with a certificate for 127.0.0.1 that no authority signed."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    (directory / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (directory / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(directory / "cert.pem", directory / "key.pem")
    return context


async def test_a_receiver_whose_certificate_does_not_verify_gets_nothing(
    hooks: Hooks, org: Organisation, tmp_path: Path
) -> None:
    """The signed body never travels to a receiver that cannot prove its name; the attempt
    fails with the reason and is retried (the receiver may fix its certificate)."""
    impostor = Receiver()
    impostor.tls = self_signed(tmp_path)
    await impostor.start()
    try:
        await hooks.subscribe(org, url=impostor.url)
        await hooks.emit(org, uuid.uuid4())
        assert await hooks.step() == 1
    finally:
        await impostor.close()
    assert impostor.requests == []
    async with hooks.sessionmaker() as s:
        [row] = list(await s.scalars(select(WebhookDelivery)))
    assert row.status is DeliveryStatus.pending
    assert row.last_status_code is None
    assert "certificate" in (row.last_error or "").lower()
