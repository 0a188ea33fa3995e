"""Survey results kept up to date incrementally: one counter per (campaign, service,
question, period, answer value), so reading costs the same whatever the number of responses;
the changes still waiting for a release; and when each service's results last moved on."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import BigInteger, Boolean, Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from gwella.core.database import Base
from gwella.core.watched import Watched


class ResultCell(Base):
    __tablename__ = "result_cells"
    # Room on each page for the new versions of cells a batch updates (HOT updates: no new
    # index entry, no growth until a vacuum); see migration 4f6b2a9c1e37.
    __table_args__ = ({"postgresql_with": {"fillfactor": 70}},)

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    service_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("services.id", ondelete="CASCADE"), primary_key=True
    )
    question_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    """A question's key, or ``__responses__`` for the number of responses."""
    period: Mapped[str] = mapped_column(String(8), primary_key=True)
    """``all``, ``month`` or ``week`` (ISO weeks, starting Monday)."""
    period_start: Mapped[date] = mapped_column(primary_key=True)
    value: Mapped[str] = mapped_column(String(64), primary_key=True)
    """The answer (an option, a rating, yes/no, ``dont_know``), or ``__n__`` for number
    questions (whose sum is kept) and free text."""
    count: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[float] = mapped_column(Float, default=0.0)
    key_sum: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    """The sum of the record keys of the responses counted here (the cell key method)."""


class PendingResult(Base):
    """A response whose (new or changed) answers the results do not count yet, in one or more
    kinds of period: it waits for a release (see :mod:`gwella.disclosure.releases`)."""

    __tablename__ = "result_pending"
    __table_args__ = (Index("ix_result_pending_campaign", "campaign_id"),)

    response_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    record_key: Mapped[int] = mapped_column(Integer)
    kinds: Mapped[int] = mapped_column(Integer)
    """The kinds of period (bit flags of ``Kind``) whose cells do not hold the current answers."""
    unreleased: Mapped[bool] = mapped_column(Boolean)
    """Never counted in the whole window yet: staff do not see it among raw responses."""
    current: Mapped[dict[str, Any] | None] = mapped_column()
    """``{service_id, day, answers}`` to count, or null when nothing is to be counted any more."""
    counted: Mapped[dict[str, Any]] = mapped_column()
    """Per kind name (``all``, ``month``, ``week``), what its cells hold now, when anything."""


class ResultRelease(Watched, Base):
    """When a service's results in a campaign last moved on (the day only)."""

    __tablename__ = "result_releases"

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    service_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("services.id", ondelete="CASCADE"), primary_key=True
    )
    released_on: Mapped[date] = mapped_column()
    releases: Mapped[int] = mapped_column(Integer, default=0)
