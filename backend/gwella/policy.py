"""Who may read or change what: the one place record-level authorisation is decided.

Two layers decide together:

* **Route policies** (``gwella.core.principal.RoutePolicy``): every route declares one with
  ``gwella.core.dependencies``. It authenticates the caller and applies the coarse rule
  (public, any signed-in person, platform administrators, API clients with a scope). A test
  walks the app's routes and fails on any route without one.
* **Record rules** (the ``can_*`` / ``ensure_*`` functions, here): called with the record's
  organisation or partnership, decide by role, organisation and partnership. A record that the
  caller may not even see is reported as 404, so existence does not leak across organisations.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from gwella.core.errors import Forbidden, NotFound
from gwella.core.principal import Principal

ROLE_SERVICE_USER = "service_user"
ROLE_CARER = "carer"
ROLE_STAFF = "staff"
ROLE_MANAGER = "manager"
ROLE_ADMIN = "admin"


# --------------------------------------------------------------------------- record rules


def visible_org_ids(p: Principal) -> frozenset[uuid.UUID] | None:
    """Organisations whose records the caller may read; ``None`` means all."""
    if p.is_platform_admin:
        return None
    return p.member_org_ids | p.partner_org_ids


def can_read_org(p: Principal, org_id: uuid.UUID) -> bool:
    visible = visible_org_ids(p)
    return visible is None or org_id in visible


def ensure_read_org(p: Principal, org_id: uuid.UUID, what: str = "organisation") -> None:
    if not can_read_org(p, org_id):
        raise NotFound(f"No {what} with that id is visible to you.")


def _ensure_role(p: Principal, org_id: uuid.UUID, roles: Iterable[str], doing: str) -> None:
    ensure_read_org(p, org_id)
    if p.is_platform_admin:
        return
    if not p.is_user or not p.has_role(org_id, *roles):
        raise Forbidden(f"You need the role {' or '.join(roles)} in this organisation to {doing}.")


def ensure_admin_org(p: Principal, org_id: uuid.UUID, doing: str) -> None:
    """Organisation administrators (and platform administrators)."""
    _ensure_role(p, org_id, (ROLE_ADMIN,), doing)


def ensure_manage_services(p: Principal, org_id: uuid.UUID) -> None:
    _ensure_role(p, org_id, (ROLE_ADMIN, ROLE_MANAGER), "manage its services")


def ensure_see_members(p: Principal, org_id: uuid.UUID) -> None:
    _ensure_role(p, org_id, (ROLE_ADMIN, ROLE_MANAGER), "see its members")


def admin_org_ids(p: Principal) -> frozenset[uuid.UUID] | None:
    """Organisations the caller administers; ``None`` means all (platform admin)."""
    if p.is_platform_admin:
        return None
    return p.orgs_with_role(ROLE_ADMIN) if p.is_user else frozenset()


def audit_org_ids(p: Principal) -> frozenset[uuid.UUID] | None:
    """Organisations whose audit trail the caller may read: those they administer or manage
    (staff, service users and carers read none). ``None`` means all."""
    if p.is_platform_admin:
        return None
    return p.orgs_with_role(ROLE_ADMIN, ROLE_MANAGER)


def audit_scope(
    p: Principal, partnerships_of_audit_orgs: frozenset[uuid.UUID]
) -> tuple[frozenset[uuid.UUID], frozenset[uuid.UUID]] | None:
    """Audit events the caller may read: those of organisations they administer or manage and
    of the partnerships *those* organisations are active members of (give their ids; not the
    partnerships of organisations where the caller is only staff or a service user). ``None``
    means all."""
    orgs = audit_org_ids(p)
    if orgs is None:
        return None
    return orgs, partnerships_of_audit_orgs & p.partnership_ids


def can_read_partnership(p: Principal, partnership_id: uuid.UUID) -> bool:
    return p.is_platform_admin or partnership_id in p.partnership_ids


def ensure_read_partnership(p: Principal, partnership_id: uuid.UUID) -> None:
    if not can_read_partnership(p, partnership_id):
        raise NotFound("No partnership with that id is visible to you.")


def ensure_change_partnership(
    p: Principal, partnership_id: uuid.UUID, member_org_ids: Iterable[uuid.UUID]
) -> None:
    """Administrators of an active member organisation may change a partnership."""
    ensure_read_partnership(p, partnership_id)
    if p.is_platform_admin:
        return
    if not p.orgs_with_role(ROLE_ADMIN) & set(member_org_ids):
        raise Forbidden("Only administrators of a member organisation can change a partnership.")


def ensure_remove_partner(p: Principal, partnership_id: uuid.UUID, org_id: uuid.UUID) -> None:
    """An organisation leaves by its own administrators' decision (or a platform admin's)."""
    ensure_read_partnership(p, partnership_id)
    if p.is_platform_admin or p.has_role(org_id, ROLE_ADMIN):
        return
    raise Forbidden("Only that organisation's administrators can take it out of a partnership.")


def ensure_create_partnership(p: Principal, org_ids: Iterable[uuid.UUID]) -> None:
    """No organisation is put into a partnership without its consent: a person creating one
    must administer every founding organisation (platform administrators may form any)."""
    if p.is_platform_admin:
        return
    wanted = set(org_ids)
    if not wanted:
        raise Forbidden("To create a partnership, include an organisation you administer.")
    if not wanted <= p.orgs_with_role(ROLE_ADMIN):
        raise Forbidden(
            "You can only bring in organisations you administer; ask a platform administrator, "
            "or an administrator of the other organisation, to add it."
        )


def ensure_appoint_lead(
    p: Principal, partnership_id: uuid.UUID, organisation_id: uuid.UUID, *, is_lead: bool
) -> None:
    """A partnership lead is appointed by the administrators of the organisation they come
    from (its consent), by a current lead of the partnership, or by a platform admin."""
    ensure_read_partnership(p, partnership_id)
    if p.is_platform_admin or is_lead or p.has_role(organisation_id, ROLE_ADMIN):
        return
    raise Forbidden(
        "A lead is appointed by an administrator of their own organisation or by a current "
        "lead of the partnership."
    )


def ensure_remove_lead(
    p: Principal,
    partnership_id: uuid.UUID,
    lead_user_id: uuid.UUID,
    lead_org_id: uuid.UUID,
    *,
    is_lead: bool,
) -> None:
    """Those who may appoint may remove; a lead may also step down."""
    if p.is_user and p.id == lead_user_id:
        return
    ensure_appoint_lead(p, partnership_id, lead_org_id, is_lead=is_lead)


def ensure_join_partnership(p: Principal, org_id: uuid.UUID) -> None:
    """Joining takes the consent of the joining organisation: one of its administrators (who
    also administers a member, as ensure_change_partnership checks) or a platform admin."""
    if p.is_platform_admin or p.has_role(org_id, ROLE_ADMIN):
        return
    raise Forbidden(
        "An organisation joins by its own administrators' decision: ask one of them (or a "
        "platform administrator) to add it."
    )


def can_read_user(p: Principal, user_id: uuid.UUID, user_org_ids: Iterable[uuid.UUID]) -> bool:
    if p.is_platform_admin or (p.is_user and p.id == user_id):
        return True
    return bool(p.orgs_with_role(ROLE_ADMIN, ROLE_MANAGER) & set(user_org_ids))


def ensure_administer_person(p: Principal, user_org_ids: Iterable[uuid.UUID], doing: str) -> None:
    """Platform administrators, or administrators of an organisation the person belongs to."""
    if p.is_platform_admin:
        return
    if not (p.is_user and p.orgs_with_role(ROLE_ADMIN) & set(user_org_ids)):
        raise Forbidden(
            f"Only a platform administrator or an administrator of their organisation can {doing}."
        )


def ensure_platform_admin(p: Principal, doing: str) -> None:
    if not p.is_platform_admin:
        raise Forbidden(f"Only platform administrators can {doing}.")


# ------------------------------------------------------------------------------ instruments

LAY_ROLES = (ROLE_SERVICE_USER, ROLE_CARER)
EDITOR_ROLES = (ROLE_STAFF, ROLE_MANAGER, ROLE_ADMIN)
ROLE_PREFERENCE = (ROLE_SERVICE_USER, ROLE_CARER, ROLE_STAFF, ROLE_MANAGER, ROLE_ADMIN)


def can_view_instrument(
    p: Principal, owner_org: uuid.UUID, shared: bool, codesign_orgs: Iterable[uuid.UUID]
) -> bool:
    """Members of the owning organisation; of partner organisations when it is shared with
    its partnerships; and of the organisations invited to co-design it."""
    if p.is_platform_admin or owner_org in p.member_org_ids:
        return True
    if shared and owner_org in p.partner_org_ids:
        return True
    return bool(p.member_org_ids & set(codesign_orgs))


def ensure_view_instrument(
    p: Principal, owner_org: uuid.UUID, shared: bool, codesign_orgs: Iterable[uuid.UUID]
) -> None:
    if not can_view_instrument(p, owner_org, shared, codesign_orgs):
        raise NotFound("No instrument with that id is visible to you.")


def ensure_edit_instrument(p: Principal, owner_org: uuid.UUID) -> None:
    """Editors: staff, managers and administrators of the owning organisation."""
    if p.is_platform_admin or (p.is_user and p.has_role(owner_org, *EDITOR_ROLES)):
        return
    raise Forbidden("Only staff, managers and administrators of its organisation edit it.")


def acting_role(
    p: Principal, eligible_orgs: Iterable[uuid.UUID], doing: str
) -> tuple[uuid.UUID, str]:
    """The organisation and role a person acts in: lay roles first, so that involvement is
    credited to service users and carers whenever that is who they are."""
    eligible = set(eligible_orgs)
    if p.is_user:
        for role in ROLE_PREFERENCE:
            for org in sorted(eligible, key=str):
                if p.has_role(org, role):
                    return org, role
    raise Forbidden(f"You need a role in the owning or a co-designing organisation to {doing}.")


# ------------------------------------------------------------------- campaigns and responses


def can_view_campaign(
    p: Principal, owner_org: uuid.UUID, service_orgs: Iterable[uuid.UUID]
) -> bool:
    """The owning organisation, its partners, and organisations whose services take part."""
    if p.is_platform_admin:
        return True
    visible = p.member_org_ids | p.partner_org_ids
    return owner_org in visible or bool(p.member_org_ids & set(service_orgs))


def ensure_view_campaign(
    p: Principal, owner_org: uuid.UUID, service_orgs: Iterable[uuid.UUID]
) -> None:
    if not can_view_campaign(p, owner_org, service_orgs):
        raise NotFound("No campaign with that id is visible to you.")


def ensure_run_campaign(p: Principal, owner_org: uuid.UUID) -> None:
    """Staff, managers and administrators of the owning organisation run its campaigns."""
    if p.is_platform_admin or (p.is_user and p.has_role(owner_org, *EDITOR_ROLES)):
        return
    raise Forbidden("Only staff, managers and administrators of its organisation run it.")


def raw_response_org_ids(p: Principal) -> frozenset[uuid.UUID]:
    """Raw responses (and free text awaiting moderation) are seen only by staff, managers and
    administrators of the organisation whose service they came from: not by partners, and not
    by platform administrators as such."""
    return p.orgs_with_role(*EDITOR_ROLES) if p.is_user else frozenset()


# ------------------------------------------------------------------------------ webhooks

WEBHOOK_HIDDEN = "No webhook subscription with that id is visible to you."


def ensure_may_subscribe(p: Principal, org_id: uuid.UUID) -> None:
    """Administrators subscribe their organisation; an API client, its own organisation."""
    if p.kind == "api_client":
        if org_id in p.member_org_ids:
            return
        ensure_read_org(p, org_id)
        raise Forbidden("An API client subscribes its own organisation only.")
    ensure_admin_org(p, org_id, "subscribe it to webhooks")


def ensure_manage_subscription(
    p: Principal, org_id: uuid.UUID, api_client_id: uuid.UUID | None
) -> None:
    """A subscription is managed by its organisation's administrators (and platform
    administrators); one made by an API client also by that client, and only it."""
    if p.is_platform_admin:
        return
    if p.kind == "api_client":
        if api_client_id != p.id:
            raise NotFound(WEBHOOK_HIDDEN)
        return
    if org_id not in p.member_org_ids:
        raise NotFound(WEBHOOK_HIDDEN)
    if not p.has_role(org_id, ROLE_ADMIN):
        raise Forbidden("Only the organisation's administrators manage its webhooks.")


def ensure_staff(p: Principal, org_id: uuid.UUID, doing: str) -> None:
    """Staff, managers and administrators of the organisation (and platform admins)."""
    _ensure_role(p, org_id, EDITOR_ROLES, doing)


def ensure_author(p: Principal, author_id: uuid.UUID | None, message: str) -> None:
    """Only the person who wrote a note changes or removes it (an automatic note has no
    author, so no one does)."""
    if not p.is_user or author_id is None or author_id != p.id:
        raise Forbidden(message)


# --------------------------------------------------------------------- improvement actions

DECIDER_ROLES = (ROLE_ADMIN, ROLE_MANAGER)
ACTION_HIDDEN = "No action with that id is visible to you."


def ensure_view_action(p: Principal, partnership_id: uuid.UUID) -> None:
    """An action is seen by the members of its partnership (people and API clients)."""
    if not can_read_partnership(p, partnership_id):
        raise NotFound(ACTION_HIDDEN)


def action_partnership_ids(p: Principal) -> frozenset[uuid.UUID] | None:
    """Partnerships whose actions the caller may list; ``None`` means all."""
    return None if p.is_platform_admin else p.partnership_ids


def ensure_propose_action(
    p: Principal, partnership_id: uuid.UUID, member_org_ids: Iterable[uuid.UUID]
) -> tuple[uuid.UUID, str]:
    """Any person with a role in a member organisation (service users included) proposes;
    returns the organisation and role they propose in (lay roles first)."""
    ensure_read_partnership(p, partnership_id)
    return acting_role(p, set(member_org_ids), "propose an action in this partnership")


def ensure_support_action(
    p: Principal, member_org_ids: Iterable[uuid.UUID]
) -> tuple[uuid.UUID, str]:
    """Service users and carers of a member organisation support proposals."""
    if p.is_user:
        for role in LAY_ROLES:
            for org in sorted(set(member_org_ids), key=str):
                if p.has_role(org, role):
                    return org, role
    raise Forbidden("Service users and carers of the partnership's organisations support actions.")


def action_deciders(
    target: str,
    lead_org: uuid.UUID | None,
    responsible_orgs: Iterable[uuid.UUID],
    member_orgs: Iterable[uuid.UUID],
) -> frozenset[uuid.UUID]:
    """Whose administrators and managers decide a change of status (or edit the action).

    * Agreeing is a partnership-level decision: any organisation with a responsibility that
      it has not declined.
    * Every other change, and edits: the lead organisation; while there is no lead yet, the
      responsible organisations; while there are none, any member of the partnership.
    """
    responsible = frozenset(responsible_orgs)
    if target == "agreed":
        return responsible
    if lead_org is not None:
        return frozenset({lead_org})
    return responsible or frozenset(member_orgs)


def ensure_decide_action(
    p: Principal,
    deciders: Iterable[uuid.UUID],
    doing: str,
    partnership_leads: Iterable[uuid.UUID] = (),
) -> None:
    """Administrators and managers of a deciding organisation; for a partnership-level
    decision (agreeing), also the partnership's appointed leads (give their user ids)."""
    if p.is_platform_admin or (p.is_user and p.id in set(partnership_leads)):
        return
    if p.is_user and p.orgs_with_role(*DECIDER_ROLES) & set(deciders):
        return
    raise Forbidden(
        f"Only administrators and managers of the organisation that decides can {doing}."
    )


