"""Record keys and cell keys.

Each stored response gets a random **record key** in ``[0, KEYS)`` (kept with it, never shown).
A cell of a table keeps, beside its count, the sum of its records' keys; its **cell key** is
that sum modulo ``KEYS``. So the same set of records always has the same cell key, whatever
table, scope or read it appears in, and two different sets almost never share one.

An empty cell has no records, hence no key of its own. Inside a row that has records it gets a
stand-in key drawn from the row's own key and the cell's name (a keyed digest): it is as
unpredictable as the row's records, and the same whenever the row is.
"""

from __future__ import annotations

import hashlib
import random
import secrets

from gwella.disclosure.ptable import KEY_BITS, KEYS

source: random.Random = secrets.SystemRandom()
"""Where record keys come from: the operating system's randomness (tests may put a seeded
generator here to replay an attack exactly)."""


def new_record_keys(count: int) -> list[int]:
    return [source.randrange(KEYS) for _ in range(count)]


def cell_key(key_sum: int) -> int:
    return key_sum % KEYS


def empty_cell_key(row_key_sum: int, *names: str) -> int:
    """The stand-in key of an empty cell in a row whose records' keys add up to
    ``row_key_sum``."""
    digest = hashlib.blake2b(
        "\x1f".join([str(row_key_sum), *names]).encode(), digest_size=KEY_BITS // 8
    ).digest()
    return int.from_bytes(digest, "big")
