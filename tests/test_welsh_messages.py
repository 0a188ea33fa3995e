"""Every message the service raises for people has its Welsh (issue 17 item 2: "server
messages ... stay English"). The source is walked for the messages of its errors, field
problems and validators; a message with no Welsh in ``gwella.core.messages_cy`` (and not left
in English on purpose, for partner systems or operators) fails here. Then a few real refusals
are asked for over HTTP with and without ``Accept-Language: cy``."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core import i18n, messages_cy
from tests.core.test_http_conventions import assert_problem
from tests.instruments.test_instruments import arrange, create, text

ROOT = Path(__file__).resolve().parents[1] / "backend" / "gwella"

ERRORS = {
    "BadRequest",
    "Conflict",
    "Forbidden",
    "Gone",
    "GwellaError",
    "InvalidCursor",
    "NotFound",
    "PayloadTooLarge",
    "PreconditionFailed",
    "PreconditionRequired",
    "RateLimited",
    "ServiceUnavailable",
    "Unauthenticated",
    "UnsupportedMediaType",
    "ValidationFailed",
}
"""The problems of ``gwella.core.errors``: their first argument is the detail people read."""


@dataclass(frozen=True)
class Message:
    text: str
    fstring: bool
    where: str
    values: tuple[str, ...] = ()
    """An f-string's expressions, in order (their source)."""


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _message_args(call: ast.Call) -> list[ast.expr]:
    """The arguments of ``call`` that are messages for people."""
    name = _name(call.func)
    found: list[ast.expr] = []
    if name in ERRORS or name == "ValueError":
        found += call.args[:1]
    elif name == "PydanticCustomError":
        found += call.args[1:2]
    elif name == "invalid":  # actions.rules.invalid(field, message, detail)
        found += call.args[1:3]
    elif name == "problem":  # instruments.content: problem(path, message)
        found += call.args[1:2]
    if name == "FieldProblem" or name in ERRORS:
        found += [k.value for k in call.keywords if k.arg in ("message", "detail")]
    return found


def _returned_message(node: ast.Return) -> list[ast.expr]:
    """``return None, "message"``: an answer's check saying what is wrong with it
    (responses.validation), which becomes a field message."""
    value = node.value
    if isinstance(value, ast.Tuple) and len(value.elts) == 2:
        first, second = value.elts
        is_none = isinstance(first, ast.Constant) and first.value is None
        if is_none and not (isinstance(second, ast.Constant) and second.value is None):
            return [second]
    return []


