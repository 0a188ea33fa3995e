import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { BackLink } from '../../components/actions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, CheckboxGroup, Radios, Select, Textarea } from '../../components/fields';
import { DateInput } from '../../components/DateInput';
import { dateError } from '../../components/dateText';
import { LoadError, Loading } from '../../components/status';
import { useFormErrors } from '../../components/useFormErrors';
import { TitleDescriptionFields } from './TitleDescriptionFields';
import { usePageTitle } from '../../components/usePageTitle';
import { useEvidenceSources, useProposeActionMutation, useStandards } from '../../features/actions/api';
import { usePartnershipMembers, usePartnershipOptions } from '../../features/partnerships/api';
import {
  ORIGINS,
  checkProposal,
  defaultOrigin,
  evidenceFromSearch,
  proposalBody,
  speaksAsServiceUser,
  type ActionOrigin,
  type EvidenceSource,
  type ProposalForm,
} from '../../features/actions/actionsModel';
import { localized, nameIn } from '../../i18n/localized';

/** Where the proposal comes from, said in words with a link back to it. */
export function EvidenceDescription({ evidence }: { evidence: EvidenceSource }) {
  const { t, i18n } = useTranslation();
  const campaignId = evidence.kind === 'indicator' ? '' : (evidence.campaignId ?? '');
  const indicatorId = evidence.kind === 'indicator' ? evidence.indicatorId : '';
  const { campaign, indicator } = useEvidenceSources(campaignId, indicatorId);
  if (evidence.kind === 'indicator') {
    const query = new URLSearchParams();
    if (evidence.organisationId) query.set('organisation_id', evidence.organisationId);
    if (evidence.serviceId) query.set('service_id', evidence.serviceId);
    const name = indicator.data ? localized(indicator.data.name, i18n.language) : t('improvement.evidence.anIndicator');
    return (
      <>
        {t('improvement.evidence.indicator')}{' '}
        <Link to={`/indicators/${evidence.indicatorId}${query.toString() ? `?${query.toString()}` : ''}`}>{name}</Link>
      </>
    );
  }
  const name = campaign.data ? nameIn(campaign.data.name, campaign.data.name_cy, i18n.language) : t('improvement.evidence.aSurvey');
  if (evidence.kind === 'comment') {
    if (!evidence.campaignId) return <>{t('improvement.evidence.comment')}</>;
    return (
      <>
        {t('improvement.evidence.commentIn')} <Link to={`/campaigns/${evidence.campaignId}/results`}>{name}</Link>
      </>
    );
  }
  return (
    <>
      {evidence.kind === 'question'
        ? t('improvement.evidence.question', { question: evidence.questionKey })
        : t('improvement.evidence.campaign_result')}{' '}
      <Link to={`/campaigns/${evidence.campaignId}/results`}>{name}</Link>
    </>
  );
}

