"""partnership leads

Revision ID: edbd3ada01f4
Revises: f0b26c4bc403
Create Date: 2026-11-26 03:46:05.741157+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import gwella.core.database

revision: str = "edbd3ada01f4"
down_revision: str | None = "f0b26c4bc403"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "partnership_leads",
        sa.Column("partnership_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("appointed_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("appointed_by_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["appointed_by_id"],
            ["users.id"],
            name=op.f("fk_partnership_leads_appointed_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_partnership_leads_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["partnerships.id"],
            name=op.f("fk_partnership_leads_partnership_id_partnerships"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_partnership_leads_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partnership_leads")),
        sa.UniqueConstraint(
            "partnership_id", "user_id", name=op.f("uq_partnership_leads_partnership_id_user_id")
        ),
    )
    with op.batch_alter_table("partnership_leads", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partnership_leads_partnership_id"), ["partnership_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_partnership_leads_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("partnership_leads", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partnership_leads_user_id"))
        batch_op.drop_index(batch_op.f("ix_partnership_leads_partnership_id"))

    op.drop_table("partnership_leads")
