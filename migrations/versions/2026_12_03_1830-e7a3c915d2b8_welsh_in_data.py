"""welsh in data

Welsh is treated no less favourably than English in what people write (issue 17): a campaign
may be named in English or Welsh or both (``name`` is left empty, not null, when only
``name_cy`` is given: making it nullable would rebuild the table on SQLite, and the rebuild's
implicit delete cascades to the campaign's services and results); a
partnership's description has a Welsh text; a co-design contribution records the language it
was written in (null for those written before); an action's timeline entry records the role
of who proposed or supported, so the page says it in its own language. Existing "proposed"
and "supported" entries take the role from the action, or from the words they were written
with, and drop those English words.

Revision ID: e7a3c915d2b8
Revises: 9d2e61b7a4f3
Create Date: 2026-12-03 18:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e7a3c915d2b8"
down_revision: str | None = "9d2e61b7a4f3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The words the timeline wrote before the role had a column of its own.
_SUPPORTED_BY = {
    "Supported by a service user": "service_user",
    "Supported by a carer": "carer",
}


def upgrade() -> None:
    # Plain ADD COLUMN: never a table rebuild (see downgrade).
    op.add_column("campaigns", sa.Column("name_cy", sa.String(length=200), nullable=True))
    op.add_column("partnerships", sa.Column("description_cy", sa.Text(), nullable=True))
    op.add_column("contributions", sa.Column("language", sa.String(length=2), nullable=True))
    op.add_column("action_events", sa.Column("role", sa.String(length=32), nullable=True))

    events = sa.table(
        "action_events",
        sa.column("action_id", sa.Uuid()),
        sa.column("kind", sa.String()),
        sa.column("role", sa.String()),
        sa.column("explanation", sa.Text()),
    )
    actions = sa.table(
        "actions", sa.column("id", sa.Uuid()), sa.column("proposer_role", sa.String())
    )
    op.execute(
        events.update()
        .where(events.c.kind == "proposed")
        .values(
            role=sa.select(actions.c.proposer_role)
            .where(actions.c.id == events.c.action_id)
            .scalar_subquery(),
            explanation=None,
        )
    )
    for words, role in _SUPPORTED_BY.items():
        op.execute(
            events.update()
            .where(events.c.kind == "supported", events.c.explanation == words)
            .values(role=role, explanation=None)
        )


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+ has it), not batch mode: a batch rebuild drops and
    # recreates the table, and on SQLite the drop's implicit delete would cascade to every row
    # that references a campaign or a partnership.
    op.execute(sa.text("UPDATE campaigns SET name = name_cy WHERE name = ''"))
    op.drop_column("action_events", "role")
    op.drop_column("contributions", "language")
    op.drop_column("partnerships", "description_cy")
    op.drop_column("campaigns", "name_cy")
