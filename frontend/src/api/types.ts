// Names for the generated schema types the app uses most. These are aliases of
// src/api/schema.d.ts (generated from the spec), never hand-written shapes.
import type { components } from './schema';

type Schemas = components['schemas'];

export type User = Schemas['UserRead'];
export type Membership = Schemas['MembershipRead'];
export type MembershipWithUser = Schemas['MembershipWithUser'];
export type Role = Schemas['Role'];
export type Language = Schemas['Language'];
export type Organisation = Schemas['OrganisationRead'];
export type OrganisationKind = Schemas['OrganisationKind'];
export type Service = Schemas['ServiceRead'];
export type ServiceKind = Schemas['ServiceKind'];
export type Partnership = Schemas['PartnershipRead'];
export type PartnershipMember = Schemas['PartnershipMemberRead'];
export type Invitation = Schemas['InvitationRead'];
export type InvitationCreated = Schemas['InvitationCreated'];
export type InvitationPreview = Schemas['InvitationPreview'];
export type ApiClient = Schemas['ApiClientRead'];
export type ApiClientWithSecret = Schemas['ApiClientWithSecret'];
export type Scope = Schemas['Scope'];
export type AuditEvent = Schemas['AuditEventRead'];
