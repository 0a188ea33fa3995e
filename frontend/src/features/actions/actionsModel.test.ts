import { describe, expect, it } from 'vitest';
import type { Role, User } from '../../api/types';
import {
  STATUSES,
  appointableOrganisations,
  checkEdit,
  checkProposal,
  defaultOrigin,
  editBody,
  editFormOf,
  evidenceBody,
  evidenceFromSearch,
  filtersFromSearch,
  groupByStatus,
  listQuery,
  mayEditAction,
  mayRemoveLead,
  pdsaStageBody,
  percentText,
  proposalBody,
  proposeLink,
  searchFromFilters,
  viewFromSearch,
  type Action,
  type PartnershipLead,
  type ProposalForm,
} from './actionsModel';

const P = '11111111-1111-4111-8111-111111111111';
const ORG_A = '22222222-2222-4222-8222-222222222222';
const ORG_B = '33333333-3333-4333-8333-333333333333';
const CAMPAIGN = '44444444-4444-4444-8444-444444444444';
const INDICATOR = '55555555-5555-4555-8555-555555555555';

function action(id: string, status: Action['status']): Action {
  return { id, status } as Action;
}

function user(roles: [string, Role][]): User {
  return {
    is_platform_admin: false,
    memberships: roles.map(([organisation_id, role], i) => ({ id: String(i), user_id: 'u', organisation_id, role, created_at: '' })),
  } as unknown as User;
}

const blank: ProposalForm = {
  partnershipId: P,
  titleEn: '  Evening appointments  ',
  titleCy: '',
  descriptionEn: 'People who work cannot come in the day.',
  descriptionCy: '',
  summaryEn: '',
  summaryCy: '',
  origin: 'service_user',
  evidence: null,
  leadOrganisationId: '',
  supportingOrganisationIds: [],
  standardId: '',
  dueDate: '',
};

describe('board grouping', () => {
  it('puts every action in its status column, keeps order, and has every column', () => {
    const columns = groupByStatus([action('a', 'agreed'), action('b', 'proposed'), action('c', 'agreed')]);
    expect(Object.keys(columns)).toEqual([...STATUSES]);
    expect(columns.agreed.map((a) => a.id)).toEqual(['a', 'c']);
    expect(columns.proposed.map((a) => a.id)).toEqual(['b']);
    expect(columns.completed).toEqual([]);
  });
});

describe('board filters in the address', () => {
  it('reads valid filters and drops malformed ones', () => {
    const search = new URLSearchParams(
      `partnership_id=${P}&organisation_id=not-a-uuid&origin=service_user&overdue=true&status=agreed&status=bogus&status=agreed`,
    );
    expect(filtersFromSearch(search)).toEqual({ partnership_id: P, origin: 'service_user', overdue: true, status: ['agreed'] });
    expect(filtersFromSearch(new URLSearchParams('origin=hackers&overdue=yes'))).toEqual({});
  });

  it('round-trips through the address with the view kept', () => {
    const filters = { organisation_id: ORG_A, standard_id: ORG_B, overdue: true, status: ['proposed' as const, 'in_progress' as const] };
    const search = searchFromFilters(filters, 'columns');
    expect(filtersFromSearch(search)).toEqual(filters);
    expect(viewFromSearch(search)).toBe('columns');
    expect(viewFromSearch(searchFromFilters(filters, 'list'))).toBe('list');
  });

  it('sends only the filters that are set to the API', () => {
    expect(listQuery({})).toEqual({ limit: 200 });
    expect(listQuery({ origin: 'staff', overdue: true, status: [] })).toEqual({ limit: 200, origin: 'staff', overdue: true });
  });
});

