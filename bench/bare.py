"""The reference for benchmark 4: a bare FastAPI endpoint, served the same way as the app."""

from __future__ import annotations

from fastapi import FastAPI

app = FastAPI()


@app.get("/bare")
async def bare() -> dict[str, bool]:
    return {"ok": True}
