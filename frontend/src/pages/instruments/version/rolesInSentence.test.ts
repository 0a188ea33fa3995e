import { describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n';
import { rolesInSentence } from './ReviewSection';

describe('the roles that count, inside the review rule sentence', () => {
  it('are lower case in English', () => {
    const t = i18n.getFixedT('en');
    expect(rolesInSentence(['service_user', 'carer'], t, 'en')).toBe('service user or carer');
  });

  it('are lower case and softened after "neu" in Welsh', () => {
    const t = i18n.getFixedT('cy');
    expect(rolesInSentence(['service_user', 'carer'], t, 'cy')).toBe('defnyddiwr gwasanaeth neu ofalwr');
    expect(rolesInSentence(['staff', 'manager'], t, 'cy')).toBe('staff neu reolwr');
  });
});
