// What the improvement-action screens work out from the API's answers: the board's
// columns, the filters kept in the page address, the proposal form's body and the
// links that carry evidence into it. No React here, so it is tested on its own.
import type { components } from '../../api/schema';
import type { Role, User } from '../../api/types';
import { intlLocale } from '../../i18n/locale';

type Schemas = components['schemas'];
export type Action = Schemas['ActionRead'];
export type ActionStatus = Schemas['ActionStatus'];
export type ActionOrigin = Schemas['ActionOrigin'];
export type ActionCreate = Schemas['ActionCreate'];
export type EvidenceIn = Schemas['EvidenceIn'];
export type EvidenceRead = Schemas['EvidenceRead'];
export type Responsibility = Schemas['ResponsibilityRead'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type PdsaCycle = Schemas['PdsaRead'];
export type PdsaUpdate = Schemas['PdsaUpdate'];
export type ProgressUpdate = Schemas['ProgressUpdateRead'];
export type StatusChange = Schemas['StatusChange'];
export type OrganisationAccountability = Schemas['OrganisationAccountability'];
export type PartnershipAccountability = Schemas['PartnershipAccountability'];
export type PublicActionsPage = Schemas['PublicActionsPage'];
export type PublicAction = Schemas['PublicAction'];

type Exhaustive<T extends string, A extends readonly T[]> = [T] extends [A[number]] ? A : never;
function all<T extends string>() {
  return <const A extends readonly T[]>(values: Exhaustive<T, A>): A => values;
}

/** The workflow's statuses in the order an action moves through them. */
export const STATUSES = all<ActionStatus>()([
  'proposed',
  'under_review',
  'agreed',
  'in_progress',
  'completed',
  'not_taken_forward',
] as const);

export const ORIGINS = all<ActionOrigin>()(['service_user', 'survey_finding', 'indicator_signal', 'staff'] as const);

export const PDSA_DECISIONS = all<Schemas['PdsaDecision']>()(['adopt', 'adapt', 'abandon'] as const);

/** Closed statuses: nothing more happens to the action. */
export function isClosed(status: ActionStatus): boolean {
  return status === 'completed' || status === 'not_taken_forward';
}

/** Moving to this status needs a public reason as well as the explanation. */
export function needsPublicReason(status: ActionStatus): boolean {
  return status === 'not_taken_forward';
}

/** The shortest public reason the API takes for closing a service user's proposal. */
export const SERVICE_USER_REASON_MIN = 20;

/** Actions in columns by status, every status present (empty columns too), order kept. */
export function groupByStatus(actions: Action[]): Record<ActionStatus, Action[]> {
  const columns = Object.fromEntries(STATUSES.map((s) => [s, [] as Action[]])) as Record<ActionStatus, Action[]>;
  for (const action of actions) columns[action.status].push(action);
  return columns;
}

// ------------------------------------------------------------------ filters

export interface BoardFilters {
  partnership_id?: string;
  organisation_id?: string;
  standard_id?: string;
  origin?: ActionOrigin;
  overdue?: boolean;
  status?: ActionStatus[];
}

export type BoardView = 'list' | 'columns';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isOrigin(value: string | null): value is ActionOrigin {
  return value !== null && (ORIGINS as readonly string[]).includes(value);
}

function isStatus(value: string): value is ActionStatus {
  return (STATUSES as readonly string[]).includes(value);
}

/** The filters in the page address; anything malformed is left out, not sent to the API. */
export function filtersFromSearch(search: URLSearchParams): BoardFilters {
  const out: BoardFilters = {};
  for (const key of ['partnership_id', 'organisation_id', 'standard_id'] as const) {
    const value = search.get(key);
    if (value && UUID.test(value)) out[key] = value;
  }
  const origin = search.get('origin');
  if (isOrigin(origin)) out.origin = origin;
  if (search.get('overdue') === 'true') out.overdue = true;
  const statuses = search.getAll('status').filter(isStatus);
  if (statuses.length > 0) out.status = [...new Set(statuses)];
  return out;
}

/** The filters as a page address query (the inverse of filtersFromSearch), view kept. */
export function searchFromFilters(filters: BoardFilters, view: BoardView): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.partnership_id) search.set('partnership_id', filters.partnership_id);
  if (filters.organisation_id) search.set('organisation_id', filters.organisation_id);
  if (filters.standard_id) search.set('standard_id', filters.standard_id);
  if (filters.origin) search.set('origin', filters.origin);
  if (filters.overdue) search.set('overdue', 'true');
  for (const status of filters.status ?? []) search.append('status', status);
  if (view === 'columns') search.set('view', 'columns');
  return search;
}

