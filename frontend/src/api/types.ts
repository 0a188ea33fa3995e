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
/** An inline enum in the spec (no schema of its own): the status of an invitation. */
export type InvitationStatus = Invitation['status'];
export type ApiClient = Schemas['ApiClientRead'];
export type ApiClientWithSecret = Schemas['ApiClientWithSecret'];
export type Scope = Schemas['Scope'];
export type AuditEvent = Schemas['AuditEventRead'];
export type InstrumentContent = Schemas['InstrumentContent'];
export type Question = Schemas['Question'];
export type QuestionType = Schemas['QuestionType'];
export type Section = Schemas['Section'];
export type LocalizedText = Schemas['LocalizedText'];
export type PublicSurvey = Schemas['PublicSurvey'];
export type SubmissionCreate = Schemas['SubmissionCreate'];
export type SubmissionReceipt = Schemas['SubmissionReceipt'];
export type Instrument = Schemas['InstrumentRead'];
export type InstrumentVersion = Schemas['VersionRead'];
export type Contribution = Schemas['ContributionRead'];
export type ContributionKind = Schemas['ContributionKind'];
export type ReviewState = Schemas['ReviewState'];
export type Review = Schemas['ReviewRead'];
export type Involvement = Schemas['Involvement'];
export type Campaign = Schemas['CampaignRead'];
export type CampaignLink = Schemas['CampaignLink'];
export type SurveyResponse = Schemas['ResponseRead'];
export type Answer = Schemas['AnswerRead'];
/** An inline enum in the spec: the period campaign results are grouped by. */
export type ResultsPeriod = Schemas['CampaignResults']['period'];
