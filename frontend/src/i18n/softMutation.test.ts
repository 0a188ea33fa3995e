import { describe, expect, it } from 'vitest';
import { i18n } from './index';
import { softMutation } from './localized';

describe('Welsh soft mutation', () => {
  it('softens words and names, keeping a capital', () => {
    expect(softMutation('Bwrdd Iechyd Prifysgol Bae Abermor')).toBe('Fwrdd Iechyd Prifysgol Bae Abermor');
    expect(softMutation('Cyngor Sir Abermor')).toBe('Gyngor Sir Abermor');
    expect(softMutation('Gwasanaethau Cymdeithasol')).toBe('Wasanaethau Cymdeithasol');
    expect(softMutation('Llais')).toBe('Lais');
    expect(softMutation('Rhwydwaith')).toBe('Rhwydwaith'.replace('Rh', 'R'));
    expect(softMutation('Theatr')).toBe('Theatr');
    expect(softMutation('defnyddiwr')).toBe('ddefnyddiwr');
    expect(softMutation('Iechyd')).toBe('Iechyd');
  });

  it('is what "gan {{organisation, soft}}" puts in, in Welsh only', () => {
    const organisation = 'Bwrdd Iechyd Prifysgol Bae Abermor';
    expect(i18n.t('agenda.reviews.metaNoDate', { organisation, lng: 'cy' })).toContain('gan Fwrdd Iechyd');
    expect(i18n.t('agenda.reviews.metaNoDate', { organisation, lng: 'en' })).toContain(organisation);
  });
});
