"""One bilingual vocabulary: the backend's words for each enumeration people see are the web
app's words, every value has them in English and Welsh, and no other copy drifts away."""

from __future__ import annotations

import enum
import json
import typing
from pathlib import Path
from typing import Any

import pytest

from gwella.accounts.models import Role
from gwella.accounts.schemas import InvitationRead
from gwella.actions.models import ActionStatus, ResponsibilityRole
from gwella.campaigns.enums import Channel
from gwella.core import vocabulary
from gwella.instruments.enums import VersionStatus
from gwella.instruments.models import ContributionStatus
from gwella.organisations.enums import OrganisationKind, ServiceKind

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ROOT / "frontend" / "src" / "i18n" / "locales"


def _values(source: Any) -> set[str]:
    if isinstance(source, type) and issubclass(source, enum.Enum):
        return {member.value for member in source}
    return set(typing.get_args(source))


# name in core.vocabulary, the enumeration (or Literal), the key in the web app's locales,
# and values the web app shows beyond the enumeration's.
MAPPED: list[tuple[str, Any, str, set[str]]] = [
    ("action_status", ActionStatus, "improvement.status", set()),
    ("responsibility_role", ResponsibilityRole, "improvement.role", set()),
    ("role", Role, "roles", {"platform_admin"}),
    ("organisation_kind", OrganisationKind, "kinds.organisation", set()),
    ("service_kind", ServiceKind, "kinds.service", set()),
    ("version_status", VersionStatus, "instruments.status", set()),
    ("contribution_status", ContributionStatus, "instruments.codesign.status", set()),
    (
        "invitation_status",
        InvitationRead.model_fields["status"].annotation,
        "admin.invitations.status",
        set(),
    ),
    ("channel", Channel, "campaigns.channel", set()),
]
IDS = [name for name, *_ in MAPPED]


def _locale(language: str, key: str) -> dict[str, str]:
    found: Any = json.loads((LOCALES / f"{language}.json").read_text(encoding="utf-8"))
    for part in key.split("."):
        found = found[part]
    assert isinstance(found, dict), key
    return found


def _same_but_first_letter(ours: str, theirs: str) -> bool:
    return ours[:1].lower() == theirs[:1].lower() and ours[1:] == theirs[1:]


def test_every_vocabulary_is_checked_here() -> None:
    assert set(vocabulary.VOCABULARIES) == set(IDS)


@pytest.mark.parametrize(("name", "source", "key", "extra"), MAPPED, ids=IDS)
def test_every_value_has_words_in_both_languages(
    name: str, source: Any, key: str, extra: set[str]
) -> None:
    values = _values(source)
    assert values, f"{name}: found no values to check"
    words = vocabulary.VOCABULARIES[name]
    assert set(words) == values | extra, f"{name}: values without words, or words for no value"
    for value, pair in words.items():
        assert pair.en.strip(), (name, value, "en")
        assert pair.cy.strip(), (name, value, "cy")


@pytest.mark.parametrize(("name", "source", "key", "extra"), MAPPED, ids=IDS)
@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_backend_says_what_the_web_app_says(
    name: str, source: Any, key: str, extra: set[str], language: str
) -> None:
    ours = {value: pair.in_(language) for value, pair in vocabulary.VOCABULARIES[name].items()}
    theirs = _locale(language, key)
    assert set(ours) == set(theirs), f"{name} / {language}.json {key}: different values"
    drifted = {
        value: (ours[value], theirs[value])
        for value in ours
        if not _same_but_first_letter(ours[value], theirs[value])
    }
    assert not drifted, f"{name} / {language}.json {key}: (backend, web app) {drifted}"


def test_no_other_copy_of_the_welsh_statuses_in_the_backend() -> None:
    """The words that once differed ("ar waith" against "ar y gweill") live only in the
    vocabulary now."""
    backend = ROOT / "backend" / "gwella"
    home = backend / "core" / "vocabulary.py"
    words = [pair.cy for pair in vocabulary.ACTION_STATUS.values()]
    copies = [
        (path.relative_to(ROOT).as_posix(), word)
        for path in sorted(backend.rglob("*"))
        if path.is_file() and path.suffix in {".py", ".html"} and path != home
        for word in words
        if word.lower() in path.read_text(encoding="utf-8").lower()
    ]
    assert not copies


def test_words_in_a_sentence() -> None:
    assert vocabulary.word(vocabulary.ACTION_STATUS, "in_progress", "cy") == "ar y gweill"
    assert vocabulary.word(vocabulary.ACTION_STATUS, "in_progress", "en") == "in progress"
    assert vocabulary.label("in progress") == "In progress"
    assert vocabulary.label("NHS trust") == "NHS trust"
    assert vocabulary.with_article("service user") == "a service user"
    assert vocabulary.with_article("administrator") == "an administrator"
    assert vocabulary.soft_mutation("cefnogi") == "gefnogi"
    assert vocabulary.soft_mutation("defnyddiwr gwasanaeth") == "ddefnyddiwr gwasanaeth"
    assert vocabulary.soft_mutation("gofalwr") == "ofalwr"
    assert vocabulary.soft_mutation("arwain") == "arwain"
    assert vocabulary.soft_mutation("llais") == "lais"
    assert vocabulary.soft_mutation("chwarae") == "chwarae"
