"""What co-design tells people, in English and Welsh: being invited to help design a survey, a
new suggestion on a draft, a review asked for, an approval or a request for changes, and a
suggestion accepted or declined. Only the words, the link and the record live here; who hears
is decided where the event happens (``gwella.instruments.routes.notices``). Roles are named
from the one vocabulary (:func:`gwella.core.vocabulary.someone`)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from gwella.core.vocabulary import label, someone
from gwella.instruments.models import (
    Contribution,
    ContributionKind,
    Instrument,
    InstrumentVersion,
    ReviewDecision,
)

Pair = tuple[str, str]
"""A text in English and in Welsh."""

EXCERPT = 200
"""How much of someone's suggestion a notification quotes."""


@dataclass(frozen=True)
class Notice:
    """One notification, before it is sent to anyone."""

    kind: str
    title: Pair
    body: Pair
    link: str
    record_type: str
    record_id: uuid.UUID

    @property
    def texts(self) -> dict[str, dict[str, str]]:
        return {
            "title": {"en": self.title[0], "cy": self.title[1]},
            "body": {"en": self.body[0], "cy": self.body[1]},
        }


def title_of(instrument: Instrument) -> Pair:
    """The survey's title in English and Welsh, each falling back on the other."""
    en = str(instrument.title.get("en") or instrument.title.get("cy") or instrument.code)
    cy = str(instrument.title.get("cy") or instrument.title.get("en") or instrument.code)
    return en[:EXCERPT], cy[:EXCERPT]


def _page(version: InstrumentVersion) -> str:
    return f"/instrument-versions/{version.id}"


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= EXCERPT else text[: EXCERPT - 1] + '…'}”"


def invited(
    instrument: Instrument, version: InstrumentVersion, owner: Pair, *, open_: bool
) -> Notice:
    """Your organisation is invited to co-design the draft (open now for suggestions, or, if
    not, to read it and review it when it is sent for review)."""
    en, cy = title_of(instrument)
    if open_:
        body = (
            f"{owner[0]} has opened its draft to your organisation for co-design. Suggest "
            "questions or topics, comment on the draft and vote for the suggestions you "
            "want to see.",
            f"Mae {owner[1]} wedi agor ei drafft i'ch sefydliad ar gyfer cyd-ddylunio. "
            "Awgrymwch gwestiynau neu bynciau, rhowch sylwadau ar y drafft a phleidleisiwch "
            "dros yr awgrymiadau yr hoffech eu gweld.",
        )
    else:
        body = (
            f"{owner[0]} has invited your organisation to read its draft and to review it "
            "when it is sent for review.",
            f"Mae {owner[1]} wedi gwahodd eich sefydliad i ddarllen ei drafft ac i'w adolygu "
            "pan gaiff ei anfon i'w adolygu.",
        )
    return Notice(
        kind="codesign.invited",
        title=(
            f"Your organisation is invited to help design a survey: {en}",
            f"Gwahoddir eich sefydliad i helpu i lunio arolwg: {cy}",
        ),
        body=body,
        link=_page(version),
        record_type="instrument_version",
        record_id=version.id,
    )


def opened(instrument: Instrument, version: InstrumentVersion, owner: Pair) -> Notice:
    """A draft your organisation was already invited to is now open for suggestions."""
    en, cy = title_of(instrument)
    return Notice(
        kind="codesign.opened",
        title=(f"Open for your suggestions: {en}", f"Ar agor i'ch awgrymiadau: {cy}"),
        body=invited(instrument, version, owner, open_=True).body,
        link=_page(version),
        record_type="instrument_version",
        record_id=version.id,
    )


# What someone in a role did, after the role's words: (English, Welsh object, softened).
_CONTRIBUTED = {
    ContributionKind.question: ("suggested a question", "gwestiwn"),
    ContributionKind.topic: ("suggested a topic", "bwnc"),
    ContributionKind.comment: ("commented on a question", "sylw ar gwestiwn"),
}


def contributed(
    instrument: Instrument, version: InstrumentVersion, contribution: Contribution
) -> Notice:
    """A new suggestion (or comment) on a draft, for the people who write it."""
    en, cy = title_of(instrument)
    role = contribution.author_role
    did_en, thing_cy = _CONTRIBUTED[contribution.kind]
    # Welsh puts the verb first; its subject keeps its radical form, its object softens.
    verb_cy = "Rhoddodd" if contribution.kind is ContributionKind.comment else "Awgrymodd"
    if contribution.kind is ContributionKind.comment:
        title = (f"New comment on your draft: {en}", f"Sylw newydd ar eich drafft: {cy}")
    else:
        title = (f"New suggestion on your draft: {en}", f"Awgrym newydd ar eich drafft: {cy}")
    quote = _quote(contribution.body)
    return Notice(
        kind="codesign.contribution_added",
        title=title,
        body=(
            f"{label(someone(role, 'en'))} {did_en}: {quote}",
            f"{verb_cy} {someone(role, 'cy')} {thing_cy}: {quote}",
        ),
        link=_page(version),
        record_type="contribution",
        record_id=contribution.id,
    )


