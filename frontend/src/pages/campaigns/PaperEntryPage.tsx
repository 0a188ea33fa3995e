import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { nameIn } from '../../i18n/localized';
import { ApiProblem } from '../../api/problem';
import { BackLink } from '../../components/actions';
import { Radios, Select } from '../../components/fields';
import { DateInput } from '../../components/DateInput';
import { dateError } from '../../components/dateText';
import { LoadError, Loading, SuccessBanner } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { SurveyForm } from '../../survey/SurveyForm';
import { forgetSubmissionId, submissionIdFor, type ApiAnswer } from '../../survey/logic';
import { useVersion } from '../../features/instruments/api';
import { useCampaign, useCampaignLinks, usePaperResponseMutation } from '../../features/campaigns/api';

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Staff type in a paper form: the same questions, rules and once-only submission as the web. */
export function PaperEntryPage() {
  const { campaignId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const campaign = useCampaign(campaignId);
  const paper = usePaperResponseMutation(campaignId);
  const versionId = campaign.data?.instrument_version_id ?? '';
  const version = useVersion(versionId);
  const links = useCampaignLinks(campaignId);
  const [serviceId, setServiceId] = useState('');
  const [completedOn, setCompletedOn] = useState(todayIso());
  const [language, setLanguage] = useState<'en' | 'cy'>('en');
  const [entered, setEntered] = useState(0);
  const [formKey, setFormKey] = useState(0);
  usePageTitle(t('campaigns.paperTitle'));

  if (campaign.isError) return <LoadError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  if (version.isError) return <LoadError error={version.error} onRetry={() => void version.refetch()} />;
  if (!campaign.data || !version.data || !links.data) return <Loading />;
  const c = campaign.data;
  const scope = `paper-${c.id}-${formKey}`;

  async function send(answers: Record<string, ApiAnswer>) {
    if (serviceId === '') {
      throw new ApiProblem(422, { errors: [], detail: t('campaigns.paperServiceMissing') });
    }
    const badDate = dateError(t, completedOn, t('campaigns.paperCompletedOn'));
    if (badDate) throw new ApiProblem(422, { errors: [], detail: badDate });
    // The survey form shows a refusal itself, so the promise is handed back to it.
    await paper.mutateAsync({
      submission_id: submissionIdFor(scope),
      language,
      answers,
      consent: false,
      service_id: serviceId,
      completed_on: completedOn,
    });
    forgetSubmissionId(scope);
    setEntered((n) => n + 1);
    setFormKey((k) => k + 1);
  }

  return (
    <>
      <BackLink to={`/campaigns/${c.id}`}>{nameIn(c.name, c.name_cy, i18n.language)}</BackLink>
      <h1>{t('campaigns.paperTitle')}</h1>
      <p>{t('campaigns.paperIntro')}</p>
      {entered > 0 ? <SuccessBanner title={t('campaigns.paperEntered', { n: entered })} /> : null}
      <Select
        id="paper-service"
        label={t('campaigns.paperService')}
        value={serviceId}
        onChange={(e) => setServiceId(e.target.value)}
        options={[{ value: '', label: t('common.choose') }, ...links.data.map((l) => ({ value: l.service_id, label: nameIn(l.service_name, l.service_name_cy, i18n.language) }))]}
      />
      <DateInput id="paper-completed-on" label={t('campaigns.paperCompletedOn')} value={completedOn} onChange={setCompletedOn} />
      <Radios
        id="paper-language"
        name="paper-language"
        legend={t('campaigns.paperLanguage')}
        inline
        value={language}
        onChange={(value) => setLanguage(value === 'cy' ? 'cy' : 'en')}
        options={c.languages.map((l) => ({ value: l, label: l === 'cy' ? 'Cymraeg' : 'English', lang: l }))}
      />
      <SurveyForm
        key={formKey}
        content={version.data.content}
        language={language}
        idPrefix="paper-answer-"
        submitLabel={t('campaigns.paperSubmit')}
        onSubmit={send}
      />
    </>
  );
}
