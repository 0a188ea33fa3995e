"""import batch tally

An import raises one ``responses.ingested`` for the whole job when it ends, instead of one per
committed chunk: the job keeps the tally of what its chunks stored (counts, campaigns,
receivers, time ranges, when its first stored chunk began) with its progress. A job running
while this is applied announces what it stores from then on.

Revision ID: c3f18a6b2d70
Revises: 5a7c0e2f9d14
Create Date: 2026-12-03 14:20:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "c3f18a6b2d70"
down_revision: str | None = "5a7c0e2f9d14"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("import_jobs", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "batch",
                sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
                nullable=True,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("import_jobs", schema=None) as batch_op:
        batch_op.drop_column("batch")
