"""indicators and measurements

Revision ID: 33b277926f51
Revises: 5b1374c4d5d7
Create Date: 2026-11-26 01:08:39.694416+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import gwella.core.database

revision: str = "33b277926f51"
down_revision: str | None = "5b1374c4d5d7"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "frameworks",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column(
            "title",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "description",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_frameworks")),
        sa.UniqueConstraint("code", name=op.f("uq_frameworks_code")),
    )
    op.create_table(
        "standards",
        sa.Column("framework_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column(
            "title",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["framework_id"],
            ["frameworks.id"],
            name=op.f("fk_standards_framework_id_frameworks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_standards")),
        sa.UniqueConstraint("framework_id", "code", name=op.f("uq_standards_framework_id_code")),
    )
    with op.batch_alter_table("standards", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_standards_framework_id"), ["framework_id"], unique=False
        )

    op.create_table(
        "indicators",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column(
            "name",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "definition",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("unit", sa.String(length=32), nullable=False),
        sa.Column(
            "direction",
            sa.Enum(
                "higher_is_better",
                "lower_is_better",
                "neutral",
                name="direction",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("target", sa.Float(), nullable=True),
        sa.Column("standard_id", sa.Uuid(), nullable=True),
        sa.Column("organisation_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_indicators_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["standard_id"],
            ["standards.id"],
            name=op.f("fk_indicators_standard_id_standards"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicators")),
        sa.UniqueConstraint("code", name=op.f("uq_indicators_code")),
    )
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_indicators_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_indicators_standard_id"), ["standard_id"], unique=False
        )

    op.create_table(
        "measurements",
        sa.Column("indicator_id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=True),
        sa.Column("unit_key", sa.String(length=48), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("numerator", sa.Float(), nullable=True),
        sa.Column("denominator", sa.Float(), nullable=True),
        sa.Column(
            "source",
            sa.Enum(
                "push", "derived", "manual", name="measurementsource", native_enum=False, length=16
            ),
            nullable=False,
        ),
        sa.Column("source_organisation_id", sa.Uuid(), nullable=True),
        sa.Column("recorded_at", gwella.core.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicators.id"],
            name=op.f("fk_measurements_indicator_id_indicators"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_measurements_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_measurements_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["source_organisation_id"],
            ["organisations.id"],
            name=op.f("fk_measurements_source_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measurements")),
        sa.UniqueConstraint(
            "indicator_id",
            "unit_key",
            "period_start",
            "period_end",
            name=op.f("uq_measurements_indicator_id_unit_key_period_start_period_end"),
        ),
    )
    with op.batch_alter_table("measurements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_measurements_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(
            "ix_measurements_series", ["indicator_id", "unit_key", "period_end"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("measurements", schema=None) as batch_op:
        batch_op.drop_index("ix_measurements_series")
        batch_op.drop_index(batch_op.f("ix_measurements_organisation_id"))

    op.drop_table("measurements")
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicators_standard_id"))
        batch_op.drop_index(batch_op.f("ix_indicators_organisation_id"))

    op.drop_table("indicators")
    with op.batch_alter_table("standards", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_standards_framework_id"))

    op.drop_table("standards")
    op.drop_table("frameworks")
