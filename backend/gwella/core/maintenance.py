"""Work a migration leaves for ``gwella migrate`` to finish with the application's own code
(for example rebuilding every campaign's results after a change of how cells are kept): the
migration inserts a row, and the command runs the task and deletes the row in one
transaction."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from gwella.core.database import Base

REBUILD_RESULTS = "rebuild-results"


class MaintenanceTask(Base):
    __tablename__ = "maintenance_tasks"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