export function viewFromSearch(search: URLSearchParams): BoardView {
  return search.get('view') === 'columns' ? 'columns' : 'list';
}

/** Filters as listActions takes them (only those set). */
export function listQuery(filters: BoardFilters, limit = 200) {
  return {
    limit,
    ...(filters.partnership_id ? { partnership_id: filters.partnership_id } : {}),
    ...(filters.organisation_id ? { organisation_id: filters.organisation_id } : {}),
    ...(filters.standard_id ? { standard_id: filters.standard_id } : {}),
    ...(filters.origin ? { origin: filters.origin } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
    ...(filters.status && filters.status.length > 0 ? { status: filters.status } : {}),
  };
}

// ------------------------------------------------------------- evidence links

/** What a proposal can start from: a result, one question of it, or an indicator's chart. */
export type EvidenceSource =
  | { kind: 'campaign_result'; campaignId: string }
  | { kind: 'question'; campaignId: string; questionKey: string }
  | { kind: 'comment'; answerId: string; campaignId?: string | null }
  | { kind: 'indicator'; indicatorId: string; organisationId?: string | null; serviceId?: string | null };

const QUESTION_KEY = /^[a-z][a-z0-9_]*$/;

/** The propose page's address, with the evidence (and partnership, if known) prefilled. */
export function proposeLink(evidence: EvidenceSource | null, partnershipId?: string | null): string {
  const search = new URLSearchParams();
  if (partnershipId) search.set('partnership_id', partnershipId);
  if (evidence?.kind === 'comment') {
    search.set('answer_id', evidence.answerId);
    if (evidence.campaignId) search.set('campaign_id', evidence.campaignId);
  } else if (evidence?.kind === 'campaign_result' || evidence?.kind === 'question') {
    search.set('campaign_id', evidence.campaignId);
    if (evidence.kind === 'question') search.set('question_key', evidence.questionKey);
  } else if (evidence?.kind === 'indicator') {
    search.set('indicator_id', evidence.indicatorId);
    if (evidence.organisationId) search.set('organisation_id', evidence.organisationId);
    if (evidence.serviceId) search.set('service_id', evidence.serviceId);
  }
  const query = search.toString();
  return query ? `/actions/new?${query}` : '/actions/new';
}

/** The evidence in the propose page's address (malformed ids are ignored). */
export function evidenceFromSearch(search: URLSearchParams): EvidenceSource | null {
  const campaignId = search.get('campaign_id');
  const questionKey = search.get('question_key');
  const indicatorId = search.get('indicator_id');
  const answerId = search.get('answer_id');
  if (answerId && UUID.test(answerId)) {
    return { kind: 'comment', answerId, campaignId: campaignId && UUID.test(campaignId) ? campaignId : null };
  }
  if (campaignId && UUID.test(campaignId)) {
    if (questionKey && QUESTION_KEY.test(questionKey)) return { kind: 'question', campaignId, questionKey };
    return { kind: 'campaign_result', campaignId };
  }
  if (indicatorId && UUID.test(indicatorId)) {
    const organisationId = search.get('organisation_id');
    const serviceId = search.get('service_id');
    return {
      kind: 'indicator',
      indicatorId,
      organisationId: organisationId && UUID.test(organisationId) ? organisationId : null,
      serviceId: serviceId && UUID.test(serviceId) ? serviceId : null,
    };
  }
  return null;
}

export function evidenceBody(source: EvidenceSource): EvidenceIn {
  switch (source.kind) {
    case 'campaign_result':
      return { kind: 'campaign_result', campaign_id: source.campaignId };
    case 'question':
      return { kind: 'question', campaign_id: source.campaignId, question_key: source.questionKey };
    case 'comment':
      return { kind: 'comment', answer_id: source.answerId };
    case 'indicator':
      return { kind: 'indicator', indicator_id: source.indicatorId };
  }
}

const SERVICE_USER_ROLES: Role[] = ['service_user', 'carer'];
const MANAGER_ROLES: Role[] = ['admin', 'manager'];
const WRITER_ROLES: Role[] = ['staff', 'manager', 'admin'];

/** Service users and carers (in any organisation) and nobody with a staff role. */
export function speaksAsServiceUser(user: User): boolean {
  const roles = (user.memberships ?? []).map((m) => m.role);
  return roles.some((r) => SERVICE_USER_ROLES.includes(r)) && !roles.some((r) => WRITER_ROLES.includes(r));
}

/** May support proposals: a service user or carer somewhere. */
export function canSupport(user: User): boolean {
  return (user.memberships ?? []).some((m) => SERVICE_USER_ROLES.includes(m.role));
}

/** Administrators and managers of this organisation (and platform administrators). */
export function managesOrganisation(user: User, organisationId: string): boolean {
  return (
    user.is_platform_admin ||
    (user.memberships ?? []).some((m) => m.organisation_id === organisationId && MANAGER_ROLES.includes(m.role))
  );
}

/** Staff, managers and administrators of this organisation. */
export function worksFor(user: User, organisationId: string): boolean {
  return (user.memberships ?? []).some((m) => m.organisation_id === organisationId && WRITER_ROLES.includes(m.role));
}

/**
 * May edit the action (texts, standard, due date), as updateAction decides: administrators
 * and managers of the lead organisation; while there is no lead, of the responsible
 * organisations; while there are none, of any member organisation. Platform administrators
 * always. Closed actions cannot be edited.
 */
export function mayEditAction(user: User, action: Action, memberOrganisationIds: readonly string[]): boolean {
  if (isClosed(action.status)) return false;
  if (user.is_platform_admin) return true;
  const live = action.responsibilities.filter((r) => r.state !== 'declined');
  const lead = live.find((r) => r.role === 'lead');
  const deciders = lead ? [lead.organisation_id] : live.length > 0 ? live.map((r) => r.organisation_id) : memberOrganisationIds;
  return deciders.some((id) => managesOrganisation(user, id));
}

/**
 * The statuses this person may move the action to, as changeActionStatus decides: agreeing is
 * for administrators and managers of any organisation responsible for it (not declined) and
 * the partnership's appointed leads; every other move for those of the lead organisation
 * (while there is no lead, of the responsible organisations; while there are none, of any
 * member organisation). Platform administrators may make any move the workflow allows.
 */
export function decidableTransitions(
  user: User,
  action: Action,
  memberOrganisationIds: readonly string[],
  partnershipLeadUserIds: readonly string[],
): ActionStatus[] {
  if (user.is_platform_admin) return action.allowed_transitions;
  const live = action.responsibilities.filter((r) => r.state !== 'declined');
  const lead = live.find((r) => r.role === 'lead');
  const deciders = lead ? [lead.organisation_id] : live.length > 0 ? live.map((r) => r.organisation_id) : memberOrganisationIds;
  return action.allowed_transitions.filter((s) =>
    s === 'agreed'
      ? partnershipLeadUserIds.includes(user.id) || live.some((r) => managesOrganisation(user, r.organisation_id))
      : deciders.some((id) => managesOrganisation(user, id)),
  );
}

/** Managers or administrators anywhere: the people who may decide on actions. */
export function mayDecide(user: User): boolean {
  return user.is_platform_admin || (user.memberships ?? []).some((m) => MANAGER_ROLES.includes(m.role));
}

/** The origin a proposal defaults to: a service user's own, else what the evidence is. */
export function defaultOrigin(user: User, evidence: EvidenceSource | null): ActionOrigin {
  if (speaksAsServiceUser(user)) return 'service_user';
  if (evidence?.kind === 'indicator') return 'indicator_signal';
  if (evidence) return 'survey_finding';
  return 'staff';
}

// ------------------------------------------------------------- proposal form

export interface ProposalForm {
  partnershipId: string;
  titleEn: string;
  titleCy: string;
  descriptionEn: string;
  descriptionCy: string;
  summaryEn: string;
  summaryCy: string;
  origin: ActionOrigin;
  evidence: EvidenceSource | null;
  leadOrganisationId: string;
  supportingOrganisationIds: string[];
  standardId: string;
  dueDate: string;
}

export interface FormProblem {
  name: string;
  /** A locale key (under improvement.propose.errors) for the message. */
  key: string;
}

/** Checks before sending; names match the API's field names so messages land on the same inputs. */
export function checkProposal(form: ProposalForm): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!form.partnershipId) problems.push({ name: 'partnership_id', key: 'partnershipMissing' });
  problems.push(...checkTexts(form));
  if (form.dueDate !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(form.dueDate)) problems.push({ name: 'due_date', key: 'dateInvalid' });
  if (form.supportingOrganisationIds.includes(form.leadOrganisationId) && form.leadOrganisationId !== '') {
    problems.push({ name: 'responsibilities', key: 'leadAlsoSupporting' });
  }
  if (form.leadOrganisationId === '' && form.supportingOrganisationIds.length > 0) {
    problems.push({ name: 'responsibilities', key: 'supportingWithoutLead' });
  }
  return problems;
}

