import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useLocalName } from '../../i18n/localized';
import { useOrganisationOptions } from '../../features/organisations/api';
import type {
  Contribution,
  ContributionKind,
  Instrument,
  InstrumentVersion,
  Question,
  QuestionType,
  ReviewState,
  User,
} from '../../api/types';
import { BackLink } from '../../components/actions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, CheckboxGroup, Radios, Select, TextInput, Textarea } from '../../components/fields';
import { formatDateTime } from '../../components/format';
import { Empty, LoadError, Loading, SuccessBanner, Tag } from '../../components/status';
import { describeProblem, useFormErrors, type FieldError } from '../../components/useFormErrors';
import { usePageTitle } from '../../components/usePageTitle';
import { RoleTag } from '../HomePage';
import { BilingualPreview } from './Preview';
import { canContribute, canEditIn, canReview } from './permissions';
import { VersionStatusTag } from './InstrumentsPage';
import { likertOptions, keyFrom } from './editorModel';
import { localized } from '../../i18n/localized';

export function versionQuery(versionId: string) {
  return {
    queryKey: ['instrument-versions', versionId] as const,
    queryFn: () =>
      unwrap(api.GET('/api/v1/instrument-versions/{version_id}', { params: { path: { version_id: versionId } } })),
  };
}

export function instrumentQuery(instrumentId: string) {
  return {
    queryKey: ['instruments', instrumentId] as const,
    queryFn: () => unwrap(api.GET('/api/v1/instruments/{instrument_id}', { params: { path: { instrument_id: instrumentId } } })),
  };
}

export function useContributions(versionId: string) {
  return useQuery({
    queryKey: ['contributions', versionId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/instrument-versions/{version_id}/contributions', {
          params: { path: { version_id: versionId }, query: { limit: 200 } },
        }),
      ),
    enabled: versionId !== '',
  });
}

/** Who each co-design contributor is, by user id (for questions credited to them). */
export function useContributorNames(versionId: string): Map<string, { name: string; role: string }> {
  const contributions = useContributions(versionId);
  const names = new Map<string, { name: string; role: string }>();
  for (const c of contributions.data?.items ?? []) {
    if (c.author_id && c.author_display_name) names.set(c.author_id, { name: c.author_display_name, role: c.author_role });
  }
  return names;
}

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
  const version = useQuery(versionQuery(versionId));
  const instrumentId = version.data?.instrument_id ?? '';
  const instrument = useQuery({ ...instrumentQuery(instrumentId), enabled: instrumentId !== '' });
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

// ------------------------------------------------------------------ co-design settings

