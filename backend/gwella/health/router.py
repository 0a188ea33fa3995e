"""Liveness and readiness, for load balancers and orchestrators."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel
from sqlalchemy import text

from gwella.core.dependencies import public
from gwella.core.errors import ServiceUnavailable, problem_responses

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str


@router.get(
    "/healthz",
    operation_id="getHealth",
    summary="Is the process alive?",
    response_model=Health,
    dependencies=[Depends(public("Probes run without credentials"))],
)
async def healthz() -> Health:
    return Health(status="ok")


@router.get(
    "/readyz",
    operation_id="getReadiness",
    summary="Can the service reach its database?",
    response_model=Health,
    responses=problem_responses(503),
    dependencies=[Depends(public("Probes run without credentials"))],
)
async def readyz(request: Request) -> Health:
    try:
        async with asyncio.timeout(3):
            async with request.app.state.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
    except Exception as exc:  # any failure to reach the database means "not ready"
        raise ServiceUnavailable("The database is not reachable.") from exc
    return Health(status="ready")
