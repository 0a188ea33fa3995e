import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { i18n } from './index';
import { I18nextProvider } from 'react-i18next';
import { shownIn } from './localized';
import { LocalText } from '../components/LocalText';
import { byWhom } from '../features/actions/actionsModel';

describe('bilingual text shown honestly', () => {
  it('says which language it shows, and when it is not the page’s', () => {
    expect(shownIn({ en: 'Evening clinics', cy: 'Clinigau gyda’r nos' }, 'cy')).toEqual({ text: 'Clinigau gyda’r nos', lang: 'cy', otherLanguage: false });
    expect(shownIn({ en: null, cy: 'Clinigau gyda’r nos' }, 'en')).toEqual({ text: 'Clinigau gyda’r nos', lang: 'cy', otherLanguage: true });
    expect(shownIn({ en: 'Evening clinics', cy: '  ' }, 'cy')).toEqual({ text: 'Evening clinics', lang: 'en', otherLanguage: true });
    expect(shownIn({ en: '', cy: null }, 'cy')).toBeNull();
    expect(shownIn(null, 'en')).toBeNull();
  });

  it('marks Welsh on an English page "(Welsh only)" with lang="cy", and English on a Welsh page "(Saesneg yn unig)"', async () => {
    await i18n.changeLanguage('en');
    const { unmount } = render(
      <I18nextProvider i18n={i18n}>
        <p data-testid="shown">
          <LocalText text={{ cy: 'Clinigau gyda’r nos' }} />
        </p>
      </I18nextProvider>,
    );
    expect(screen.getByTestId('shown')).toHaveTextContent('Clinigau gyda’r nos (Welsh only)');
    expect(screen.getByText('Clinigau gyda’r nos')).toHaveAttribute('lang', 'cy');
    unmount();

    await i18n.changeLanguage('cy');
    render(
      <I18nextProvider i18n={i18n}>
        <p data-testid="shown">
          <LocalText text={{ en: 'Evening clinics' }} />
        </p>
        <p data-testid="own">
          <LocalText text={{ en: 'Evening clinics', cy: 'Clinigau gyda’r nos' }} />
        </p>
        <p data-testid="none">
          <LocalText text={{ en: '', cy: null }} fallback="Dim crynodeb" />
        </p>
      </I18nextProvider>,
    );
    expect(screen.getByTestId('shown')).toHaveTextContent('Evening clinics (Saesneg yn unig)');
    expect(screen.getByText('Evening clinics')).toHaveAttribute('lang', 'en');
    expect(screen.getByTestId('own')).toHaveTextContent(/^Clinigau gyda’r nos$/);
    expect(screen.getByTestId('none')).toHaveTextContent('Dim crynodeb');
    await i18n.changeLanguage('en');
  });

  it('says who proposed or supported in the page’s words, from the recorded role', () => {
    expect(byWhom('proposed', 'service_user')).toBe('improvement.timeline.proposedBy.service_user');
    expect(byWhom('proposed', 'manager')).toBe('improvement.timeline.proposedBy.staff');
    expect(byWhom('supported', 'carer')).toBe('improvement.timeline.supportedBy.carer');
    expect(byWhom('supported', 'staff')).toBeNull();
    expect(byWhom('proposed', null)).toBeNull();
    const serviceUser = byWhom('proposed', 'service_user');
    const staff = byWhom('proposed', 'staff');
    if (!serviceUser || !staff) throw new Error('a proposal has words for who made it');
    expect(i18n.getFixedT('cy')(serviceUser)).toBe("Wedi'i gynnig gan ddefnyddiwr gwasanaeth");
    expect(i18n.getFixedT('en')(staff)).toBe('Proposed by a member of staff');
  });
});
