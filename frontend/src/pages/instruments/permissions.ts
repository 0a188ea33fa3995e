import type { Instrument, InstrumentVersion, Role, User } from '../../api/types';

const EDITOR_ROLES: Role[] = ['staff', 'manager', 'admin'];

/** Editors of an instrument (as the API decides): staff, managers and administrators of its organisation. */
export function canEditIn(user: User, organisationId: string): boolean {
  return (
    user.is_platform_admin ||
    (user.memberships ?? []).some((m) => m.organisation_id === organisationId && EDITOR_ROLES.includes(m.role))
  );
}

/** The organisations in which this person may edit instruments and run campaigns. */
export function editorOrganisationIds(user: User): string[] {
  return [...new Set((user.memberships ?? []).filter((m) => EDITOR_ROLES.includes(m.role)).map((m) => m.organisation_id))];
}

/** Whether this person may suggest, comment and vote on a draft now: a role in the owning or an invited organisation. */
export function canContribute(user: User, instrument: Instrument, version: InstrumentVersion): boolean {
  if (version.status !== 'draft') return false;
  const eligible = new Set([instrument.organisation_id, ...(version.codesign_open ? version.codesign_org_ids : [])]);
  return (user.memberships ?? []).some((m) => eligible.has(m.organisation_id));
}

/** Whether this person may review: a role in the owning or an invited organisation. */
export function canReview(user: User, instrument: Instrument, version: InstrumentVersion): boolean {
  const eligible = new Set([instrument.organisation_id, ...version.codesign_org_ids]);
  return (user.memberships ?? []).some((m) => eligible.has(m.organisation_id));
}
