"""The words people read for the values of Gwella's enumerations, in English and Welsh.

One vocabulary for the whole backend: notifications, the printable report and anything else
that puts an action's status, a role or a kind of organisation into a sentence takes its words
from here, so that Welsh readers meet the same word everywhere. The web app's locale files
(``frontend/src/i18n/locales/{en,cy}.json``) are the source of truth; ``tests/test_vocabulary``
fails when either side drifts from the other or when an enumeration gains a value with no words.

Each table is keyed by the enumeration's string value. Words are kept as they read inside a
sentence (``"in progress"``, ``"NHS trust"``); :func:`label` gives the capitalised form the web
app shows as a label. Like the rest of ``core``, this module imports no domain package: the
enumerations themselves are checked against these tables by the test.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import NamedTuple


class Words(NamedTuple):
    """One value in both languages."""

    en: str
    cy: str

    def in_(self, language: str) -> str:
        """The word in ``language`` (English for any language other than Welsh)."""
        return self.cy if language == "cy" else self.en


Vocabulary = Mapping[str, Words]

ACTION_STATUS: Vocabulary = {
    "proposed": Words("proposed", "wedi'i gynnig"),
    "under_review": Words("under review", "yn cael ei adolygu"),
    "agreed": Words("agreed", "wedi'i gytuno"),
    "in_progress": Words("in progress", "ar y gweill"),
    "completed": Words("completed", "wedi'i gwblhau"),
    "not_taken_forward": Words("not taken forward", "heb ei fwrw ymlaen"),
}
"""An improvement action's status (``ActionStatus``)."""

RESPONSIBILITY_ROLE: Vocabulary = {
    "lead": Words("lead", "arwain"),
    "supporting": Words("supporting", "cefnogi"),
}
"""An organisation's part in an action (``ResponsibilityRole``)."""

ROLE: Vocabulary = {
    "service_user": Words("service user", "defnyddiwr gwasanaeth"),
    "carer": Words("carer", "gofalwr"),
    "staff": Words("staff", "staff"),
    "manager": Words("manager", "rheolwr"),
    "admin": Words("administrator", "gweinyddwr"),
    "platform_admin": Words("platform administrator", "gweinyddwr y platfform"),
}
"""A person's role in an organisation (``Role``), and the platform administrator."""

ORGANISATION_KIND: Vocabulary = {
    "health_board": Words("health board", "bwrdd iechyd"),
    "nhs_trust": Words("NHS trust", "ymddiriedolaeth GIG"),
    "local_authority": Words("local authority", "awdurdod lleol"),
    "third_sector": Words("voluntary sector (third sector)", "sector gwirfoddol (trydydd sector)"),
    "service_user_group": Words("service user group", "grŵp defnyddwyr gwasanaeth"),
    "other": Words("other", "arall"),
}
"""What kind of organisation (``OrganisationKind``)."""

SERVICE_KIND: Vocabulary = {
    "community_mental_health_team": Words(
        "community mental health team", "tîm iechyd meddwl cymunedol"
    ),
    "ward": Words("ward", "ward"),
    "day_centre": Words("day centre", "canolfan ddydd"),
    "crisis_team": Words("crisis team", "tîm argyfwng"),
    "social_work_team": Words("social work team", "tîm gwaith cymdeithasol"),
    "support_service": Words("support service", "gwasanaeth cymorth"),
    "other": Words("other", "arall"),
}
"""What kind of service (``ServiceKind``)."""

VERSION_STATUS: Vocabulary = {
    "draft": Words("draft", "drafft"),
    "in_review": Words("in review", "yn cael ei adolygu"),
    "published": Words("published", "wedi'i gyhoeddi"),
}
"""Where an instrument version stands (``VersionStatus``)."""

CONTRIBUTION_STATUS: Vocabulary = {
    "open": Words("open", "ar agor"),
    "accepted": Words("accepted", "wedi'i dderbyn"),
    "declined": Words("declined", "wedi'i wrthod"),
}
"""Where a co-design contribution stands (``ContributionStatus``)."""

INVITATION_STATUS: Vocabulary = {
    "pending": Words("waiting", "yn aros"),
    "accepted": Words("accepted", "wedi'i dderbyn"),
    "revoked": Words("withdrawn", "wedi'i dynnu'n ôl"),
    "expired": Words("expired", "wedi dod i ben"),
}
"""Where an invitation stands (the ``status`` of ``InvitationRead``)."""

CHANNEL: Vocabulary = {
    "web": Words("web link and QR code", "dolen we a chod QR"),
    "paper": Words("paper forms typed in by staff", "ffurflenni papur a deipir gan staff"),
    "partner": Words("sent in by partner systems", "wedi'u hanfon gan systemau partner"),
}
"""How a campaign collects responses (``Channel``)."""

