"""Slow partial requests (slowloris) against the real server: a connection that trickles its
headers, sends nothing, or trickles its body is answered 408 and closed within the
configured time, instead of being held open without limit."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from gwella.core.config import REPO_ROOT

GWELLA = str(REPO_ROOT / ".venv" / "bin" / "gwella")
HEADER_TIMEOUT = 1.0
BODY_TIMEOUT = 2.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    folder = tmp_path_factory.mktemp("slow")
    port = _free_port()
    env = {
        **os.environ,
        "GWELLA_ENV": "test",
        "DATABASE_URL": f"sqlite+aiosqlite:///{folder / 'gwella.db'}",
        "GWELLA_IMPORT_DIR": str(folder / "imports"),
        "GWELLA_FRONTEND_DIST": str(folder / "no-dist"),
        "GWELLA_RUN_WORKER": "false",
        "GWELLA_REQUEST_HEADER_TIMEOUT_SECONDS": str(HEADER_TIMEOUT),
        "GWELLA_REQUEST_BODY_TIMEOUT_SECONDS": str(BODY_TIMEOUT),
    }
    # The repository's own command line, with arguments of this test only.
    subprocess.run(  # noqa: S603
        [GWELLA, "migrate"], env=env, check=True, capture_output=True, timeout=120
    )
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen(  # noqa: S603
        [GWELLA, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
                    if s.recv(100).startswith(b"HTTP/1.1 200"):
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail((folder / "server.log").read_text())
            time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _read_until_closed(s: socket.socket, budget: float) -> tuple[bytes, float]:
    """Everything the server sends until it closes, and how long that took; fails the test
    if the connection is still open after ``budget`` seconds."""
    started = time.monotonic()
    received = b""
    s.settimeout(0.2)
    while time.monotonic() - started < budget:
        try:
            chunk = s.recv(65536)
        except TimeoutError:
            continue
        except ConnectionResetError:
            break
        if not chunk:
            break
        received += chunk
    else:
        pytest.fail(f"still open after {budget} s; received {received!r}")
    return received, time.monotonic() - started


def _read_one_answer(s: socket.socket) -> bytes:
    """One whole answer (its head and a body of Content-Length bytes) on a kept connection."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        assert chunk, data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        int(line.split(b":", 1)[1])
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"content-length:")
    )
    while len(body) < length:
        chunk = s.recv(65536)
        assert chunk, data
        body += chunk
    return head + b"\r\n\r\n" + body


def _trickle(s: socket.socket, data: bytes, every: float, for_at_most: float) -> None:
    """One byte at a time, until the server closes or the time is up."""
    started = time.monotonic()
    for byte in data:
        if time.monotonic() - started > for_at_most:
            return
        try:
            s.sendall(bytes([byte]))
        except OSError:
            return  # closed by the server, as it should
        time.sleep(every)


def _assert_408_problem(answer: bytes) -> None:
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 408"), answer
    assert b"content-type: application/problem+json" in head.lower()
    problem = json.loads(body)
    assert problem["status"] == 408
    assert problem["type"] == "urn:gwella:problem:request-timeout"
    assert problem["detail"]


def test_headers_trickled_byte_by_byte_get_408_and_the_connection_closes(server: int) -> None:
    with socket.create_connection(("127.0.0.1", server), timeout=5) as s:
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\n")
        _trickle(s, b"X-Slow: " + b"a" * 200, every=0.2, for_at_most=HEADER_TIMEOUT + 1)
        answer, _ = _read_until_closed(s, budget=HEADER_TIMEOUT + 3)
    _assert_408_problem(answer)


def test_a_connection_that_sends_nothing_is_closed(server: int) -> None:
    with socket.create_connection(("127.0.0.1", server), timeout=5) as s:
        _, waited = _read_until_closed(s, budget=HEADER_TIMEOUT + 3)
    assert waited < HEADER_TIMEOUT + 2


def test_a_body_trickled_byte_by_byte_gets_408_and_the_connection_closes(server: int) -> None:
    body = json.dumps({"token": "a" * 80}).encode()
    with socket.create_connection(("127.0.0.1", server), timeout=5) as s:
        s.sendall(
            b"POST /api/v1/invitations/inspect HTTP/1.1\r\nHost: t\r\n"
            b"Content-Type: application/json\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body[:5]
        )
        _trickle(s, body[5:], every=0.2, for_at_most=BODY_TIMEOUT + 1)
        answer, _ = _read_until_closed(s, budget=BODY_TIMEOUT + 3)
    _assert_408_problem(answer)


def test_a_prompt_client_on_a_kept_alive_connection_is_served(server: int) -> None:
    with socket.create_connection(("127.0.0.1", server), timeout=5) as s:
        for _ in range(2):
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
            assert _read_one_answer(s).startswith(b"HTTP/1.1 200")
            time.sleep(HEADER_TIMEOUT * 0.6)  # idle, but below the keep-alive limit
        body = b'{"token": "not-a-real-token-0000"}'
        s.sendall(
            b"POST /api/v1/invitations/inspect HTTP/1.1\r\nHost: t\r\n"
            b"Content-Type: application/json\r\nConnection: close\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
        )
        answer, _ = _read_until_closed(s, budget=5)
    assert not answer.startswith(b"HTTP/1.1 408"), answer


if sys.platform == "win32":  # pragma: no cover - raw sockets and signals as on Linux
    pytestmark = pytest.mark.skip("POSIX only")