function CodesignSettingsForm({ instrument, version }: { instrument: Instrument; version: InstrumentVersion }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const queryClient = useQueryClient();
  const organisations = useOrganisationOptions();
  const [orgIds, setOrgIds] = useState<string[]>(version.codesign_org_ids);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useFormErrors('codesign-', { organisation_ids: t('instruments.codesign.organisations') });

  async function save(open: boolean) {
    if (open && orgIds.length === 0) {
      form.setFieldErrors([{ name: 'organisation_ids', message: t('instruments.codesign.organisationsMissing') }]);
      return;
    }
    setBusy(true);
    form.clear();
    setSaved(null);
    try {
      const updated = await unwrap(
        api.PUT('/api/v1/instrument-versions/{version_id}/codesign', {
          params: { path: { version_id: version.id } },
          body: { open, organisation_ids: orgIds },
        }),
      );
      queryClient.setQueryData(versionQuery(version.id).queryKey, updated);
      setSaved(open ? t('instruments.codesign.opened') : t('instruments.codesign.closed'));
    } catch (error) {
      form.setProblem(error);
    } finally {
      setBusy(false);
    }
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
        void save(true);
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
        <Button type="submit" busy={busy}>
          {version.codesign_open ? t('instruments.codesign.save') : t('instruments.codesign.open')}
        </Button>
        {version.codesign_open ? (
          <Button type="button" variant="secondary" busy={busy} onClick={() => void save(false)}>
            {t('instruments.codesign.close')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------- contributions

function ContributionsSection({
  user,
  instrument,
  version,
  editor,
}: {
  user: User;
  instrument: Instrument;
  version: InstrumentVersion;
  editor: boolean;
}) {
  const { t } = useTranslation();
  const contributions = useContributions(version.id);
  const contribute = canContribute(user, instrument, version);
  return (
    <section aria-labelledby="contributions-title">
      <h2 id="contributions-title">{t('instruments.codesign.title')}</h2>
      <p>{t('instruments.codesign.intro')}</p>
      {contribute ? <ContributionForm version={version} /> : null}
      {contributions.isError ? (
        <LoadError error={contributions.error} onRetry={() => void contributions.refetch()} />
      ) : !contributions.data ? (
        <Loading />
      ) : contributions.data.items.length === 0 ? (
        <Empty>{t('instruments.codesign.none')}</Empty>
      ) : (
        <ul className="app-card-list" data-testid="contributions">
          {contributions.data.items.map((c) => (
            <li key={c.id}>
              <ContributionCard contribution={c} version={version} instrument={instrument} editor={editor} canVote={contribute} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ContributionForm({ version }: { version: InstrumentVersion }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ContributionKind>('question');
  const [body, setBody] = useState('');
  const [rationale, setRationale] = useState('');
  const [questionKey, setQuestionKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const form = useFormErrors('contribution-', {
    body: t('instruments.codesign.body'),
    rationale: t('instruments.codesign.rationale'),
    question_key: t('instruments.codesign.aboutQuestion'),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (body.trim() === '') problems.push({ name: 'body', message: t('instruments.codesign.bodyMissing') });
    if (kind === 'comment' && questionKey === '') problems.push({ name: 'question_key', message: t('instruments.codesign.questionMissing') });
    if (problems.length) {
      form.setFieldErrors(problems);
      return;
    }
    setBusy(true);
    form.clear();
    setSent(false);
    try {
      await unwrap(
        api.POST('/api/v1/instrument-versions/{version_id}/contributions', {
          params: { path: { version_id: version.id } },
          body: {
            kind,
            body: body.trim(),
            rationale: rationale.trim() || null,
            question_key: kind === 'comment' ? questionKey : null,
          },
        }),
      );
      setBody('');
      setRationale('');
      setSent(true);
      await queryClient.invalidateQueries({ queryKey: ['contributions', version.id] });
    } catch (error) {
      form.setProblem(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="contribution-title" className="nhsuk-u-margin-bottom-6">
      <h3 id="contribution-title">{t('instruments.codesign.addTitle')}</h3>
      {sent ? <SuccessBanner title={t('instruments.codesign.sent')} /> : null}
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      <Radios
        id="contribution-kind"
        name="contribution-kind"
        legend={t('instruments.codesign.kind')}
        value={kind}
        onChange={(value) => setKind(value as ContributionKind)}
        options={(['question', 'topic', 'comment'] as const).map((k) => ({ value: k, label: t(`instruments.codesign.kinds.${k}`) }))}
      />
      {kind === 'comment' ? (
        <Select
          id={form.idFor('question_key')}
          label={t('instruments.codesign.aboutQuestion')}
          value={questionKey}
          onChange={(event) => setQuestionKey(event.target.value)}
          error={form.fieldError('question_key')}
          options={[
            { value: '', label: t('common.choose') },
            ...(version.content.questions ?? []).map((q) => ({ value: q.key, label: localized(q.text, i18n.language) })),
          ]}
        />
      ) : null}
      <Textarea
        id={form.idFor('body')}
        label={t(`instruments.codesign.bodyLabel.${kind}`)}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        error={form.fieldError('body')}
      />
      {kind !== 'comment' ? (
        <Textarea
          id={form.idFor('rationale')}
          label={t('instruments.codesign.rationale')}
          hint={t('common.optional')}
          value={rationale}
          onChange={(event) => setRationale(event.target.value)}
          error={form.fieldError('rationale')}
        />
      ) : null}
      <Button type="submit" busy={busy}>
        {t('instruments.codesign.send')}
      </Button>
    </form>
  );
}

function statusColour(status: Contribution['status']) {
  return status === 'accepted' ? 'green' : status === 'declined' ? 'grey' : 'blue';
}

function ContributionCard({
  contribution: c,
  version,
  instrument,
  editor,
  canVote,
}: {
  contribution: Contribution;
  version: InstrumentVersion;
  instrument: Instrument;
  editor: boolean;
  canVote: boolean;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<'accept' | 'decline' | null>(null);
  const question = c.question_key ? (version.content.questions ?? []).find((q) => q.key === c.question_key) : undefined;
  const headingId = `contribution-${c.id}`;

  async function vote(add: boolean) {
    setBusy(true);
    setError(null);
    try {
      if (add) {
        await unwrap(api.POST('/api/v1/contributions/{contribution_id}/votes', { params: { path: { contribution_id: c.id } } }));
      } else {
        await unwrap(api.DELETE('/api/v1/contributions/{contribution_id}/votes/me', { params: { path: { contribution_id: c.id } } }));
      }
      await queryClient.invalidateQueries({ queryKey: ['contributions', version.id] });
    } catch (problem) {
      setError(describeProblem(problem, t));
    } finally {
      setBusy(false);
    }
  }

  const votable = c.kind !== 'comment' && c.status === 'open';
  return (
    <article className="nhsuk-card" aria-labelledby={headingId} data-testid="contribution">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s" id={headingId}>
          {t(`instruments.codesign.kindNames.${c.kind}`)}
          {question ? `: ${localized(question.text, i18n.language)}` : ''}{' '}
          <Tag colour={statusColour(c.status)}>{t(`instruments.codesign.status.${c.status}`)}</Tag>
        </h3>
        <p className="app-pre-wrap">{c.body}</p>
        {c.rationale ? (
          <p className="app-pre-wrap">
            <strong>{t('instruments.codesign.why')}</strong> {c.rationale}
          </p>
        ) : null}
        <p className="nhsuk-body-s">
          {t('instruments.codesign.by', { name: c.author_display_name ?? t('common.notGiven'), when: formatDateTime(c.created_at) })}{' '}
          {isRole(c.author_role) ? <RoleTag role={c.author_role} /> : null}
        </p>
        {c.status === 'declined' && c.decision_reason ? (
          <div className="nhsuk-inset-text">
            <p>
              <strong>{t('instruments.codesign.declinedBecause')}</strong> {c.decision_reason}
            </p>
          </div>
        ) : null}
        {c.status === 'accepted' ? (
          <p>
            {t('instruments.codesign.acceptedNote')}
            {c.decision_reason ? ` ${c.decision_reason}` : ''}
          </p>
        ) : null}
        {c.kind !== 'comment' ? (
          <p data-testid="votes">
            {t('instruments.codesign.votes', { n: c.votes })}
            {c.voted_by_me ? ` ${t('instruments.codesign.youVoted')}` : ''}
          </p>
        ) : null}
        {error ? (
          <p className="nhsuk-error-message" role="alert">
            {error}
          </p>
        ) : null}
        {votable && canVote ? (
          <Button type="button" variant="secondary" small busy={busy} onClick={() => void vote(!c.voted_by_me)}>
            {c.voted_by_me ? t('instruments.codesign.unvote') : t('instruments.codesign.vote')}
            <span className="nhsuk-u-visually-hidden"> {c.body.slice(0, 60)}</span>
          </Button>
        ) : null}
        {votable && editor && version.status === 'draft' ? (
          deciding === 'accept' ? (
            <AcceptForm contribution={c} version={version} instrument={instrument} onDone={() => setDeciding(null)} />
          ) : deciding === 'decline' ? (
            <DeclineForm contribution={c} version={version} onDone={() => setDeciding(null)} />
          ) : (
            <div className="app-button-row">
              <Button type="button" small onClick={() => setDeciding('accept')}>
                {t('instruments.codesign.accept')}
              </Button>
              <Button type="button" small variant="secondary" onClick={() => setDeciding('decline')}>
                {t('instruments.codesign.decline')}
              </Button>
            </div>
          )
        ) : null}
      </div>
    </article>
  );
}

function isRole(value: string): value is 'service_user' | 'carer' | 'staff' | 'manager' | 'admin' {
  return ['service_user', 'carer', 'staff', 'manager', 'admin'].includes(value);
}

const ACCEPT_TYPES: QuestionType[] = ['free_text', 'yes_no', 'rating', 'likert'];

/** Accept a suggestion: it becomes a question (the editor may edit it first), credited to its author. */
function AcceptForm({
  contribution: c,
  version,
  instrument,
  onDone,
}: {
  contribution: Contribution;
  version: InstrumentVersion;
  instrument: Instrument;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const proposed = c.proposed_question ?? null;
  const prefix = `accept-${c.id}-`;
  const [key, setKey] = useState(proposed?.key ?? keyFrom(c.body));
  const [type, setType] = useState<QuestionType>(proposed?.type ?? 'free_text');
  const [textEn, setTextEn] = useState(proposed?.text.en ?? c.body);
  const [textCy, setTextCy] = useState(proposed?.text.cy ?? '');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(prefix, {
    key: t('instruments.editor.key'),
    en: t('instruments.editor.textEn'),
    cy: t('instruments.editor.textCy'),
    type: t('instruments.editor.type'),
  });
  const needsCy = instrument.languages.includes('cy');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!/^[a-z][a-z0-9_]*$/.test(key)) problems.push({ name: 'key', message: t('instruments.editor.keyInvalid') });
    if (textEn.trim() === '') problems.push({ name: 'en', message: t('instruments.editor.textMissing') });
    if (needsCy && textCy.trim() === '') problems.push({ name: 'cy', message: t('instruments.editor.textMissing') });
    if (problems.length) {
      form.setFieldErrors(problems);
      return;
    }
    const question: Question = {
      ...(proposed ?? {}),
      key,
      type,
      text: { en: textEn.trim(), ...(needsCy ? { cy: textCy.trim() } : {}) },
      required: proposed?.required ?? false,
      allow_dont_know: proposed?.allow_dont_know ?? false,
      options: type === 'likert' ? likertOptions() : type === proposed?.type ? (proposed.options ?? []) : [],
      conditions: proposed?.conditions ?? [],
      max_length: type === 'free_text' ? (proposed?.max_length ?? 1000) : null,
    };
    setBusy(true);
    form.clear();
    try {
      await unwrap(
        api.POST('/api/v1/contributions/{contribution_id}/accept', {
          params: { path: { contribution_id: c.id } },
          body: { question, reason: reason.trim() || null },
        }),
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['contributions', version.id] }),
        queryClient.invalidateQueries({ queryKey: ['instrument-versions', version.id] }),
      ]);
      onDone();
    } catch (error) {
      form.setProblem(error);
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-label={t('instruments.codesign.acceptTitle')}>
      <h4 className="nhsuk-heading-s">{t('instruments.codesign.acceptTitle')}</h4>
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      <TextInput id={form.idFor('key')} label={t('instruments.editor.key')} hint={t('instruments.editor.keyHint')} value={key} onChange={(e) => setKey(e.target.value)} error={form.fieldError('key')} />
      <Select
        id={form.idFor('type')}
        label={t('instruments.editor.type')}
        value={type}
        onChange={(e) => setType(e.target.value as QuestionType)}
        options={ACCEPT_TYPES.map((value) => ({ value, label: t(`instruments.types.${value}`) }))}
        error={form.fieldError('type')}
      />
      <Textarea id={form.idFor('en')} lang="en" rows={2} label={t('instruments.editor.textEn')} value={textEn} onChange={(e) => setTextEn(e.target.value)} error={form.fieldError('en')} />
      {needsCy ? (
        <Textarea id={form.idFor('cy')} lang="cy" rows={2} label={t('instruments.editor.textCy')} value={textCy} onChange={(e) => setTextCy(e.target.value)} error={form.fieldError('cy')} />
      ) : null}
      <Textarea id={`${prefix}reason`} rows={2} label={t('instruments.codesign.acceptReason')} hint={t('common.optional')} value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className="app-button-row">
        <Button type="submit" busy={busy}>
          {t('instruments.codesign.acceptConfirm')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function DeclineForm({ contribution: c, version, onDone }: { contribution: Contribution; version: InstrumentVersion; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(`decline-${c.id}-`, { reason: t('instruments.codesign.declineReason') });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') {
      form.setFieldErrors([{ name: 'reason', message: t('instruments.codesign.declineReasonMissing') }]);
      return;
    }
    setBusy(true);
    form.clear();
    try {
      await unwrap(
        api.POST('/api/v1/contributions/{contribution_id}/decline', {
          params: { path: { contribution_id: c.id } },
          body: { reason: reason.trim() },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['contributions', version.id] });
      onDone();
    } catch (error) {
      form.setProblem(error);
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-label={t('instruments.codesign.decline')}>
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      <Textarea
        id={form.idFor('reason')}
        rows={2}
        label={t('instruments.codesign.declineReason')}
        hint={t('instruments.codesign.declineReasonHint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={form.fieldError('reason')}
      />
      <div className="app-button-row">
        <Button type="submit" variant="warning" busy={busy}>
          {t('instruments.codesign.declineConfirm')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------------- review

function ReviewSection({
  user,
  instrument,
  version,
  editor,
}: {
  user: User;
  instrument: Instrument;
  version: InstrumentVersion;
  editor: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const review = useQuery({
    queryKey: ['review', version.id, version.status],
    queryFn: () =>
      unwrap(api.GET('/api/v1/instrument-versions/{version_id}/review', { params: { path: { version_id: version.id } } })),
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function act(action: 'request' | 'publish') {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      if (action === 'request') {
        // The answer is the review state; the version itself is read again.
        await unwrap(api.POST('/api/v1/instrument-versions/{version_id}/review-requests', { params: { path: { version_id: version.id } } }));
        await queryClient.invalidateQueries({ queryKey: ['instrument-versions', version.id] });
      } else {
        const published = await unwrap(api.POST('/api/v1/instrument-versions/{version_id}/publish', { params: { path: { version_id: version.id } } }));
        queryClient.setQueryData(versionQuery(version.id).queryKey, published);
      }
      await queryClient.invalidateQueries({ queryKey: ['instruments'] });
      setDone(action === 'request' ? t('instruments.review.requested') : t('instruments.review.published'));
    } catch (problem) {
      setError(describeProblem(problem, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title">{t('instruments.review.title')}</h2>
      {done ? <SuccessBanner title={done} /> : null}
      <ErrorSummary detail={error} items={[]} />
      {review.isError ? (
        <LoadError error={review.error} onRetry={() => void review.refetch()} />
      ) : !review.data ? (
        <Loading />
      ) : (
        <ReviewBody
          state={review.data}
          version={version}
          editor={editor}
          reviewer={canReview(user, instrument, version)}
          busy={busy}
          onRequest={() => void act('request')}
          onPublish={() => void act('publish')}
        />
      )}
    </section>
  );
}

function ReviewBody({
  state,
  version,
  editor,
  reviewer,
  busy,
  onRequest,
  onPublish,
}: {
  state: ReviewState;
  version: InstrumentVersion;
  editor: boolean;
  reviewer: boolean;
  busy: boolean;
  onRequest: () => void;
  onPublish: () => void;
}) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const organisations = useOrganisationOptions();
  const orgName = (id: string) => {
    const org = organisations.data?.items.find((o) => o.id === id);
    return org ? localName(org) : '';
  };
  const roles = state.approver_roles.map((r) => (isRole(r) ? t(`roles.${r}`) : r)).join(` ${t('instruments.review.or')} `);
  return (
    <>
      <p>{t('instruments.review.policy', { n: state.approvals_needed, roles })}</p>
      <p data-testid="review-progress">
        {t('instruments.review.progress', { approved: state.qualifying_approvals, needed: state.approvals_needed })}
      </p>
      {state.reviews.length > 0 ? (
        <ul className="app-card-list">
          {state.reviews.map((r) => (
            <li key={r.id} className="nhsuk-inset-text">
              <p>
                <Tag colour={r.decision === 'approved' ? 'green' : 'orange'}>{t(`instruments.review.decisions.${r.decision}`)}</Tag>{' '}
                {isRole(r.reviewer_role) ? <RoleTag role={r.reviewer_role} /> : null} {orgName(r.reviewer_organisation_id)} ·{' '}
                {formatDateTime(r.created_at)}
                {r.revision !== state.revision ? ` · ${t('instruments.review.earlierRevision')}` : ''}
              </p>
              {r.comment ? <p className="app-pre-wrap">{r.comment}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {editor && version.status === 'draft' ? (
        <>
          <p>{t('instruments.review.requestHint')}</p>
          <Button type="button" busy={busy} onClick={onRequest}>
            {t('instruments.review.request')}
          </Button>
        </>
      ) : null}
      {reviewer && version.status === 'in_review' ? <ReviewForm version={version} /> : null}
      {editor && version.status !== 'published' ? (
        <div className="nhsuk-u-margin-top-4">
          <h3>{t('instruments.review.publishTitle')}</h3>
          {state.blocking_reasons.length > 0 ? (
            <div className="nhsuk-warning-callout" data-testid="blocking-reasons">
              <h4 className="nhsuk-warning-callout__label">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">{t('common.information')} </span>
                  {t('instruments.review.cannotPublish')}
                </span>
              </h4>
              <ul id="publish-blocked">
                {state.blocking_reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <Button
            type="button"
            busy={busy}
            disabled={!state.can_publish}
            aria-describedby={state.can_publish ? undefined : 'publish-blocked'}
            onClick={onPublish}
          >
            {t('instruments.review.publish')}
          </Button>
        </div>
      ) : null}
      {version.status === 'published' ? (
        <p>{t('instruments.review.publishedOn', { when: formatDateTime(version.published_at) })}</p>
      ) : null}
    </>
  );
}

function ReviewForm({ version }: { version: InstrumentVersion }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState('');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const form = useFormErrors('review-', { decision: t('instruments.review.decision'), comment: t('instruments.review.comment') });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (decision === '') problems.push({ name: 'decision', message: t('instruments.review.decisionMissing') });
    if (decision === 'changes_requested' && comment.trim() === '') problems.push({ name: 'comment', message: t('instruments.review.commentMissing') });
    if (problems.length) {
      form.setFieldErrors(problems);
      return;
    }
    setBusy(true);
    form.clear();
    setSent(false);
    try {
      await unwrap(
        api.POST('/api/v1/instrument-versions/{version_id}/reviews', {
          params: { path: { version_id: version.id } },
          body: { decision: decision as 'approved' | 'changes_requested', comment: comment.trim() || null },
        }),
      );
      setSent(true);
      setComment('');
      await queryClient.invalidateQueries({ queryKey: ['review', version.id] });
    } catch (error) {
      form.setProblem(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="review-form-title">
      <h3 id="review-form-title">{t('instruments.review.yourReview')}</h3>
      {sent ? <SuccessBanner title={t('instruments.review.sent')} /> : null}
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      <Radios
        id={form.idFor('decision')}
        name="review-decision"
        legend={t('instruments.review.decision')}
        value={decision}
        onChange={setDecision}
        error={form.fieldError('decision')}
        options={[
          { value: 'approved', label: t('instruments.review.approve') },
          { value: 'changes_requested', label: t('instruments.review.askChanges') },
        ]}
      />
      <Textarea
        id={form.idFor('comment')}
        label={t('instruments.review.comment')}
        hint={t('instruments.review.commentHint')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        error={form.fieldError('comment')}
      />
      <Button type="submit" busy={busy}>
        {t('instruments.review.send')}
      </Button>
    </form>
  );
}
