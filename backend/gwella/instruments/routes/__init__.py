"""HTTP for instruments, in the order the API document lists them: drafts and versions,
co-design, review and publication, involvement."""

from fastapi import APIRouter

from gwella.instruments.routes import codesign, drafts, involvement, review

router = APIRouter()
for part in (drafts, codesign, review, involvement):
    router.include_router(part.router)
