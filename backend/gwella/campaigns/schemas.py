from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal, Self

from pydantic import AwareDatetime, ConfigDict, Field, field_validator, model_validator
from pydantic.config import JsonDict

from gwella.campaigns.enums import Anonymity, Channel
from gwella.core.pagination import Page
from gwella.core.schemas import ApiModel, Flag, Name, ReadModel

CampaignState = Literal["scheduled", "open", "closed"]


# Named in English or Welsh or both: not (name and name_cy both absent or null).
_ONE_NAME: JsonDict = {
    "not": {"properties": {"name": {"type": "null"}, "name_cy": {"type": "null"}}},
}


class CampaignCreate(ApiModel):
    """A campaign is named in English or in Welsh, or both (at least one of `name` and
    `name_cy`)."""

    model_config = ConfigDict(json_schema_extra=_ONE_NAME)

    instrument_version_id: uuid.UUID = Field(description="A published version")
    name: Name | None = Field(default=None, examples=["CMHT experience, spring 2027"])
    name_cy: Name | None = Field(default=None, examples=["Profiad y TIMC, gwanwyn 2027"])
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

    @model_validator(mode="after")
    def _one_name(self) -> Self:
        if self.name is None and self.name_cy is None:
            raise ValueError("name it in English or Welsh (or both)")
        return self


class CampaignUpdate(ApiModel):
    name: Name | None = Field(
        default=None, description="null clears it, if the campaign keeps its other name"
    )
    name_cy: Name | None = Field(
        default=None, description="null clears it, if the campaign keeps its other name"
    )
    opens_at: AwareDatetime | None = None
    closes_at: AwareDatetime | None = Field(
        default=None, description="After the opening (as it stands after this change), or 422"
    )
    min_cell_size: int | None = Field(default=None, ge=3, le=100)
    requires_access_code: Flag | None = None


class CampaignLink(ApiModel):
    service_id: uuid.UUID
    service_name: str
    service_name_cy: str | None = Field(description="In Welsh, where it has a Welsh name")
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
    name: str | None = Field(description="In English (null when named in Welsh only)")
    name_cy: str | None = Field(description="In Welsh (null when named in English only)")

    @field_validator("name", mode="before")
    @classmethod
    def _no_english_name(cls, value: object) -> object:
        return value or None  # stored empty when named in Welsh only

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
