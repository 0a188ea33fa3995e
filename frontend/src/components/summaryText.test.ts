import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { ApiProblem } from '../api/problem';
import { errorsFromProblem, summaryText } from './useFormErrors';

const t = ((key: string) => key) as unknown as TFunction;

describe('field problems in the error summary', () => {
  it('names the field of a server sentence, reads a fragment on from the label, and leaves the form’s own words alone', () => {
    const problem = new ApiProblem(422, {
      errors: [
        { field: 'body.name', message: 'This cannot be longer than 200 characters.' },
        { field: 'body.code', message: 'is already used by another organisation' },
      ],
    });
    const [name, code] = errorsFromProblem(problem, t).fields;
    expect(summaryText('Name', name!)).toBe('Name: This cannot be longer than 200 characters.');
    expect(summaryText('Code', code!)).toBe('Code is already used by another organisation');
    expect(summaryText('Date', { name: 'date', message: 'Enter the date of the annotation' })).toBe('Enter the date of the annotation');
    expect(summaryText(undefined, name!)).toBe('This cannot be longer than 200 characters.');
    expect(summaryText('Enw', { name: 'name', message: 'Ni all hwn fod yn hwy na 200 nod.', fromApi: true })).toBe('Enw: Ni all hwn fod yn hwy na 200 nod.');
  });
});
