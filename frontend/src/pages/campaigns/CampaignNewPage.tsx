import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocalName } from '../../i18n/localized';
import type { User } from '../../api/types';
import { BackLink } from '../../components/actions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Checkbox, CheckboxGroup, Radios, Select, TextInput } from '../../components/fields';
import { DateInput } from '../../components/DateInput';
import { dateError } from '../../components/dateText';
import { LoadError, Loading } from '../../components/status';
import { useFormErrors, type FieldError } from '../../components/useFormErrors';
import { usePageTitle } from '../../components/usePageTitle';
import { useInstruments } from '../../features/instruments/api';
import { useCreateCampaignMutation, type CampaignCreate } from '../../features/campaigns/api';
import { useActiveServices } from '../../features/organisations/api';
import { canEditIn } from '../instruments/permissions';
import { localized } from '../../i18n/localized';

const CHANNELS = ['web', 'paper', 'partner'] as const;
const ANONYMITY = ['anonymous', 'pseudonymous', 'identified'] as const;

function today(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A local date (YYYY-MM-DD) at the start, or the end, of that day, as an ISO instant. */
export function dayBoundary(date: string, end: boolean): string {
  const [y, m, d] = date.split('-').map(Number);
  const local = end ? new Date(y ?? 0, (m ?? 1) - 1, d ?? 1, 23, 59, 59) : new Date(y ?? 0, (m ?? 1) - 1, d ?? 1, 0, 0, 0);
  return local.toISOString();
}

/**
 * Setting up a campaign: a published version, the services, the window, channels, anonymity,
 * cell size, and whether web respondents need a single-use access code.
 */
export function CampaignNewPage({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCampaignMutation();
  const localName = useLocalName();
  usePageTitle(t('campaigns.new'));
  const instruments = useInstruments();
  const [versionId, setVersionId] = useState('');
  const [name, setName] = useState('');
  const [nameCy, setNameCy] = useState('');
  const [opens, setOpens] = useState(today());
  const [closes, setCloses] = useState(today(90));
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const [channels, setChannels] = useState<string[]>(['web', 'paper']);
  const [anonymity, setAnonymity] = useState<string>('anonymous');
  const [minCell, setMinCell] = useState('5');
  const [languages, setLanguages] = useState<string[]>(['en', 'cy']);
  const [accessCodes, setAccessCodes] = useState(false);
  const form = useFormErrors('campaign-', {
    instrument_version_id: t('campaigns.version'),
    name: t('campaigns.nameEn'),
    name_cy: t('campaigns.nameCy'),
    opens_at: t('campaigns.opens'),
    closes_at: t('campaigns.closes'),
    service_ids: t('campaigns.services'),
    channels: t('campaigns.channels'),
    min_cell_size: t('campaigns.minCell'),
    languages: t('campaigns.languages'),
  });

  const published = (instruments.data?.items ?? [])
    .filter((i) => canEditIn(user, i.organisation_id))
    .flatMap((i) => i.versions.filter((v) => v.status === 'published').map((v) => ({ instrument: i, version: v })));
  const chosen = published.find((p) => p.version.id === versionId);
  const organisationId = chosen?.instrument.organisation_id ?? '';
  const services = useActiveServices(organisationId);

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    const cell = Number(minCell);
    if (versionId === '') problems.push({ name: 'instrument_version_id', message: t('campaigns.versionMissing') });
    if (name.trim() === '' && nameCy.trim() === '') problems.push({ name: 'name', message: t('campaigns.nameMissing') });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(opens)) {
      problems.push({ name: 'opens_at', message: (opens && dateError(t, opens, t('campaigns.opens'))) || t('campaigns.dateInvalid') });
    }
    if (closes && !/^\d{4}-\d{2}-\d{2}$/.test(closes)) {
      problems.push({ name: 'closes_at', message: dateError(t, closes, t('campaigns.closes')) ?? t('campaigns.closesInvalid') });
    } else if (!/^\d{4}-\d{2}-\d{2}$/.test(closes) || closes < opens) problems.push({ name: 'closes_at', message: t('campaigns.closesInvalid') });
    if (serviceIds.length === 0) problems.push({ name: 'service_ids', message: t('campaigns.servicesMissing') });
    if (channels.length === 0) problems.push({ name: 'channels', message: t('campaigns.channelsMissing') });
    if (!Number.isInteger(cell) || cell < 3) problems.push({ name: 'min_cell_size', message: t('campaigns.minCellInvalid') });
    if (languages.length === 0) problems.push({ name: 'languages', message: t('campaigns.languagesMissing') });
    if (problems.length) {
      form.setFieldErrors(problems);
      return;
    }
    form.clear();
    create.mutate(
      {
        instrument_version_id: versionId,
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(nameCy.trim() ? { name_cy: nameCy.trim() } : {}),
        opens_at: dayBoundary(opens, false),
        closes_at: dayBoundary(closes, true),
        service_ids: serviceIds,
        channels: channels as CampaignCreate['channels'],
        anonymity: anonymity as CampaignCreate['anonymity'],
        min_cell_size: cell,
        languages: languages as CampaignCreate['languages'],
        requires_access_code: accessCodes && channels.includes('web'),
      },
      { onSuccess: (created) => void navigate(`/campaigns/${created.id}`), onError: form.setProblem },
    );
  }

  if (instruments.isError) return <LoadError error={instruments.error} onRetry={() => void instruments.refetch()} />;
  if (!instruments.data) return <Loading />;
  return (
    <>
      <BackLink to="/campaigns">{t('campaigns.title')}</BackLink>
      <h1>{t('campaigns.new')}</h1>
      <form noValidate onSubmit={submit}>
        <ErrorSummary detail={form.detail} items={form.summaryItems} />
        <Select
          id={form.idFor('instrument_version_id')}
          label={t('campaigns.version')}
          hint={t('campaigns.versionHint')}
          value={versionId}
          onChange={(e) => {
            setVersionId(e.target.value);
            setServiceIds([]);
          }}
          error={form.fieldError('instrument_version_id')}
          options={[
            { value: '', label: t('common.choose') },
            ...published.map((p) => ({
              value: p.version.id,
              label: `${localized(p.instrument.title, i18n.language)} – ${t('instruments.version.number', { number: p.version.number })}`,
            })),
          ]}
        />
        <TextInput
          id={form.idFor('name')}
          lang="en"
          label={t('campaigns.nameEn')}
          hint={`${t('common.oneLanguageHint')} ${t('campaigns.nameHint')}`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={form.fieldError('name')}
        />
        <TextInput id={form.idFor('name_cy')} lang="cy" label={t('campaigns.nameCy')} value={nameCy} onChange={(e) => setNameCy(e.target.value)} error={form.fieldError('name_cy')} />
        {organisationId === '' ? null : services.isError ? (
          <LoadError error={services.error} onRetry={() => void services.refetch()} />
        ) : !services.data ? (
          <Loading />
        ) : (
          <CheckboxGroup
            id={form.idFor('service_ids')}
            legend={t('campaigns.services')}
            hint={t('campaigns.servicesHint')}
            options={services.data.items.map((s) => ({ value: s.id, label: localName(s) }))}
            values={serviceIds}
            onChange={setServiceIds}
            error={form.fieldError('service_ids')}
          />
        )}
        <DateInput id={form.idFor('opens_at')} label={t('campaigns.opens')} value={opens} onChange={setOpens} error={form.fieldError('opens_at')} />
        <DateInput id={form.idFor('closes_at')} label={t('campaigns.closes')} hint={t('campaigns.closesHint')} value={closes} onChange={setCloses} error={form.fieldError('closes_at')} />
        <CheckboxGroup
          id={form.idFor('channels')}
          legend={t('campaigns.channels')}
          options={CHANNELS.map((c) => ({ value: c, label: t(`campaigns.channel.${c}`) }))}
          values={channels}
          onChange={setChannels}
          error={form.fieldError('channels')}
        />
        {channels.includes('web') ? (
          <Checkbox
            id={form.idFor('requires_access_code')}
            label={t('campaigns.accessCodes.require')}
            hint={t('campaigns.accessCodes.requireHint')}
            checked={accessCodes}
            onChange={setAccessCodes}
          />
        ) : null}
        <Radios
          id={form.idFor('anonymity')}
          name="anonymity"
          legend={t('campaigns.anonymity')}
          value={anonymity}
          onChange={setAnonymity}
          error={form.fieldError('anonymity')}
          options={ANONYMITY.map((a) => ({ value: a, label: t(`campaigns.anonymityMode.${a}`) }))}
        />
        <TextInput id={form.idFor('min_cell_size')} inputMode="numeric" label={t('campaigns.minCell')} hint={t('campaigns.minCellHint')} widthClass="nhsuk-input--width-3" value={minCell} onChange={(e) => setMinCell(e.target.value)} error={form.fieldError('min_cell_size')} />
        <CheckboxGroup
          id={form.idFor('languages')}
          legend={t('campaigns.languages')}
          options={[
            { value: 'en', label: t('instruments.preview.en') },
            { value: 'cy', label: t('instruments.preview.cy') },
          ]}
          values={languages}
          onChange={setLanguages}
          error={form.fieldError('languages')}
        />
        <Button type="submit" busy={create.isPending || create.isSuccess}>
          {t('campaigns.create')}
        </Button>
      </form>
    </>
  );
}
