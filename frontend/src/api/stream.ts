// The live stream: GET /api/v1/stream (server-sent events) read through fetch, because
// EventSource cannot send the bearer token. One connection serves the whole app; pages
// subscribe with useStreamEvent and refetch what an event says has changed.
import { useEffect, useRef } from 'react';
import { getToken, onTokenChange } from '../auth/token';

export interface StreamEvent {
  event: string;
  data: unknown;
}

/** `results`: a response arrived in a campaign you can see. */
export interface ResultsEventData {
  campaign_id: string;
  /** Null while the count is below the campaign's minimum cell size. */
  responses: number | null;
}

/** `indicators`: measurements or annotations changed in an organisation. */
export interface IndicatorsEventData {
  organisation_id: string | null;
  action: string;
  record_id: string | null;
}

export const STREAM_PATH = '/api/v1/stream';
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

/**
 * Split a server-sent events text into complete events and the unfinished rest.
 * Comments (`: …`), `retry:` and `id:` lines are skipped; several `data:` lines are
 * joined with a newline; data that is not JSON is kept as a string.
 */
export function parseEvents(buffer: string): { events: StreamEvent[]; rest: string } {
  const normalised = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalised.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events: StreamEvent[] = [];
  for (const block of blocks) {
    let name = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) continue;
    const text = data.join('\n');
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      parsed = text;
    }
    events.push({ event: name, data: parsed });
  }
  return { events, rest };
}

/** The wait before reconnecting after `failures` failures in a row: 1 s, 2 s, 4 s … 30 s. */
export function retryDelay(failures: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
}

type Listener = (event: StreamEvent) => void;

const listeners = new Set<Listener>();
let controller: AbortController | null = null;

function dispatch(event: StreamEvent): void {
  for (const listener of [...listeners]) {
    try {
      listener(event);
    } catch {
      // One page's handler failing must not stop the others hearing the stream.
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/** Read the stream until it ends, then return; throws on a network failure. */
async function readOnce(token: string, signal: AbortSignal): Promise<'ended' | 'refused'> {
  const url = new URL(STREAM_PATH, typeof window !== 'undefined' ? window.location.origin : 'http://127.0.0.1');
  const response = await globalThis.fetch(url.toString(), {
    headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
    cache: 'no-store',
    signal,
  });
  if (response.status === 401 || response.status === 403) return 'refused';
  if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
  const reader = response.body.getReader();
  const stop = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', stop, { once: true });
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return 'ended';
      buffer += decoder.decode(value, { stream: true });
      const { events, rest } = parseEvents(buffer);
      buffer = rest;
      events.forEach(dispatch);
    }
  } finally {
    signal.removeEventListener('abort', stop);
    reader.releaseLock();
  }
}

async function run(signal: AbortSignal): Promise<void> {
  let failures = 0;
  while (!signal.aborted && listeners.size > 0) {
    const token = getToken();
    if (!token) return; // signed out: a sign-in (token change) starts it again
    try {
      const outcome = await readOnce(token, signal);
      if (outcome === 'refused') return;
      failures = 0;
      // Tell listeners they may have missed something while reconnecting.
      dispatch({ event: 'reconnected', data: null });
    } catch {
      if (signal.aborted) return;
      failures += 1;
    }
    await sleep(failures === 0 ? FIRST_RETRY_MS : retryDelay(failures), signal);
  }
}

function connect(): void {
  if (controller || listeners.size === 0 || !getToken()) return;
  const current = new AbortController();
  controller = current;
  void run(current.signal).finally(() => {
    if (controller === current) controller = null;
  });
}

function disconnect(): void {
  controller?.abort();
  controller = null;
}

onTokenChange(() => {
  // A new person (or none): drop the old connection and start again as them.
  disconnect();
  connect();
});

/** Listen to every stream event; returns the function that stops listening. */
export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) disconnect();
  };
}

/** Call `handler` for each stream event while the component is mounted. */
export function useStreamEvents(handler: (event: StreamEvent) => void, enabled = true): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    return subscribe((event) => latest.current(event));
  }, [enabled]);
}

export function isResultsEvent(event: StreamEvent): event is { event: 'results'; data: ResultsEventData } {
  return (
    event.event === 'results' &&
    typeof event.data === 'object' &&
    event.data !== null &&
    typeof (event.data as ResultsEventData).campaign_id === 'string'
  );
}

export function isIndicatorsEvent(event: StreamEvent): event is { event: 'indicators'; data: IndicatorsEventData } {
  return event.event === 'indicators' && typeof event.data === 'object' && event.data !== null;
}