VOCABULARIES: Mapping[str, Vocabulary] = {
    "action_status": ACTION_STATUS,
    "responsibility_role": RESPONSIBILITY_ROLE,
    "role": ROLE,
    "organisation_kind": ORGANISATION_KIND,
    "service_kind": SERVICE_KIND,
    "version_status": VERSION_STATUS,
    "contribution_status": CONTRIBUTION_STATUS,
    "invitation_status": INVITATION_STATUS,
    "channel": CHANNEL,
}


def word(vocabulary: Vocabulary, value: str, language: str) -> str:
    """The word for ``value`` in ``language``, as it reads inside a sentence."""
    return vocabulary[value].in_(language)


def label(text: str) -> str:
    """``text`` with a capital first letter, as a label or at the start of a sentence."""
    return text[:1].upper() + text[1:]


def with_article(english: str) -> str:
    """An English noun phrase after "a" or "an"."""
    return ("an " if english[:1].lower() in "aeiou" else "a ") + english


# Someone in a role, as a sentence names them ("Proposed by a service user", "Suggested by a
# member of staff"): English with its article, Welsh (which has none) as the radical form.
_SOMEONE: Vocabulary = {
    "service_user": Words("a service user", "defnyddiwr gwasanaeth"),
    "carer": Words("a carer", "gofalwr"),
    "staff": Words("a member of staff", "aelod o staff"),
    "manager": Words("a manager", "rheolwr"),
    "admin": Words("an administrator", "gweinyddwr"),
    "platform_admin": Words("a platform administrator", "gweinyddwr y platfform"),
}


def someone(role: str, language: str, *, softened: bool = False) -> str:
    """A person in ``role`` inside a sentence: "a service user", "a member of staff" (never
    "a staff"); in Welsh "defnyddiwr gwasanaeth", or softened after "gan" ("gan ddefnyddiwr
    gwasanaeth") with ``softened``. A role Gwella has no words for is "someone"."""
    found = _SOMEONE.get(role)
    text = (found or Words("someone", "rhywun")).in_(language)
    return soft_mutation(text) if softened and language == "cy" else text


_MONTHS = (
    ("January", "Ionawr"),
    ("February", "Chwefror"),
    ("March", "Mawrth"),
    ("April", "Ebrill"),
    ("May", "Mai"),
    ("June", "Mehefin"),
    ("July", "Gorffennaf"),
    ("August", "Awst"),
    ("September", "Medi"),
    ("October", "Hydref"),
    ("November", "Tachwedd"),
    ("December", "Rhagfyr"),
)


def long_date(day: date, language: str) -> str:
    """A date as a sentence says it: "1 March 2027", "1 Mawrth 2027"."""
    month = _MONTHS[day.month - 1][1 if language == "cy" else 0]
    return f"{day.day} {month} {day.year}"


# An indicator's unit is a word typed once, usually in English ("days"); the common ones are
# said in Welsh (in the singular, as Welsh counts: "12 diwrnod"), as the web app says them.
UNITS_CY = {
    "day": "diwrnod",
    "days": "diwrnod",
    "week": "wythnos",
    "weeks": "wythnos",
    "month": "mis",
    "months": "mis",
    "hour": "awr",
    "hours": "awr",
    "people": "o bobl",
    "responses": "ymateb",
}


def with_unit(figure: str, unit: str, language: str) -> str:
    """A figure with its indicator's unit: "74%", "43 days", "43 diwrnod"."""
    if unit == "%":
        return f"{figure}%"
    if not unit:
        return figure
    word = UNITS_CY.get(unit.strip().lower(), unit) if language == "cy" else unit
    return f"{figure} {word}"


_SOFT = (
    ("ch", "ch"),  # the spirants do not soften: caught before "c", "p" and "t"
    ("ph", "ph"),
    ("th", "th"),
    ("ll", "l"),
    ("rh", "r"),
    ("p", "b"),
    ("t", "d"),
    ("c", "g"),
    ("b", "f"),
    ("d", "dd"),
    ("m", "f"),
    ("g", ""),
)


def soft_mutation(welsh: str) -> str:
    """A Welsh word as it reads after a word that softens it (``gan``, ``i'ch sefydliad``...):
    ``cefnogi`` becomes ``gefnogi``, ``defnyddiwr`` ``ddefnyddiwr``, ``gofalwr`` ``ofalwr``."""
    for radical, soft in _SOFT:
        if welsh.startswith(radical):
            return soft + welsh[len(radical) :]
    return welsh
