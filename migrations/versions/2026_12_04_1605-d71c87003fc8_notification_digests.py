"""notification digests

A person may ask for an e-mail digest of the notifications they have not read, daily or
weekly (off unless they ask). One row per person who has set it: how often, up to when the
last digest covered, and the lease of the worker sending one now.

Revision ID: d71c87003fc8
Revises: e7a3c915d2b8
Create Date: 2026-12-04 16:05:22+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import gwella.core.database

revision: str = "d71c87003fc8"
down_revision: str | None = "e7a3c915d2b8"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "notification_digests",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column(
            "frequency",
            sa.Enum("off", "daily", "weekly", name="digestfrequency", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("sent_through", gwella.core.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("claimed_until", gwella.core.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("updated_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_notification_digests_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_notification_digests")),
    )
    with op.batch_alter_table("notification_digests", schema=None) as batch_op:
        batch_op.create_index(
            "ix_notification_digests_frequency", ["frequency", "sent_through"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("notification_digests", schema=None) as batch_op:
        batch_op.drop_index("ix_notification_digests_frequency")
    op.drop_table("notification_digests")
