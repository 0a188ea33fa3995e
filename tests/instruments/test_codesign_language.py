"""A co-design suggestion records the language it was written in (issue 17), so accepting a
Welsh one puts its words in the question's Welsh text, not in the English."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from tests.instruments.test_instruments import arrange, create


async def test_a_welsh_suggestion_keeps_its_language_through_acceptance(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    setup = await arrange(client, session)
    version_id = (await create(setup)).json()["versions"][0]["id"]
    url = f"/api/v1/instrument-versions/{version_id}"
    opened = await client.put(
        f"{url}/codesign",
        headers=setup.headers["editor"],
        json={"open": True, "organisation_ids": [str(setup.forum.id)]},  # type: ignore[attr-defined]
    )
    assert opened.status_code == 200
    welsh = "Oeddech chi'n gallu siarad Cymraeg â'r tîm?"
    made = await client.post(
        f"{url}/contributions",
        headers=setup.headers["su"],
        json={"kind": "question", "body": welsh, "language": "cy"},
    )
    assert made.status_code == 201, made.text
    assert made.json()["language"] == "cy"
    unsaid = await client.post(
        f"{url}/contributions",
        headers=setup.headers["su"],
        json={"kind": "topic", "body": "Parking"},
    )
    assert unsaid.json()["language"] is None  # not recorded: no guess
    wrong = await client.post(
        f"{url}/contributions",
        headers=setup.headers["su"],
        json={"kind": "topic", "body": "Parcio", "language": "fr"},
    )
    assert wrong.status_code == 422

    listed = await client.get(f"{url}/contributions?kind=question", headers=setup.headers["editor"])
    assert [(c["body"], c["language"]) for c in listed.json()["items"]] == [(welsh, "cy")]
    accepted = await client.post(
        f"/api/v1/contributions/{made.json()['id']}/accept",
        headers=setup.headers["editor"],
        json={
            "question": {
                "key": "siarad_cymraeg_a_r_tim",
                "type": "yes_no",
                "text": {"cy": welsh, "en": "Could you speak Welsh with the team?"},
            }
        },
    )
    assert accepted.status_code == 200, accepted.text
    added = (await client.get(url, headers=setup.headers["editor"])).json()["content"]["questions"][
        -1
    ]
    assert added["text"]["cy"] == welsh
    assert added["key"] == "siarad_cymraeg_a_r_tim"
