import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { json, makeUser, mockApi, problem, renderWithApp } from '../test/utils';
import { Layout } from './Layout';

function page() {
  return (
    <Layout>
      <h1>Test page</h1>
    </Layout>
  );
}

describe('Language switch', () => {
  it('switches to Welsh and back, sets lang on the document and remembers the choice in this browser', async () => {
    const { fetchMock } = mockApi({});
    await renderWithApp(page());
    expect(document.documentElement.lang).toBe('en');
    const user = userEvent.setup();

    const toWelsh = screen.getByRole('button', { name: 'Cymraeg' });
    expect(toWelsh).toHaveAttribute('lang', 'cy');
    await user.click(toWelsh);

    await waitFor(() => expect(document.documentElement.lang).toBe('cy'));
    expect(i18n.language).toBe('cy');
    expect(window.localStorage.getItem('gwella.language')).toBe('cy');
    expect(screen.getByRole('link', { name: "Neidio i'r prif gynnwys" })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Mewngofnodi' })).toBeInTheDocument();

    const toEnglish = screen.getByRole('button', { name: 'English' });
    expect(toEnglish).toHaveAttribute('lang', 'en');
    await user.click(toEnglish);
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(window.localStorage.getItem('gwella.language')).toBe('en');
    // Nobody is signed in, so nothing is saved to a profile.
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('saves the language to the profile of a signed-in person with If-Match', async () => {
    const { requests } = mockApi({
      'GET /api/v1/users/me': () => json(makeUser(), { headers: { ETag: '"3"' } }),
      'PATCH /api/v1/users/me': () => json(makeUser({ language: 'cy', version: 4 }), { headers: { ETag: '"4"' } }),
    });
    await renderWithApp(page(), { token: 'tok' });
    const user = userEvent.setup();
    await screen.findByText('Alys Admin');
    await user.click(screen.getByRole('button', { name: 'Cymraeg' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = requests.find((r) => r.method === 'PATCH')!;
    expect(patch.headers.get('If-Match')).toBe('"3"');
    expect(patch.headers.get('Authorization')).toBe('Bearer tok');
    expect(JSON.parse(patch.body)).toEqual({ language: 'cy' });
    expect(screen.getByRole('button', { name: 'Allgofnodi' })).toBeInTheDocument();
  });

  it('reads the profile again and retries once when the ETag is stale', async () => {
    let version = 3;
    const { requests } = mockApi({
      'GET /api/v1/users/me': () => json(makeUser({ version }), { headers: { ETag: `"${version}"` } }),
      'PATCH /api/v1/users/me': (request) =>
        request.headers.get('If-Match') === `"${version}"`
          ? json(makeUser({ language: 'cy', version: version + 1 }), { headers: { ETag: `"${version + 1}"` } })
          : problem(412, { detail: 'stale' }),
    });
    await renderWithApp(page(), { token: 'tok' });
    await screen.findByText('Alys Admin');
    version = 7; // changed in another tab
    await userEvent.setup().click(screen.getByRole('button', { name: 'Cymraeg' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(2));
    expect(requests.filter((r) => r.method === 'PATCH').map((r) => r.headers.get('If-Match'))).toEqual(['"3"', '"7"']);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says so when the profile cannot be saved, but keeps the language in this browser', async () => {
    mockApi({
      'GET /api/v1/users/me': () => json(makeUser(), { headers: { ETag: '"3"' } }),
      'PATCH /api/v1/users/me': () => problem(500, { detail: 'boom' }),
    });
    await renderWithApp(page(), { token: 'tok' });
    await screen.findByText('Alys Admin');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Cymraeg' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Doedd dim modd cadw eich iaith yn eich proffil');
    expect(document.documentElement.lang).toBe('cy');
    expect(window.localStorage.getItem('gwella.language')).toBe('cy');
  });
});
