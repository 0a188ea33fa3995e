import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { AppProviders } from '../AppProviders';
import { setToken } from '../auth/token';
import { i18n } from '../i18n';

export interface RecordedRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  headers: Headers;
  body: string;
}

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
}

export function problem(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify({ status, type: 'urn:gwella:problem:test', title: 'Problem', ...body }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

/**
 * Replace fetch with a router of fake API answers, keyed "METHOD /path".
 * Unknown requests fail the test loudly (nothing is silently answered).
 */
export function mockApi(routes: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const recorded: RecordedRequest = {
      method: request.method,
      path: url.pathname,
      search: url.searchParams,
      headers: request.headers,
      body: request.method === 'GET' ? '' : await request.text(),
    };
    requests.push(recorded);
    const handler = routes[`${request.method} ${url.pathname}`];
    if (!handler) {
      throw new Error(`Unexpected request in test: ${request.method} ${url.pathname}`);
    }
    return handler(recorded);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, fetchMock };
}

export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });
}

export async function renderWithApp(
  ui: ReactElement,
  { route = '/', token = null, language = 'en' }: { route?: string; token?: string | null; language?: 'en' | 'cy' } = {},
) {
  await i18n.changeLanguage(language);
  if (token) setToken(token);
  const client = testQueryClient();
  const result = render(
    <MemoryRouter initialEntries={[route]}>
      <AppProviders client={client}>{ui}</AppProviders>
    </MemoryRouter>,
  );
  return { ...result, client };
}

/** A user as GET /users/me answers, with overrides. */
export function makeUser(overrides: Record<string, unknown> = {}) {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    email: 'alys@example.test',
    display_name: 'Alys Admin',
    language: 'en',
    is_platform_admin: false,
    is_active: true,
    last_sign_in_at: null,
    version: 3,
    created_at: '2025-01-01T00:00:00Z',
    updated_at: '2025-01-01T00:00:00Z',
    memberships: [],
    ...overrides,
  };
}
