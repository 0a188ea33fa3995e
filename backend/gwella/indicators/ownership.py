"""Who holds a measurement's point, and so whether a partner's push may change it.

A push creates a point or updates one its own organisation pushed. A point entered by staff,
derived from survey results or pushed by another organisation stays with its holder: a
partner's feed owns it only once the holder has removed it (a derived point is derived again
while a campaign maps its indicator, so it stays with the survey results)."""

from __future__ import annotations

import uuid
from typing import Literal

from gwella.indicators.models import Measurement, MeasurementSource

LateRefusal = Literal["measurement_owned_elsewhere", "removed_meanwhile"]
"""Why a pushed row is refused once claimed, when a concurrent request decided it."""

REMOVED_MEANWHILE = (
    "The measurement this item changes was removed (retracted) while this push ran; send it again."
)

HOLDERS = {
    MeasurementSource.manual: "entered by staff",
    MeasurementSource.derived: "derived from survey results",
}


def held_elsewhere(stored: Measurement, organisation_id: uuid.UUID) -> str | None:
    """Why a push of ``organisation_id`` may not change this stored point, if it may not
    (the message names the kind of holder, never a person)."""
    if stored.source is MeasurementSource.push and stored.source_organisation_id == organisation_id:
        return None
    holder = HOLDERS.get(stored.source, "pushed by another organisation")
    return (
        f"This indicator, unit and period already has a measurement {holder}; "
        "a push does not replace it."
    )
