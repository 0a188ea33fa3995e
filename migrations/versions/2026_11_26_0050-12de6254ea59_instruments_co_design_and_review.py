"""instruments co-design and review

Revision ID: 12de6254ea59
Revises: ec82c1e6382e
Create Date: 2026-11-26 00:50:34.740149+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import gwella.core.database

revision: str = "12de6254ea59"
down_revision: str | None = "ec82c1e6382e"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "instrument_review_policies",
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("min_approvals", sa.Integer(), nullable=False),
        sa.Column(
            "approver_roles",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("created_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_instrument_review_policies_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("organisation_id", name=op.f("pk_instrument_review_policies")),
    )
    op.create_table(
        "instruments",
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
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
        sa.Column(
            "languages",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("shared_with_partnerships", sa.Boolean(), nullable=False),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_instruments_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_instruments_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instruments")),
        sa.UniqueConstraint(
            "organisation_id", "code", name=op.f("uq_instruments_organisation_id_code")
        ),
    )
    with op.batch_alter_table("instruments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_instruments_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "instrument_versions",
        sa.Column("instrument_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "in_review",
                "published",
                name="versionstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "content",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("codesign_open", sa.Boolean(), nullable=False),
        sa.Column(
            "review_requested_at", gwella.core.database.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("published_at", gwella.core.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("published_by_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["instrument_id"],
            ["instruments.id"],
            name=op.f("fk_instrument_versions_instrument_id_instruments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["published_by_id"],
            ["users.id"],
            name=op.f("fk_instrument_versions_published_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instrument_versions")),
        sa.UniqueConstraint(
            "instrument_id", "number", name=op.f("uq_instrument_versions_instrument_id_number")
        ),
    )
    with op.batch_alter_table("instrument_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_instrument_versions_instrument_id"), ["instrument_id"], unique=False
        )

    op.create_table(
        "contributions",
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("instrument_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "topic",
                "question",
                "comment",
                name="contributionkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("author_role", sa.String(length=32), nullable=False),
        sa.Column("author_organisation_id", sa.Uuid(), nullable=False),
        sa.Column("question_key", sa.String(length=64), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=True),
        sa.Column(
            "proposed_question",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "accepted",
                "declined",
                name="contributionstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("decided_by_id", sa.Uuid(), nullable=True),
        sa.Column("decided_at", gwella.core.database.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_contributions_author_id_users"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["author_organisation_id"],
            ["organisations.id"],
            name=op.f("fk_contributions_author_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_id"],
            ["users.id"],
            name=op.f("fk_contributions_decided_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["instrument_id"],
            ["instruments.id"],
            name=op.f("fk_contributions_instrument_id_instruments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["instrument_versions.id"],
            name=op.f("fk_contributions_version_id_instrument_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contributions")),
    )
    with op.batch_alter_table("contributions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contributions_author_organisation_id"),
            ["author_organisation_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_contributions_instrument_id"), ["instrument_id"], unique=False
        )
        batch_op.create_index(
            "ix_contributions_version_created", ["version_id", "created_at"], unique=False
        )

    op.create_table(
        "instrument_codesign_organisations",
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_instrument_codesign_organisations_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["instrument_versions.id"],
            name=op.f("fk_instrument_codesign_organisations_version_id_instrument_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "version_id", "organisation_id", name=op.f("pk_instrument_codesign_organisations")
        ),
    )
    with op.batch_alter_table("instrument_codesign_organisations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_instrument_codesign_organisations_organisation_id"),
            ["organisation_id"],
            unique=False,
        )

    op.create_table(
        "instrument_reviews",
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("reviewer_id", sa.Uuid(), nullable=False),
        sa.Column("reviewer_role", sa.String(length=32), nullable=False),
        sa.Column("reviewer_organisation_id", sa.Uuid(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column(
            "decision",
            sa.Enum(
                "approved", "changes_requested", name="reviewdecision", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("created_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["reviewer_id"],
            ["users.id"],
            name=op.f("fk_instrument_reviews_reviewer_id_users"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_organisation_id"],
            ["organisations.id"],
            name=op.f("fk_instrument_reviews_reviewer_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["instrument_versions.id"],
            name=op.f("fk_instrument_reviews_version_id_instrument_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instrument_reviews")),
    )
    with op.batch_alter_table("instrument_reviews", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_instrument_reviews_version_id"), ["version_id"], unique=False
        )

    op.create_table(
        "contribution_votes",
        sa.Column("contribution_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("voter_role", sa.String(length=32), nullable=False),
        sa.Column("voter_organisation_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", gwella.core.database.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contribution_id"],
            ["contributions.id"],
            name=op.f("fk_contribution_votes_contribution_id_contributions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_contribution_votes_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["voter_organisation_id"],
            ["organisations.id"],
            name=op.f("fk_contribution_votes_voter_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contribution_votes")),
        sa.UniqueConstraint(
            "contribution_id", "user_id", name=op.f("uq_contribution_votes_contribution_id_user_id")
        ),
    )
    with op.batch_alter_table("contribution_votes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contribution_votes_contribution_id"), ["contribution_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("contribution_votes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contribution_votes_contribution_id"))

    op.drop_table("contribution_votes")
    with op.batch_alter_table("instrument_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_instrument_reviews_version_id"))

    op.drop_table("instrument_reviews")
    with op.batch_alter_table("instrument_codesign_organisations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_instrument_codesign_organisations_organisation_id"))

    op.drop_table("instrument_codesign_organisations")
    with op.batch_alter_table("contributions", schema=None) as batch_op:
        batch_op.drop_index("ix_contributions_version_created")
        batch_op.drop_index(batch_op.f("ix_contributions_instrument_id"))
        batch_op.drop_index(batch_op.f("ix_contributions_author_organisation_id"))

    op.drop_table("contributions")
    with op.batch_alter_table("instrument_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_instrument_versions_instrument_id"))

    op.drop_table("instrument_versions")
    with op.batch_alter_table("instruments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_instruments_organisation_id"))

    op.drop_table("instruments")
    op.drop_table("instrument_review_policies")
