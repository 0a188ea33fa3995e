"""Survey results kept up to date incrementally: one counter per (campaign, service,
question, period, answer value), so reading costs the same whatever the number of responses."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from gwella.core.database import Base


class ResultCell(Base):
    __tablename__ = "result_cells"

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
