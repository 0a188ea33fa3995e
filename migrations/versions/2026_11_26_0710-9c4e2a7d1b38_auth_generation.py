"""auth generation

One row whose number moves on whenever a user, membership, access token or partnership
membership changes: server processes remember the principal a token gave only while that
number is unchanged (``gwella.core.principals``).

Revision ID: 9c4e2a7d1b38
Revises: 5b1f0c3a9d27
Create Date: 2026-11-26 07:10:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "9c4e2a7d1b38"
down_revision: str | None = "5b1f0c3a9d27"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table(
        "auth_generation",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auth_generation")),
    )
    op.bulk_insert(table, [{"id": 1, "value": 0}])


def downgrade() -> None:
    op.drop_table("auth_generation")
