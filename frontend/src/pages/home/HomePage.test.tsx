import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import type { Agenda } from '../../features/home/api';
import { json, makeUser, mockApi, problem, renderWithApp } from '../../test/utils';
import { HomePage } from '../HomePage';

const ORG = '22222222-2222-4222-8222-222222222222';
const VERSION = '33333333-3333-4333-8333-333333333333';
const ACTION = '44444444-4444-4444-8444-444444444444';
const INDICATOR = '55555555-5555-4555-8555-555555555555';

const place = { organisation_id: ORG, organisation_name: 'Bae Abermor Health Board', organisation_name_cy: 'Bwrdd Iechyd Bae Abermor', service_id: null, service_name: null, service_name_cy: null };

function empty(): Agenda {
  return {
    today: '2027-02-10',
    reviews: { total: 0, items: [] },
    suggestions: { total: 0, items: [] },
    responsibilities: { total: 0, items: [] },
    signals: { total: 0, items: [] },
    overdue: { total: 0, items: [] },
    changes: { unread: 0, unread_more: false, items: [], link: '/notifications' },
  };
}

function full(): Agenda {
  const review = (n: number) => ({
    version_id: `${VERSION.slice(0, -1)}${n}`,
    instrument_id: 'i',
    title: { en: `Survey ${n}`, cy: `Arolwg ${n}` },
    version_number: 2,
    requested_at: '2027-02-08T10:00:00Z',
    owner: place,
    link: `/instrument-versions/${VERSION.slice(0, -1)}${n}`,
  });
  return {
    ...empty(),
    reviews: { total: 3, items: [review(1), review(2), review(3)] },
    suggestions: {
      total: 1,
      items: [
        {
          contribution_id: 'c1',
          version_id: VERSION,
          instrument_id: 'i',
          title: { en: 'Your experience', cy: 'Eich profiad' },
          kind: 'question',
          body: 'Were you asked what matters to you?',
          language: 'en',
          author_role: 'service_user',
          created_at: '2027-02-01T09:00:00Z',
          link: `/instrument-versions/${VERSION}`,
        },
      ],
    },
    responsibilities: {
      total: 2,
      items: [
        {
          action_id: ACTION,
          responsibility_id: 'r1',
          title: { en: 'Evening appointments', cy: null },
          role: 'lead',
          organisation: place,
          asked_at: '2027-02-01T09:00:00Z',
          due_date: '2027-05-31',
          link: `/actions/${ACTION}`,
        },
        {
          action_id: `${ACTION.slice(0, -1)}5`,
          responsibility_id: 'r2',
          title: { en: 'Care plans in Welsh', cy: 'Cynlluniau gofal yn Gymraeg' },
          role: 'supporting',
          organisation: place,
          asked_at: '2027-02-02T09:00:00Z',
          due_date: null,
          link: `/actions/${ACTION.slice(0, -1)}5`,
        },
      ],
    },
    signals: {
      total: 12,
      items: [
        {
          indicator_id: INDICATOR,
          title: { en: 'Waiting times', cy: 'Amseroedd aros' },
          place,
          period_start: '2027-01-01',
          period_end: '2027-01-31',
          value: 42,
          unit: 'days',
          rule: 'outside_limits',
          nature: 'concern',
          link: `/indicators/${INDICATOR}?organisation_id=${ORG}`,
        },
      ],
    },
    overdue: {
      total: 1,
      items: [
        {
          action_id: ACTION,
          title: { en: 'Evening appointments', cy: 'Apwyntiadau gyda’r nos' },
          status: 'in_progress',
          due_date: '2027-02-08',
          days_overdue: 2,
          role: 'lead',
          organisation: place,
          link: `/actions/${ACTION}`,
        },
      ],
    },
    changes: {
      unread: 1,
      unread_more: false,
      link: '/notifications',
      items: [
        {
          id: 'n1',
          kind: 'action.assigned',
          title: { en: 'You are asked to lead an action', cy: 'Gofynnir i chi arwain cam gweithredu' },
          body: { en: 'b', cy: 'b' },
          link: `/actions/${ACTION}`,
          record_type: 'action',
          record_id: ACTION,
          created_at: '2027-02-09T14:05:00Z',
          read_at: null,
        },
      ],
    },
  };
}

