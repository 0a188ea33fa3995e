from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from gwella.core.audit import ActorType
from gwella.core.pagination import Page
from gwella.core.schemas import ReadModel


class AuditEventRead(ReadModel):
    id: uuid.UUID
    occurred_at: datetime
    actor_type: ActorType
    actor_id: uuid.UUID | None
    actor_label: str
    action: str
    record_type: str
    record_id: str
    organisation_id: uuid.UUID | None
    partnership_id: uuid.UUID | None
    changes: dict[str, Any]
    request_id: str | None
    client_address: str | None


class AuditEventPage(Page[AuditEventRead]):
    pass
