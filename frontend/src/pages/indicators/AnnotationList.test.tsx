import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi, json, problem, renderWithApp } from '../../test/utils';
import type { AnnotationRead } from '../../features/indicators/apiAnnotations';
import { AnnotationList } from './AnnotationList';

const ME = 'u-me';
const note = (id: string, author: string | null, en: string, onDate = '2026-03-01'): AnnotationRead => ({
  id,
  indicator_id: 'ind',
  organisation_id: 'org',
  service_id: null,
  on_date: onDate,
  text: { en, cy: null },
  kind: author ? 'note' : 'pdsa',
  created_by_id: author,
  created_at: '2026-03-01T10:00:00Z',
  version: 77,
});
const PATH = '/api/v1/indicators/ind/annotations';
const list = (annotations: AnnotationRead[]) => (
  <AnnotationList indicatorId="ind" annotations={annotations} numbers={new Map([['n1', 1]])} userId={ME} />
);

describe('the annotation list', () => {
  it('lets only the author change or remove a note', async () => {
    mockApi({});
    await renderWithApp(list([note('n1', ME, 'Mine'), note('n2', 'u-other', 'Theirs', '2026-04-01'), note('n3', null, 'PDSA 1')]));
    const [mine, theirs, automatic] = screen.getAllByTestId('annotation');
    expect(within(mine!).getByRole('button', { name: /^Change/ })).toBeInTheDocument();
    expect(within(mine!).getByRole('button', { name: /^Remove/ })).toBeInTheDocument();
    for (const other of [theirs!, automatic!]) expect(within(other).queryByRole('button')).not.toBeInTheDocument();
  });

  it('removes a note after a yes, naming the version read (If-Match)', async () => {
    const { requests } = mockApi({ [`DELETE ${PATH}/n1`]: () => new Response(null, { status: 204 }) });
    const user = userEvent.setup();
    await renderWithApp(list([note('n1', ME, 'Mine')]));
    await user.click(screen.getByRole('button', { name: /^Remove/ }));
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Yes, remove it' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(1));
    expect(requests.find((r) => r.method === 'DELETE')!.headers.get('if-match')).toBe('"77"');
  });

  it('corrects a note, and shows the API’s refusal of a future day in Welsh', async () => {
    let calls = 0;
    const { requests } = mockApi({
      [`PATCH ${PATH}/n1`]: () => {
        calls += 1;
        return calls === 1
          ? problem(422, { errors: [{ field: 'body.on_date', message: 'Ni all nodyn gael dyddiad yn y dyfodol: dewiswch heddiw neu ddiwrnod cynharach.' }] })
          : json(note('n1', ME, 'Clinig newydd'));
      },
    });
    const user = userEvent.setup();
    await renderWithApp(list([note('n1', ME, 'Mine')]), { language: 'cy' });
    await user.click(screen.getByRole('button', { name: /^Newid/ }));
    const form = screen.getByTestId('annotation-edit-form');
    const english = within(form).getByLabelText(/Saesneg/);
    await user.clear(english);
    await user.type(english, 'New clinic');
    await user.click(within(form).getByRole('button', { name: "Cadw'r nodyn" }));
    expect(await within(form).findAllByText(/Ni all nodyn gael dyddiad yn y dyfodol/)).not.toHaveLength(0);
    const sent = requests.find((r) => r.method === 'PATCH')!;
    expect(sent.headers.get('if-match')).toBe('"77"');
    expect(JSON.parse(sent.body)).toEqual({ on_date: '2026-03-01', text: { en: 'New clinic', cy: null } });
    await user.click(within(form).getByRole('button', { name: "Cadw'r nodyn" }));
    await waitFor(() => expect(screen.queryByTestId('annotation-edit-form')).not.toBeInTheDocument());
  });
});
