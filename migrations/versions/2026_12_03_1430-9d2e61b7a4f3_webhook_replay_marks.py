"""webhook replay marks

A subscription's deliveries carry the change mark of the transaction that wrote their event
(on PostgreSQL its transaction id), so replay lists by (mark, sequence) below the settled
bound and never hands out a cursor past an event still being written. Deliveries written
before this have mark 0: they were all committed, and keep their order before the new ones.

Revision ID: 9d2e61b7a4f3
Revises: c3f18a6b2d70
Create Date: 2026-12-03 14:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "9d2e61b7a4f3"
down_revision: str | None = "c3f18a6b2d70"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("webhook_deliveries", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("event_mark", sa.BigInteger(), server_default="0", nullable=False)
        )
        batch_op.create_index(
            "ix_webhook_deliveries_replay",
            ["subscription_id", "event_mark", "event_seq"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("webhook_deliveries", schema=None) as batch_op:
        batch_op.drop_index("ix_webhook_deliveries_replay")
        batch_op.drop_column("event_mark")
