"""sign-in throttle by account and address

Sign-in attempts remember whether they succeeded: a success makes its address known to the
account (people who signed in from an address before are spared the per-address and
per-account ceilings there), and failures are throttled per account and address.

Revision ID: b4d1e9a27c35
Revises: ff26ecdd7bc0
Create Date: 2026-12-03 13:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b4d1e9a27c35"
down_revision: str | None = "ff26ecdd7bc0"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("login_attempts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("succeeded", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    op.execute("DELETE FROM login_attempts WHERE succeeded")
    with op.batch_alter_table("login_attempts", schema=None) as batch_op:
        batch_op.drop_column("succeeded")
