import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContributionKind, Instrument, InstrumentVersion, User } from '../../../api/types';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, Radios, Select, Textarea } from '../../../components/fields';
import { Empty, LoadError, Loading, SuccessBanner } from '../../../components/status';
import { useFormErrors, type FieldError } from '../../../components/useFormErrors';
import { useContributeMutation, useContributions } from '../../../features/instruments/api';
import { localized } from '../../../i18n/localized';
import { canContribute } from '../permissions';
import { ContributionCard } from './ContributionCard';

/** The co-design suggestions and comments on a version, and the form to add one. */
export function ContributionsSection({
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
  const mutation = useContributeMutation(version.id);
  const [kind, setKind] = useState<ContributionKind>('question');
  const [body, setBody] = useState('');
  const [language, setLanguage] = useState<'en' | 'cy'>(i18n.language === 'cy' ? 'cy' : 'en');
  const [rationale, setRationale] = useState('');
  const [questionKey, setQuestionKey] = useState('');
  const [sent, setSent] = useState(false);
  const form = useFormErrors('contribution-', {
    body: t('instruments.codesign.body'),
    rationale: t('instruments.codesign.rationale'),
    question_key: t('instruments.codesign.aboutQuestion'),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (body.trim() === '') problems.push({ name: 'body', message: t('instruments.codesign.bodyMissing') });
    if (kind === 'comment' && questionKey === '') problems.push({ name: 'question_key', message: t('instruments.codesign.questionMissing') });
    if (problems.length) {
      form.setFieldErrors(problems);
      return;
    }
    form.clear();
    setSent(false);
    mutation.mutate(
      {
        kind,
        body: body.trim(),
        language,
        rationale: rationale.trim() || null,
        question_key: kind === 'comment' ? questionKey : null,
      },
      {
        onSuccess: () => {
          setBody('');
          setRationale('');
          setSent(true);
        },
        onError: form.setProblem,
      },
    );
  }

  return (
    <form noValidate onSubmit={submit} aria-labelledby="contribution-title" className="nhsuk-u-margin-bottom-6">
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
      <Radios
        id="contribution-language"
        name="contribution-language"
        legend={t('instruments.codesign.writtenIn')}
        hint={kind === 'question' ? t('instruments.codesign.writtenInHint') : undefined}
        value={language}
        onChange={(value) => setLanguage(value === 'cy' ? 'cy' : 'en')}
        options={(['cy', 'en'] as const).map((l) => ({ value: l, label: t(`language.names.${l}`) }))}
        inline
      />
      <Textarea
        id={form.idFor('body')}
        lang={language}
        label={t(`instruments.codesign.bodyLabel.${kind}`)}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        error={form.fieldError('body')}
      />
      {kind !== 'comment' ? (
        <Textarea
          id={form.idFor('rationale')}
          lang={language}
          label={t('instruments.codesign.rationale')}
          hint={t('common.optional')}
          value={rationale}
          onChange={(event) => setRationale(event.target.value)}
          error={form.fieldError('rationale')}
        />
      ) : null}
      <Button type="submit" busy={mutation.isPending}>
        {t('instruments.codesign.send')}
      </Button>
    </form>
  );
}