const manager = makeUser({
  display_name: 'Morgan',
  memberships: [{ id: 'm1', user_id: 'u', organisation_id: ORG, role: 'manager', created_at: '' }],
}) as unknown as User;

function routes(agenda: () => Response) {
  return mockApi({
    'GET /api/v1/me/agenda': agenda,
    'GET /api/v1/instruments': () => json({ items: [], next_cursor: null, next: null }),
    [`GET /api/v1/organisations/${ORG}`]: () =>
      json({ id: ORG, name: 'Bae Abermor Health Board', name_cy: 'Bwrdd Iechyd Bae Abermor', kind: 'health_board', code_scheme: null, code: null, is_active: true, version: 1, created_at: '', updated_at: '' }),
    'GET /api/v1/stream': () => new Response(null, { status: 403 }),
  });
}

describe('The home page', () => {
  it('shows first what needs the person, each item a link to where they act, counted in English', async () => {
    routes(() => json(full()));
    await renderWithApp(<HomePage user={manager} />, { token: 'tok' });
    const agenda = await screen.findByTestId('agenda');
    expect(within(agenda).getByRole('heading', { level: 2, name: 'What needs you' })).toBeInTheDocument();
    expect(within(agenda).getByRole('heading', { name: '3 reviews asked of you' })).toBeInTheDocument();
    expect(within(agenda).getByRole('heading', { name: '1 suggestion to answer' })).toBeInTheDocument();
    expect(within(agenda).getByRole('heading', { name: 'Your organisation is asked to take part in 2 actions' })).toBeInTheDocument();
    expect(within(agenda).getByRole('heading', { name: '12 signals on your indicators' })).toBeInTheDocument();
    expect(within(agenda).getByRole('heading', { name: '1 action overdue' })).toBeInTheDocument();
    expect(screen.queryByTestId('agenda-empty')).toBeNull();

    expect(within(agenda).getByRole('link', { name: 'Survey 2' })).toHaveAttribute('href', `/instrument-versions/${VERSION.slice(0, -1)}2`);
    const reviews = screen.getByTestId('agenda-reviews');
    expect(reviews).toHaveTextContent('Sent for review on 8 February 2027 by Bae Abermor Health Board');
    const suggestion = screen.getByTestId('agenda-suggestions');
    expect(within(suggestion).getByRole('link', { name: 'Your experience' })).toHaveAttribute('href', `/instrument-versions/${VERSION}`);
    expect(suggestion).toHaveTextContent('“Were you asked what matters to you?”');
    expect(suggestion).toHaveTextContent('Suggested question · Service user · 1 February 2027');
    const parts = screen.getByTestId('agenda-responsibilities');
    expect(within(parts).getByRole('link', { name: 'Evening appointments' })).toHaveAttribute('href', `/actions/${ACTION}`);
    expect(parts).toHaveTextContent('Bae Abermor Health Board is asked to lead it · Due 31 May 2027');
    expect(parts).toHaveTextContent('Bae Abermor Health Board is asked to support it');
    // The nature of a signal is said in words, not by colour alone.
    const signals = screen.getByTestId('agenda-signals');
    expect(within(signals).getByRole('link', { name: 'Waiting times: Bae Abermor Health Board' })).toHaveAttribute(
      'href',
      `/indicators/${INDICATOR}?organisation_id=${ORG}`,
    );
    expect(signals).toHaveTextContent('Special cause: concern');
    expect(signals).toHaveTextContent('42 days for the period ending 31 January 2027: outside the limits');
    expect(within(signals).getByRole('link', { name: '11 more: see them all' })).toHaveAttribute('href', '/indicators');
    const overdue = screen.getByTestId('agenda-overdue');
    expect(overdue).toHaveTextContent('2 days overdue');
    expect(overdue).toHaveTextContent('Due 8 February 2027 · your organisation leads it');

    const changes = screen.getByTestId('agenda-changes');
    expect(within(changes).getByRole('heading', { level: 2, name: 'What changed' })).toBeInTheDocument();
    expect(changes).toHaveTextContent('1 notification you have not read');
    expect(within(changes).getByRole('link', { name: 'You are asked to lead an action' })).toHaveAttribute('href', `/actions/${ACTION}`);
    expect(within(changes).getByRole('link', { name: 'See all your notifications' })).toHaveAttribute('href', '/notifications');

    // The role links stay, lower on the page.
    expect(screen.getByRole('heading', { level: 2, name: 'Everything you can do' })).toBeInTheDocument();
    expect(await screen.findByTestId('membership-card')).toBeInTheDocument();
    const everything = screen.getByRole('heading', { level: 2, name: 'Everything you can do' });
    expect(agenda.compareDocumentPosition(everything) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('counts in Welsh with its plural forms and Welsh month names', async () => {
    const agenda = full();
    agenda.responsibilities.total = 2;
    agenda.overdue = { total: 3, items: [{ ...agenda.overdue.items[0]!, days_overdue: 2 }] };
    agenda.signals = { total: 1, items: agenda.signals.items };
    routes(() => json(agenda));
    await renderWithApp(<HomePage user={manager} />, { token: 'tok', language: 'cy' });
    const shown = await screen.findByTestId('agenda');
    expect(within(shown).getByRole('heading', { level: 2, name: 'Beth sydd angen eich sylw' })).toBeInTheDocument();
    expect(within(shown).getByRole('heading', { name: 'Gofynnir i chi adolygu 3 arolwg' })).toBeInTheDocument();
    expect(within(shown).getByRole('heading', { name: "1 awgrym i'w ateb" })).toBeInTheDocument();
    expect(within(shown).getByRole('heading', { name: "Gofynnir i'ch sefydliad gymryd rhan mewn 2 gam gweithredu" })).toBeInTheDocument();
    expect(within(shown).getByRole('heading', { name: '3 cham gweithredu yn hwyr' })).toBeInTheDocument();
    expect(within(shown).getByRole('heading', { name: '1 arwydd ar eich dangosyddion' })).toBeInTheDocument();
    expect(screen.getByTestId('agenda-overdue')).toHaveTextContent('2 ddiwrnod yn hwyr');
    expect(screen.getByTestId('agenda-reviews')).toHaveTextContent("Anfonwyd i'w adolygu ar 8 Chwefror 2027 gan Fwrdd Iechyd Bae Abermor");
    expect(screen.getByTestId('agenda-signals')).toHaveTextContent('Achos arbennig: pryder');
    // A title written only in English is shown in English, marked as such.
    const lead = within(screen.getByTestId('agenda-responsibilities')).getByRole('link', { name: 'Evening appointments' });
    expect(lead.querySelector('[lang="en"]')).not.toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Popeth y gallwch ei wneud' })).toBeInTheDocument();
  });

  it('says honestly when nothing needs the person, and shows no empty sections', async () => {
    routes(() => json(empty()));
    await renderWithApp(<HomePage user={manager} />, { token: 'tok' });
    expect(await screen.findByTestId('agenda-empty')).toHaveTextContent('Nothing needs you today.');
    expect(screen.queryByTestId('agenda-reviews')).toBeNull();
    expect(screen.queryByTestId('agenda-signals')).toBeNull();
    expect(screen.getByTestId('agenda-changes')).toHaveTextContent('Nothing new.');
  });

  it('says so when the agenda cannot be read, and still offers everything else', async () => {
    routes(() => problem(503, { detail: 'The database is not reachable; nothing was changed.' }));
    await renderWithApp(<HomePage user={manager} />, { token: 'tok' });
    expect(await screen.findByRole('alert')).toHaveTextContent('The database is not reachable');
    expect(screen.getByRole('heading', { level: 2, name: 'Everything you can do' })).toBeInTheDocument();
  });
});