/**
 * Title and description are written in English or Welsh (either, or both: Welsh is not
 * second to English); each language's title is at most 200 characters.
 */
export function checkTexts(form: { titleEn: string; titleCy: string; descriptionEn: string; descriptionCy: string }): FormProblem[] {
  const problems: FormProblem[] = [];
  const titles = [form.titleEn.trim(), form.titleCy.trim()];
  if (titles.every((title) => title === '')) problems.push({ name: 'title', key: 'titleMissing' });
  else if (titles.some((title) => title.length > 200)) problems.push({ name: 'title', key: 'titleTooLong' });
  if (form.descriptionEn.trim() === '' && form.descriptionCy.trim() === '') problems.push({ name: 'description', key: 'descriptionMissing' });
  return problems;
}

/** Bilingual text as the API takes it: each language only where written. */
export function bilingual(en: string, cy: string): { en?: string; cy?: string } {
  const out: { en?: string; cy?: string } = {};
  if (en.trim() !== '') out.en = en.trim();
  if (cy.trim() !== '') out.cy = cy.trim();
  return out;
}

/** Whether either language is written. */
export function written(en: string, cy: string): boolean {
  return en.trim() !== '' || cy.trim() !== '';
}

/** The createAction body of a checked form: blanks left out, Welsh only when written. */
export function proposalBody(form: ProposalForm): ActionCreate {
  const body: ActionCreate = {
    partnership_id: form.partnershipId,
    title: bilingual(form.titleEn, form.titleCy),
    description: bilingual(form.descriptionEn, form.descriptionCy),
    origin: form.origin,
    evidence: form.evidence ? [evidenceBody(form.evidence)] : [],
    responsibilities: form.leadOrganisationId
      ? [
          { organisation_id: form.leadOrganisationId, role: 'lead' },
          ...form.supportingOrganisationIds.map((id) => ({ organisation_id: id, role: 'supporting' as const })),
        ]
      : [],
  };
  if (written(form.summaryEn, form.summaryCy)) body.summary = bilingual(form.summaryEn, form.summaryCy);
  if (form.standardId) body.standard_id = form.standardId;
  if (form.dueDate) body.due_date = form.dueDate;
  return body;
}

