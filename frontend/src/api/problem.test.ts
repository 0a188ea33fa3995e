import { describe, expect, it } from 'vitest';
import { ApiProblem, lastSegment, toProblem } from './problem';

describe('problem details', () => {
  it('matches field paths on their last segment', () => {
    expect(lastSegment('body.name')).toBe('name');
    expect(lastSegment('name')).toBe('name');
    expect(lastSegment('body.scopes.0')).toBe('scopes');
    expect(lastSegment('query.limit')).toBe('limit');
  });

  it('reads an RFC 9457 problem with field errors', () => {
    const p = toProblem(422, {
      type: 'urn:gwella:problem:validation-failed',
      title: 'Validation failed',
      status: 422,
      detail: 'Check the fields.',
      errors: [{ field: 'body.email', message: 'is not an email address' }, { nonsense: true }],
    });
    expect(p).toBeInstanceOf(ApiProblem);
    expect(p.status).toBe(422);
    expect(p.detail).toBe('Check the fields.');
    expect(p.errors).toEqual([{ field: 'body.email', message: 'is not an email address' }]);
    expect(p.fieldMessage('email')).toBe('is not an email address');
    expect(p.fieldMessage('name')).toBeUndefined();
  });

  it("reads FastAPI's own validation errors too", () => {
    const p = toProblem(422, { detail: [{ loc: ['body', 'name'], msg: 'Field required', type: 'missing' }] });
    expect(p.errors).toEqual([{ field: 'body.name', message: 'Field required' }]);
  });

  it('keeps a plain-text error body as the detail', () => {
    expect(toProblem(502, 'Bad gateway').detail).toBe('Bad gateway');
    expect(toProblem(500, undefined).detail).toBeNull();
  });
});
