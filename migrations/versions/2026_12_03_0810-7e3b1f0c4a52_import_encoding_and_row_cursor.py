"""import encoding and row cursor

Import jobs remember the encoding their file is read in (declared in the upload's charset, or
detected: UTF-8, else Windows-1252 for CSV), and how many rows of the file they have read
(header and blank rows included), so that refused rows are numbered as a spreadsheet numbers
them whatever chunk they fall in.

Revision ID: 7e3b1f0c4a52
Revises: 1c11dfb63e82
Create Date: 2026-12-03 08:10:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "7e3b1f0c4a52"
down_revision: str | None = "1c11dfb63e82"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("import_jobs", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("rows_read", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(
            sa.Column("encoding", sa.String(length=16), server_default="utf-8", nullable=False)
        )
    # A job half-way through its file goes on numbering from where it stands (blank rows read
    # before the upgrade cannot be counted any more).
    op.execute(
        "UPDATE import_jobs SET rows_read = rows_processed"
        " + CASE WHEN format = 'csv' THEN 1 ELSE 0 END WHERE byte_offset > 0"
    )


def downgrade() -> None:
    with op.batch_alter_table("import_jobs", schema=None) as batch_op:
        batch_op.drop_column("encoding")
        batch_op.drop_column("rows_read")
