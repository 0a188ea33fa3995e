from __future__ import annotations

import uuid
from datetime import datetime

from gwella.core.pagination import Page
from gwella.core.schemas import ReadModel
from gwella.core.text import LocalizedText


class NotificationRead(ReadModel):
    id: uuid.UUID
    kind: str
    title: LocalizedText
    body: LocalizedText
    link: str | None
    record_type: str | None
    record_id: str | None
    created_at: datetime
    read_at: datetime | None


class NotificationPage(Page[NotificationRead]):
    pass