describe('evidence links', () => {
  it('carries a question of a result into the propose page and back', () => {
    const link = proposeLink({ kind: 'question', campaignId: CAMPAIGN, questionKey: 'involved' }, P);
    expect(link.startsWith('/actions/new?')).toBe(true);
    const search = new URLSearchParams(link.split('?')[1]);
    expect(search.get('partnership_id')).toBe(P);
    expect(evidenceFromSearch(search)).toEqual({ kind: 'question', campaignId: CAMPAIGN, questionKey: 'involved' });
  });

  it('carries an indicator and its unit', () => {
    const link = proposeLink({ kind: 'indicator', indicatorId: INDICATOR, organisationId: ORG_A });
    expect(evidenceFromSearch(new URLSearchParams(link.split('?')[1]))).toEqual({
      kind: 'indicator',
      indicatorId: INDICATOR,
      organisationId: ORG_A,
      serviceId: null,
    });
  });

  it('ignores evidence that is not well formed', () => {
    expect(evidenceFromSearch(new URLSearchParams('campaign_id=x&question_key=involved'))).toBeNull();
    expect(evidenceFromSearch(new URLSearchParams(`campaign_id=${CAMPAIGN}&question_key=DROP TABLE`))).toEqual({
      kind: 'campaign_result',
      campaignId: CAMPAIGN,
    });
    expect(proposeLink(null)).toBe('/actions/new');
  });
});

describe('the proposal form', () => {
  it('defaults the origin to the service user, else to what the evidence is', () => {
    expect(defaultOrigin(user([[ORG_A, 'service_user']]), { kind: 'question', campaignId: CAMPAIGN, questionKey: 'q' })).toBe('service_user');
    expect(defaultOrigin(user([[ORG_A, 'staff']]), { kind: 'question', campaignId: CAMPAIGN, questionKey: 'q' })).toBe('survey_finding');
    expect(defaultOrigin(user([[ORG_A, 'manager']]), { kind: 'indicator', indicatorId: INDICATOR })).toBe('indicator_signal');
    expect(defaultOrigin(user([[ORG_A, 'staff'], [ORG_B, 'carer']]), null)).toBe('staff');
  });

  it('maps a minimal form: trimmed, no Welsh, no summary, no parts', () => {
    expect(checkProposal(blank)).toEqual([]);
    expect(proposalBody(blank)).toEqual({
      partnership_id: P,
      title: { en: 'Evening appointments' },
      description: { en: 'People who work cannot come in the day.' },
      origin: 'service_user',
      evidence: [],
      responsibilities: [],
    });
  });

  it('maps evidence, both languages, one lead and supporting organisations', () => {
    const body = proposalBody({
      ...blank,
      titleCy: 'Apwyntiadau gyda’r nos',
      summaryEn: 'You said evenings; we opened Tuesdays.',
      evidence: { kind: 'question', campaignId: CAMPAIGN, questionKey: 'involved' },
      leadOrganisationId: ORG_A,
      supportingOrganisationIds: [ORG_B],
      dueDate: '2026-03-31',
    });
    expect(body.title).toEqual({ en: 'Evening appointments', cy: 'Apwyntiadau gyda’r nos' });
    expect(body.summary).toEqual({ en: 'You said evenings; we opened Tuesdays.' });
    expect(body.evidence).toEqual([{ kind: 'question', campaign_id: CAMPAIGN, question_key: 'involved' }]);
    expect(body.responsibilities).toEqual([
      { organisation_id: ORG_A, role: 'lead' },
      { organisation_id: ORG_B, role: 'supporting' },
    ]);
    expect(body.due_date).toBe('2026-03-31');
  });

  it('refuses what the API would refuse, naming the API field', () => {
    const problems = checkProposal({
      ...blank,
      partnershipId: '',
      titleEn: ' ',
      descriptionEn: '',
      summaryCy: 'Dim ond Cymraeg',
      supportingOrganisationIds: [ORG_B],
    });
    expect(problems.map((p) => [p.name, p.key])).toEqual([
      ['partnership_id', 'partnershipMissing'],
      ['title', 'titleMissing'],
      ['description', 'descriptionMissing'],
      ['responsibilities', 'supportingWithoutLead'],
    ]);
    expect(checkProposal({ ...blank, leadOrganisationId: ORG_A, supportingOrganisationIds: [ORG_A] })[0]?.key).toBe('leadAlsoSupporting');
  });

  it('takes a proposal written in Welsh only, and sends no English for it', () => {
    const welsh = { ...blank, titleEn: '', descriptionEn: '', titleCy: 'Apwyntiadau gyda’r nos', descriptionCy: 'Mae angen clinigau gyda’r nos.', summaryCy: 'Dywedoch chi; gwnaethom ni.' };
    expect(checkProposal(welsh)).toEqual([]);
    const body = proposalBody(welsh);
    expect(body.title).toEqual({ cy: 'Apwyntiadau gyda’r nos' });
    expect(body.description).toEqual({ cy: 'Mae angen clinigau gyda’r nos.' });
    expect(body.summary).toEqual({ cy: 'Dywedoch chi; gwnaethom ni.' });
    expect(checkProposal({ ...welsh, titleCy: 'x'.repeat(201) }).map((p) => p.key)).toEqual(['titleTooLong']);
  });
});

