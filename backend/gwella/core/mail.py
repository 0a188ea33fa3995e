"""Outgoing mail through a pluggable sender: ``console`` (default: prints the message to
standard output, outside the structured logs) or ``memory`` (kept in a list, for tests)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Message:
    to: str
    subject: str
    body: str


class MailSender(Protocol):
    async def send(self, message: Message) -> None: ...


class ConsoleMailSender:
    def __init__(self, sender: str) -> None:
        self.sender = sender

    async def send(self, message: Message) -> None:
        print(
            f"\n----- mail from {self.sender} to {message.to}\n"
            f"Subject: {message.subject}\n\n{message.body}\n----- end of mail\n",
            file=sys.stdout,
            flush=True,
        )


class MemoryMailSender:
    def __init__(self) -> None:
        self.outbox: list[Message] = []

    async def send(self, message: Message) -> None:
        self.outbox.append(message)


def make_sender(backend: str, sender: str) -> MailSender:
    if backend == "memory":
        return MemoryMailSender()
    return ConsoleMailSender(sender)
