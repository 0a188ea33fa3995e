"""The words of campaigns that other domains and the API use: channels and anonymity."""

from __future__ import annotations

import enum


class Channel(enum.StrEnum):
    web = "web"
    partner = "partner"
    paper = "paper"


class Anonymity(enum.StrEnum):
    anonymous = "anonymous"
    """No link to any person; the stored submission time is coarsened to the day."""
    pseudonymous = "pseudonymous"
    """A keyed hash of a partner's respondent id, so repeat answers can be linked."""
    identified = "identified"
    """Only with the respondent's recorded consent."""
