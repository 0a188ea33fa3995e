"""The Welsh of the service's own messages: what a rule says when it refuses something.

Every message raised for people in ``backend/gwella`` (a problem's detail, a field message, a
validator's words) has its Welsh here, found by its English text: :data:`EXACT` (kept in
:mod:`gwella.core.messages_cy_fixed`) for fixed texts, :data:`TEMPLATES` for texts with values
put in (a status, a number, a code). Values
that are words (statuses, roles) are translated through :mod:`gwella.core.vocabulary`.
:data:`PARTNER_ONLY` lists the messages left in English on purpose: only a partner system,
an operator or Gwella's own code meets them. ``tests/test_welsh_messages.py`` walks the source
and fails on a message in none of these.

Terms follow the web app's ``cy.json``: arolwg (survey, and an instrument, as the web app
calls it), ymgyrch (campaign), cam gwella (improvement action), sefydliad, partneriaeth,
dangosydd, drafft, adolygiad, defnyddiwr gwasanaeth, gofalwr.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import NamedTuple

from gwella.core.messages_cy_fixed import EXACT, NOT_VISIBLE
from gwella.core.vocabulary import (
    ACTION_STATUS,
    CONTRIBUTION_STATUS,
    INVITATION_STATUS,
    ROLE,
    Vocabulary,
    soft_mutation,
)

PARTNER_ONLY: dict[str, str] = {
    # Met only by a partner system (an API client's token): partners read English.
    "This API client has been revoked.": "an API client's token",
    "API clients cannot use this operation.": "an API client's token",
    "This client was not granted: {}.": "an API client asking for scopes",
    "This operation needs the scope {}.": "an API client's scopes",
    "Importing {} needs the scope {}.": "an API client's scopes",
    "An API client subscribes its own organisation only.": "an API client's webhooks",
    "No campaign with that id is visible to this client.": "a partner's push (ingest)",
    "This campaign does not take responses pushed by partner systems.": "a partner's push",
    "{} items; send at most {} per request.": "a partner's push (ingest)",
    "If-Match must hold the entity tag you read, in double quotes as the ETag header gave it "
    "(such as {}).": "a client's If-Match header (the web app sends the ETag it read)",
    "If-Match compares entity tags strongly; a weak tag (W/...) never matches. Send the ETag "
    "as this server gave it: {}.": "a client's If-Match header",
    "If-Match compares entity tags strongly; a weak tag (W/...) never matches. Read the record "
    "again and send its ETag.": "a client's If-Match header",
    "Cannot sort by {}.": "a client's sort parameter (the web app sends only valid sorts)",
    "not {}": "a client's RFC 3339 text or file encoding (the web app sends valid times)",
    "required for {}": "a client's Content-Type for an import (the web app sends it)",
    "The multipart form cannot be read: {}": "a client's malformed upload (a parser's words)",
    # Met only by an operator (settings at start-up, health probes, a missing build).
    "The database is not reachable.": "the health probe, read by operators' monitoring",
    "The web app is not built; run `make run` (or `make frontend`).": "an operator's build",
    "The API documentation page comes with the web app, which is not built; run `make run` "
    "(or `make frontend`). The spec itself is at {}.": "an operator's build",
    # Gwella's own code: invariants that a programming error breaks, never a person's input.
    "not a change mark": "internal: caught and answered as an invalid cursor",
    "a NUL character": "internal: caught and answered as an invalid cursor",
    "naive datetimes are not stored; give a timezone": "internal: a programming error",
    "payload organisation_id differs from the event's organisation": "internal: webhook events",
    "a {} event's record is the {} its {} names, not {} {}": "internal: webhook events",
    "the {} payload does not match its schema: {}": "internal: webhook events",
}
"""Messages left in English, by their text (an f-string's values as ``{}``), with the reason."""

PARTNER_ONLY_MODULES: dict[str, str] = {
    "core/config.py": "an operator's settings, checked when the server starts",
    "disclosure/ptable.py": "internal: the disclosure settings' invariants",
    "indicators/spc.py": "internal: the SPC functions' arguments",
}
"""Modules whose every message is left in English, with the reason."""


# ------------------------------------------------------------------------------ templates

Translate = Callable[[str], str | None]


def _from(vocabulary: Vocabulary, *, soft: bool = False) -> Translate:
    """A value of an enumeration (its code, or its English words) in Welsh."""

    def translate(value: str) -> str | None:
        for code, words in vocabulary.items():
            if value in (code, words.en):
                return soft_mutation(words.cy) if soft else words.cy
        return None

    return translate


def _table(words: Mapping[str, str]) -> Translate:
    return words.get


def _same(value: str) -> str:
    return value


_STAGES = {"plan": "cynllunio", "do": "gwneud", "study": "astudio", "act": "gweithredu"}

_PART_STATE = {
    "accepted": "derbyn",
    "declined": "gwrthod",
    "pending": "ystyried",
}

# What a person is told they may not do ("… to {doing}"), in Welsh as it reads after "i" or
# "all" (both soften: "i wneud", "all wneud").
DOING_CY = {
    "annotate its charts": "ychwanegu nodiadau at ei siartiau",
    "ask an organisation to take part": "ofyn i sefydliad gymryd rhan",
    "change an organisation's code": "newid cod sefydliad",
    "change it": "ei newid",
    "change its review rule": "newid ei reol adolygu",
    "contribute": "gyfrannu",
    "create API clients for it": "greu cleientiaid API ar ei gyfer",
    "define shared indicators": "ddiffinio dangosyddion a rennir",
    "edit this action": "olygu'r cam gwella hwn",
    "give people roles in it": "roi rolau i bobl ynddo",
    "invite people to it": "wahodd pobl iddo",
    "lift their sign-in throttle": "godi'r cyfyngiad ar eu mewngofnodi",
    "make its access codes": "wneud ei godau mynediad",
    "manage its API clients": "reoli ei gleientiaid API",
    "manage its services": "reoli ei wasanaethau",
    "propose an action in this partnership": "gynnig cam gwella yn y bartneriaeth hon",
    "review": "adolygu",
    "see its members": "weld ei aelodau",
    "see their failed sign-ins": "weld eu hymdrechion aflwyddiannus i fewngofnodi",
    "subscribe it to webhooks": "ei danysgrifio i fachau gwe",
    "take roles away": "dynnu rolau oddi ar bobl",
    "vote": "bleidleisio",
    "withdraw its invitations": "dynnu ei wahoddiadau yn ôl",
}


def _doing(value: str) -> str | None:
    if value in DOING_CY:
        return DOING_CY[value]
    # "make this action {target}": the status an action is moved to.
    match = re.fullmatch(r"make this action (.+)", value)
    if match:
        status = _from(ACTION_STATUS)(match.group(1))
        return f"symud y cam gwella hwn i '{status}'" if status else None
    return None


# "No {what} with that id is visible to you.", softened after "unrhyw".
_WHAT_CY = {
    "API client": "gleient API",
    "annotation": "nodyn",
    "indicator": "ddangosydd",
    "invitation": "wahoddiad",
    "service": "wasanaeth",
    "organisation": "sefydliad",
    "action": "gam gwella",
}


def _roles(value: str) -> str | None:
    """Roles joined by "neu", which softens the word after it ("staff neu reolwr")."""
    words = [_from(ROLE)(r) for r in value.split(" or ")]
    if None in words:
        return None
    return " neu ".join(w if i == 0 else soft_mutation(w) for i, w in enumerate(words) if w)


def _approvals(value: str) -> str:
    """A number of approvals: "cymeradwyaeth" (feminine) softens after 2, and takes the
    aspirate mutation after 6."""
    n = int(value)
    return f"{n} " + {2: "gymeradwyaeth", 6: "chymeradwyaeth"}.get(n, "cymeradwyaeth")


def _statuses(value: str) -> str | None:
    if value == "none (final)":
        return "dim (mae'n derfynol)"
    words = [_from(ACTION_STATUS)(s) for s in value.split(", ")]
    return None if None in words else ", ".join(f"'{w}'" for w in words if w)


# A version's status after "mae'r fersiwn" (a feminine noun; "yn" softens "drafft").
VERSION_IS_CY = {
    "draft": "yn ddrafft",
    "in_review": "yn cael ei hadolygu",
    "in review": "yn cael ei hadolygu",
    "published": "wedi'i chyhoeddi",
}


def _roles_softened(value: str) -> str | None:
    """Roles after "gan", which softens each of them."""
    words = [_from(ROLE)(r.strip()) for r in value.split(" or ")]
    if None in words:
        return None
    return " neu ".join(soft_mutation(w) for w in words if w)


class Template(NamedTuple):
    """An English message with values put in, as a pattern with named groups, and its Welsh
    as a format string over the same names; ``words`` translates the groups that are words."""

    pattern: re.Pattern[str]
    welsh: str
    words: Mapping[str, Translate]


def _t(english: str, welsh: str, **words: Translate) -> Template:
    return Template(re.compile(english), welsh, words)


_N = r"(?P<n>\d+)"
_IN_PROGRESS = ACTION_STATUS["in_progress"].cy
_ANY = r"(?P<value>.+)"

TEMPLATES: list[Template] = [
    _t(
        r"This invitation has been (?P<status>.+)\. Ask for a new one\.",
        "Mae'r gwahoddiad hwn {status}. Gofynnwch am un newydd.",
        status=_from(INVITATION_STATUS),
    ),
    _t(
        r"This invitation is already (?P<status>.+)\.",
        "Mae'r gwahoddiad hwn {status} eisoes.",
        status=_from(INVITATION_STATUS),
    ),
    _t(
        r"The action is (?P<status>.+); it no longer takes support\.",
        "Mae'r cam gwella {status}; nid yw'n derbyn cefnogaeth mwyach.",
        status=_from(ACTION_STATUS),
    ),
    _t(
        r"PDSA cycles run on agreed or in-progress actions; this one is (?P<status>.+)\.",
        "Mae cylchoedd PDSA yn rhedeg ar gamau gwella sydd wedi'u cytuno neu "
        + _IN_PROGRESS
        + "; mae hwn {status}.",
        status=_from(ACTION_STATUS),
    ),
    _t(
        rf"PDSA cycle {_N} is still open; act on it first\.",
        "Mae cylch PDSA {n} yn dal ar agor; gweithredwch arno yn gyntaf.",
    ),
    _t(
        rf"PDSA cycle {_N} is finished; start a new cycle\.",
        "Mae cylch PDSA {n} wedi gorffen; dechreuwch gylch newydd.",
    ),
    _t(
        r"the (?P<stage>\w+) stage needs its notes and date",
        "mae angen nodiadau a dyddiad ar y cam '{stage}'",
        stage=_table(_STAGES),
    ),
    _t(
        r"The (?P<stage>\w+) stage of this cycle is already recorded\.",
        "Mae'r cam '{stage}' yn y cylch hwn wedi'i gofnodi eisoes.",
        stage=_table(_STAGES),
    ),
    _t(
        r"Progress is reported on agreed or in-progress actions; this one is (?P<status>.+)\.",
        "Adroddir ar gynnydd camau gwella sydd wedi'u cytuno neu "
        + _IN_PROGRESS
        + "; mae hwn {status}.",
        status=_from(ACTION_STATUS),
    ),
    _t(
        r"The action is (?P<status>.+); its organisations are settled\.",
        "Mae'r cam gwella {status}; mae ei sefydliadau wedi'u pennu.",
        status=_from(ACTION_STATUS),
    ),
    _t(
        r"Your organisation has already (?P<state>\w+) its part\.",
        "Mae eich sefydliad wedi {state} ei ran eisoes.",
        state=_table(_PART_STATE),
    ),
    _t(
        r"evidence of kind (?P<kind>\S+) takes exactly: (?P<fields>.+)",
        "mae tystiolaeth o'r math {kind} yn cymryd yn union: {fields}",
    ),
    _t(
        r"Evidence of kind (?P<kind>\S+) takes exactly: (?P<fields>.+)",
        "Mae tystiolaeth o'r math {kind} yn cymryd yn union: {fields}",
    ),
    _t(
        r"The action is (?P<status>.+); it can no longer be edited\.",
        "Mae'r cam gwella {status}; ni ellir ei olygu mwyach.",
        status=_from(ACTION_STATUS),
    ),
    _t(
        r"An action that is (?P<current>.+) cannot become (?P<target>.+); it can next become: "
        r"(?P<nexts>.+)\.",
        "Ni all cam gwella symud o '{current}' i '{target}'; gall symud nesaf i: {nexts}.",
        current=_from(ACTION_STATUS),
        target=_from(ACTION_STATUS),
        nexts=_statuses,
    ),
    _t(r"at least (?P<n>\d+) characters", "o leiaf {n} nod"),
    _t(r"at most (?P<n>\d+) characters", "dim mwy na {n} nod"),
    _t(r"at least (?P<n>\S+)", "o leiaf {n}"),
    _t(r"at most (?P<n>\S+)", "dim mwy na {n}"),
    _t(r"choose one of: (?P<values>.+)", "dewiswch un o: {values}"),
    _t(
        r"not options of this question: (?P<values>.+)",
        "nid ydynt yn opsiynau i'r cwestiwn hwn: {values}",
    ),
    _t(
        rf"The record is at version {_N}; read it again and reapply your change\.",
        "Mae'r cofnod ar fersiwn {n}; darllenwch ef eto a gwnewch eich newid eto.",
    ),
    _t(
        r"Gwella cannot read charset=(?P<charset>\S+)\. It reads (?P<accepted>.+?)\. "
        r"(?P<save>In Excel.+)",
        "Ni all Gwella ddarllen charset={charset}. Mae'n darllen {accepted}. {save}",
        accepted=lambda v: ACCEPTED_CY if v == ACCEPTED_EN else None,
        save=lambda v: SAVE_AS_CY if v == SAVE_AS_EN else None,
    ),
    _t(
        r"NDJSON and FHIR files are JSON, which is UTF-8; charset=(?P<charset>\S+) is not\.",
        "Mae ffeiliau NDJSON a FHIR yn JSON, sydd yn UTF-8; nid yw charset={charset}.",
    ),
    _t(
        r"The file's lines end with a carriage return alone \(the old Macintosh CSV format\), "
        r"so Gwella cannot tell its rows apart\. (?P<save>.+)",
        "Mae llinellau'r ffeil yn gorffen â dychweliad cerbyd yn unig (hen fformat CSV "
        "Macintosh), felly ni all Gwella wahaniaethu rhwng ei rhesi. {save}",
        save=lambda v: SAVE_AS_CY if v == SAVE_AS_EN else None,
    ),
    _t(
        r"The file is UTF-16 \(Excel's “Unicode Text”\), which Gwella does not read\. It reads "
        r"(?P<accepted>.+?)\. (?P<save>In Excel.+)",
        "Mae'r ffeil yn UTF-16 (“Unicode Text” Excel), nad yw Gwella yn ei ddarllen. Mae'n "
        "darllen {accepted}. {save}",
        accepted=lambda v: ACCEPTED_CY if v == ACCEPTED_EN else None,
        save=lambda v: SAVE_AS_CY if v == SAVE_AS_EN else None,
    ),
    _t(
        r"NDJSON and FHIR files are JSON, which must be UTF-8; byte (?P<offset>\S+) "
        r"\(line (?P<line>\S+)\) is not valid UTF-8\.",
        "Mae ffeiliau NDJSON a FHIR yn JSON, y mae'n rhaid iddo fod yn UTF-8; nid yw beit "
        "{offset} (llinell {line}) yn UTF-8 dilys.",
    ),
    _t(
        r"The file is neither UTF-8 nor windows-1252 \(byte (?P<offset>\S+), line (?P<line>\S+), "
        r"is valid in neither\)\. Gwella reads (?P<accepted>.+?); declare another of these in "
        r"the Content-Type's charset\. (?P<save>In Excel.+)",
        "Nid yw'r ffeil yn UTF-8 nac yn windows-1252 (nid yw beit {offset}, llinell {line}, yn "
        "ddilys yn y naill na'r llall). Mae Gwella yn darllen {accepted}; nodwch un arall o'r "
        "rhain yn charset y Content-Type. {save}",
        accepted=lambda v: ACCEPTED_CY if v == ACCEPTED_EN else None,
        save=lambda v: SAVE_AS_CY if v == SAVE_AS_EN else None,
    ),
    _t(
        r"The file is not valid (?P<encoding>\S+): byte (?P<offset>\S+) \(line (?P<line>\S+)\) "
        r"is not\. Gwella reads (?P<accepted>.+?); declare the one the file is in, or save it "
        r"again\. (?P<save>In Excel.+)",
        "Nid yw'r ffeil yn {encoding} dilys: nid yw beit {offset} (llinell {line}). Mae Gwella "
        "yn darllen {accepted}; nodwch yr un y mae'r ffeil ynddo, neu cadwch hi eto. {save}",
        accepted=lambda v: ACCEPTED_CY if v == ACCEPTED_EN else None,
        save=lambda v: SAVE_AS_CY if v == SAVE_AS_EN else None,
    ),
    _t(
        r"The file is larger than (?P<n>\d+) bytes\.",
        "Mae'r ffeil yn fwy na {n} beit.",
    ),
    _t(
        r"An indicator with the code (?P<code>.+) already exists\.",
        "Mae dangosydd gyda'r cod {code} yn bodoli eisoes.",
    ),
    _t(
        r"This suggestion has been (?P<status>\w+)\.",
        "Mae'r awgrym hwn {status}.",
        status=_from(CONTRIBUTION_STATUS),
    ),
    _t(
        r"This contribution has already been (?P<status>\w+)\.",
        "Mae'r cyfraniad hwn {status} eisoes.",
        status=_from(CONTRIBUTION_STATUS),
    ),
    _t(r"the key (?P<key>.+) is used twice", "mae'r allwedd {key} wedi'i defnyddio ddwywaith"),
    _t(r"no section (?P<section>.+)", "nid oes adran {section}"),
    _t(
        r"(?P<value>'[^']*') is reserved; use allow_dont_know",
        "mae {value} wedi'i gadw; defnyddiwch allow_dont_know",
    ),
    _t(r"a (?P<type>\S+) question has no options", "nid oes opsiynau gan gwestiwn {type}"),
    _t(
        r"not answers of that question: (?P<values>.+)",
        "nid ydynt yn atebion i'r cwestiwn hwnnw: {values}",
    ),
    _t(
        r"Only a draft can be sent for review; this one is (?P<status>.+)\.",
        "Dim ond drafft y gellir ei anfon i'w adolygu; mae'r fersiwn hon {status}.",
        status=_table(VERSION_IS_CY),
    ),
    _t(
        r"This organisation already has an instrument with the code (?P<code>.+)\.",
        "Mae gan y sefydliad hwn arolwg gyda'r cod {code} eisoes.",
    ),
    _t(
        r"Another organisation already has the (?P<scheme>\S+) code (?P<code>.+)\.",
        "Mae gan sefydliad arall y cod {scheme} {code} eisoes.",
    ),
    _t(
        r"Another service of this organisation already has the code (?P<code>.+)\.",
        "Mae gan wasanaeth arall yn y sefydliad hwn y cod {code} eisoes.",
    ),
    _t(
        r"You need a role in the owning or a co-designing organisation to (?P<doing>.+)\.",
        "Mae angen rôl arnoch yn y sefydliad sy'n berchen arno neu mewn sefydliad sy'n "
        "cyd-ddylunio i {doing}.",
        doing=_doing,
    ),
    _t(
        r"Only administrators and managers of the organisation that decides can (?P<doing>.+)\.",
        "Dim ond gweinyddwyr a rheolwyr y sefydliad sy'n penderfynu all {doing}.",
        doing=_doing,
    ),
    _t(
        r"No (?P<what>.+) with that id is visible to you\.",
        NOT_VISIBLE.format("{what}"),
        what=_table(_WHAT_CY),
    ),
    _t(
        r"You need the role (?P<roles>.+) in this organisation to (?P<doing>.+)\.",
        "Mae angen y rôl {roles} arnoch yn y sefydliad hwn i {doing}.",
        roles=_roles,
        doing=_doing,
    ),
    _t(
        r"Only a platform administrator or an administrator of their organisation can "
        r"(?P<doing>.+)\.",
        "Dim ond gweinyddwr y platfform neu un o weinyddwyr eu sefydliad all {doing}.",
        doing=_doing,
    ),
    _t(
        r"Only platform administrators can (?P<doing>.+)\.",
        "Dim ond gweinyddwyr y platfform all {doing}.",
        doing=_doing,
    ),
    _t(
        r"This campaign does not take (?P<channel>\w+) responses\.",
        "Nid yw'r ymgyrch hon yn derbyn ymatebion {channel}.",
        channel=_table({"web": "ar y we", "paper": "papur", "partner": "gan systemau partner"}),
    ),
    _t(
        r"You already have (?P<held>\d+) live streams open, the most one person may hold "
        r"\((?P<most>\d+)\); close a tab, or try again later\.",
        "Mae gennych {held} ffrwd fyw ar agor eisoes, y nifer fwyaf y caiff un person ei dal "
        "({most}); caewch dab, neu rhowch gynnig arall arni'n nes ymlaen.",
    ),
    _t(
        r"This server already holds (?P<n>\d+) live streams, its most; try again in a moment\.",
        "Mae'r gweinydd hwn yn dal {n} ffrwd fyw eisoes, ei uchafswm; rhowch gynnig arall arni "
        "mewn munud.",
    ),
    # What stops publication: the reasons are translated one by one.
    _t(
        r"Publication is refused: (?P<reasons>.+)\.",
        "Gwrthodir cyhoeddi: {reasons}.",
        reasons=lambda v: _each(v.split("; ")),
    ),
    _t(
        r"the version is (?P<status>\w+), not in review",
        "mae'r fersiwn {status}, nid yn cael ei hadolygu",
        status=_table(VERSION_IS_CY),
    ),
    _t(
        r"(?P<n>\d+) approvals? from an? (?P<roles>.+) of the organisations the draft was opened "
        r"to (?:is|are) needed",
        "mae angen {n} gan {roles} o'r sefydliadau yr agorwyd y drafft iddynt",
        n=_approvals,
        roles=_roles_softened,
    ),
    _t(r"(?P<n>\d+) so far", "{n} hyd yma"),
    _t(
        r"(?P<n>\d+) approvals? (?:is|are) not counted: (?P<reason>.+)",
        "nid yw {n} yn cyfrif: {reason}",
        n=_approvals,
        reason=lambda v: translate(v),
    ),
    _t(
        r"given as (?P<given>.+), not an? (?P<roles>.+)",
        "fel {given}, nid fel {roles}",
        given=_from(ROLE),
        roles=_roles,
    ),
    _t(r"(?P<n>\d+) reviewers? asked for changes", "gofynnodd {n} adolygydd am newidiadau"),
]
"""Messages with values put in, tried in order after :data:`EXACT`."""


def _each(parts: list[str]) -> str | None:
    welsh = [translate(part) for part in parts]
    return None if None in welsh else "; ".join(w for w in welsh if w)


ACCEPTED_EN = (
    "UTF-8 (with or without a byte order mark; Excel's “CSV UTF-8”), windows-1252 "
    "(Excel's “CSV (Comma delimited)”; iso-8859-1 is read as windows-1252) or iso-8859-15"
)
ACCEPTED_CY = (
    "UTF-8 (gyda marc trefn beitiau neu hebddo; “CSV UTF-8” Excel), windows-1252 "
    "(“CSV (Comma delimited)” Excel; darllenir iso-8859-1 fel windows-1252) neu iso-8859-15"
)
SAVE_AS_EN = "In Excel, choose Save As, then “CSV UTF-8 (Comma delimited)”."
SAVE_AS_CY = "Yn Excel, dewiswch Cadw Fel, yna “CSV UTF-8 (Comma delimited)”."


def translate(english: str) -> str | None:
    """The Welsh of one of the service's messages, or None where there is none."""
    if english in EXACT:
        return EXACT[english]
    # A validator's words arrive with a capital (pydantic's "Value error, " taken off).
    lowered = english[:1].lower() + english[1:]
    if lowered != english and lowered in EXACT:
        welsh = EXACT[lowered]
        return welsh[:1].upper() + welsh[1:]
    for template in TEMPLATES:
        match = template.pattern.fullmatch(english)
        if match is None:
            continue
        values: dict[str, str] = {}
        for name, value in match.groupdict().items():
            words = template.words.get(name, _same)(value)
            if words is None:
                break
            values[name] = words
        else:
            return template.welsh.format(**values)
    return None