/** "Propose an improvement": anyone in the partnership, service users included. */
export function ProposeActionPage({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('improvement.propose.title'));
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const evidence = evidenceFromSearch(search);
  const partnerships = usePartnershipOptions();
  const standards = useStandards();
  const [chosenPartnership, setChosenPartnership] = useState(search.get('partnership_id') ?? '');
  const partnershipItems = partnerships.data?.items ?? [];
  const partnershipId =
    chosenPartnership || (partnershipItems.length === 1 ? (partnershipItems[0]?.id ?? '') : '');
  const members = usePartnershipMembers(partnershipId);
  const serviceUser = speaksAsServiceUser(user);
  const [form, setForm] = useState<Omit<ProposalForm, 'partnershipId' | 'evidence'>>({
    titleEn: '',
    titleCy: '',
    descriptionEn: '',
    descriptionCy: '',
    summaryEn: '',
    summaryCy: '',
    origin: defaultOrigin(user, evidence),
    leadOrganisationId: '',
    supportingOrganisationIds: [],
    standardId: '',
    dueDate: '',
  });
  const propose = useProposeActionMutation();
  const errors = useFormErrors('propose-', {
    partnership_id: t('improvement.propose.partnership'),
    title: t('improvement.propose.titleEn'),
    en: t('improvement.propose.titleEn'),
    description: t('improvement.propose.descriptionEn'),
    summary: t('improvement.propose.summaryEn'),
    origin: t('improvement.propose.origin'),
    responsibilities: t('improvement.propose.lead'),
    standard_id: t('improvement.propose.standard'),
    due_date: t('improvement.propose.dueDate'),
    evidence: t('improvement.propose.evidence'),
  });

  function set<K extends keyof typeof form>(key: K, value: (typeof form)[K]) {
    setForm((previous) => ({ ...previous, [key]: value }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const full: ProposalForm = { ...form, partnershipId, evidence };
    const problems = checkProposal(full);
    if (problems.length > 0) {
      errors.setFieldErrors(
        problems.map((p) => ({
          name: p.name,
          message:
            (p.name === 'due_date' ? dateError(t, form.dueDate, t('improvement.propose.dueDate')) : undefined) ??
            t(`improvement.propose.errors.${p.key}` as 'improvement.propose.errors.titleMissing'),
        })),
      );
      return;
    }
    errors.clear();
    propose.mutate(proposalBody(full), {
      onSuccess: (created) => void navigate(`/actions/${created.id}?proposed=1`),
      onError: errors.setProblem,
    });
  }

  if (partnerships.isError) return <LoadError error={partnerships.error} onRetry={() => void partnerships.refetch()} />;
  if (!partnerships.data) return <Loading />;
  const memberOptions = (members.data ?? []).map((m) => ({ value: m.organisation_id, label: nameIn(m.organisation_name, m.organisation_name_cy, i18n.language) }));

  return (
    <>
      <BackLink to="/actions">{t('improvement.board.title')}</BackLink>
      <h1>{t('improvement.propose.title')}</h1>
      <p className="nhsuk-lede-text">{serviceUser ? t('improvement.propose.ledeServiceUser') : t('improvement.propose.lede')}</p>
      <form noValidate onSubmit={submit}>
        <ErrorSummary detail={errors.detail} items={errors.summaryItems} />
        {evidence ? (
          <div className="nhsuk-inset-text" data-testid="proposal-evidence">
            <span className="nhsuk-u-visually-hidden">{t('common.information')}</span>
            <p>
              <EvidenceDescription evidence={evidence} />
            </p>
          </div>
        ) : null}
        {partnershipItems.length === 1 && !chosenPartnership ? (
          <p>
            {t('improvement.propose.inPartnership', {
              partnership: localized({ en: partnershipItems[0]?.name, cy: partnershipItems[0]?.name_cy }, i18n.language),
            })}
          </p>
        ) : (
          <Select
            id={errors.idFor('partnership_id')}
            label={t('improvement.propose.partnership')}
            value={partnershipId}
            onChange={(e) => {
              setChosenPartnership(e.target.value);
              set('leadOrganisationId', '');
              set('supportingOrganisationIds', []);
            }}
            error={errors.fieldError('partnership_id')}
            options={[
              { value: '', label: t('common.choose') },
              ...partnershipItems.map((p) => ({ value: p.id, label: localized({ en: p.name, cy: p.name_cy }, i18n.language) })),
            ]}
          />
        )}
        <TitleDescriptionFields
          values={form}
          onChange={set}
          errors={errors}
          titleHint={t('improvement.propose.titleHint')}
          descriptionHint={t('improvement.propose.descriptionHint')}
        />
        <Radios
          id={errors.idFor('origin')}
          name="origin"
          legend={t('improvement.propose.origin')}
          value={form.origin}
          onChange={(value) => set('origin', value as ActionOrigin)}
          error={errors.fieldError('origin')}
          options={ORIGINS.map((o) => ({ value: o, label: t(`improvement.origin.${o}`) }))}
        />
        <details className="nhsuk-details" open={!serviceUser}>
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">{t('improvement.propose.moreDetails')}</span>
          </summary>
          <div className="nhsuk-details__text">
            <Textarea
              id={errors.idFor('summary')}
              label={t('improvement.propose.summaryEn')}
              hint={t('improvement.propose.summaryHint')}
              value={form.summaryEn}
              onChange={(e) => set('summaryEn', e.target.value)}
              error={errors.fieldError('summary')}
            />
            <Textarea
              id={errors.idFor('summary_cy')}
              lang="cy"
              label={t('improvement.propose.summaryCy')}
              value={form.summaryCy}
              onChange={(e) => set('summaryCy', e.target.value)}
            />
            {partnershipId && members.isError ? <LoadError error={members.error} /> : null}
            <Select
              id={errors.idFor('responsibilities')}
              label={t('improvement.propose.lead')}
              hint={t('improvement.propose.leadHint')}
              value={form.leadOrganisationId}
              onChange={(e) => set('leadOrganisationId', e.target.value)}
              error={errors.fieldError('responsibilities')}
              options={[{ value: '', label: t('improvement.propose.noLeadYet') }, ...memberOptions]}
            />
            {form.leadOrganisationId ? (
              <CheckboxGroup
                id={errors.idFor('supporting')}
                legend={t('improvement.propose.supporting')}
                options={memberOptions.filter((o) => o.value !== form.leadOrganisationId)}
                values={form.supportingOrganisationIds}
                onChange={(values) => set('supportingOrganisationIds', values)}
              />
            ) : null}
            <Select
              id={errors.idFor('standard_id')}
              label={t('improvement.propose.standard')}
              hint={t('improvement.propose.standardHint')}
              value={form.standardId}
              onChange={(e) => set('standardId', e.target.value)}
              error={errors.fieldError('standard_id')}
              options={[
                { value: '', label: t('common.notGiven') },
                ...(standards.data ?? []).map((s) => ({ value: s.id, label: `${s.code}: ${localized(s.title, i18n.language)}` })),
              ]}
            />
            <DateInput
              id={errors.idFor('due_date')}
              label={t('improvement.propose.dueDate')}
              value={form.dueDate}
              onChange={(value) => set('dueDate', value)}
              error={errors.fieldError('due_date')}
            />
          </div>
        </details>
        <Button type="submit" busy={propose.isPending || propose.isSuccess}>
          {t('improvement.propose.submit')}
        </Button>
      </form>
    </>
  );
}
