"""improvement actions

Revision ID: 438db8df06af
Revises: edbd3ada01f4
Create Date: 2026-11-26 03:49:18.320057+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import gwella.core.database

revision: str = "438db8df06af"
down_revision: str | None = "edbd3ada01f4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "actions",
        sa.Column("partnership_id", sa.Uuid(), nullable=False),
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
        sa.Column(
            "summary",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "origin",
            sa.Enum(
                "service_user",
                "survey_finding",
                "indicator_signal",
                "staff",
                name="actionorigin",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "proposed",
                "under_review",
                "agreed",
                "in_progress",
                "completed",
                "not_taken_forward",
                name="actionstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "closure_reason",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column("standard_id", sa.Uuid(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("progress", sa.Integer(), nullable=False),
        sa.Column("proposed_by_id", sa.Uuid(), nullable=True),
        sa.Column("proposer_role", sa.String(length=32), nullable=False),
        sa.Column("proposer_organisation_id", sa.Uuid(), nullable=False),
        sa.Column("decided_at", gwella.core.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("completed_at", gwella.core.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column(
            "overdue_notified_at", gwella.core.database.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["partnerships.id"],
            name=op.f("fk_actions_partnership_id_partnerships"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["proposed_by_id"],
            ["users.id"],
            name=op.f("fk_actions_proposed_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["proposer_organisation_id"],
            ["organisations.id"],
            name=op.f("fk_actions_proposer_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["standard_id"],
            ["standards.id"],
            name=op.f("fk_actions_standard_id_standards"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actions")),
    )
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_actions_partnership_created", ["partnership_id", "created_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_actions_standard_id"), ["standard_id"], unique=False)
        batch_op.create_index("ix_actions_status_due", ["status", "due_date"], unique=False)

    op.create_table(
        "action_events",
        sa.Column("action_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("from_status", sa.String(length=32), nullable=True),
        sa.Column("to_status", sa.String(length=32), nullable=True),
        sa.Column("explanation", sa.Text(), nullable=True),
        sa.Column("organisation_id", sa.Uuid(), nullable=True),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("record_id", sa.Uuid(), nullable=True),
        sa.Column("occurred_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_action_events_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
            name=op.f("fk_action_events_actor_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_action_events_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_events")),
    )
    with op.batch_alter_table("action_events", schema=None) as batch_op:
        batch_op.create_index(
            "ix_action_events_action_occurred", ["action_id", "occurred_at"], unique=False
        )

    op.create_table(
        "action_responsibilities",
        sa.Column("action_id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column(
            "role",
            sa.Enum("lead", "supporting", name="responsibilityrole", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column(
            "state",
            sa.Enum(
                "pending",
                "accepted",
                "declined",
                name="responsibilitystate",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("owner_id", sa.Uuid(), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("decided_by_id", sa.Uuid(), nullable=True),
        sa.Column("decided_at", gwella.core.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_action_responsibilities_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_id"],
            ["users.id"],
            name=op.f("fk_action_responsibilities_decided_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_action_responsibilities_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_action_responsibilities_owner_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_responsibilities")),
        sa.UniqueConstraint(
            "action_id",
            "organisation_id",
            name=op.f("uq_action_responsibilities_action_id_organisation_id"),
        ),
    )
    with op.batch_alter_table("action_responsibilities", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_responsibilities_action_id"), ["action_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_action_responsibilities_organisation_id"),
            ["organisation_id"],
            unique=False,
        )

    op.create_table(
        "action_supports",
        sa.Column("action_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("supporter_role", sa.String(length=32), nullable=False),
        sa.Column("supporter_organisation_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_action_supports_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["supporter_organisation_id"],
            ["organisations.id"],
            name=op.f("fk_action_supports_supporter_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_action_supports_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_supports")),
        sa.UniqueConstraint(
            "action_id", "user_id", name=op.f("uq_action_supports_action_id_user_id")
        ),
    )
    with op.batch_alter_table("action_supports", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_supports_action_id"), ["action_id"], unique=False
        )

    op.create_table(
        "action_updates",
        sa.Column("action_id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=True),
        sa.Column(
            "note",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("percent", sa.Integer(), nullable=False),
        sa.Column("created_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_action_updates_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_action_updates_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_action_updates_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_updates")),
    )
    with op.batch_alter_table("action_updates", schema=None) as batch_op:
        batch_op.create_index(
            "ix_action_updates_action_created", ["action_id", "created_at"], unique=False
        )

    op.create_table(
        "pdsa_cycles",
        sa.Column("action_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("objective", sa.Text(), nullable=False),
        sa.Column("prediction", sa.Text(), nullable=False),
        sa.Column("indicator_id", sa.Uuid(), nullable=True),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=True),
        sa.Column("planned_on", sa.Date(), nullable=False),
        sa.Column("do_notes", sa.Text(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("study_notes", sa.Text(), nullable=True),
        sa.Column("studied_on", sa.Date(), nullable=True),
        sa.Column(
            "decision",
            sa.Enum("adopt", "adapt", "abandon", name="pdsadecision", native_enum=False, length=32),
            nullable=True,
        ),
        sa.Column("act_notes", sa.Text(), nullable=True),
        sa.Column("acted_on", sa.Date(), nullable=True),
        sa.Column("next_cycle_id", sa.Uuid(), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_pdsa_cycles_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_pdsa_cycles_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicators.id"],
            name=op.f("fk_pdsa_cycles_indicator_id_indicators"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["next_cycle_id"],
            ["pdsa_cycles.id"],
            name=op.f("fk_pdsa_cycles_next_cycle_id_pdsa_cycles"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_pdsa_cycles_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_pdsa_cycles_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pdsa_cycles")),
        sa.UniqueConstraint("action_id", "number", name=op.f("uq_pdsa_cycles_action_id_number")),
    )
    with op.batch_alter_table("pdsa_cycles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pdsa_cycles_action_id"), ["action_id"], unique=False)

    op.create_table(
        "action_evidence",
        sa.Column("action_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "campaign_result",
                "question",
                "indicator",
                "comment",
                name="evidencekind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("campaign_id", sa.Uuid(), nullable=True),
        sa.Column("question_key", sa.String(length=64), nullable=True),
        sa.Column("indicator_id", sa.Uuid(), nullable=True),
        sa.Column("answer_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_action_evidence_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["answer_id"],
            ["answers.id"],
            name=op.f("fk_action_evidence_answer_id_answers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_action_evidence_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicators.id"],
            name=op.f("fk_action_evidence_indicator_id_indicators"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_evidence")),
    )
    with op.batch_alter_table("action_evidence", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_evidence_action_id"), ["action_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("action_evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_evidence_action_id"))

    op.drop_table("action_evidence")
    with op.batch_alter_table("pdsa_cycles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pdsa_cycles_action_id"))

    op.drop_table("pdsa_cycles")
    with op.batch_alter_table("action_updates", schema=None) as batch_op:
        batch_op.drop_index("ix_action_updates_action_created")

    op.drop_table("action_updates")
    with op.batch_alter_table("action_supports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_supports_action_id"))

    op.drop_table("action_supports")
    with op.batch_alter_table("action_responsibilities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_responsibilities_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_action_responsibilities_action_id"))

    op.drop_table("action_responsibilities")
    with op.batch_alter_table("action_events", schema=None) as batch_op:
        batch_op.drop_index("ix_action_events_action_occurred")

    op.drop_table("action_events")
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_index("ix_actions_status_due")
        batch_op.drop_index(batch_op.f("ix_actions_standard_id"))
        batch_op.drop_index("ix_actions_partnership_created")

    op.drop_table("actions")
