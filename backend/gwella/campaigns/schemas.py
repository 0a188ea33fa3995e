from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import AwareDatetime, Field

from gwella.campaigns.enums import Anonymity, Channel
from gwella.core.pagination import Page
from gwella.core.schemas import ApiModel, Flag, Name, ReadModel

CampaignState = Literal["scheduled", "open", "closed"]


class CampaignCreate(ApiModel):
    instrument_version_id: uuid.UUID = Field(description="A published version")
    name: Name = Field(examples=["CMHT experience, spring 2027"])
    opens_at: AwareDatetime
    closes_at: AwareDatetime = Field(
        description="After `opens_at` (a campaign that closes when or before it opens is "
        "refused 422, naming `body.closes_at`)"
    )
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
    requires_access_code: Flag = Field(
        default=False,
        description="Web respondents need a single-use access code (made with "
        "`createAccessCodes`, printed on cards or sent by text)",
    )


class CampaignUpdate(ApiModel):
    name: Name | None = None
    opens_at: AwareDatetime | None = None
    closes_at: AwareDatetime | None = Field(
        default=None, description="After the opening (as it stands after this change), or 422"
    )
    min_cell_size: int | None = Field(default=None, ge=3, le=100)
    requires_access_code: Flag | None = None


class CampaignLink(ApiModel):
    service_id: uuid.UUID
    service_name: str
    organisation_id: uuid.UUID
    public_token: str
    url: str
    qr_svg_url: str
    response_count: int | None = Field(
        description="Responses released for this service, as published (slightly adjusted; "
        "null while held back)"
    )


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
    requires_access_code: bool
    service_ids: list[uuid.UUID]
    response_count: int | None = Field(
        description="Responses released in the services you can see, as published (slightly "
        "adjusted; null while held back)"
    )
    created_by_id: uuid.UUID | None
    version: int
    created_at: datetime
    updated_at: datetime


class CampaignPage(Page[CampaignRead]):
    pass


class AccessCodesCreate(ApiModel):
    service_id: uuid.UUID = Field(description="The service whose link the codes open")
    count: int = Field(ge=1, le=1000, description="How many codes to make")
    label: Name | None = Field(default=None, examples=["Cards for the Tuesday clinic"])


class AccessCodeBatchRead(ReadModel):
    id: uuid.UUID
    campaign_id: uuid.UUID
    service_id: uuid.UUID
    label: str | None
    size: int
    created_at: datetime
    revoked_at: datetime | None


class AccessCodeCard(ApiModel):
    code: str = Field(examples=["KMQ7R-XT3WA"])
    url: str = Field(description="The service's link with the code filled in")
    qr_svg: str = Field(description="A QR code of `url`, as SVG")


class AccessCodesCreated(ApiModel):
    """The codes are shown this once: only their keyed hashes are kept."""

    batch: AccessCodeBatchRead
    codes: list[AccessCodeCard]
