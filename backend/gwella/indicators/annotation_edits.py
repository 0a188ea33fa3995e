"""Annotations their authors change or remove: each change under If-Match, checked as a new
one is (``service.check_annotation_date``), and kept in the audit trail with what it said."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core import audit
from gwella.core.audit import AuditContext
from gwella.core.concurrency import check_if_match, lock_rows
from gwella.core.errors import FieldProblem, NotFound, ValidationFailed
from gwella.indicators.models import Annotation
from gwella.indicators.schemas import AnnotationUpdate
from gwella.indicators.service import check_annotation_date

ANNOTATION_HIDDEN = "No annotation with that id is visible to you."
ONLY_THE_AUTHOR = "Only the person who wrote an annotation can change or remove it."


async def locked_annotation(
    session: AsyncSession, indicator_id: uuid.UUID, annotation_id: uuid.UUID
) -> Annotation:
    """The annotation as it is now, locked until the transaction ends (a racing edit waits
    and then meets the new ETag)."""
    note = (await lock_rows(session, Annotation, [annotation_id])).get(annotation_id)
    if note is None or note.indicator_id != indicator_id:
        raise NotFound(ANNOTATION_HIDDEN)
    return note


def _said(note: Annotation) -> dict[str, Any]:
    return {"on_date": note.on_date.isoformat(), "text": dict(note.text)}


async def update_annotation(
    session: AsyncSession,
    ctx: AuditContext,
    note: Annotation,
    data: AnnotationUpdate,
    if_match: str | None,
) -> Annotation:
    check_if_match(if_match, note.version)
    for key in ("on_date", "text"):
        if key in data.model_fields_set and getattr(data, key) is None:
            raise ValidationFailed(
                "Some of what you sent is not valid; see errors for each field.",
                errors=[FieldProblem(field=f"body.{key}", message="cannot be null")],
            )
    if data.on_date is not None:
        check_annotation_date(data.on_date)
    before = _said(note)
    if data.on_date is not None:
        note.on_date = data.on_date
    if data.text is not None:
        note.text = data.text.model_dump(exclude_none=True)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="annotation.updated",
        record_type="annotation",
        record_id=note.id,
        organisation_id=note.organisation_id,
        before=before,
        after=_said(note),
    )
    return note


async def delete_annotation(
    session: AsyncSession, ctx: AuditContext, note: Annotation, if_match: str | None
) -> None:
    if if_match is not None:
        check_if_match(if_match, note.version)
    before = {"indicator_id": str(note.indicator_id), **_said(note)}
    await session.delete(note)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="annotation.deleted",
        record_type="annotation",
        record_id=note.id,
        organisation_id=note.organisation_id,
        before=before,
    )
