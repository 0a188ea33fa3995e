"""What stops a survey's publication is said in Welsh too (issue 17, item 2), one Welsh reason
for each English one, with plurals that read in both languages."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from tests.instruments.test_instruments import arrange, create


async def test_reasons_that_block_publication_are_given_in_welsh(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    setup = await arrange(client, session)
    version_id = (await create(setup)).json()["versions"][0]["id"]
    url = f"/api/v1/instrument-versions/{version_id}"

    draft = (await client.get(f"{url}/review", headers=setup.headers["editor"])).json()
    assert len(draft["blocking_reasons_cy"]) == len(draft["blocking_reasons"]) == 3
    assert draft["blocking_reasons_cy"] == [
        "mae'r fersiwn yn ddrafft, nid yn cael ei hadolygu",
        "nid yw'r drafft wedi'i agor i unrhyw sefydliad heblaw ei berchennog ar gyfer "
        "cyd-ddylunio, a dim ond cymeradwyaeth eu haelodau nhw sy'n cyfrif",
        "mae angen 1 cymeradwyaeth gan ddefnyddiwr gwasanaeth neu ofalwr o'r sefydliadau yr "
        "agorwyd y drafft iddynt; 0 hyd yma",
    ]
    assert "1 approval from a service user or carer" in draft["blocking_reasons"][2]
    assert " is needed; 0 so far" in draft["blocking_reasons"][2]
    assert not any("(s)" in reason for reason in draft["blocking_reasons"])

    await client.put(
        f"{url}/codesign",
        headers=setup.headers["editor"],
        json={"open": False, "organisation_ids": [str(setup.forum.id)]},  # type: ignore[attr-defined]
    )
    await client.post(f"{url}/review-requests", headers=setup.headers["editor"])
    inside = await client.post(
        f"{url}/reviews", headers=setup.headers["board_su"], json={"decision": "approved"}
    )
    assert inside.status_code == 201, inside.text
    changes = await client.post(
        f"{url}/reviews",
        headers=setup.headers["su"],
        json={"decision": "changes_requested", "comment": "Too long"},
    )
    state = changes.json()
    assert state["blocking_reasons"][1:] == [
        "1 approval is not counted: given outside the organisations the draft was opened to "
        "for co-design",
        "1 reviewer asked for changes",
    ]
    assert state["blocking_reasons_cy"][1:] == [
        "nid yw 1 cymeradwyaeth yn cyfrif: y tu allan i'r sefydliadau yr agorwyd y drafft "
        "iddynt ar gyfer cyd-ddylunio",
        "gofynnodd 1 adolygydd am newidiadau",
    ]


def test_roles_mutate_after_gan_and_neu_but_not_after_fel() -> None:
    """ "gan" and "neu" soften the word after them; "fel" does not."""
    from gwella.instruments.review import _roles_cy  # the wording itself, without a database

    roles = ["service_user", "carer"]
    assert _roles_cy(roles) == "ddefnyddiwr gwasanaeth neu ofalwr"
    assert _roles_cy(roles, after_gan=False) == "defnyddiwr gwasanaeth neu ofalwr"
