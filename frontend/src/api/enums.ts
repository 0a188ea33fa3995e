// The API's enumerations, as arrays for forms. Each is checked against the generated
// types: adding a value to the spec without adding it here fails `npm run lint`.
import type { InvitationStatus, OrganisationKind, ResultsPeriod, Role, Scope, ServiceKind } from './types';

type Exhaustive<T extends string, A extends readonly T[]> = [T] extends [A[number]] ? A : never;

function all<T extends string>() {
  return <const A extends readonly T[]>(values: Exhaustive<T, A>): A => values;
}

export const ORGANISATION_KINDS = all<OrganisationKind>()([
  'health_board',
  'nhs_trust',
  'local_authority',
  'third_sector',
  'service_user_group',
  'other',
] as const);

export const SERVICE_KINDS = all<ServiceKind>()([
  'community_mental_health_team',
  'ward',
  'day_centre',
  'crisis_team',
  'social_work_team',
  'support_service',
  'other',
] as const);

export const ROLES = all<Role>()(['service_user', 'carer', 'staff', 'manager', 'admin'] as const);

export const SCOPES = all<Scope>()(['read', 'responses:write', 'measurements:write', 'responses:read', 'measurements:read'] as const);

export const INVITATION_STATUSES = all<InvitationStatus>()(['pending', 'accepted', 'revoked', 'expired'] as const);

/** In the order the results page offers them. */
export const RESULTS_PERIODS = all<ResultsPeriod>()(['all', 'month', 'week'] as const);
