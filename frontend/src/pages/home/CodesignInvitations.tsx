import { Link } from 'react-router';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { LoadError } from '../../components/status';
import { useInstruments, versionQuery } from '../../features/instruments/api';
import { localized } from '../../i18n/localized';

/**
 * Drafts this person is invited to help design, or to review: the first thing a service
 * user or carer can do next.
 */
export function CodesignInvitations({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const instruments = useInstruments();
  const myOrgs = new Set((user.memberships ?? []).map((m) => m.organisation_id));
  const drafts = (instruments.data?.items ?? []).flatMap((instrument) =>
    instrument.versions.filter((v) => v.status !== 'published').map((v) => ({ instrument, summary: v })),
  );
  const versions = useQueries({ queries: drafts.map((d) => versionQuery(d.summary.id)) });
  const invited = drafts.filter((d, i) => {
    const version = versions[i]?.data;
    if (!version || myOrgs.has(d.instrument.organisation_id)) return false;
    return version.codesign_org_ids.some((id) => myOrgs.has(id)) && (version.codesign_open || version.status === 'in_review');
  });

  if (instruments.isError) return <LoadError error={instruments.error} onRetry={() => void instruments.refetch()} />;
  if (invited.length === 0) return null;
  return (
    <div className="nhsuk-card nhsuk-card--feature" data-testid="codesign-invitations">
      <div className="nhsuk-card__content nhsuk-card__content--feature">
        <h2 className="nhsuk-card__heading nhsuk-card__heading--feature">{t('home.codesign.title')}</h2>
        <p>{t('home.codesign.description')}</p>
        <ul className="nhsuk-list nhsuk-list--bullet">
          {invited.map(({ instrument, summary }) => (
            <li key={summary.id}>
              <Link to={`/instrument-versions/${summary.id}`}>{localized(instrument.title, i18n.language)}</Link>{' '}
              {summary.status === 'in_review' ? t('home.codesign.review') : t('home.codesign.draft')}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
