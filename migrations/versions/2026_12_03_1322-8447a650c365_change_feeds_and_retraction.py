"""change feeds and retraction

Pushed responses and measurements carry the change mark of their last write (the partner's
change feed, gwella.core.changes); measurements get an optional external id, unique per
pushing organisation; retracted records leave tombstones for the feed.

Revision ID: 8447a650c365
Revises: b4d1e9a27c35
Create Date: 2026-12-03 13:22:10.514961+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import gwella.core.database

revision: str = "8447a650c365"
down_revision: str | None = "b4d1e9a27c35"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "change_counter",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_counter")),
    )
    op.create_table(
        "measurement_tombstones",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("source_organisation_id", sa.Uuid(), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=False),
        sa.Column("indicator_id", sa.Uuid(), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.Column("retracted_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_organisation_id"],
            ["organisations.id"],
            name=op.f("fk_measurement_tombstones_source_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measurement_tombstones")),
    )
    with op.batch_alter_table("measurement_tombstones", schema=None) as batch_op:
        batch_op.create_index(
            "ix_measurement_tombstones_changes",
            ["source_organisation_id", "change_seq", "id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_measurement_tombstones_external",
            ["source_organisation_id", "external_id"],
            unique=False,
        )

    op.create_table(
        "response_tombstones",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("source_organisation_id", sa.Uuid(), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.Column("retracted_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_response_tombstones_campaign_id_campaigns"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["source_organisation_id"],
            ["organisations.id"],
            name=op.f("fk_response_tombstones_source_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_response_tombstones")),
    )
    with op.batch_alter_table("response_tombstones", schema=None) as batch_op:
        batch_op.create_index(
            "ix_response_tombstones_changes",
            ["source_organisation_id", "change_seq", "id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_response_tombstones_external",
            ["source_organisation_id", "external_id"],
            unique=False,
        )

    with op.batch_alter_table("measurements", schema=None) as batch_op:
        batch_op.add_column(sa.Column("external_id", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("change_seq", sa.BigInteger(), nullable=True))
        batch_op.create_index(
            "ix_measurements_changes", ["source_organisation_id", "change_seq", "id"], unique=False
        )
        batch_op.create_unique_constraint(
            batch_op.f("uq_measurements_source_organisation_id_external_id"),
            ["source_organisation_id", "external_id"],
        )

    with op.batch_alter_table("responses", schema=None) as batch_op:
        batch_op.add_column(sa.Column("change_seq", sa.BigInteger(), nullable=True))
        batch_op.create_index(
            "ix_responses_changes", ["source_organisation_id", "change_seq", "id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("responses", schema=None) as batch_op:
        batch_op.drop_index("ix_responses_changes")
        batch_op.drop_column("change_seq")

    with op.batch_alter_table("measurements", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("uq_measurements_source_organisation_id_external_id"), type_="unique"
        )
        batch_op.drop_index("ix_measurements_changes")
        batch_op.drop_column("change_seq")
        batch_op.drop_column("external_id")

    with op.batch_alter_table("response_tombstones", schema=None) as batch_op:
        batch_op.drop_index("ix_response_tombstones_external")
        batch_op.drop_index("ix_response_tombstones_changes")

    op.drop_table("response_tombstones")
    with op.batch_alter_table("measurement_tombstones", schema=None) as batch_op:
        batch_op.drop_index("ix_measurement_tombstones_external")
        batch_op.drop_index("ix_measurement_tombstones_changes")

    op.drop_table("measurement_tombstones")
    op.drop_table("change_counter")
