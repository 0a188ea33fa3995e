"""lighter answer indexes

Every answer row carried two indexes that few rows need: ``ix_answers_response_id`` repeats
the first column of ``uq_answers_response_id_question_key``, and ``ix_answers_moderation``
indexed every answer although only free-text answers are ever moderated. Writing a response
of twelve questions maintained 48 index entries; it now maintains 25. The moderation index is
partial (only moderated answers) and ends with ``response_id`` so that published comments are
found from the index without visiting every answer of a campaign.

Revision ID: 5b1f0c3a9d27
Revises: 438db8df06af
Create Date: 2026-11-26 07:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5b1f0c3a9d27"
down_revision: str | None = "438db8df06af"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MODERATED = sa.text("moderation IS NOT NULL")


def upgrade() -> None:
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.drop_index("ix_answers_moderation")
        batch_op.drop_index("ix_answers_response_id")
        batch_op.create_index(
            "ix_answers_moderation",
            ["moderation", "response_id"],
            unique=False,
            postgresql_where=MODERATED,
            sqlite_where=MODERATED,
        )


def downgrade() -> None:
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.drop_index("ix_answers_moderation")
        batch_op.create_index("ix_answers_response_id", ["response_id"], unique=False)
        batch_op.create_index("ix_answers_moderation", ["moderation"], unique=False)