// ------------------------------------------------------------------ showing

/** A 0–1 share as a whole percentage ("40%"), or null when there is nothing to share. */
export function percentText(share: number | null | undefined, language: string): string | null {
  if (share === null || share === undefined || Number.isNaN(share)) return null;
  return new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** Days as people say them: "4.5", "12". */
export function daysText(days: number | null | undefined, language: string): string | null {
  if (days === null || days === undefined) return null;
  return new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 1 }).format(days);
}

/**
 * The timeline's words for who proposed or supported (from the role the API records), in the
 * page's language: a service user, a carer, or a member of staff (any other role). Null for
 * other entries, and for entries written before the role was recorded.
 */
export function byWhom(
  kind: string,
  role: string | null | undefined,
):
  | 'improvement.timeline.proposedBy.service_user'
  | 'improvement.timeline.proposedBy.carer'
  | 'improvement.timeline.proposedBy.staff'
  | 'improvement.timeline.supportedBy.service_user'
  | 'improvement.timeline.supportedBy.carer'
  | null {
  if (!role) return null;
  const lay = role === 'service_user' || role === 'carer' ? role : null;
  if (kind === 'proposed') return `improvement.timeline.proposedBy.${lay ?? 'staff'}`;
  if (kind === 'supported' && lay) return `improvement.timeline.supportedBy.${lay}`;
  return null;
}

/** The organisation that leads (its part not declined), if any. */
export function leadOf(action: Action): Responsibility | undefined {
  return action.responsibilities.find((r) => r.role === 'lead' && r.state !== 'declined');
}

/** The PDSA cycle still being worked through, if any. */
export function openCycle(cycles: PdsaCycle[]): PdsaCycle | undefined {
  return cycles.find((c) => c.stage !== 'done');
}

