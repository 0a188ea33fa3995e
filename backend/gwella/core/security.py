"""Passwords (argon2id) and opaque secrets (tokens, client secrets: stored only as hashes)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from functools import lru_cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from gwella.core.config import get_settings


@lru_cache
def _hasher() -> PasswordHasher:
    settings = get_settings()
    return PasswordHasher(
        time_cost=settings.argon2_time_cost,
        memory_cost=settings.argon2_memory_cost_kib,
        parallelism=1,
        type=Type.ID,
    )


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Constant work whether or not the account exists: with no hash we still verify
    against a dummy so that timing does not reveal which emails are registered."""
    target = password_hash or _dummy_hash()
    try:
        ok = _hasher().verify(target, password)
    except (VerificationError, InvalidHashError):
        return False
    return ok and password_hash is not None


@lru_cache
def _dummy_hash() -> str:
    return _hasher().hash(secrets.token_urlsafe(16))


def new_secret(prefix: str, nbytes: int = 32) -> str:
    """A random opaque secret with a readable prefix (so a leaked one is recognisable)."""
    return f"{prefix}_{secrets.token_urlsafe(nbytes)}"


def hash_secret(secret: str) -> str:
    """Keyed SHA-256 of a high-entropy secret: enough for lookup, useless if the table leaks."""
    key = get_settings().secret_key.get_secret_value().encode()
    return hmac.new(key, secret.encode(), hashlib.sha256).hexdigest()


def keyed_hash(value: str, purpose: str) -> str:
    """A keyed hash for pseudonymising personal values (emails in rate limits, ids)."""
    key = get_settings().secret_key.get_secret_value().encode()
    return hmac.new(key, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()
