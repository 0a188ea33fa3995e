import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { InstrumentVersion, User } from '../../api/types';
import { BackLink } from '../../components/actions';
import { LoadError, Loading, Tag } from '../../components/status';
import { RoleTag, VersionStatusTag, isRole } from '../../components/tags';
import { usePageTitle } from '../../components/usePageTitle';
import { useContributorNames, useInstrument, useVersion } from '../../features/instruments/api';
import { localized } from '../../i18n/localized';
import { BilingualPreview } from './Preview';
import { canEditIn } from './permissions';
import { CodesignSettingsForm } from './version/CodesignSettingsForm';
import { ContributionsSection } from './version/ContributionsSection';
import { ReviewSection } from './version/ReviewSection';

/** The questions that came from co-design, and whose suggestion each was. */
function Credits({ version }: { version: InstrumentVersion }) {
  const { t, i18n } = useTranslation();
  const names = useContributorNames(version.id);
  const credited = (version.content.questions ?? []).filter((q) => q.credited_to);
  if (credited.length === 0) return null;
  return (
    <div className="nhsuk-inset-text" data-testid="credits">
      <span className="nhsuk-u-visually-hidden">{t('common.information')}</span>{' '}
      <h3 className="nhsuk-heading-s">{t('instruments.codesign.creditsTitle')}</h3>
      <ul className="nhsuk-list">
        {credited.map((q) => {
          const who = names.get(q.credited_to ?? '');
          return (
            <li key={q.key}>
              {localized(q.text, i18n.language)} – {who ? who.name : t('instruments.codesign.aContributor')}{' '}
              {who && isRole(who.role) ? <RoleTag role={who.role} /> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A draft version's workspace: the preview, co-design with its suggestions and votes, and review. */
export function VersionPage({ user }: { user: User }) {
  const { versionId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const version = useVersion(versionId);
  const instrumentId = version.data?.instrument_id ?? '';
  const instrument = useInstrument(instrumentId);
  const title = instrument.data ? localized(instrument.data.title, i18n.language) : null;
  usePageTitle(title ? t('instruments.version.pageTitle', { title, number: version.data?.number }) : t('instruments.title'));

  if (version.isError) return <LoadError error={version.error} onRetry={() => void version.refetch()} />;
  if (instrument.isError) return <LoadError error={instrument.error} onRetry={() => void instrument.refetch()} />;
  if (!version.data || !instrument.data) return <Loading />;
  const v = version.data;
  const inst = instrument.data;
  const editor = canEditIn(user, inst.organisation_id);

  return (
    <>
      <BackLink to={`/instruments/${inst.id}`}>{localized(inst.title, i18n.language)}</BackLink>
      <span className="nhsuk-caption-l">
        {inst.code} · {t('instruments.version.number', { number: v.number })}
      </span>
      <h1>{localized(inst.title, i18n.language)}</h1>
      <p>
        <VersionStatusTag status={v.status} />{' '}
        {v.codesign_open ? <Tag colour="green">{t('instruments.codesign.openTag')}</Tag> : null}
      </p>
      {editor && v.status === 'draft' ? (
        <p>
          <Link className="nhsuk-button nhsuk-button--secondary" to={`/instrument-versions/${v.id}/edit`}>
            {t('instruments.version.edit')}
          </Link>
        </p>
      ) : null}

      <h2>{t('instruments.preview.title')}</h2>
      <BilingualPreview content={v.content} languages={inst.languages} />
      <Credits version={v} />

      {editor && v.status === 'draft' ? <CodesignSettingsForm instrument={inst} version={v} /> : null}
      <ContributionsSection user={user} instrument={inst} version={v} editor={editor} />
      <ReviewSection user={user} instrument={inst} version={v} editor={editor} />
    </>
  );
}
