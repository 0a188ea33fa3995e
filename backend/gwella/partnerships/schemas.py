from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import Field

from gwella.core.pagination import Page
from gwella.core.schemas import ApiModel, LongText, Name, ReadModel
from gwella.organisations.enums import OrganisationKind


class PartnershipCreate(ApiModel):
    name: Name = Field(examples=["Abermor Mental Health Partnership"])
    name_cy: Name | None = Field(default=None, examples=["Partneriaeth Iechyd Meddwl Abermor"])
    description: LongText | None = None
    description_cy: LongText | None = Field(default=None, description="The description in Welsh")
    organisation_ids: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=200,
        description="Founding member organisations",
    )


class PartnershipUpdate(ApiModel):
    name: Name | None = None
    name_cy: Name | None = None
    description: LongText | None = None
    description_cy: LongText | None = None


class PartnershipRead(ReadModel):
    id: uuid.UUID
    name: str
    name_cy: str | None
    description: str | None
    description_cy: str | None
    member_count: int = Field(description="Organisations currently in the partnership")
    version: int
    created_at: datetime
    updated_at: datetime


class PartnershipPage(Page[PartnershipRead]):
    pass


class PartnershipMemberAdd(ApiModel):
    organisation_id: uuid.UUID


class PartnershipMemberRead(ReadModel):
    id: uuid.UUID
    partnership_id: uuid.UUID
    organisation_id: uuid.UUID
    organisation_name: str
    organisation_name_cy: str | None = Field(description="In Welsh, where it has a Welsh name")
    organisation_kind: OrganisationKind
    joined_at: datetime
    left_at: datetime | None


class PartnershipMemberPage(Page[PartnershipMemberRead]):
    pass


class PartnershipLeadAdd(ApiModel):
    user_id: uuid.UUID
    organisation_id: uuid.UUID = Field(description="The member organisation the lead comes from")


class PartnershipLeadRead(ReadModel):
    id: uuid.UUID
    partnership_id: uuid.UUID
    user_id: uuid.UUID
    display_name: str
    organisation_id: uuid.UUID
    organisation_name: str
    organisation_name_cy: str | None = Field(description="In Welsh, where it has a Welsh name")
    appointed_at: datetime
