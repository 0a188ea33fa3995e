"""Who is calling, and the coarse rule every route declares (its route policy).

Below every domain: a route's dependency authenticates the caller (through the function the
app puts in ``app.state.authenticate``) and applies its :class:`RoutePolicy`; the record rules
of ``gwella.policy`` then decide per record.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Literal

from gwella.core.audit import AuditContext
from gwella.core.errors import Forbidden

SCOPE_READ = "read"


@dataclass(frozen=True)
class Principal:
    """The authenticated caller of one request."""

    kind: Literal["user", "api_client"]
    id: uuid.UUID
    label: str
    token_id: uuid.UUID
    audit: AuditContext
    is_platform_admin: bool = False
    roles: dict[uuid.UUID, frozenset[str]] = field(default_factory=dict)
    """Roles per organisation (an API client: its organisation with no roles)."""
    partnership_ids: frozenset[uuid.UUID] = frozenset()
    """Partnerships that any of the caller's organisations is an active member of."""
    partner_org_ids: frozenset[uuid.UUID] = frozenset()
    """Organisations sharing an active partnership with one of the caller's organisations."""
    scopes: frozenset[str] = frozenset()

    @property
    def is_user(self) -> bool:
        return self.kind == "user"

    @property
    def member_org_ids(self) -> frozenset[uuid.UUID]:
        return frozenset(self.roles)

    def orgs_with_role(self, *roles: str) -> frozenset[uuid.UUID]:
        return frozenset(org for org, held in self.roles.items() if held & set(roles))

    def has_role(self, org_id: uuid.UUID, *roles: str) -> bool:
        return bool(self.roles.get(org_id, frozenset()) & set(roles))


# --------------------------------------------------------------------------- route policies


@dataclass(frozen=True)
class RoutePolicy:
    name: str
    description: str
    authenticated: bool = True
    users_only: bool = False
    clients_only: bool = False
    platform_admin: bool = False
    client_scope: str | None = None
    """Unless ``users_only``, API clients may call the route when their token carries this
    scope (any API client when it is ``None``)."""

    def check(self, principal: Principal) -> None:
        if self.clients_only and principal.kind != "api_client":
            raise Forbidden("This operation is for partner systems: use an API client's token.")
        if principal.kind == "api_client":
            if self.users_only:
                raise Forbidden("API clients cannot use this operation.")
            if self.client_scope is not None and self.client_scope not in principal.scopes:
                raise Forbidden(f"This operation needs the scope {self.client_scope!r}.")
        if self.platform_admin and not principal.is_platform_admin:
            raise Forbidden("Only platform administrators can do this.")


SIGNED_IN = RoutePolicy("signed_in", "Any signed-in person", users_only=True)
READER = RoutePolicy(
    "reader", "Signed-in people, and API clients with the `read` scope", client_scope=SCOPE_READ
)
ANY_CALLER = RoutePolicy("any_caller", "Any valid token, a person's or an API client's")
RESPONSES_WRITER = RoutePolicy(
    "responses_writer",
    "API clients with the `responses:write` scope",
    clients_only=True,
    client_scope="responses:write",
)
MEASUREMENTS_WRITER = RoutePolicy(
    "measurements_writer",
    "API clients with the `measurements:write` scope",
    clients_only=True,
    client_scope="measurements:write",
)
RESPONSES_READER = RoutePolicy(
    "responses_reader",
    "API clients with the `responses:read` scope (the responses their organisation pushed)",
    clients_only=True,
    client_scope="responses:read",
)
MEASUREMENTS_READER = RoutePolicy(
    "measurements_reader",
    "API clients with the `measurements:read` scope (the measurements their organisation pushed)",
    clients_only=True,
    client_scope="measurements:read",
)
STAFF_OR_RESPONSES_READER = RoutePolicy(
    "staff_or_responses_reader",
    "Signed-in people (staff of the service), and API clients with the `responses:read` "
    "scope (what their organisation pushed)",
    client_scope="responses:read",
)
PLATFORM_ADMIN = RoutePolicy(
    "platform_admin", "Platform administrators only", users_only=True, platform_admin=True
)

POLICY_ATTRIBUTE = "__gwella_policy__"
"""Set on each route-policy dependency, so a test can prove every route declares one."""