describe('PDSA stages and shares', () => {
  it('sends only the next stage, and no next cycle after abandoning', () => {
    expect(pdsaStageBody('do', { notes: ' Ran it ', on: '2026-01-05', decision: '', nextObjective: '' })).toEqual({
      do_notes: 'Ran it',
      done_on: '2026-01-05',
    });
    expect(pdsaStageBody('act', { notes: 'Stop', on: '2026-02-01', decision: 'abandon', nextObjective: 'More' })).toEqual({
      act_notes: 'Stop',
      acted_on: '2026-02-01',
      decision: 'abandon',
    });
    expect(pdsaStageBody('act', { notes: 'Keep', on: '2026-02-01', decision: 'adapt', nextObjective: 'Fridays too' })).toMatchObject({
      decision: 'adapt',
      next_objective: 'Fridays too',
    });
    expect(pdsaStageBody('done', { notes: '', on: '', decision: '', nextObjective: '' })).toBeNull();
  });

  it('writes shares as whole percentages, and nothing for no share', () => {
    expect(percentText(0.4, 'en')).toBe('40%');
    expect(percentText(null, 'en')).toBeNull();
  });
});

const ANSWER = '66666666-6666-4666-8666-666666666666';

describe('evidence from a published comment', () => {
  it('round-trips through the propose link, and the answer id wins over the campaign', () => {
    const link = proposeLink({ kind: 'comment', answerId: ANSWER, campaignId: CAMPAIGN }, P);
    const search = new URL(link, 'http://x').searchParams;
    expect(search.get('answer_id')).toBe(ANSWER);
    expect(search.get('partnership_id')).toBe(P);
    const evidence = evidenceFromSearch(search);
    expect(evidence).toEqual({ kind: 'comment', answerId: ANSWER, campaignId: CAMPAIGN });
    expect(evidence && evidenceBody(evidence)).toEqual({ kind: 'comment', answer_id: ANSWER });
  });

  it('ignores a malformed answer id (falls back to the campaign)', () => {
    expect(evidenceFromSearch(new URLSearchParams({ answer_id: 'nope', campaign_id: CAMPAIGN }))).toEqual({
      kind: 'campaign_result',
      campaignId: CAMPAIGN,
    });
  });
});

function fullAction(overrides: Partial<Action>): Action {
  return {
    id: 'a',
    status: 'under_review',
    title: { en: 'Evening appointments', cy: null },
    description: { en: 'Open later', cy: 'Agor yn hwyrach' },
    summary: { en: null, cy: null },
    standard_id: null,
    due_date: null,
    responsibilities: [],
    ...overrides,
  } as Action;
}

function part(organisation_id: string, role: 'lead' | 'supporting', state: 'pending' | 'accepted' | 'declined') {
  return { id: organisation_id, organisation_id, organisation_name: '', organisation_name_cy: null, role, state, owner_id: null, decision_note: null, decided_at: null, version: 1 };
}

