import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiProblem, lastSegment } from '../../api/problem';
import type { PublicSurvey } from '../../api/types';
import { Checkbox, TextInput } from '../../components/fields';
import { formatDateTime } from '../../components/format';
import { LoadError, Loading } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { i18n, isLanguage, rememberLanguage } from '../../i18n';
import { SurveyForm } from '../../survey/SurveyForm';
import { forgetSubmissionId, submissionIdFor, type ApiAnswer } from '../../survey/logic';
import { localized } from '../../i18n/localized';
import { usePublicSurvey, useSubmitSurveyMutation } from '../../features/survey/api';

export const ACCESS_CODE_REFUSED = 'urn:gwella:problem:access-code-refused';

/** The access code was unknown, revoked or used already (403). */
export function isAccessCodeRefused(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 403 && error.type === ACCESS_CODE_REFUSED;
}

/** Why a submission was refused, in plain words; null for the form's usual handling. */
function refusal(error: unknown, t: TFunction): string | null {
  if (!(error instanceof ApiProblem)) return null;
  if (isAccessCodeRefused(error)) return t('survey.accessCode.refused');
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
  const [search] = useSearchParams();
  const codeInAddress = search.get('code')?.trim() ?? '';
  const { t, i18n: active } = useTranslation();
  const [done, setDone] = useState<{ duplicate: boolean } | null>(null);
  const [consent, setConsent] = useState(false);
  const [reference, setReference] = useState('');
  const [accessCode, setAccessCode] = useState(codeInAddress);
  const [otherErrors, setOtherErrors] = useState<Record<string, string>>({});

  const query = usePublicSurvey(token);
  const submit = useSubmitSurveyMutation(token);
  const survey = query.data;
  const language = survey ? surveyLanguage(survey, active.language) : 'en';
  usePageTitle(survey ? localized(survey.instrument_title, language) : t('survey.pageTitle'));

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
  const title = localized(data.instrument_title, language);
  const serviceName = localized({ en: data.service_name, cy: data.service_name_cy }, language);

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
  const asksForCode = data.requires_access_code || codeInAddress !== '';
  const code = accessCode.trim();

  async function send(answers: Record<string, ApiAnswer>) {
    const identified = data.anonymity === 'identified';
    const submissionId = submissionIdFor(token);
    setOtherErrors({});
    if (data.requires_access_code && code === '') {
      // Said here at once, as the API would say it.
      throw new ApiProblem(422, { status: 422, errors: [{ field: 'body.access_code', message: 'required' }] });
    }
    // The survey form shows a refusal itself, so the promise is handed back to it.
    let receipt;
    try {
      receipt = await submit.mutateAsync({
        submission_id: submissionId,
        language,
        answers,
        consent: identified ? consent : false,
        ...(identified ? { respondent_reference: reference.trim() || null } : {}),
        ...(asksForCode && code !== '' ? { access_code: code } : {}),
      });
    } catch (problem) {
      if (isAccessCodeRefused(problem)) {
        setOtherErrors({ access_code: t('survey.accessCode.refused') });
      }
      throw problem;
    }
    // 201: received; 200: this form had already been received (a retry) — both are success.
    forgetSubmissionId(token);
    setDone({ duplicate: receipt.duplicate });
  }

  /** The words for a field of the form that is not an answer, and the input it belongs to. */
  function otherField(fieldError: { field: string; message: string }) {
    const name = lastSegment(fieldError.field);
    if (name === 'access_code') return { text: t('survey.accessCode.required'), targetId: 'access-code' };
    if (name === 'respondent_reference') return { text: `${t('survey.reference')}: ${fieldError.message}`, targetId: 'respondent-reference' };
    if (name === 'consent') return { text: `${t('survey.consent')}: ${fieldError.message}`, targetId: 'respondent-consent' };
    return { text: fieldError.message };
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
      <p>{t('survey.intro', { organisation: localized({ en: data.organisation_name, cy: data.organisation_name_cy }, language) })}</p>
      <p>{data.anonymity === 'anonymous' ? t('survey.anonymous') : data.anonymity === 'identified' ? t('survey.identified') : t('survey.pseudonymous')}</p>
      {data.requires_access_code ? <p>{t('survey.accessCode.intro')}</p> : null}
      <p className="nhsuk-body-s">{t('survey.closesOn', { when: formatDateTime(data.closes_at) })}</p>
      <SurveyForm
        content={data.content}
        language={language}
        idPrefix="answer-"
        submitLabel={t('survey.submit')}
        onSubmit={send}
        describeError={(error) => refusal(error, t)}
        onOtherFieldErrors={(errors) =>
          setOtherErrors(
            Object.fromEntries(
              errors.map((e) => {
                const name = lastSegment(e.field);
                return [name, name === 'access_code' ? t('survey.accessCode.required') : e.message];
              }),
            ),
          )
        }
        describeOtherField={otherField}
      >
        {asksForCode ? (
          <TextInput
            id="access-code"
            label={t('survey.accessCode.label')}
            hint={t('survey.accessCode.hint')}
            value={accessCode}
            error={otherErrors.access_code}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            widthClass="nhsuk-input--width-20"
            className="app-access-code"
            onChange={(event) => setAccessCode(event.target.value)}
          />
        ) : null}
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
