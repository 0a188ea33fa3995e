import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocalName } from '../../i18n/localized';
import { useOrganisationsById } from '../../features/organisations/api';
import type { User } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Select, TextInput } from '../../components/fields';
import { Empty, LoadError, Loading } from '../../components/status';
import { useFormErrors, type FieldError } from '../../components/useFormErrors';
import { VersionStatusTag } from '../../components/tags';
import { usePageTitle } from '../../components/usePageTitle';
import { editorOrganisationIds } from './permissions';
import { latestVersion, useCreateInstrumentMutation, useInstruments } from '../../features/instruments/api';
import { localized } from '../../i18n/localized';

export function InstrumentsPage({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('instruments.title'));
  const instruments = useInstruments();
  const localName = useLocalName();
  const orgs = useOrganisationsById((instruments.data?.items ?? []).map((i) => i.organisation_id));
  const editorOrgs = editorOrganisationIds(user);

  return (
    <>
      <h1>{t('instruments.title')}</h1>
      <p>{t('instruments.intro')}</p>
      {instruments.isError ? (
        <LoadError error={instruments.error} onRetry={() => void instruments.refetch()} />
      ) : !instruments.data ? (
        <Loading />
      ) : instruments.data.items.length === 0 ? (
        <Empty>{t('instruments.none')}</Empty>
      ) : (
        <table className="nhsuk-table-responsive" data-testid="instruments">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{t('instruments.title')}</caption>
          <thead className="nhsuk-table__head" role="rowgroup">
            <tr role="row">
              <th scope="col">{t('instruments.instrument')}</th>
              <th scope="col">{t('instruments.organisation')}</th>
              <th scope="col">{t('instruments.versions')}</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {instruments.data.items.map((instrument) => {
              const org = orgs.get(instrument.organisation_id);
              return (
                <tr role="row" className="nhsuk-table__row" key={instrument.id}>
                  <td className="nhsuk-table__cell">
                    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                      {t('instruments.instrument')}{' '}
                    </span>
                    {/* One box for the value, so that on a phone the code sits under the title. */}
                    <span>
                      <Link to={`/instruments/${instrument.id}`}>{localized(instrument.title, i18n.language)}</Link>
                      <br />
                      <code>{instrument.code}</code>
                    </span>
                  </td>
                  <td className="nhsuk-table__cell">
                    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                      {t('instruments.organisation')}{' '}
                    </span>
                    {org ? localName(org) : ''}
                  </td>
                  <td className="nhsuk-table__cell">
                    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                      {t('instruments.versions')}{' '}
                    </span>
                    {[...instrument.versions]
                      .sort((a, b) => b.number - a.number)
                      .map((v) => (
                        <span key={v.id} className="nhsuk-u-margin-right-2">
                          <Link to={`/instrument-versions/${v.id}`}>{t('instruments.version.number', { number: v.number })}</Link>{' '}
                          <VersionStatusTag status={v.status} />
                        </span>
                      ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {editorOrgs.length > 0 || user.is_platform_admin ? <CreateInstrumentForm user={user} /> : null}
    </>
  );
}

function CreateInstrumentForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateInstrumentMutation();
  const localName = useLocalName();
  const orgIds = editorOrganisationIds(user);
  const orgs = useOrganisationsById(orgIds);
  const [organisationId, setOrganisationId] = useState(orgIds.length === 1 ? (orgIds[0] ?? '') : '');
  const [code, setCode] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [titleCy, setTitleCy] = useState('');
  const form = useFormErrors('instrument-new-', {
    organisation_id: t('instruments.organisation'),
    code: t('instruments.code'),
    en: t('instruments.titleEn'),
    cy: t('instruments.titleCy'),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (organisationId === '') problems.push({ name: 'organisation_id', message: t('instruments.organisationMissing') });
    if (!/^[A-Za-z0-9._-]+$/.test(code)) problems.push({ name: 'code', message: t('instruments.codeInvalid') });
    if (titleEn.trim() === '') problems.push({ name: 'en', message: t('instruments.titleMissing') });
    if (titleCy.trim() === '') problems.push({ name: 'cy', message: t('instruments.titleMissing') });
    if (problems.length) {
      form.setFieldErrors(problems);
      return;
    }
    form.clear();
    create.mutate(
      {
        organisation_id: organisationId,
        code,
        title: { en: titleEn.trim(), cy: titleCy.trim() },
        languages: ['en', 'cy'],
        shared_with_partnerships: true,
        content: { sections: [], questions: [] },
      },
      {
        onSuccess: (created) => {
          const draft = latestVersion(created);
          void navigate(draft ? `/instrument-versions/${draft.id}/edit` : `/instruments/${created.id}`);
        },
        onError: form.setProblem,
      },
    );
  }

  return (
    <form noValidate onSubmit={submit} aria-labelledby="instrument-new-title">
      <h2 id="instrument-new-title">{t('instruments.addTitle')}</h2>
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      <Select
        id={form.idFor('organisation_id')}
        label={t('instruments.organisation')}
        value={organisationId}
        onChange={(e) => setOrganisationId(e.target.value)}
        error={form.fieldError('organisation_id')}
        options={[
          { value: '', label: t('common.choose') },
          ...orgIds.map((id) => {
            const org = orgs.get(id);
            return { value: id, label: org ? localName(org) : id };
          }),
        ]}
      />
      <TextInput id={form.idFor('code')} label={t('instruments.code')} hint={t('instruments.codeHint')} widthClass="nhsuk-input--width-20" value={code} onChange={(e) => setCode(e.target.value)} error={form.fieldError('code')} />
      <TextInput id={form.idFor('en')} lang="en" label={t('instruments.titleEn')} value={titleEn} onChange={(e) => setTitleEn(e.target.value)} error={form.fieldError('en')} />
      <TextInput id={form.idFor('cy')} lang="cy" label={t('instruments.titleCy')} value={titleCy} onChange={(e) => setTitleCy(e.target.value)} error={form.fieldError('cy')} />
      <Button type="submit" busy={create.isPending || create.isSuccess}>
        {t('instruments.add')}
      </Button>
    </form>
  );
}
