import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useLocalName } from '../../i18n/localized';
import { ApiProblem, lastSegment } from '../../api/problem';
import type { User } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Radios, Select } from '../../components/fields';
import { LoadError } from '../../components/status';
import { useFormErrors, type FieldError } from '../../components/useFormErrors';
import { DownloadButton } from './DownloadButton';
import {
  useCampaignsForImport,
  useCreateImportMutation,
  useImportOrganisations,
  guessFormat,
  type ImportFormat,
  type ImportJob,
  type ImportKind,
  type ImportMode,
} from '../../features/imports/api';

export function ImportForm({ user, onCreated }: { user: User; onCreated: (job: ImportJob) => void }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const upload = useCreateImportMutation();
  const orgs = useImportOrganisations(user);
  const [kind, setKind] = useState<ImportKind>('responses');
  const [organisationId, setOrganisationId] = useState('');
  const [campaignId, setCampaignId] = useState('');
  const [format, setFormat] = useState<ImportFormat>('csv');
  const [mode, setMode] = useState<ImportMode>('best_effort');
  const [file, setFile] = useState<File | null>(null);
  const fhir = format === 'fhir';
  const needsCampaign = kind === 'responses' && !fhir;
  const form = useFormErrors('import-', {
    kind: t('imports.kind'),
    organisation_id: t('imports.organisation'),
    campaign_id: t('imports.campaign'),
    format: t('imports.format'),
    mode: t('imports.mode'),
    file: t('imports.file'),
  });
  const onlyOrganisation = orgs.organisations.length === 1 ? orgs.organisations[0] : undefined;
  const chosenOrganisation = organisationId || (onlyOrganisation?.id ?? '');
  const campaigns = useCampaignsForImport(chosenOrganisation, needsCampaign);

  function onFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    const guessed = chosen ? guessFormat(chosen) : null;
    if (guessed) chooseFormat(guessed);
  }

  function chooseFormat(value: ImportFormat) {
    setFormat(value);
    // FHIR Bundles carry responses.
    if (value === 'fhir') setKind('responses');
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (chosenOrganisation === '') problems.push({ name: 'organisation_id', message: t('imports.errors.organisation') });
    if (needsCampaign && campaignId === '') problems.push({ name: 'campaign_id', message: t('imports.errors.campaign') });
    if (fhir && kind !== 'responses') problems.push({ name: 'format', message: t('imports.errors.fhir') });
    if (!file) problems.push({ name: 'file', message: t('imports.errors.file') });
    else if (file.size === 0) problems.push({ name: 'file', message: t('imports.errors.empty') });
    if (problems.length > 0 || !file) {
      form.setFieldErrors(problems);
      return;
    }
    form.clear();
    upload.mutate(
      { kind, format, mode, organisationId: chosenOrganisation, campaignId, file },
      { onSuccess: onCreated, onError: (error) => form.setProblem(uploadProblem(error, t, fhir)) },
    );
  }

  const organisationOptions = orgs.organisations.map((org) => ({ value: org.id, label: localName(org) }));
  const campaignOptions = (campaigns.data?.items ?? []).map((campaign) => ({
    value: campaign.id,
    label: t('imports.campaignOption', { name: localName(campaign), state: t(`imports.campaignStates.${campaign.state}`) }),
  }));

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="import-new-title">
      <h2 id="import-new-title">{t('imports.uploadTitle')}</h2>
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      {orgs.error ? <LoadError error={orgs.error} onRetry={orgs.refetch} /> : null}
      <Radios
        id={form.idFor('kind')}
        name="kind"
        legend={t('imports.kind')}
        value={kind}
        onChange={(value) => {
          setKind(value as ImportKind);
          if (value === 'measurements' && fhir) setFormat('csv');
        }}
        error={form.fieldError('kind')}
        options={[
          { value: 'responses', label: t('imports.kinds.responses') },
          { value: 'measurements', label: t('imports.kinds.measurements') },
        ]}
      />
      <Select
        id={form.idFor('organisation_id')}
        label={t('imports.organisation')}
        hint={t('imports.organisationHint')}
        value={chosenOrganisation}
        onChange={(event) => {
          setOrganisationId(event.target.value);
          setCampaignId('');
        }}
        error={form.fieldError('organisation_id')}
        options={[
          { value: '', label: orgs.isPending ? t('common.loading') : t('common.choose') },
          ...organisationOptions,
        ]}
      />
      {needsCampaign ? (
        <>
          {campaigns.isError ? <LoadError error={campaigns.error} onRetry={() => void campaigns.refetch()} /> : null}
          <Select
            id={form.idFor('campaign_id')}
            label={t('imports.campaign')}
            hint={chosenOrganisation === '' ? t('imports.campaignHintNoOrg') : t('imports.campaignHint')}
            value={campaignId}
            onChange={(event) => setCampaignId(event.target.value)}
            error={form.fieldError('campaign_id')}
            options={[
              { value: '', label: campaigns.isFetching ? t('common.loading') : t('common.choose') },
              ...campaignOptions,
            ]}
          />
          {chosenOrganisation !== '' && campaigns.isSuccess && campaignOptions.length === 0 ? (
            <p className="nhsuk-body-s">{t('imports.noCampaigns')}</p>
          ) : null}
        </>
      ) : null}
      <Templates kind={kind} campaignId={needsCampaign ? campaignId : ''} fhir={fhir} />
      <div className={`nhsuk-form-group${form.fieldError('file') ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={form.idFor('file')}>
          {t('imports.file')}
        </label>
        <div className="nhsuk-hint" id="import-file-hint">
          {t('imports.fileHint')}
        </div>
        {form.fieldError('file') ? (
          <span className="nhsuk-error-message" id="import-file-error">
            <span className="nhsuk-u-visually-hidden">{t('errors.prefix')}</span> {form.fieldError('file')}
          </span>
        ) : null}
        <input
          style={{ maxWidth: '100%' }}
          className={`nhsuk-file-upload${form.fieldError('file') ? ' nhsuk-file-upload--error' : ''}`}
          id={form.idFor('file')}
          name="file"
          type="file"
          accept=".csv,.ndjson,.jsonl,.json,text/csv,application/x-ndjson,application/fhir+json,application/json"
          aria-describedby={form.fieldError('file') ? 'import-file-hint import-file-error' : 'import-file-hint'}
          aria-invalid={form.fieldError('file') ? true : undefined}
          onChange={onFile}
        />
      </div>
      <Radios
        id={form.idFor('format')}
        name="format"
        legend={t('imports.format')}
        hint={t('imports.formatHint')}
        value={format}
        onChange={(value) => chooseFormat(value as ImportFormat)}
        error={form.fieldError('format')}
        options={[
          { value: 'csv', label: t('imports.formats.csv') },
          { value: 'ndjson', label: t('imports.formats.ndjson') },
          ...(kind === 'responses' ? [{ value: 'fhir', label: t('imports.formats.fhir') }] : []),
        ]}
      />
      {fhir ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">{t('common.information')}</span>
          <p>{t('imports.fhirNote')}</p>
        </div>
      ) : null}
      <Radios
        id={form.idFor('mode')}
        name="mode"
        legend={t('imports.mode')}
        value={mode}
        onChange={(value) => setMode(value as ImportMode)}
        error={form.fieldError('mode')}
        options={[
          { value: 'best_effort', label: t('imports.modes.best_effort') },
          { value: 'atomic', label: t('imports.modes.atomic') },
        ]}
      />
      <Button busy={upload.isPending}>{upload.isPending ? t('imports.uploading') : t('imports.upload')}</Button>
    </form>
  );
}

/** Links to the CSV templates, fetched with the token. */
function Templates({ kind, campaignId, fhir }: { kind: ImportKind; campaignId: string; fhir: boolean }) {
  const { t } = useTranslation();
  if (fhir) return null;
  if (kind !== 'measurements' && campaignId === '') return <p className="nhsuk-body-s">{t('imports.templateChooseCampaign')}</p>;
  const path = kind === 'measurements' ? '/api/v1/ingest/measurements/template.csv' : `/api/v1/campaigns/${campaignId}/template.csv`;
  const name = kind === 'measurements' ? 'gwella-measurements-template' : `gwella-campaign-${campaignId}-template`;
  // The guidance row starts with '#': the import skips it, so the file is filled in below it.
  return (
    <>
      <DownloadButton
        path={path}
        filename={`${name}.csv`}
        label={t(kind === 'measurements' ? 'imports.templateMeasurements' : 'imports.templateResponses')}
      />
      <DownloadButton path={`${path}?guidance=true`} filename={`${name}-guidance.csv`} label={t('imports.templateGuidance')} />
    </>
  );
}

/** 413 and 415 said in our words, with what to do about them. */
function uploadProblem(error: unknown, t: TFunction, fhir: boolean): unknown {
  if (!(error instanceof ApiProblem)) return error;
  if (error.status === 413 || error.status === 415) {
    const detail = error.status === 413 ? t('imports.errors.tooLarge') : t('imports.errors.unsupported');
    return new ApiProblem(error.status, { status: error.status, title: error.title, detail });
  }
  if (fhir && error.errors.some((e) => lastSegment(e.field) === 'kind')) {
    // A FHIR Bundle holds responses: say it beside the file format, which is on the page.
    const errors = error.errors.map((e) =>
      lastSegment(e.field) === 'kind' ? { field: 'format', message: t('imports.errors.fhir') } : e,
    );
    return new ApiProblem(error.status, { status: error.status, title: error.title, detail: error.detail, errors });
  }
  return error;
}
