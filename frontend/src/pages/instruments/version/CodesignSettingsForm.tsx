import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Instrument, InstrumentVersion } from '../../../api/types';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, CheckboxGroup } from '../../../components/fields';
import { LoadError, SuccessBanner } from '../../../components/status';
import { useFormErrors } from '../../../components/useFormErrors';
import { useCodesignSettingsMutation } from '../../../features/instruments/api';
import { useOrganisationOptions } from '../../../features/organisations/api';
import { useLocalName } from '../../../i18n/localized';

/** Open or close co-design of a draft, and choose the organisations invited to it. */
export function CodesignSettingsForm({ instrument, version }: { instrument: Instrument; version: InstrumentVersion }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const organisations = useOrganisationOptions();
  const [orgIds, setOrgIds] = useState<string[]>(version.codesign_org_ids);
  const mutation = useCodesignSettingsMutation(version.id);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useFormErrors('codesign-', { organisation_ids: t('instruments.codesign.organisations') });

  function save(open: boolean) {
    if (open && orgIds.length === 0) {
      form.setFieldErrors([{ name: 'organisation_ids', message: t('instruments.codesign.organisationsMissing') }]);
      return;
    }
    form.clear();
    setSaved(null);
    mutation.mutate(
      { open, organisation_ids: orgIds },
      {
        onSuccess: () => setSaved(open ? t('instruments.codesign.opened') : t('instruments.codesign.closed')),
        onError: form.setProblem,
      },
    );
  }

  const options = (organisations.data?.items ?? [])
    .filter((o) => o.id !== instrument.organisation_id)
    .map((o) => ({ value: o.id, label: localName(o) }));

  return (
    <form
      noValidate
      aria-labelledby="codesign-title"
      onSubmit={(event) => {
        event.preventDefault();
        save(true);
      }}
    >
      <h2 id="codesign-title">{t('instruments.codesign.settingsTitle')}</h2>
      {saved ? <SuccessBanner title={saved} /> : null}
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      <p>{version.codesign_open ? t('instruments.codesign.isOpen') : t('instruments.codesign.isClosed')}</p>
      {organisations.isError ? <LoadError error={organisations.error} onRetry={() => void organisations.refetch()} /> : null}
      <CheckboxGroup
        id={form.idFor('organisation_ids')}
        legend={t('instruments.codesign.organisations')}
        hint={t('instruments.codesign.organisationsHint')}
        options={options}
        values={orgIds}
        onChange={setOrgIds}
        error={form.fieldError('organisation_ids')}
      />
      <div className="app-button-row">
        <Button type="submit" busy={mutation.isPending}>
          {version.codesign_open ? t('instruments.codesign.save') : t('instruments.codesign.open')}
        </Button>
        {version.codesign_open ? (
          <Button type="button" variant="secondary" busy={mutation.isPending} onClick={() => save(false)}>
            {t('instruments.codesign.close')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