def ensure_assign_responsibility(p: Principal, member_orgs: Iterable[uuid.UUID]) -> None:
    """Administrators and managers of any member organisation may ask an organisation to
    take part (the organisation itself then accepts or declines)."""
    ensure_decide_action(p, member_orgs, "ask an organisation to take part")


def ensure_answer_responsibility(p: Principal, org_id: uuid.UUID) -> None:
    """An organisation's part is accepted, declined or given an owner by its own
    administrators and managers."""
    if p.is_platform_admin or (p.is_user and p.has_role(org_id, *DECIDER_ROLES)):
        return
    raise Forbidden("Only that organisation's administrators and managers answer for its part.")


def update_org_for(
    p: Principal, responsible_orgs: Iterable[uuid.UUID], wanted: uuid.UUID | None
) -> uuid.UUID:
    """The responsible organisation a progress update is written for: staff, managers and
    administrators of an organisation that has accepted its part."""
    mine = {o for o in responsible_orgs if p.is_user and p.has_role(o, *EDITOR_ROLES)}
    if p.is_platform_admin and wanted is not None and wanted in set(responsible_orgs):
        return wanted
    if wanted is not None:
        if wanted in mine:
            return wanted
        raise Forbidden("You write updates only for a responsible organisation you work in.")
    if len(mine) == 1:
        return next(iter(mine))
    if not mine:
        raise Forbidden(
            "Progress updates are written by staff of an organisation that accepted its part."
        )
    raise Forbidden("You work in several responsible organisations: give organisation_id.")
