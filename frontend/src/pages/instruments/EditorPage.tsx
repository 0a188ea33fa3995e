import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiProblem } from '../../api/problem';
import type { InstrumentContent, Question, Section, User } from '../../api/types';
import { BackLink } from '../../components/actions';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Button, TextInput } from '../../components/fields';
import { LoadError, Loading, SuccessBanner } from '../../components/status';
import { describeProblem } from '../../components/useFormErrors';
import { usePageTitle } from '../../components/usePageTitle';
import { locateContentError, move, newQuestion, serialiseContent } from './editorModel';
import { canEditIn } from './permissions';
import { BilingualPreview } from './Preview';
import { useInstrument, useSaveContentMutation, useVersionForEditing } from '../../features/instruments/api';
import { localized } from '../../i18n/localized';
import { AddQuestion, QuestionEditor } from './QuestionEditor';

interface PlacedError {
  /** question index, or -1 for a section error, or null for the whole form */
  question: number | null;
  section: number | null;
  targetId: string | undefined;
  text: string;
}

/** The label of a field of a question, from the path the API gives (`text.cy`, `options.2.label.en`). */
function fieldLabel(path: string, t: TFunction): string {
  let m = /^(text|help)\.(en|cy)$/.exec(path);
  if (m) return t(`instruments.editor.${m[1] as 'text' | 'help'}_${m[2] as 'en' | 'cy'}`);
  m = /^options\.(\d+)\.label\.(en|cy)$/.exec(path);
  if (m) return t(`instruments.editor.optionLabel_${m[2] as 'en' | 'cy'}`, { n: Number(m[1]) + 1 });
  if (path.startsWith('conditions')) return t('instruments.editor.conditions');
  const known: Record<string, string> = {
    key: t('instruments.editor.key'),
    options: t('instruments.editor.options'),
    min: t('instruments.editor.min'),
    max: t('instruments.editor.max'),
    max_length: t('instruments.editor.maxLength'),
    section: t('instruments.editor.section'),
    indicator_code: t('instruments.editor.indicator'),
  };
  return known[path] ?? path;
}

