"""import outcomes and refused rows

An import job ends ``completed_with_errors`` when it refused some rows (``failed`` when it took
none), which needs a longer state column; a refused row keeps its cells as read from the file
(on its first error), so the refused-rows file can give the row back as it was.

Revision ID: 5a7c0e2f9d14
Revises: 8447a650c365
Create Date: 2026-12-03 13:45:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "5a7c0e2f9d14"
down_revision: str | None = "8447a650c365"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("import_jobs", schema=None) as batch_op:
        batch_op.alter_column(
            "state",
            existing_type=sa.Enum(
                "queued",
                "running",
                "completed",
                "failed",
                name="importstate",
                native_enum=False,
                length=16,
            ),
            type_=sa.Enum(
                "queued",
                "running",
                "completed",
                "completed_with_errors",
                "failed",
                name="importstate",
                native_enum=False,
                length=24,
            ),
            existing_nullable=False,
        )
    with op.batch_alter_table("import_row_errors", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "cells",
                sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
                nullable=True,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("import_row_errors", schema=None) as batch_op:
        batch_op.drop_column("cells")
    # The old states had no word for "some rows refused": such jobs read as completed.
    op.execute("UPDATE import_jobs SET state = 'completed' WHERE state = 'completed_with_errors'")
    with op.batch_alter_table("import_jobs", schema=None) as batch_op:
        batch_op.alter_column(
            "state",
            existing_type=sa.Enum(
                "queued",
                "running",
                "completed",
                "completed_with_errors",
                "failed",
                name="importstate",
                native_enum=False,
                length=24,
            ),
            type_=sa.Enum(
                "queued",
                "running",
                "completed",
                "failed",
                name="importstate",
                native_enum=False,
                length=16,
            ),
            existing_nullable=False,
        )
