import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { releaseState, type Disclosure } from '../../features/results/resultsModel';

/**
 * How the numbers are protected, in plain words, and when they last moved on: every count
 * is slightly adjusted, small ones are held back, and (for anonymous and pseudonymous
 * campaigns) results move on only by releases of several answers at a time.
 */
export function DisclosureNote({
  disclosure,
  someHeldBack,
  shown = true,
}: {
  disclosure: Disclosure;
  someHeldBack: boolean;
  /** Whether the chosen scope and period have anything released to show. */
  shown?: boolean;
}) {
  const { t } = useTranslation();
  const release = releaseState(disclosure);
  return (
    <div className="nhsuk-inset-text" data-testid="disclosure-note">
      <span className="nhsuk-u-visually-hidden">{t('common.information')}</span>
      <p>
        <strong>{t('results.protection.adjusted')}</strong>
      </p>
      <p>{t('results.protection.details', { n: disclosure.min_cell_size, max: disclosure.max_change })}</p>
      {someHeldBack ? <p>{t('results.suppressionSome')}</p> : null}
      <p>{release.kind === 'batched' ? t('results.protection.batched', { n: release.minCellSize }) : t('results.protection.perResponse')}</p>
      <p data-testid="results-released">
        {!release.releasedOn
          ? t('results.notReleased')
          : shown
            ? t('results.lastUpdated', { date: formatDate(release.releasedOn) })
            : t('results.notReleasedHere')}
      </p>
    </div>
  );
}
