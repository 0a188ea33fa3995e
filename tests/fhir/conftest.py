"""The app with the FHIR endpoint wired in as main.py is told to: ``include_fhir(app)`` just
before the SPA's catch-all route, and the problem-to-outcome middleware outermost."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from fastapi import FastAPI

import gwella.main
from gwella.core.config import Settings
from gwella.core.mail import MemoryMailSender
from gwella.fhir.router import ProblemToOutcomeMiddleware, include_fhir
from tests.conftest import make_settings

# Small body limits, so that a test can exceed whichever applies under /fhir/.
BODY_LIMIT = 65_536
LARGE_BODY_LIMIT = 131_072


def _has_fhir(app: FastAPI) -> bool:
    return any(str(getattr(r, "path", "")).startswith("/fhir/r4") for r in app.routes) or any(
        m.cls is ProblemToOutcomeMiddleware for m in app.user_middleware
    )


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(database_url, max_body_bytes=BODY_LIMIT, max_ingest_bytes=LARGE_BODY_LIMIT)


@pytest.fixture
async def app(
    settings: Settings, mail: MemoryMailSender, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Any]:
    install_spa = gwella.main.install_spa

    def fhir_then_spa(application: FastAPI, app_settings: Settings) -> None:
        if not _has_fhir(application):
            include_fhir(application)
        install_spa(application, app_settings)

    monkeypatch.setattr(gwella.main, "install_spa", fhir_then_spa)
    application = gwella.main.create_app(settings, mail=mail)
    if not any(m.cls is ProblemToOutcomeMiddleware for m in application.user_middleware):
        application.add_middleware(ProblemToOutcomeMiddleware)
    async with application.router.lifespan_context(application):
        yield application
