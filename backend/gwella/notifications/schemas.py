from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import Field

from gwella.core.pagination import Page
from gwella.core.schemas import ApiModel, ReadModel
from gwella.core.text import LocalizedText
from gwella.notifications.models import DigestFrequency


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


class NotificationPreferences(ReadModel):
    """How often you are e-mailed a digest of the notifications you have not read."""

    digest: DigestFrequency = Field(
        description="off (the default: no e-mail), daily (07:00 UK time) or weekly "
        "(Mondays, 07:00 UK time)"
    )
    next_digest_at: datetime | None = Field(
        description="When the next digest is due (sent only if something is unread); null when off"
    )


class NotificationPreferencesUpdate(ApiModel):
    digest: DigestFrequency = Field(
        description="off, daily or weekly", examples=[DigestFrequency.daily]
    )