describe('editing an action', () => {
  it('sends only what changed; an emptied summary or date is cleared with null', () => {
    const a = fullAction({ summary: { en: 'Old', cy: 'Hen' }, due_date: '2026-05-01' });
    const form = editFormOf(a);
    expect(editBody(form, a)).toEqual({});
    expect(editBody({ ...form, summaryEn: ' You said; we did. ', summaryCy: '' }, a)).toEqual({ summary: { en: 'You said; we did.' } });
    expect(editBody({ ...form, summaryEn: '', summaryCy: '' }, a)).toEqual({ summary: null });
    expect(editBody({ ...form, dueDate: '' }, a)).toEqual({ due_date: null });
    expect(editBody({ ...form, titleCy: 'Apwyntiadau', standardId: ORG_A }, a)).toEqual({
      title: { en: 'Evening appointments', cy: 'Apwyntiadau' },
      standard_id: ORG_A,
    });
    expect(editBody({ ...form, descriptionCy: '' }, a)).toEqual({ description: { en: 'Open later' } });
  });

  it('refuses a title or description written in neither language, and takes Welsh alone', () => {
    const form = editFormOf(fullAction({}));
    expect(checkEdit(form)).toEqual([]);
    expect(checkEdit({ ...form, titleEn: ' ', titleCy: '', descriptionEn: '', descriptionCy: '', summaryCy: 'Dim ond Cymraeg' }).map((p) => p.key)).toEqual([
      'titleMissing',
      'descriptionMissing',
    ]);
    expect(checkEdit({ ...form, titleEn: '', titleCy: 'Apwyntiadau', descriptionEn: '', descriptionCy: 'Yn hwyrach' })).toEqual([]);
    expect(editBody({ ...form, summaryEn: '', summaryCy: 'Dim ond Cymraeg' }, fullAction({}))).toMatchObject({ summary: { cy: 'Dim ond Cymraeg' } });
    expect(checkEdit({ ...form, dueDate: '1/2/2026' }).map((p) => p.name)).toEqual(['due_date']);
  });

  it('is for managers of the lead; with no lead, of those responsible; with none, of any member', () => {
    const leadManager = user([[ORG_A, 'manager']]);
    const supportManager = user([[ORG_B, 'admin']]);
    const withLead = fullAction({ responsibilities: [part(ORG_A, 'lead', 'pending'), part(ORG_B, 'supporting', 'accepted')] });
    expect(mayEditAction(leadManager, withLead, [])).toBe(true);
    expect(mayEditAction(supportManager, withLead, [])).toBe(false);
    expect(mayEditAction(user([[ORG_A, 'staff']]), withLead, [])).toBe(false);
    const leadDeclined = fullAction({ responsibilities: [part(ORG_A, 'lead', 'declined'), part(ORG_B, 'supporting', 'pending')] });
    expect(mayEditAction(supportManager, leadDeclined, [])).toBe(true);
    expect(mayEditAction(leadManager, leadDeclined, [ORG_A])).toBe(false);
    const nobody = fullAction({});
    expect(mayEditAction(leadManager, nobody, [ORG_A, ORG_B])).toBe(true);
    expect(mayEditAction(leadManager, nobody, [ORG_B])).toBe(false);
    expect(mayEditAction(leadManager, fullAction({ status: 'completed', responsibilities: [part(ORG_A, 'lead', 'accepted')] }), [])).toBe(false);
    expect(mayEditAction({ ...user([]), is_platform_admin: true }, nobody, [])).toBe(true);
  });
});

describe('partnership leads', () => {
  const members = [{ organisation_id: ORG_A }, { organisation_id: ORG_B }];
  const lead = (user_id: string, organisation_id: string) => ({ user_id, organisation_id, display_name: user_id }) as PartnershipLead;
  const me = (roles: [string, Role][]): User => ({ ...user(roles), id: 'u' });

  it('are appointed by administrators of their organisation; a current lead also from where they manage', () => {
    expect(appointableOrganisations(user([[ORG_A, 'admin']]), members, [])).toEqual([{ organisation_id: ORG_A }]);
    expect(appointableOrganisations(user([[ORG_A, 'manager']]), members, [])).toEqual([]);
    expect(appointableOrganisations(me([[ORG_A, 'manager']]), members, [lead('u', ORG_A)])).toEqual([{ organisation_id: ORG_A }]);
    expect(appointableOrganisations({ ...user([]), is_platform_admin: true }, members, [])).toEqual(members);
  });

  it('may be removed by their organisation\'s administrators and current leads, and may step down', () => {
    const someone = lead('someone', ORG_B);
    expect(mayRemoveLead(user([[ORG_B, 'admin']]), someone, [someone])).toBe(true);
    expect(mayRemoveLead(user([[ORG_A, 'admin']]), someone, [someone])).toBe(false);
    expect(mayRemoveLead(me([[ORG_A, 'manager']]), someone, [someone, lead('u', ORG_A)])).toBe(true);
    expect(mayRemoveLead(me([]), lead('u', ORG_B), [lead('u', ORG_B)])).toBe(true);
  });
});
