"""Passwords: what a new one must be, comparing one, and changing one's own. No HTTP types.

The rules follow NIST SP 800-63B (revision 4) and the NCSC's password guidance: length, not
composition. A password is the only thing between a person and the survey answers of a
mental health service (Gwella has no second factor), so its minimum is 15 characters, the
length 800-63B-4 requires of a password used alone; a few unrelated words (the NCSC's
"three random words") reach it easily and are easier to remember than `Tr0ub4dor&3`. There
are no rules about capitals, digits or symbols, no expiry, and spaces and every Unicode
character are welcome (NFKC-normalised, so that "â" typed on a Mac and on Windows is the
same password; each code point counts as one character). Refused are: passwords people
choose most often (``data/common-passwords.txt``, also with digits or symbols added, or
letters swapped for look-alike digits), keyboard and alphabet runs, a password repeating
itself, and ones containing the person's e-mail address, name or the service's name."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import AccessToken, User
from gwella.core import audit
from gwella.core.config import Settings
from gwella.core.database import utcnow
from gwella.core.errors import FieldProblem, ValidationFailed
from gwella.core.principal import Principal
from gwella.core.security import hash_password, verify_password

SERVICE_WORDS = ("gwella",)
# Look-alike digits and symbols people put for letters (p4ssw0rd, $ecret, @dmin).
_LOOKALIKES = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "@": "a",
        "$": "s",
        "!": "i",
        "8": "b",
        "9": "g",
        "+": "t",
        "|": "l",
    }
)
_SEQUENCES = (
    "abcdefghijklmnopqrstuvwxyz",
    "0123456789",
    "qwertyuiopasdfghjklzxcvbnm",
    "qwertzuiopasdfghjklyxcvbnm",
    "azertyuiopqsdfghjklmwxcvbn",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    "qazwsxedcrfvtgbyhnujmikolp",
    "1q2w3e4r5t6y7u8i9o0p",
    "zaq1xsw2cde3vfr4bgt5nhy6mju7",
)
_MIN_DISTINCT = 5


def normalise_password(password: str) -> str:
    """The form a password is hashed and compared in (Unicode NFKC)."""
    return unicodedata.normalize("NFKC", password)


def hash_new_password(password: str) -> str:
    return hash_password(normalise_password(password))


def password_matches(password_hash: str | None, password: str) -> bool:
    """Whether ``password`` is the one hashed. Hashes made before passwords were normalised
    hold the password as typed; for those, and only when normalising changes the input,
    the typed form is tried too."""
    normalised = normalise_password(password)
    if verify_password(password_hash, normalised):
        return True
    return normalised != password and verify_password(password_hash, password)


@lru_cache
def common_passwords() -> frozenset[str]:
    text = (
        resources.files("gwella.accounts")
        .joinpath("data/common-passwords.txt")
        .read_text(encoding="utf-8")
    )
    entries = (line.strip() for line in text.splitlines())
    return frozenset(normalise_password(e).lower() for e in entries if e and not e.startswith("#"))


def _forms(password: str) -> Iterator[str]:
    """The password as people disguise a common one: as typed (lower case), without
    spaces, without the digits and symbols put before or after it, with look-alike digits
    read as letters, and as its letters alone."""
    low = normalise_password(password).lower()
    yield low
    yield re.sub(r"\s+", "", low)
    core = re.sub(r"^[\W\d_]+|[\W\d_]+$", "", low)
    yield core
    yield re.sub(r"[\W\d_]+", "", core.translate(_LOOKALIKES))
    yield re.sub(r"[\W\d_]+", "", low)
    yield re.sub(r"[\W_]+", "", low)


def _is_sequence(text: str) -> bool:
    if len(text) < 4:
        return False
    for run in _SEQUENCES:
        looped = run * 3
        if text in looped or text in looped[::-1]:
            return True
    return False


def _repeats(text: str) -> bool:
    """Made of one shorter piece said again (``abcabcabc``, ``passwordpassword``)."""
    if len(text) < 4:
        return False
    return bool(re.fullmatch(r"(.+?)\1+", text))


def _personal_words(email: str, name: str | None) -> set[str]:
    """What the password must not contain: the address, its local part and the words of it
    and of the name (of four letters or more: shorter ones are parts of too many words)."""
    email = normalise_password(email).strip().lower()
    local = email.partition("@")[0]
    words = {email, local, re.sub(r"[\W\d_]+", "", local)}
    words |= set(re.split(r"[\W\d_]+", local))
    if name:
        low = normalise_password(name).lower()
        words.add(re.sub(r"[\W\d_]+", "", low))
        words |= set(re.split(r"[\W\d_]+", low))
    return {w for w in words if len(w) >= 4}


def password_problems(
    settings: Settings, password: str, email: str, name: str | None = None
) -> list[str]:
    """What is wrong with ``password`` as a new password of the person, as field messages
    that follow the field's label ("Password must be at least …"); empty when it will do."""
    problems: list[str] = []
    normalised = normalise_password(password)
    if len(normalised) < settings.password_min_length:
        problems.append(
            f"must be at least {settings.password_min_length} characters: a few unrelated "
            "words make a long password that is easy to remember"
        )
    forms = list(_forms(password))
    common = common_passwords()
    if any(f in common for f in forms):
        problems.append(
            "is one of the passwords people choose most often (or one with digits or symbols "
            "added): attackers try these first"
        )
    elif any(_is_sequence(f) for f in forms[1:]):
        problems.append("is a run of keys or letters: attackers try these first")
    elif any(_repeats(f) for f in forms[1:3]) or len(set(normalised)) < _MIN_DISTINCT:
        problems.append("repeats itself too much")
    searched = [forms[0], forms[1], forms[3]]
    if any(w in f for w in _personal_words(email, None) for f in searched):
        problems.append("must not contain your email address")
    elif name and any(w in f for w in _personal_words("", name) for f in searched):
        problems.append("must not contain your name")
    if any(w in f for w in SERVICE_WORDS for f in searched):
        problems.append("must not contain the name of this service")
    return problems


def check_password_strength(
    settings: Settings,
    password: str,
    email: str,
    field: str = "body.password",
    name: str | None = None,
) -> None:
    """``field`` names the request field the password came in (for the `errors` list)."""
    problems = password_problems(settings, password, email, name)
    if problems:
        raise ValidationFailed(
            "Choose a stronger password.",
            errors=[FieldProblem(field=field, message=p) for p in problems],
        )


async def change_password(
    session: AsyncSession,
    settings: Settings,
    p: Principal,
    user: User,
    current: str,
    new: str,
) -> None:
    if not password_matches(user.password_hash, current):
        raise ValidationFailed(
            "The current password is not right.",
            errors=[FieldProblem(field="body.current_password", message="not right")],
        )
    check_password_strength(settings, new, user.email, "body.new_password", user.display_name)
    user.password_hash = hash_new_password(new)
    await session.flush()
    # Every other session of this person ends: a password change is often a response to a leak.
    await session.execute(
        update(AccessToken)
        .where(
            AccessToken.user_id == user.id,
            AccessToken.revoked_at.is_(None),
            AccessToken.id != p.token_id,
        )
        .values(revoked_at=utcnow())
    )
    await audit.record(
        session, p.audit, action="user.password_changed", record_type="user", record_id=user.id
    )
