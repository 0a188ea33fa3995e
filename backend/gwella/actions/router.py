"""HTTP for improvement actions, their accountability views, report and public page.

The routes live in :mod:`gwella.actions.routes`, one module per part of the domain; this
router puts them under ``/api/v1`` with the ``actions`` tag, in the order the API document
lists them (the order of inclusion is the order of the published spec: keep it).
"""

from __future__ import annotations

from fastapi import APIRouter

from gwella.actions.routes import (
    accountability,
    actions,
    participation,
    pdsa,
    progress,
    public,
    responsibilities,
)

router = APIRouter(prefix="/api/v1", tags=["actions"])
for part in (
    actions,
    responsibilities,
    participation,
    progress,
    pdsa,
    accountability,
    public,
):
    router.include_router(part.router)
