// Conditional GET for the answers the API tags weakly (results, charts, the main lists):
// the last answers are kept in memory, their ETag is sent back in If-None-Match, and a
// 304 Not Modified is handed on as the kept answer. The API marks answers to signed-in
// callers `Cache-Control: no-store`, so the browser's own cache never does this; here
// nothing is written to disk, keys carry the token (another person never gets them),
// and everything kept is dropped when the token changes.
import type { Middleware } from 'openapi-fetch';
import { onTokenChange } from '../auth/token';

interface Kept {
  etag: string;
  body: string;
  headers: [string, string][];
}

const MAX_ANSWERS = 40;
const MAX_CHARACTERS = 8_000_000;
const kept = new Map<string, Kept>();
let characters = 0;

function keyOf(request: Request): string {
  const auth = request.headers.get('Authorization') ?? '';
  return `${request.url}\n${auth}\n${request.headers.get('Accept-Language') ?? ''}`;
}

function drop(key: string): void {
  const known = kept.get(key);
  if (known) {
    characters -= known.body.length;
    kept.delete(key);
  }
}

function keep(key: string, answer: Kept): void {
  drop(key);
  if (answer.body.length > MAX_CHARACTERS) return;
  kept.set(key, answer);
  characters += answer.body.length;
  for (const oldest of kept.keys()) {
    if (kept.size <= MAX_ANSWERS && characters <= MAX_CHARACTERS) break;
    drop(oldest);
  }
}

/** Forget every kept answer. */
export function forgetKeptAnswers(): void {
  kept.clear();
  characters = 0;
}

onTokenChange(() => forgetKeptAnswers());

export const revalidation: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' || request.headers.has('If-None-Match')) return undefined;
    const known = kept.get(keyOf(request));
    if (known) request.headers.set('If-None-Match', known.etag);
    return request;
  },
  async onResponse({ request, response }) {
    if (request.method !== 'GET') return undefined;
    const key = keyOf(request);
    if (response.status === 304) {
      const known = kept.get(key);
      if (!known || response.headers.get('ETag') !== known.etag) return undefined;
      keep(key, known); // the most recently used, last
      return new Response(known.body, { status: 200, headers: known.headers });
    }
    const etag = response.headers.get('ETag');
    if (response.status === 200 && etag?.startsWith('W/"')) {
      keep(key, { etag, body: await response.clone().text(), headers: [...response.headers] });
    } else {
      drop(key);
    }
    return undefined;
  },
};
