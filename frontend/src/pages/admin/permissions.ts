// Who may do what on the admin pages (the API decides; these only choose what to show).
import type { User } from '../../api/types';

/** Managers and admins of an organisation (and platform admins) look after its services and people. */
export function canManageServices(user: User, organisationId: string): boolean {
  return (
    user.is_platform_admin ||
    (user.memberships ?? []).some((m) => m.organisation_id === organisationId && (m.role === 'admin' || m.role === 'manager'))
  );
}

/** Admins of an organisation (and platform admins) give roles, invite and edit it. */
export function isOrgAdmin(user: User, organisationId: string): boolean {
  return (
    user.is_platform_admin ||
    (user.memberships ?? []).some((m) => m.organisation_id === organisationId && m.role === 'admin')
  );
}
