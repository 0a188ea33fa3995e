"""An action rests on evidence that exists and that its proposer can see: a campaign's
results, one of its questions, a published comment, an indicator."""

from __future__ import annotations

from tests.actions.conftest import Team
from tests.factories import make_service
from tests.surveys import answer_publicly, make_campaign, make_published_version


async def test_evidence_from_a_survey_and_a_published_comment(team: Team) -> None:
    service = await make_service(team.session, team.orgs["board"], code="CMHT-E")
    version = await make_published_version(team.session, team.orgs["board"])
    campaign, links = await make_campaign(team.session, version, [service])
    # Five responses: staff see raw answers once released with at least four others.
    await answer_publicly(team.http, links[service.id].public_token, times=5)
    comments = await team.call("board_staff", "GET", f"/campaigns/{campaign.id}/comments")
    answer_id = comments.json()["items"][0]["answer_id"]

    evidence = [
        {"kind": "campaign_result", "campaign_id": str(campaign.id)},
        {"kind": "question", "campaign_id": str(campaign.id), "question_key": "involved"},
        {"kind": "indicator", "indicator_id": str(team.indicator.id)},
    ]
    # Until staff publish it, the comment cannot be quoted as evidence.
    r = await team.call(
        "forum_su",
        "POST",
        "/actions",
        json={
            "partnership_id": str(team.partnership.id),
            "title": {"en": "Listen"},
            "description": {"en": "As one person wrote"},
            "evidence": [*evidence, {"kind": "comment", "answer_id": answer_id}],
        },
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "body.evidence.3.answer_id"
    r = await team.call(
        "forum_su",
        "POST",
        "/actions",
        json={
            "partnership_id": str(team.partnership.id),
            "title": {"en": "Listen"},
            "description": {"en": "A question that is not there"},
            "evidence": [
                {"kind": "question", "campaign_id": str(campaign.id), "question_key": "nope"}
            ],
        },
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "body.evidence.0.question_key"
    assert await team.action_count() == 0

    published = await team.call(
        "board_staff",
        "POST",
        f"/answers/{answer_id}/moderation",
        json={"moderation": "published"},
    )
    assert published.status_code == 200, published.text
    action = await team.propose(
        origin="survey_finding",
        evidence=[*evidence, {"kind": "comment", "answer_id": answer_id}],
    )
    assert action["origin"] == "survey_finding"
    assert [(e["kind"], e["question_key"]) for e in action["evidence"]] == [
        ("campaign_result", None),
        ("question", "involved"),
        ("indicator", None),
        ("comment", None),
    ]
    assert action["evidence"][3]["answer_id"] == answer_id
