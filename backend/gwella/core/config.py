"""Settings from the environment (prefix ``GWELLA_``, plus ``DATABASE_URL``)."""

from __future__ import annotations

import json
import os
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Self
from urllib.parse import urlsplit

from pydantic import (
    AliasChoices,
    Field,
    IPvAnyNetwork,
    PrivateAttr,
    SecretStr,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[3]
DEVELOPMENT_SECRET = "development-only-secret-change-me"  # noqa: S105 - refused outside development


class Environment(StrEnum):
    development = "development"
    test = "test"
    production = "production"


def served_url(host: str, port: str | int) -> str:
    """The address a browser on this machine reaches ``gwella serve --host --port`` at (the
    defaults 127.0.0.1 and 8000 when not given). A wildcard host (0.0.0.0, ::) answers on
    loopback too; other devices need GWELLA_PUBLIC_URL."""
    name = str(host).strip() or "127.0.0.1"
    if name in ("0.0.0.0", "*"):  # noqa: S104 - read, not bound
        name = "127.0.0.1"
    elif name in ("::", "[::]"):
        name = "::1"
    if ":" in name and not name.startswith("["):
        name = f"[{name}]"
    return f"http://{name}:{str(port).strip() or '8000'}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GWELLA_", env_file=".env", extra="ignore")
    _public_url_derived: bool = PrivateAttr(default=False)

    env: Environment = Environment.development
    database_url: str = Field(
        default=f"sqlite+aiosqlite:///{REPO_ROOT / 'var' / 'gwella.db'}",
        validation_alias=AliasChoices("DATABASE_URL", "GWELLA_DATABASE_URL"),
        description="SQLAlchemy async URL: sqlite+aiosqlite:///path or postgresql+asyncpg://…",
    )
    secret_key: SecretStr = SecretStr(DEVELOPMENT_SECRET)
    public_url: str = Field(
        default="",
        description="The address people reach Gwella at: campaign links, QR codes, invitation "
        "links and FHIR URLs are made from it. Required in production; unset elsewhere, the "
        "address `gwella serve` serves (its --host and --port, else HOST and PORT)",
    )
    access_token_ttl_seconds: int = Field(default=8 * 3600, ge=60, le=30 * 24 * 3600)
    client_token_ttl_seconds: int = Field(default=3600, ge=60, le=24 * 3600)
    invitation_ttl_hours: int = Field(default=72, ge=1, le=24 * 30)
    max_body_bytes: int = Field(default=1_048_576, ge=1024)
    max_ingest_bytes: int = Field(default=10 * 1_048_576, ge=1024)
    max_import_bytes: int = Field(default=1024 * 1_048_576, ge=1024)
    # Slow clients (slowloris): how long a connection may take to send what it must.
    request_header_timeout_seconds: float = Field(
        default=10.0,
        gt=0,
        le=300,
        description="From a connection's opening (or the end of its last answer) to the end "
        "of the next request's headers; beyond it the connection gets 408 and is closed",
    )
    request_body_timeout_seconds: float = Field(
        default=60.0,
        gt=0,
        le=3600,
        description="To receive a whole request body, from the end of its headers (408 after)",
    )
    import_body_timeout_seconds: float = Field(
        default=3600.0,
        gt=0,
        le=86400,
        description="The same for a file uploaded to /api/v1/imports (up to max_import_bytes)",
    )
    keep_alive_timeout_seconds: int = Field(
        default=5,
        gt=0,
        le=300,
        description="How long an idle kept-alive connection stays open between requests",
    )
    import_dir: Path = REPO_ROOT / "var" / "imports"
    # Sign-in throttle (gwella.accounts.throttle): failures are remembered for the window.
    login_window_seconds: int = Field(default=3600, ge=1)
    login_free_failures: int = Field(
        default=5, ge=1, description="Failures per account and address before delays begin"
    )
    login_max_delay_seconds: int = Field(
        default=900, ge=1, description="Longest delay (it doubles from 30 s per failure)"
    )
    login_max_failures: int = Field(
        default=20,
        ge=1,
        description="Failures of one account, from all addresses, beyond which only addresses "
        "it has signed in from may try",
    )
    login_address_max_failures: int = Field(
        default=50,
        ge=1,
        description="Failures from one address, on all accounts, beyond which it may try only "
        "accounts that have signed in from there (password spraying)",
    )
    login_known_days: int = Field(
        default=90, ge=1, description="How long a sign-in makes its address known to the account"
    )
    public_submit_max: int = Field(default=30, ge=1)
    public_submit_window_seconds: int = Field(default=600, ge=1)
    public_burst_max: int = Field(
        default=3,
        ge=1,
        description="Public submissions from one address in a day (UTC) that count at once; "
        "more are held for staff to approve (unless they carry an access code)",
    )
    # Disclosure control (docs/disclosure.md): the perturbation table and magnitude noise.
    disclosure_max_change: int = Field(default=3, ge=1, le=10)
    disclosure_variance: float = Field(default=1.0, gt=0)
    disclosure_empty_share: float = Field(default=0.03125, ge=0, lt=1)
    disclosure_magnitude_noise: float = Field(default=0.1, gt=0, le=1)
    password_min_length: int = Field(
        default=15,
        ge=8,
        description="Shortest new password (NIST SP 800-63B-4: 15 for a password used alone)",
    )
    # argon2id cost; lower only in tests (never below the library's minimums).
    argon2_time_cost: int = Field(default=3, ge=1)
    argon2_memory_cost_kib: int = Field(default=65536, ge=8)
    mail_backend: str = Field(default="console", pattern="^(console|memory)$")
    mail_from: str = "Gwella <no-reply@gwella.invalid>"
    log_level: str = "INFO"
    log_format: str = Field(default="json", pattern="^(json|console)$")
    cors_origins: list[str] = []
    frontend_dist: Path = REPO_ROOT / "frontend" / "dist"
    trust_proxy_headers: bool = False
    trusted_proxy_count: int = Field(
        default=1,
        ge=1,
        le=10,
        description="How many proxies in front of the service append to X-Forwarded-For",
    )
    trusted_proxies: Annotated[list[IPvAnyNetwork], NoDecode] = Field(
        default=[],
        description="Addresses or networks (CIDR) of the proxies in front of the service, "
        "comma-separated. When set, X-Forwarded-For is read only from a listed peer and "
        "walked from the right past every listed hop (instead of counting hops)",
    )
    # Live streams (GET /api/v1/stream), counted per server process: beyond a person's cap
    # a new stream gets 429, beyond the process's cap 503 (both with Retry-After). Streams
    # cost the database nothing each (one change feed per process reads for all of them).
    stream_max_per_person: int = Field(default=5, ge=1, le=100)
    stream_max_per_process: int = Field(default=1000, ge=1, le=10_000)
    # Background work (webhook delivery). `run_worker` unset means: in-process in development
    # only (so `make run` works alone); elsewhere run `gwella worker` beside the API.
    run_worker: bool | None = None
    worker_poll_seconds: float = Field(default=1.0, gt=0, le=60)
    webhook_timeout_seconds: float = Field(default=10.0, gt=0, le=60)
    webhook_retry_hours: float = Field(default=24.0, gt=0, le=72)
    webhook_retention_days: int = Field(default=30, ge=1, le=3650)
    webhook_concurrency: int = Field(default=32, ge=1, le=256)
    webhook_batch_size: int = Field(default=200, ge=1, le=2000)
    webhook_allow_private: bool | None = Field(
        default=None,
        description="Let webhooks go to private, loopback, link-local (cloud metadata) and "
        "other non-public addresses. Unset: allowed in development only",
    )

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _split_trusted_proxies(cls, value: Any) -> Any:
        """``10.0.0.0/8, 192.0.2.7`` as well as a JSON list."""
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [part.strip() for part in text.split(",") if part.strip()]
        return value

    @model_validator(mode="after")
    def _default_run_worker(self) -> Self:
        if self.run_worker is None:
            self.run_worker = self.env is Environment.development
        return self

    @model_validator(mode="after")
    def _default_webhook_allow_private(self) -> Self:
        if self.webhook_allow_private is None:
            self.webhook_allow_private = self.env is Environment.development
        return self

    @model_validator(mode="after")
    def _public_url_or_served_address(self) -> Self:
        text = self.public_url.strip()
        if not text:
            if self.env is Environment.production:
                raise ValueError(
                    "GWELLA_PUBLIC_URL must be set in production: the https address people "
                    "reach Gwella at (e.g. https://gwella.example.org). Campaign links, QR "
                    "codes, invitation links and FHIR URLs are made from it"
                )
            text = served_url(os.environ.get("HOST", ""), os.environ.get("PORT", ""))
            self._public_url_derived = True
        parsed = urlsplit(text)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise ValueError(
                f"GWELLA_PUBLIC_URL must be an http or https address such as "
                f"https://gwella.example.org, not {text!r}"
            )
        self.public_url = text.rstrip("/")
        return self

    @property
    def public_url_derived(self) -> bool:
        """True when GWELLA_PUBLIC_URL was not set and the served address stands in."""
        return self._public_url_derived

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Self:
        if self.env is Environment.production:
            secret = self.secret_key.get_secret_value()
            if secret == DEVELOPMENT_SECRET or len(secret) < 32:
                raise ValueError(
                    "GWELLA_SECRET_KEY must be set to a random value of 32+ characters "
                    "in production"
                )
            if self.database_url.startswith("sqlite"):
                raise ValueError("production needs DATABASE_URL pointing at PostgreSQL")
        return self

    @model_validator(mode="after")
    def _perturbation_possible(self) -> Self:
        if self.disclosure_variance >= self.disclosure_max_change**2:
            raise ValueError("GWELLA_DISCLOSURE_VARIANCE must be below the max change squared")
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