def messages() -> list[Message]:
    """The messages raised in backend/gwella (FHIR's OperationOutcomes left out: they are
    for partner systems): string literals, module constants passed by name, f-strings."""
    trees = {
        path: ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(ROOT.rglob("*.py"))
        if "fhir" not in path.relative_to(ROOT).parts
    }
    constants: dict[str, str] = {}
    for tree in trees.values():
        for node in tree.body:
            if (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id.isupper()
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                constants[node.targets[0].id] = node.value.value
    found: dict[tuple[str, bool], Message] = {}
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                args = _message_args(node)
            elif isinstance(node, ast.Return):
                args = _returned_message(node)
            else:
                continue
            for arg in args:
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                message: Message | None = None
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    message = Message(arg.value, False, where)
                elif (constant := _name(arg)) in constants:
                    message = Message(constants[str(constant)], False, where)
                elif isinstance(arg, ast.JoinedStr):
                    parts, values = [], []
                    for piece in arg.values:
                        if isinstance(piece, ast.Constant):
                            parts.append(str(piece.value))
                        else:
                            assert isinstance(piece, ast.FormattedValue)
                            parts.append("{}")
                            values.append(ast.unparse(piece.value))
                    message = Message("".join(parts), True, where, tuple(values))
                if message is not None:
                    found.setdefault((message.text, message.fstring), message)
    return list(found.values())


# Values an f-string's expressions take, by their source: words Gwella puts in (statuses,
# roles, stages) must be translated, so each is tried with a real one. Others are numbers,
# codes or names that stay as they are.
SAMPLES = {
    "status": "revoked",
    "invitation_status(invitation)": "expired",
    "action.status.value": "completed",
    "current.value": "completed",
    "target.value": "agreed",
    "nexts": "agreed, in_progress",
    "name": "study",
    "row.state.value": "accepted",
    "self.kind.value": "survey_finding",
    "', '.join(sorted(needed))": "campaign_id, question_key",
    "contribution.status.value": "declined",
    "version.status.value": "published",
    "q.type.value": "yes_no",
    "doing": "change its review rule",
    "what": "indicator",
    "' or '.join(roles)": "staff or manager",
    "channel.value": "paper",
    "ACCEPTED": messages_cy.ACCEPTED_EN,
    "SAVE_AS": messages_cy.SAVE_AS_EN,
    "charset": "utf-16",
    "encoding": "iso-8859-15",
    "DONT_KNOW": "'dont_know'",
    "unknown": "'maybe'",
    "', '.join(allowed or ())": "yes, no",
    "', '.join(unknown)": "often, never",
}


def _render(message: Message) -> str:
    pieces = message.text.split("{}")
    out = pieces[0]
    for value, piece in zip(message.values, pieces[1:], strict=True):
        out += SAMPLES.get(value, "7") + piece
    return out


def _untranslated() -> list[str]:
    missing = []
    for message in messages():
        module = message.where.split(":")[0]
        if message.text in messages_cy.PARTNER_ONLY or module in messages_cy.PARTNER_ONLY_MODULES:
            continue
        english = _render(message) if message.fstring else message.text
        if messages_cy.translate(english) is None:
            missing.append(f"{message.where}: {english!r}")
    return missing


def test_the_walk_finds_the_messages_people_meet() -> None:
    found = messages()
    literal = [m for m in found if not m.fstring]
    templated = [m for m in found if m.fstring]
    # The walk is not vacuous: the service raises a couple of hundred distinct messages.
    assert len(literal) > 200, len(literal)
    assert len(templated) > 50, len(templated)
    texts = {m.text for m in found}
    assert "Reviews are given on a version that is in review." in texts
    assert "You need the role {} in this organisation to {}." in texts
    assert "an option is chosen twice" in texts  # an answer's check, returned


def test_every_message_for_people_has_its_welsh() -> None:
    missing = _untranslated()
    assert not missing, "no Welsh in gwella.core.messages_cy for:\n" + "\n".join(missing)


def test_the_messages_left_in_english_are_still_raised() -> None:
    """A skipped message that no longer exists is a stale excuse."""
    texts = {m.text for m in messages()}
    stale = [t for t in messages_cy.PARTNER_ONLY if t not in texts]
    assert not stale, stale


def test_a_new_english_message_without_welsh_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check can fail: take one message's Welsh away and it is reported."""
    exact = dict(messages_cy.EXACT)
    del exact["Reviews are given on a version that is in review."]
    monkeypatch.setattr(messages_cy, "EXACT", exact)
    templates = [
        t for t in messages_cy.TEMPLATES if "Only a draft can be sent" not in t.pattern.pattern
    ]
    monkeypatch.setattr(messages_cy, "TEMPLATES", templates)
    missing = "\n".join(_untranslated())
    assert "Reviews are given on a version that is in review." in missing
    assert "Only a draft can be sent for review; this one is published." in missing


@pytest.mark.parametrize(
    ("english", "welsh"),
    [
        (
            "Publication is refused: the version is draft, not in review.",
            "Gwrthodir cyhoeddi: mae'r fersiwn yn ddrafft, nid yn cael ei hadolygu.",
        ),
        (
            "Publication is refused: 2 approvals from a service user or carer of the "
            "organisations the draft was opened to are needed; 0 so far; 1 approval is not "
            "counted: given as staff, not a service user or carer.",
            "Gwrthodir cyhoeddi: mae angen 2 gymeradwyaeth gan ddefnyddiwr gwasanaeth neu "
            "ofalwr o'r sefydliadau yr agorwyd y drafft iddynt; 0 hyd yma; nid yw 1 "
            "cymeradwyaeth yn cyfrif: fel staff, nid fel defnyddiwr gwasanaeth neu ofalwr.",
        ),
        ("at most 200 characters", "dim mwy na 200 nod"),
        (
            "You need the role staff or manager in this organisation to vote.",
            "Mae angen y rôl staff neu reolwr arnoch yn y sefydliad hwn i bleidleisio.",
        ),
        (
            "The action is completed; it can no longer be edited.",
            "Mae'r cam gwella wedi'i gwblhau; ni ellir ei olygu mwyach.",
        ),
        (
            "Write it in English or Welsh (or both)",
            "Ysgrifennwch ef yn Gymraeg neu'n Saesneg (neu'r ddwy)",
        ),
        (
            "No indicator with that id is visible to you.",
            "Ni allwch weld unrhyw ddangosydd â'r dynodwr hwnnw.",
        ),
    ],
)
def test_values_that_are_words_are_put_into_the_welsh(english: str, welsh: str) -> None:
    assert i18n.rule_message(english, welsh=True) == welsh
    assert i18n.rule_message(english, welsh=False) == english


def test_a_value_gwella_has_no_words_for_leaves_the_english_whole() -> None:
    """Half a sentence in each language is worse than the English: a status Gwella does not
    know keeps the whole message in English."""
    english = "The action is on_holiday; it can no longer be edited."
    assert messages_cy.translate(english) is None
    assert i18n.rule_message(english, welsh=True) == english


WELSH = {"Accept-Language": "cy"}
ENGLISH_WORDS = re.compile(r"\b(the|is|you|this|not|with|organisation|version)\b", re.I)


def _assert_welsh(body: dict[str, object], response: httpx.Response) -> None:
    assert response.headers["content-language"] == "cy"
    texts = [str(body["detail"])] + [str(e["message"]) for e in body.get("errors") or []]  # type: ignore[attr-defined]
    for words in texts:
        assert not ENGLISH_WORDS.search(words), words


async def test_refusals_come_back_in_welsh_for_a_welsh_page_and_in_english_otherwise(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    setup = await arrange(client, session)
    made = await create(setup)
    assert made.status_code == 201, made.text
    url = f"/api/v1/instrument-versions/{made.json()['versions'][0]['id']}"
    editor = setup.headers["editor"]

    # 409: publishing a draft that was never sent for review.
    english = assert_problem(await client.post(f"{url}/publish", headers=editor), 409, "conflict")
    assert english["detail"].startswith("Publication is refused: the version is draft")
    refused = await client.post(f"{url}/publish", headers={**editor, **WELSH})
    welsh = assert_problem(refused, 409, "conflict")
    assert welsh["title"] == "Gwrthdaro"
    assert welsh["detail"].startswith(
        "Gwrthodir cyhoeddi: mae'r fersiwn yn ddrafft, nid yn cael ei hadolygu"
    )
    _assert_welsh(welsh, refused)

    # 403: the author may not review their own version.
    await client.post(f"{url}/review-requests", headers=editor)
    own = await client.post(
        f"{url}/reviews", headers={**editor, **WELSH}, json={"decision": "approved"}
    )
    body = assert_problem(own, 403, "forbidden")
    assert body["detail"].startswith("Chi a greodd neu a newidiodd y fersiwn hon")
    _assert_welsh(body, own)
    own_en = await client.post(f"{url}/reviews", headers=editor, json={"decision": "approved"})
    assert assert_problem(own_en, 403, "forbidden")["detail"].startswith(
        "You created or changed this version"
    )
    assert own_en.headers["content-language"] == "en"

    # 404: a version nobody can see.
    missing = "/api/v1/instrument-versions/00000000-0000-4000-8000-000000000000"
    nothing = await client.get(missing, headers={**editor, **WELSH})
    body = assert_problem(nothing, 404, "not-found")
    assert body["detail"] == "Ni allwch weld unrhyw fersiwn o arolwg â'r dynodwr hwnnw."
    _assert_welsh(body, nothing)
    english_404 = await client.get(missing, headers=editor)
    assert assert_problem(english_404, 404, "not-found")["detail"] == (
        "No instrument version with that id is visible to you."
    )


async def test_a_validators_own_rule_and_the_field_problems_are_in_welsh(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    setup = await arrange(client, session)
    board = setup.board  # type: ignore[attr-defined]
    editor = setup.headers["editor"]

    def instrument(title: dict[str, str], question_text: dict[str, str]) -> dict[str, object]:
        return {
            "organisation_id": str(board.id),
            "code": "blank",
            "title": title,
            "content": {
                "sections": [],
                "questions": [{"key": "q1", "type": "yes_no", "text": question_text}],
            },
        }

    # A value_error of the service's own validator: a question written in neither language.
    blank = instrument(text("Help", "Cymorth"), {"en": "  ", "cy": ""})
    r = await client.post("/api/v1/instruments", headers={**editor, **WELSH}, json=blank)
    body = assert_problem(r, 422, "validation-failed")
    assert body["detail"] == i18n.VALIDATION_DETAIL_CY
    said = [e["message"] for e in body["errors"] if e["field"].endswith(".text")]
    assert said == ["Ysgrifennwch ef yn Gymraeg neu'n Saesneg (neu'r ddwy)"], body
    _assert_welsh(body, r)
    r_en = await client.post("/api/v1/instruments", headers=editor, json=blank)
    body_en = assert_problem(r_en, 422, "validation-failed")
    said = [e["message"] for e in body_en["errors"] if e["field"].endswith(".text")]
    assert said == ["Write it in English or Welsh (or both)"]
    assert r_en.headers["content-language"] == "en"

    # The service's own rule with field problems: the title in one language only.
    one = instrument({"en": "Help"}, text("Did it help?", "Oedd o gymorth?"))
    r = await client.post("/api/v1/instruments", headers={**editor, **WELSH}, json=one)
    body = assert_problem(r, 422, "validation-failed")
    assert body["detail"] == "Rhowch y teitl ym mhob iaith."
    assert {e["message"] for e in body["errors"]} == {"ar goll yn yr iaith hon"}
    _assert_welsh(body, r)
    r_en = await client.post("/api/v1/instruments", headers=editor, json=one)
    body_en = assert_problem(r_en, 422, "validation-failed")
    assert body_en["detail"] == "Give the title in each language."
    assert {e["message"] for e in body_en["errors"]} == {"missing in this language"}