def decided(
    instrument: Instrument,
    version: InstrumentVersion,
    contribution: Contribution,
    *,
    accepted: bool,
    reason: str | None,
) -> Notice:
    """Your suggestion was accepted into the draft, or declined (with the reason given)."""
    en, cy = title_of(instrument)
    quote = _quote(contribution.body)
    if accepted:
        title = (f"Your suggestion was accepted: {en}", f"Derbyniwyd eich awgrym: {cy}")
        body_en = f"Your suggestion {quote} is now a question in the draft."
        body_cy = f"Mae eich awgrym {quote} yn gwestiwn yn y drafft bellach."
    else:
        title = (f"Your suggestion was declined: {en}", f"Gwrthodwyd eich awgrym: {cy}")
        body_en = f"Your suggestion {quote} was not added to the draft."
        body_cy = f"Nid ychwanegwyd eich awgrym {quote} at y drafft."
    if reason:
        body_en += f" The reason given: {reason}"
        body_cy += f" Y rheswm a roddwyd: {reason}"
    return Notice(
        kind=f"codesign.contribution_{'accepted' if accepted else 'declined'}",
        title=title,
        body=(body_en, body_cy),
        link=_page(version),
        record_type="contribution",
        record_id=contribution.id,
    )


def review_requested(instrument: Instrument, version: InstrumentVersion, owner: Pair) -> Notice:
    """A draft is sent for review: for those whose approval would count."""
    en, cy = title_of(instrument)
    return Notice(
        kind="codesign.review_requested",
        title=(f"Your review is asked for: {en}", f"Gofynnir am eich adolygiad: {cy}"),
        body=(
            f"{owner[0]} asks you to review this survey before it is published: approve it, "
            "or ask for changes.",
            f"Mae {owner[1]} yn gofyn i chi adolygu'r arolwg hwn cyn ei gyhoeddi: "
            "cymeradwywch ef, neu gofynnwch am newidiadau.",
        ),
        link=_page(version),
        record_type="instrument_version",
        record_id=version.id,
    )


def reviewed(
    instrument: Instrument,
    version: InstrumentVersion,
    *,
    decision: ReviewDecision,
    reviewer_role: str,
    comment: str | None,
    blocking: Pair | None,
) -> Notice:
    """A reviewer approved the version or asked for changes: for those who asked for review.
    ``blocking`` is what still stops publication, in each language (None: nothing)."""
    en, cy = title_of(instrument)
    who_en, who_cy = someone(reviewer_role, "en"), someone(reviewer_role, "cy")
    if decision is ReviewDecision.approved:
        kind = "codesign.approved"
        title = (
            f"Approved by {who_en}: {en}",
            f"Wedi'i gymeradwyo gan {someone(reviewer_role, 'cy', softened=True)}: {cy}",
        )
        if blocking is None:
            body_en, body_cy = "It can now be published.", "Gellir ei gyhoeddi nawr."
        else:
            body_en = f"Before it can be published: {blocking[0]}."
            body_cy = f"Cyn y gellir ei gyhoeddi: {blocking[1]}."
        if comment:
            body_en = f"{label(who_en)} wrote: {_quote(comment)} {body_en}"
            body_cy = f"Ysgrifennodd {who_cy}: {_quote(comment)} {body_cy}"
    else:
        kind = "codesign.changes_requested"
        title = (
            f"Changes asked for by {who_en}: {en}",
            f"Gofynnodd {who_cy} am newidiadau: {cy}",
        )
        body_en = f"{label(who_en)} asks for these changes: {_quote(comment or '')}"
        body_cy = f"Mae {who_cy} yn gofyn am y newidiadau hyn: {_quote(comment or '')}"
    return Notice(
        kind=kind,
        title=title,
        body=(body_en, body_cy),
        link=_page(version),
        record_type="instrument_version",
        record_id=version.id,
    )


def published(instrument: Instrument, version: InstrumentVersion) -> Notice:
    """The survey someone helped design (by suggesting, commenting, voting or reviewing) is
    published: the end of the co-design loop."""
    en, cy = title_of(instrument)
    return Notice(
        kind="codesign.published",
        title=(
            f"A survey you helped design is published: {en}",
            f"Mae arolwg y gwnaethoch chi helpu i'w lunio wedi'i gyhoeddi: {cy}",
        ),
        body=(
            "Thank you for helping to design it. Its page shows which questions came from "
            "co-design.",
            "Diolch am helpu i'w lunio. Mae ei dudalen yn dangos pa gwestiynau a ddaeth o "
            "gyd-ddylunio.",
        ),
        link=_page(version),
        record_type="instrument_version",
        record_id=version.id,
    )
