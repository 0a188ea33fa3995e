import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, unwrap } from '../../api/client';
import { ApiProblem, toProblem } from '../../api/problem';
import type { PublicSurvey } from '../../api/types';
import { Checkbox, TextInput } from '../../components/fields';
import { formatDateTime } from '../../components/format';
import { LoadError, Loading } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { i18n, isLanguage, rememberLanguage } from '../../i18n';
import { SurveyForm } from '../../survey/SurveyForm';
import { forgetSubmissionId, localText, submissionIdFor, type ApiAnswer } from '../../survey/logic';

/** Why a submission was refused, in plain words; null for the form's usual handling. */
function refusal(error: unknown, t: TFunction): string | null {
  if (!(error instanceof ApiProblem)) return null;
  if (error.status === 409) return t('survey.notOpenNow');
  if (error.status === 429) return t('survey.tooMany');
  if (error.status === 404) return t('survey.notFound');
  if (error.status === 0) return t('survey.network');
  return null;
}

/** The language to show the survey in: the page language if the survey has it. */
function surveyLanguage(survey: PublicSurvey, pageLanguage: string): 'en' | 'cy' {
  const offered = survey.languages.filter(isLanguage);
  if (isLanguage(pageLanguage) && offered.includes(pageLanguage)) return pageLanguage;
  return offered[0] ?? 'en';
}

/**
 * The public response page at /s/:token: no sign-in, made for a phone, in English or
 * Welsh by the respondent's choice.
 */
export function PublicSurveyPage() {
  const { token = '' } = useParams();
  const { t, i18n: active } = useTranslation();
  const [done, setDone] = useState<{ duplicate: boolean } | null>(null);
  const [consent, setConsent] = useState(false);
  const [reference, setReference] = useState('');
  const [otherErrors, setOtherErrors] = useState<Record<string, string>>({});

  const query = useQuery({
    queryKey: ['public-survey', token],
    queryFn: () => unwrap(api.GET('/api/v1/public/surveys/{token}', { params: { path: { token } } })),
    retry: (count, error) => !(error instanceof ApiProblem && error.status === 404) && count < 2,
    staleTime: 60_000,
  });
  const survey = query.data;
  const language = survey ? surveyLanguage(survey, active.language) : 'en';
  usePageTitle(survey ? localText(survey.instrument_title, language) : t('survey.pageTitle'));

  // Move to the top when the thank-you page appears, so it is seen and read first.
  useEffect(() => {
    if (done) {
      document.querySelector<HTMLElement>('#maincontent h1')?.focus();
    }
  }, [done]);

  if (query.isPending) return <Loading />;
  if (query.isError) {
    const notFound = query.error instanceof ApiProblem && query.error.status === 404;
    return (
      <>
        <h1 tabIndex={-1}>{notFound ? t('survey.notFoundTitle') : t('survey.pageTitle')}</h1>
        {notFound ? <p>{t('survey.notFound')}</p> : <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      </>
    );
  }
  const data = query.data;
  const title = localText(data.instrument_title, language);
  const serviceName = language === 'cy' && data.service_name_cy ? data.service_name_cy : data.service_name;

  if (done) {
    return (
      <div className="nhsuk-panel app-survey-thanks" data-testid="survey-thanks">
        <h1 tabIndex={-1}>{t('survey.thanksTitle')}</h1>
        <p>{t('survey.thanksBody', { service: serviceName })}</p>
        {data.anonymity === 'anonymous' ? <p>{t('survey.thanksAnonymous')}</p> : null}
      </div>
    );
  }

  if (data.state !== 'open') {
    return (
      <>
        <span className="nhsuk-caption-l">{serviceName}</span>
        <h1 tabIndex={-1}>{title}</h1>
        <div className="nhsuk-inset-text" data-testid="survey-not-open">
          <p>
            {data.state === 'scheduled'
              ? t('survey.opensLater', { when: formatDateTime(data.opens_at) })
              : t('survey.closed', { when: formatDateTime(data.closes_at) })}
          </p>
        </div>
      </>
    );
  }

  const otherLanguage = language === 'en' ? 'cy' : 'en';
  const offersOther = data.languages.includes(otherLanguage);

  async function send(answers: Record<string, ApiAnswer>) {
    const identified = data.anonymity === 'identified';
    const submissionId = submissionIdFor(token);
    setOtherErrors({});
    const { data: receipt, response, error } = await api
      .POST('/api/v1/public/surveys/{token}/responses', {
        params: { path: { token } },
        body: {
          submission_id: submissionId,
          language,
          answers,
          consent: identified ? consent : false,
          ...(identified ? { respondent_reference: reference.trim() || null } : {}),
        },
      })
      .catch(() => {
        throw new ApiProblem(0, { status: 0 });
      });
    // 201: received; 200: this form had already been received (a retry) — both are success.
    if (receipt && (response.status === 201 || response.status === 200)) {
      forgetSubmissionId(token);
      setDone({ duplicate: receipt.duplicate });
      return;
    }
    throw toProblem(response.status, error);
  }

  return (
    <div className="app-survey">
      <span className="nhsuk-caption-l">{serviceName}</span>
      <h1 lang={language}>{title}</h1>
      {offersOther ? (
        <p>
          <button
            type="button"
            className="app-link-button"
            lang={otherLanguage}
            data-testid="survey-language"
            onClick={() => {
              void i18n.changeLanguage(otherLanguage);
              rememberLanguage(otherLanguage);
            }}
          >
            {otherLanguage === 'cy' ? t('survey.answerInWelsh', { lng: 'cy' }) : t('survey.answerInEnglish', { lng: 'en' })}
          </button>
        </p>
      ) : null}
      <p>{t('survey.intro', { organisation: data.organisation_name })}</p>
      <p>{data.anonymity === 'anonymous' ? t('survey.anonymous') : data.anonymity === 'identified' ? t('survey.identified') : t('survey.pseudonymous')}</p>
      <p className="nhsuk-body-s">{t('survey.closesOn', { when: formatDateTime(data.closes_at) })}</p>
      <SurveyForm
        content={data.content}
        language={language}
        idPrefix="answer-"
        submitLabel={t('survey.submit')}
        onSubmit={send}
        describeError={(error) => refusal(error, t)}
        onOtherFieldErrors={(errors) =>
          setOtherErrors(Object.fromEntries(errors.map((e) => [e.field.split('.').pop() ?? e.field, e.message])))
        }
      >
        {data.anonymity === 'identified' ? (
          <>
            <TextInput
              id="respondent-reference"
              label={t('survey.reference')}
              hint={t('survey.referenceHint')}
              value={reference}
              error={otherErrors.respondent_reference}
              onChange={(event) => setReference(event.target.value)}
            />
            <Checkbox id="respondent-consent" label={t('survey.consent')} checked={consent} onChange={setConsent} />
            {otherErrors.consent ? <p className="nhsuk-error-message">{otherErrors.consent}</p> : null}
          </>
        ) : null}
      </SurveyForm>
    </div>
  );
}
