"""The words of instruments that other domains and the API use."""

from __future__ import annotations

import enum


class VersionStatus(enum.StrEnum):
    draft = "draft"
    in_review = "in_review"
    published = "published"
