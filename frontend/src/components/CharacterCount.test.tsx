import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { renderWithApp } from '../test/utils';
import { characterCountKey } from './CharacterCount';
import { Textarea } from './fields';

function Answer({ limit, language }: { limit: number; language?: string }) {
  const [value, setValue] = useState('');
  return <Textarea id="say" label="Anything else?" limit={limit} countLanguage={language} value={value} onChange={(e) => setValue(e.target.value)} />;
}

describe('a character count instead of a silent cut', () => {
  it('says the limit, what is left, and how far over the text is', () => {
    expect(characterCountKey(0, 1000)).toEqual({ key: 'limit', count: 1000 });
    expect(characterCountKey(999, 1000)).toEqual({ key: 'remaining', count: 1 });
    expect(characterCountKey(1000, 1000)).toEqual({ key: 'remaining', count: 0 });
    expect(characterCountKey(1126, 1000)).toEqual({ key: 'tooMany', count: 126 });
  });

  it('keeps every character pasted beyond the limit and says how many to remove', async () => {
    await renderWithApp(<Answer limit={10} />, { route: '/' });
    const box = screen.getByLabelText('Anything else?');
    expect(box).not.toHaveAttribute('maxlength');
    expect(screen.getByTestId('character-count')).toHaveTextContent('You can enter up to 10 characters');
    await userEvent.setup().type(box, 'abcdefghi');
    expect(screen.getByTestId('character-count')).toHaveTextContent('You have 1 character remaining');
    await userEvent.setup().type(box, 'jkl');
    expect(box).toHaveValue('abcdefghijkl');
    expect(screen.getByTestId('character-count')).toHaveTextContent('You have 2 characters too many');
    expect(box).toHaveAccessibleDescription(/You have 2 characters too many/);
  });

  it('counts in the survey’s own language', async () => {
    await renderWithApp(<Answer limit={1000} language="cy" />, { route: '/' });
    expect(screen.getByTestId('character-count')).toHaveTextContent('Gallwch roi hyd at 1000 nod');
  });
});

describe('plurals in English and Welsh', () => {
  it('says "1 approval" and "2 approvals", never "approval(s)"', () => {
    const en = i18n.getFixedT('en');
    expect(en('instruments.review.policy', { count: 1, roles: 'service users' })).toBe('Publishing needs 1 approval from reviewers who are: service users.');
    expect(en('instruments.review.policy', { count: 2, roles: 'service users' })).toBe('Publishing needs 2 approvals from reviewers who are: service users.');
  });

  it('uses each Welsh plural form by its number', () => {
    const cy = i18n.getFixedT('cy');
    const needs = (count: number) => cy('instruments.review.policy', { count, roles: 'defnyddwyr gwasanaeth' });
    expect(needs(1)).toContain('1 gymeradwyaeth');
    expect(needs(2)).toContain('2 gymeradwyaeth');
    expect(needs(3)).toContain('3 cymeradwyaeth');
    expect(needs(6)).toContain('6 chymeradwyaeth');
    expect(needs(7)).toContain('7 o gymeradwyaethau');
    expect(cy('characterCount.tooMany', { count: 2 })).toBe('Mae gennych 2 nod yn ormod');
  });
});
