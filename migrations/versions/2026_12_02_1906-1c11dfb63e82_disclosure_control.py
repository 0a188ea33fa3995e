"""disclosure control

Record keys on responses and key sums on result cells (the cell key method), changes waiting
for a release, the days results last moved on, single-use access codes, short-lived submission
counters instead of per-attempt rows, responses held from bursts, and a task list that
`gwella migrate` runs after the schema change (here: rebuilding every campaign's results, so
that the new key sums are those of the cells' records).

Revision ID: 1c11dfb63e82
Revises: 9c4e2a7d1b38
Create Date: 2026-12-02 19:06:16+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import gwella.core.database

revision: str = "1c11dfb63e82"
down_revision: str | None = "9c4e2a7d1b38"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
UTC = gwella.core.database.UTCDateTime(timezone=True)


def upgrade() -> None:
    tasks = op.create_table(
        "maintenance_tasks",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_maintenance_tasks")),
    )
    op.create_table(
        "submission_counters",
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("expires_at", UTC, nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key_hash", name=op.f("pk_submission_counters")),
    )
    op.create_index(
        "ix_submission_counters_expires_at", "submission_counters", ["expires_at"], unique=False
    )
    op.create_table(
        "access_code_batches",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("revoked_at", UTC, nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_access_code_batches_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_access_code_batches_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_access_code_batches_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_code_batches")),
    )
    op.create_index(
        op.f("ix_access_code_batches_campaign_id"),
        "access_code_batches",
        ["campaign_id"],
        unique=False,
    )
    op.create_table(
        "access_codes",
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("batch_id", sa.Uuid(), nullable=False),
        sa.Column("used", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["access_code_batches.id"],
            name=op.f("fk_access_codes_batch_id_access_code_batches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("code_hash", name=op.f("pk_access_codes")),
    )
    op.create_index(op.f("ix_access_codes_batch_id"), "access_codes", ["batch_id"], unique=False)
    op.create_table(
        "result_pending",
        sa.Column("response_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("record_key", sa.Integer(), nullable=False),
        sa.Column("kinds", sa.Integer(), nullable=False),
        sa.Column("unreleased", sa.Boolean(), nullable=False),
        sa.Column("current", JSON, nullable=True),
        sa.Column("counted", JSON, nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_result_pending_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("response_id", name=op.f("pk_result_pending")),
    )
    op.create_index("ix_result_pending_campaign", "result_pending", ["campaign_id"], unique=False)
    op.create_table(
        "result_releases",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.Column("released_on", sa.Date(), nullable=False),
        sa.Column("releases", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_result_releases_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_result_releases_service_id_services"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("campaign_id", "service_id", name=op.f("pk_result_releases")),
    )
    # Per-attempt rows kept each public submission's exact time: counters replace them.
    op.drop_index("ix_submission_attempts_key_at", table_name="submission_attempts")
    op.drop_table("submission_attempts")
    # Plain ADD and DROP COLUMN (no table copies: SQLite would refuse to drop tables that
    # stored rows refer to).
    op.add_column(
        "campaigns",
        sa.Column("requires_access_code", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.add_column(
        "responses", sa.Column("record_key", sa.Integer(), server_default="0", nullable=False)
    )
    op.add_column(
        "responses", sa.Column("held", sa.Boolean(), server_default=sa.false(), nullable=False)
    )
    # Each stored response gets its random record key (never shown).
    if op.get_bind().dialect.name == "postgresql":
        op.execute("UPDATE responses SET record_key = floor(random() * 65536)::integer")
    else:
        op.execute("UPDATE responses SET record_key = abs(random()) % 65536")
    op.add_column(
        "result_cells", sa.Column("key_sum", sa.BigInteger(), server_default="0", nullable=False)
    )
    # The cells' key sums follow from the records' keys: `gwella migrate` rebuilds them.
    if op.get_bind().execute(sa.text("SELECT 1 FROM responses LIMIT 1")).first() is not None:
        op.bulk_insert(tasks, [{"name": "rebuild-results"}])


def downgrade() -> None:
    op.drop_column("result_cells", "key_sum")
    op.drop_column("responses", "held")
    op.drop_column("responses", "record_key")
    op.drop_column("campaigns", "requires_access_code")
    op.create_table(
        "submission_attempts",
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("attempted_at", UTC, nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submission_attempts")),
    )
    op.create_index(
        "ix_submission_attempts_key_at",
        "submission_attempts",
        ["key_hash", "attempted_at"],
        unique=False,
    )
    op.drop_table("result_releases")
    op.drop_index("ix_result_pending_campaign", table_name="result_pending")
    op.drop_table("result_pending")
    op.drop_index(op.f("ix_access_codes_batch_id"), table_name="access_codes")
    op.drop_table("access_codes")
    op.drop_index(op.f("ix_access_code_batches_campaign_id"), table_name="access_code_batches")
    op.drop_table("access_code_batches")
    op.drop_index("ix_submission_counters_expires_at", table_name="submission_counters")
    op.drop_table("submission_counters")
    op.drop_table("maintenance_tasks")
