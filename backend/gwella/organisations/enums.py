"""The kinds of organisation and service, apart from the tables so that other domains' schemas
can name them without importing this domain's models."""

import enum


class OrganisationKind(enum.StrEnum):
    health_board = "health_board"
    nhs_trust = "nhs_trust"
    local_authority = "local_authority"
    third_sector = "third_sector"
    service_user_group = "service_user_group"
    other = "other"


class ServiceKind(enum.StrEnum):
    community_mental_health_team = "community_mental_health_team"
    ward = "ward"
    day_centre = "day_centre"
    crisis_team = "crisis_team"
    social_work_team = "social_work_team"
    support_service = "support_service"
    other = "other"
