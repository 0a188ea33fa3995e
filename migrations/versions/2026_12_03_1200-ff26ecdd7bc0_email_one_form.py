"""e-mail addresses in one form

Addresses are now stored and compared in Unicode NFKC and lower case
(``gwella.accounts.users.normalise_email``); before, only in lower case. Rows stored the old
way are brought to the new form, so that their owners can still sign in however they type
the address. A person whose new form is already another account's keeps the old spelling
(two accounts cannot be merged here; an administrator decides), and is named in a warning.

Revision ID: ff26ecdd7bc0
Revises: 7e3b1f0c4a52
Create Date: 2026-12-03 12:00:00+00:00
"""

import unicodedata
import warnings
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "ff26ecdd7bc0"
down_revision: str | None = "7e3b1f0c4a52"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _one_form(email: str) -> str:
    # A copy of normalise_email as it is today: a migration must not change with the code.
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", email).strip().lower())


def upgrade() -> None:
    bind = op.get_bind()
    users = bind.execute(sa.text("SELECT id, email FROM users")).all()
    taken = {email for _, email in users}
    for user_id, email in users:
        wanted = _one_form(email)
        if wanted == email:
            continue
        if wanted in taken:
            warnings.warn(
                f"user {user_id}: {wanted!r} is another account's; the address is left as it was",
                stacklevel=1,
            )
            continue
        bind.execute(
            sa.text("UPDATE users SET email = :email WHERE id = :id"),
            {"email": wanted, "id": user_id},
        )
        taken.add(wanted)
    for invitation_id, email in bind.execute(sa.text("SELECT id, email FROM invitations")).all():
        wanted = _one_form(email)
        if wanted != email:
            bind.execute(
                sa.text("UPDATE invitations SET email = :email WHERE id = :id"),
                {"email": wanted, "id": invitation_id},
            )


def downgrade() -> None:
    """Nothing to undo: the new form is also a valid spelling of each address."""
