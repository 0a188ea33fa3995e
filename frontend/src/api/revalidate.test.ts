import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setToken } from '../auth/token';
import { mockApi, json } from '../test/utils';
import { api, unwrap } from './client';
import { forgetKeptAnswers } from './revalidate';

const TAG = 'W/"0123456789abcdef0123456789abcdef"';
const PAGE = { items: [{ id: 'a', name: 'Bwrdd' }], next_cursor: null, next: null };

describe('conditional GET of tagged answers', () => {
  beforeEach(() => {
    forgetKeptAnswers();
    setToken('gwu_alys');
  });
  afterEach(() => setToken(null));

  it('sends the kept tag back and turns a 304 into the kept answer', async () => {
    let calls = 0;
    const { requests } = mockApi({
      'GET /api/v1/organisations': () =>
        calls++ === 0 ? json(PAGE, { headers: { ETag: TAG } }) : new Response(null, { status: 304, headers: { ETag: TAG } }),
    });
    const first = await unwrap(api.GET('/api/v1/organisations'));
    const second = await unwrap(api.GET('/api/v1/organisations'));
    expect(first).toEqual(PAGE);
    expect(second).toEqual(PAGE);
    expect(requests.map((r) => r.headers.get('If-None-Match'))).toEqual([null, TAG]);
  });

  it('keeps nothing across people, nor answers whose tag is a record version', async () => {
    const { requests } = mockApi({
      'GET /api/v1/organisations': () => json(PAGE, { headers: { ETag: TAG } }),
      'GET /api/v1/users/me': () => json({ id: 'me' }, { headers: { ETag: '"3"' } }),
    });
    await unwrap(api.GET('/api/v1/organisations'));
    await unwrap(api.GET('/api/v1/users/me'));
    await unwrap(api.GET('/api/v1/users/me'));
    setToken('gwu_siwan');
    await unwrap(api.GET('/api/v1/organisations'));
    expect(requests.map((r) => r.headers.get('If-None-Match'))).toEqual([null, null, null, null]);
  });

  it('asks afresh when the answer changed', async () => {
    const other = 'W/"ffffffffffffffffffffffffffffffff"';
    let calls = 0;
    const { requests } = mockApi({
      'GET /api/v1/organisations': () => json({ ...PAGE, items: [] }, { headers: { ETag: calls++ ? other : TAG } }),
    });
    await unwrap(api.GET('/api/v1/organisations'));
    const changed = await unwrap(api.GET('/api/v1/organisations'));
    await unwrap(api.GET('/api/v1/organisations'));
    expect(changed.items).toEqual([]);
    expect(requests.map((r) => r.headers.get('If-None-Match'))).toEqual([null, TAG, other]);
  });
});
