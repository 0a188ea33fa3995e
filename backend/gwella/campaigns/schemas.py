from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import AwareDatetime, Field, model_validator

from gwella.campaigns.models import Anonymity, Channel
from gwella.core.pagination import Page
from gwella.core.schemas import ApiModel, Name, ReadModel

CampaignState = Literal["scheduled", "open", "closed"]


class CampaignCreate(ApiModel):
    instrument_version_id: uuid.UUID = Field(description="A published version")
    name: Name = Field(examples=["CMHT experience, spring 2027"])
    opens_at: AwareDatetime
    closes_at: AwareDatetime
    service_ids: list[uuid.UUID] = Field(min_length=1, max_length=200)
    channels: list[Channel] = Field(default=[Channel.web], min_length=1, max_length=3)
    anonymity: Anonymity = Anonymity.anonymous
    min_cell_size: int = Field(default=5, ge=3, le=100, description="Never below 3")
    languages: list[Literal["en", "cy"]] | None = Field(
        default=None,
        min_length=1,
        max_length=2,
        description="Default: every language of the instrument",
    )

    @model_validator(mode="after")
    def _window(self) -> CampaignCreate:
        if self.closes_at <= self.opens_at:
            raise ValueError("closes_at must be after opens_at")
        return self


class CampaignUpdate(ApiModel):
    name: Name | None = None
    opens_at: AwareDatetime | None = None
    closes_at: AwareDatetime | None = None
    min_cell_size: int | None = Field(default=None, ge=3, le=100)


class CampaignLink(ApiModel):
    service_id: uuid.UUID
    service_name: str
    organisation_id: uuid.UUID
    public_token: str
    url: str
    qr_svg_url: str
    response_count: int


class CampaignRead(ReadModel):
    id: uuid.UUID
    organisation_id: uuid.UUID
    instrument_id: uuid.UUID
    instrument_version_id: uuid.UUID
    name: str
    opens_at: datetime
    closes_at: datetime
    state: CampaignState
    channels: list[Channel]
    anonymity: Anonymity
    min_cell_size: int
    languages: list[str]
    service_ids: list[uuid.UUID]
    response_count: int
    created_by_id: uuid.UUID | None
    version: int
    created_at: datetime
    updated_at: datetime


class CampaignPage(Page[CampaignRead]):
    pass
