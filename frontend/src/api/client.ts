// The one API client of the app: generated types (schema.d.ts) through openapi-fetch.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { getToken, setToken } from '../auth/token';
import { i18n } from '../i18n';
import { ApiProblem, networkProblem, toProblem } from './problem';
import { revalidation } from './revalidate';

const authAndLanguage: Middleware = {
  onRequest({ request }) {
    const token = getToken();
    if (token && !request.headers.has('Authorization')) {
      request.headers.set('Authorization', `Bearer ${token}`);
    }
    request.headers.set('Accept-Language', i18n.language || 'en');
    return request;
  },
  onResponse({ request, response }) {
    // A token that the API no longer accepts (expired, revoked elsewhere) ends the
    // session here so that the app shows the sign-in page instead of failing quietly.
    if (response.status === 401 && request.headers.has('Authorization') && getToken()) {
      setToken(null, 'expired');
    }
    return response;
  },
};

function baseUrl(): string {
  return typeof window !== 'undefined' ? window.location.origin : 'http://127.0.0.1';
}

export const api = createClient<paths>({
  baseUrl: baseUrl(),
  // Resolve fetch at call time so tests can replace globalThis.fetch.
  fetch: (input: Request) => globalThis.fetch(input),
});
api.use(authAndLanguage);
api.use(revalidation); // after authAndLanguage: its key holds the token and the language

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Await an openapi-fetch call and return its data, or throw an ApiProblem for an
 * error answer or a network failure. Use inside React Query functions.
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (err) {
    if (err instanceof ApiProblem) throw err;
    throw networkProblem();
  }
  const { data, error, response } = result;
  if (!response.ok || error !== undefined) {
    throw toProblem(response.status, error);
  }
  return data as T;
}

/** Like unwrap, but also returns the ETag of the answer (for a later If-Match). */
export async function unwrapWithEtag<T>(
  call: Promise<FetchResult<T>>,
): Promise<{ data: T; etag: string | null }> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch {
    throw networkProblem();
  }
  const { data, error, response } = result;
  if (!response.ok || error !== undefined) {
    throw toProblem(response.status, error);
  }
  return { data: data as T, etag: response.headers.get('ETag') };
}
