import { describe, expect, it } from 'vitest';
import { isResultsEvent, parseEvents, retryDelay } from './stream';

describe('the server-sent events parser', () => {
  it('splits complete events and keeps the unfinished rest', () => {
    const text =
      'retry: 1000\n\nevent: results\ndata: {"campaign_id": "c1", "responses": 7}\n\n: still here\n\nevent: notification\ndata: {"id": "n1"}\n\nevent: indi';
    const { events, rest } = parseEvents(text);
    expect(events).toEqual([
      { event: 'results', data: { campaign_id: 'c1', responses: 7 } },
      { event: 'notification', data: { id: 'n1' } },
    ]);
    expect(rest).toBe('event: indi');
    expect(isResultsEvent(events[0] ?? { event: '', data: null })).toBe(true);
    expect(isResultsEvent(events[1] ?? { event: '', data: null })).toBe(false);
  });

  it('reads CRLF line ends, joins data lines and keeps text that is not JSON', () => {
    const { events, rest } = parseEvents('data: one\r\ndata: two\r\n\r\n');
    expect(events).toEqual([{ event: 'message', data: 'one\ntwo' }]);
    expect(rest).toBe('');
  });

  it('waits longer after each failure, up to 30 seconds', () => {
    expect([1, 2, 3, 10].map(retryDelay)).toEqual([1000, 2000, 4000, 30000]);
  });
});