function fieldId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/\./g, '-')}`;
}

/** The instrument editor: sections and questions of a draft, with a live bilingual preview. */
export function EditorPage({ user }: { user: User }) {
  const { versionId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const version = useVersionForEditing(versionId);
  const saveContent = useSaveContentMutation(versionId);
  const instrumentId = version.data?.data.instrument_id ?? '';
  const instrument = useInstrument(instrumentId);
  const [content, setContent] = useState<InstrumentContent | null>(null);
  const [etag, setEtag] = useState<string | null>(null);
  const [errors, setErrors] = useState<PlacedError[]>([]);
  const [detail, setDetail] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  usePageTitle(t('instruments.editor.title'));

  useEffect(() => {
    if (version.data) {
      setContent(version.data.data.content);
      setEtag(version.data.etag ?? `"${version.data.data.version}"`);
    }
  }, [version.data]);

  const languages = instrument.data?.languages ?? ['en', 'cy'];
  const serialised = useMemo(() => (content ? serialiseContent(content, languages) : null), [content, languages]);

  if (version.isError) return <LoadError error={version.error} onRetry={() => void version.refetch()} />;
  if (instrument.isError) return <LoadError error={instrument.error} onRetry={() => void instrument.refetch()} />;
  if (!version.data || !instrument.data || !content || !serialised) return <Loading />;
  const v = version.data.data;
  const inst = instrument.data;
  if (!canEditIn(user, inst.organisation_id) || v.status !== 'draft') {
    return (
      <>
        <h1>{t('instruments.editor.title')}</h1>
        <p>{v.status !== 'draft' ? t('instruments.editor.notDraft') : t('errors.forbidden')}</p>
        <Link to={`/instrument-versions/${v.id}`}>{t('instruments.editor.backToVersion')}</Link>
      </>
    );
  }
  const questions = content.questions ?? [];
  const sections = content.sections ?? [];

  const setQuestions = (next: Question[]) => setContent({ ...content, questions: next });
  const setQuestion = (index: number, next: Question) => setQuestions(questions.map((q, i) => (i === index ? next : q)));
  const setSections = (next: Section[]) => setContent({ ...content, sections: next });

  function save(event: FormEvent) {
    event.preventDefault();
    if (!serialised || !etag) return;
    setErrors([]);
    setDetail(null);
    setSaved(false);
    saveContent.mutate(
      { content: serialised, etag },
      {
        onSuccess: (result) => {
          setEtag(result.etag ?? `"${result.data.version}"`);
          setContent(result.data.content);
          setSaved(true);
        },
        onError: (error) => void showSaveError(error),
      },
    );
  }

  /** A stale copy is read again; field problems are placed beside their question or section. */
  async function showSaveError(error: unknown) {
    if (error instanceof ApiProblem && error.status === 412) {
      setDetail(t('errors.stale'));
      const fresh = await version.refetch();
      if (fresh.data) {
        setContent(fresh.data.data.content);
        setEtag(fresh.data.etag ?? `"${fresh.data.data.version}"`);
      }
    } else if (error instanceof ApiProblem && error.errors.length > 0) {
      setDetail(error.detail);
      setErrors(
        error.errors.map((e) => {
          const place = locateContentError(e.field);
          if (place && 'question' in place) {
            const id = fieldId(`q${place.question}`, place.field || 'key');
            const target = document.getElementById(id) ? id : `q${place.question}-key`;
            const q = questions[place.question];
            return { question: place.question, section: null, targetId: target, text: `${t('instruments.editor.questionN', { n: place.question + 1, key: q?.key ?? '' })}: ${place.field ? `${fieldLabel(place.field, t)}: ` : ''}${e.message}` };
          }
          if (place && 'section' in place) {
            return { question: null, section: place.section, targetId: `s${place.section}-key`, text: `${t('instruments.editor.sectionN', { n: place.section + 1 })}: ${e.message}` };
          }
          return { question: null, section: null, targetId: undefined, text: e.message };
        }),
      );
    } else {
      setDetail(describeProblem(error, t));
    }
  }

  const summary: SummaryItem[] = errors.map((e) => ({ text: e.text, ...(e.targetId ? { targetId: e.targetId } : {}) }));

  return (
    <>
      <BackLink to={`/instrument-versions/${v.id}`}>{t('instruments.editor.backToVersion')}</BackLink>
      <span className="nhsuk-caption-l">
        {inst.code} · {t('instruments.version.number', { number: v.number })}
      </span>
      <h1>{t('instruments.editor.heading', { title: localized(inst.title, i18n.language) })}</h1>
      <p>
        <a href="#preview">{t('instruments.editor.jumpToPreview')}</a>
      </p>
      <form noValidate onSubmit={save} data-testid="instrument-editor">
        {saved ? <SuccessBanner title={t('common.saved')} /> : null}
        <ErrorSummary detail={detail} items={summary} />

        <h2>{t('instruments.editor.sections')}</h2>
        <p className="nhsuk-hint">{t('instruments.editor.sectionsHint')}</p>
        {sections.map((section, index) => (
          <fieldset className="nhsuk-fieldset app-editor-card" key={index}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{t('instruments.editor.sectionN', { n: index + 1 })}</legend>
            {errors.filter((e) => e.section === index).map((e) => (
              <p className="nhsuk-error-message" key={e.text}>{e.text}</p>
            ))}
            <TextInput id={`s${index}-key`} label={t('instruments.editor.key')} widthClass="nhsuk-input--width-20" value={section.key} onChange={(e) => setSections(sections.map((s, i) => (i === index ? { ...s, key: e.target.value } : s)))} />
            {languages.map((lang) => (
              <TextInput key={lang} id={`s${index}-title-${lang}`} lang={lang} label={t(`instruments.editor.title_${lang === 'cy' ? 'cy' : 'en'}`)} value={section.title[lang as 'en' | 'cy'] ?? ''} onChange={(e) => setSections(sections.map((s, i) => (i === index ? { ...s, title: { ...s.title, [lang]: e.target.value } } : s)))} />
            ))}
            <Button type="button" variant="secondary" small onClick={() => setSections(sections.filter((_, i) => i !== index))}>
              {t('instruments.editor.removeSection')}
            </Button>
          </fieldset>
        ))}
        <Button type="button" variant="secondary" onClick={() => setSections([...sections, { key: `section_${sections.length + 1}`, title: { en: '', cy: '' } }])}>
          {t('instruments.editor.addSection')}
        </Button>

        <h2>{t('instruments.editor.questions')}</h2>
        {questions.map((question, index) => (
          <QuestionEditor
            key={index}
            index={index}
            question={question}
            earlier={questions.slice(0, index)}
            sections={sections}
            languages={languages}
            errors={errors.filter((e) => e.question === index).map((e) => e.text)}
            onChange={(next) => setQuestion(index, next)}
            onRemove={() => setQuestions(questions.filter((_, i) => i !== index))}
            onMove={(by) => setQuestions(move(questions, index, by))}
            last={index === questions.length - 1}
          />
        ))}
        <AddQuestion onAdd={(type) => setQuestions([...questions, newQuestion(type, questions.map((q) => q.key))])} />
        <div className="app-editor-save">
          <Button type="submit" busy={saveContent.isPending} data-testid="save-instrument">
            {t('instruments.editor.save')}
          </Button>
        </div>
      </form>
      <h2 id="preview" tabIndex={-1}>{t('instruments.preview.title')}</h2>
      <BilingualPreview content={serialised} languages={languages} />
    </>
  );
}
