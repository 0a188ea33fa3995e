from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import Field, model_validator

from gwella.core.pagination import Page
from gwella.core.schemas import ApiModel, Code, CodeScheme, Flag, Name, ReadModel
from gwella.organisations.enums import OrganisationKind, ServiceKind


class OrganisationCreate(ApiModel):
    name: Name = Field(examples=["Bae Abermor University Health Board"])
    name_cy: Name | None = Field(default=None, examples=["Bwrdd Iechyd Prifysgol Bae Abermor"])
    kind: OrganisationKind
    code_scheme: CodeScheme | None = Field(
        default=None, description="Scheme of `code`, e.g. `ods` for an NHS ODS code"
    )
    code: Code | None = Field(default=None, examples=["7A9"])

    @model_validator(mode="after")
    def _code_needs_scheme(self) -> OrganisationCreate:
        if (self.code is None) != (self.code_scheme is None):
            raise ValueError("code and code_scheme are given together or not at all")
        return self


class OrganisationUpdate(ApiModel):
    name: Name | None = None
    name_cy: Name | None = None
    kind: OrganisationKind | None = None
    code_scheme: CodeScheme | None = None
    code: Code | None = None
    is_active: Flag | None = None


class OrganisationRead(ReadModel):
    id: uuid.UUID
    name: str
    name_cy: str | None
    kind: OrganisationKind
    code_scheme: str | None
    code: str | None
    is_active: bool
    version: int
    created_at: datetime
    updated_at: datetime


class OrganisationPage(Page[OrganisationRead]):
    pass


class ServiceCreate(ApiModel):
    name: Name = Field(examples=["Abermor North Community Mental Health Team"])
    name_cy: Name | None = None
    kind: ServiceKind
    code: Code | None = Field(default=None, description="Unique within the organisation")
    parent_id: uuid.UUID | None = Field(
        default=None, description="A service of the same organisation this one sits under"
    )


class ServiceUpdate(ApiModel):
    name: Name | None = None
    name_cy: Name | None = None
    kind: ServiceKind | None = None
    code: Code | None = None
    parent_id: uuid.UUID | None = None
    is_active: Flag | None = None


class ServiceRead(ReadModel):
    id: uuid.UUID
    organisation_id: uuid.UUID
    parent_id: uuid.UUID | None
    name: str
    name_cy: str | None
    kind: ServiceKind
    code: str | None
    is_active: bool
    version: int
    created_at: datetime
    updated_at: datetime


class ServicePage(Page[ServiceRead]):
    pass
