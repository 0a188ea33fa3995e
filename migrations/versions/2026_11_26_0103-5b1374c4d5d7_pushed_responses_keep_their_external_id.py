"""pushed responses keep their external id

Revision ID: 5b1374c4d5d7
Revises: 6e50962f685d
Create Date: 2026-11-26 01:03:01.151862+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import gwella.core.database

revision: str = "5b1374c4d5d7"
down_revision: str | None = "6e50962f685d"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("responses", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source_organisation_id", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("external_id", sa.String(length=200), nullable=True))
        batch_op.add_column(
            sa.Column("updated_at", gwella.core.database.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.create_unique_constraint(
            batch_op.f("uq_responses_source_organisation_id_external_id"),
            ["source_organisation_id", "external_id"],
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_responses_source_organisation_id_organisations"),
            "organisations",
            ["source_organisation_id"],
            ["id"],
            ondelete="RESTRICT",
        )


def downgrade() -> None:
    with op.batch_alter_table("responses", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_responses_source_organisation_id_organisations"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("uq_responses_source_organisation_id_external_id"), type_="unique"
        )
        batch_op.drop_column("updated_at")
        batch_op.drop_column("external_id")
        batch_op.drop_column("source_organisation_id")