/** Today as YYYY-MM-DD in the reader's time zone. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The body for the next PDSA stage from what was typed: only that stage's fields. */
export function pdsaStageBody(
  stage: string,
  values: { notes: string; on: string; decision: string; nextObjective: string },
): PdsaUpdate | null {
  const notes = values.notes.trim();
  if (stage === 'do') return { do_notes: notes, done_on: values.on };
  if (stage === 'study') return { study_notes: notes, studied_on: values.on };
  if (stage === 'act') {
    const decision = (PDSA_DECISIONS as readonly string[]).includes(values.decision)
      ? (values.decision as Schemas['PdsaDecision'])
      : null;
    const body: PdsaUpdate = { act_notes: notes, acted_on: values.on };
    if (decision) body.decision = decision;
    if (decision && decision !== 'abandon' && values.nextObjective.trim() !== '') body.next_objective = values.nextObjective.trim();
    return body;
  }
  return null;
}

// ------------------------------------------------------------------ editing

export type ActionPatch = Schemas['ActionUpdatePatch'];

export interface EditForm {
  titleEn: string;
  titleCy: string;
  descriptionEn: string;
  descriptionCy: string;
  summaryEn: string;
  summaryCy: string;
  standardId: string;
  dueDate: string;
}

/** The edit form filled from the action as read. */
export function editFormOf(action: Action): EditForm {
  return {
    titleEn: action.title.en ?? '',
    titleCy: action.title.cy ?? '',
    descriptionEn: action.description.en ?? '',
    descriptionCy: action.description.cy ?? '',
    summaryEn: action.summary.en ?? '',
    summaryCy: action.summary.cy ?? '',
    standardId: action.standard_id ?? '',
    dueDate: action.due_date ?? '',
  };
}

/** Checks before sending an edit; names are the API's field names. */
export function checkEdit(form: EditForm): FormProblem[] {
  const problems: FormProblem[] = [];
  problems.push(...checkTexts(form));
  if (form.dueDate !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(form.dueDate)) problems.push({ name: 'due_date', key: 'dateInvalid' });
  return problems;
}

function sameText(a: { en?: string; cy?: string }, text: { en?: string | null; cy?: string | null }): boolean {
  return (a.en ?? '') === (text.en ?? '') && (a.cy ?? '') === (text.cy ?? '');
}

/**
 * The updateAction body of a checked form: only what changed, so that an edit never
 * overwrites a field someone else changed meanwhile without the form showing it. A
 * summary, standard or due date emptied is sent as null (cleared); title and description
 * cannot be cleared.
 */
export function editBody(form: EditForm, action: Action): ActionPatch {
  const body: ActionPatch = {};
  const title = bilingual(form.titleEn, form.titleCy);
  if (!sameText(title, action.title)) body.title = title;
  const description = bilingual(form.descriptionEn, form.descriptionCy);
  if (!sameText(description, action.description)) body.description = description;
  if (!written(form.summaryEn, form.summaryCy)) {
    if ((action.summary.en ?? '') !== '' || (action.summary.cy ?? '') !== '') body.summary = null;
  } else {
    const summary = bilingual(form.summaryEn, form.summaryCy);
    if (!sameText(summary, action.summary)) body.summary = summary;
  }
  if (form.standardId !== (action.standard_id ?? '')) body.standard_id = form.standardId || null;
  if (form.dueDate !== (action.due_date ?? '')) body.due_date = form.dueDate || null;
  return body;
}

// ------------------------------------------------------------- partnership leads

export type PartnershipLead = Schemas['PartnershipLeadRead'];

/**
 * The member organisations from which this person may appoint a lead (and see its people
 * to choose from): administrators of the organisation, platform administrators, and current
 * leads for the organisations whose people they can list (where they manage).
 */
export function appointableOrganisations<M extends { organisation_id: string }>(
  user: User,
  members: readonly M[],
  leads: readonly PartnershipLead[],
): M[] {
  if (user.is_platform_admin) return [...members];
  const isLead = leads.some((l) => l.user_id === user.id);
  const roles = user.memberships ?? [];
  return members.filter((m) =>
    roles.some((r) => r.organisation_id === m.organisation_id && (r.role === 'admin' || (isLead && r.role === 'manager'))),
  );
}

/** May end this lead's appointment: the lead (stepping down), or anyone who may appoint from their organisation. */
export function mayRemoveLead(user: User, lead: PartnershipLead, leads: readonly PartnershipLead[]): boolean {
  if (user.is_platform_admin || lead.user_id === user.id) return true;
  if (leads.some((l) => l.user_id === user.id)) return true;
  return (user.memberships ?? []).some((r) => r.organisation_id === lead.organisation_id && r.role === 'admin');
}
