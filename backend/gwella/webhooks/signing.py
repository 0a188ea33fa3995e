"""Standard Webhooks signing, and how signing secrets are kept.

A secret is ``whsec_`` + base64 of 32 random bytes. A message is signed as
``v1,`` + base64(HMAC-SHA256(key, f"{webhook-id}.{webhook-timestamp}.{body}")) where the key is
the base64-decoded part after ``whsec_`` (https://www.standardwebhooks.com/).

The secret must be recoverable to sign, so it cannot be hashed like API secrets are. It is
stored encrypted with AES-256-GCM under a key derived from ``GWELLA_SECRET_KEY`` (so a copy of
the database alone reveals nothing), with the subscription's id as associated data (so a
ciphertext copied onto another row does not decrypt). It is returned only when it is made:
at creation and at rotation. Changing ``GWELLA_SECRET_KEY`` makes stored secrets unreadable:
deliveries then fail with an error saying so until each subscription's secret is rotated.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import uuid

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

SECRET_PREFIX = "whsec_"  # noqa: S105 - the Standard Webhooks prefix, not a secret
SECRET_BYTES = 32
_CIPHER_VERSION = "v1"
_KEY_PURPOSE = b"gwella:webhook-signing-secrets:v1"


class SecretUnreadable(Exception):
    """A stored secret does not decrypt with the current GWELLA_SECRET_KEY."""


def new_signing_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def secret_key_bytes(secret: str) -> bytes:
    """The HMAC key of a ``whsec_`` secret."""
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX), validate=True)


def sign(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """One signature, ``v1,<base64>``."""
    signed = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_key_bytes(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def signature_header(secrets_: list[str], msg_id: str, timestamp: int, body: bytes) -> str:
    """The ``webhook-signature`` header: one signature per live secret, space-separated."""
    return " ".join(sign(s, msg_id, timestamp, body) for s in secrets_)


def verify(secret: str, msg_id: str, timestamp: int, body: bytes, header: str) -> bool:
    expected = sign(secret, msg_id, timestamp, body)
    return any(hmac.compare_digest(expected, candidate) for candidate in header.split(" "))


def _cipher(master_key: str) -> AESGCM:
    key = hmac.new(master_key.encode(), _KEY_PURPOSE, hashlib.sha256).digest()
    return AESGCM(key)


def encrypt_secret(master_key: str, subscription_id: uuid.UUID, secret: str) -> str:
    nonce = secrets.token_bytes(12)
    sealed = _cipher(master_key).encrypt(nonce, secret.encode(), subscription_id.bytes)
    return f"{_CIPHER_VERSION}.{base64.urlsafe_b64encode(nonce + sealed).decode()}"


def decrypt_secret(master_key: str, subscription_id: uuid.UUID, stored: str) -> str:
    try:
        version, _, data = stored.partition(".")
        if version != _CIPHER_VERSION:
            raise SecretUnreadable(f"unknown secret format {version!r}")
        raw = base64.urlsafe_b64decode(data.encode())
        plain = _cipher(master_key).decrypt(raw[:12], raw[12:], subscription_id.bytes)
    except (InvalidTag, ValueError, binascii.Error) as exc:
        raise SecretUnreadable(
            "the signing secret does not decrypt (GWELLA_SECRET_KEY changed?); rotate it"
        ) from exc
    return plain.decode()
