"""result cells leave room on their pages for updates

Every batch of responses updates a few thousand result cells (count, total and key sum; the
key columns never change). With full pages PostgreSQL can rarely put the new version of a row
beside the old one (a HOT update), so most updates wrote a new index entry too and the table
and its index grew by a copy of each touched cell per batch until a vacuum: measured with
4,420 cells updated 100 times, 8% of updates were HOT at fillfactor 100 (42 MB), 91% at 70
(7 MB), and each upsert took 95-100 ms instead of 128-136 ms. Only pages written from now on
are filled to 70%; a table already written keeps its pages until it is rewritten.

Revision ID: 4f6b2a9c1e37
Revises: d71c87003fc8
Create Date: 2026-12-04 19:50:00+00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "4f6b2a9c1e37"
down_revision: str | None = "d71c87003fc8"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE result_cells SET (fillfactor = 70)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE result_cells RESET (fillfactor)")
