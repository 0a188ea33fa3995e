import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Checkbox, Select, TextInput } from '../../components/fields';

/** The SPC settings of the chart (baseline, recalculation dates, rules, bands), kept in the address. */
export function ChartSettingsForm({ search, onApply }: { search: URLSearchParams; onApply: (next: URLSearchParams) => void }) {
  const { t } = useTranslation();
  const [baseline, setBaseline] = useState(search.get('baseline_points') ?? '');
  const [cuts, setCuts] = useState(search.getAll('recalculate_at').join(', '));
  const [runLength, setRunLength] = useState(search.get('run_length') ?? '7');
  const [screen, setScreen] = useState(search.get('screen_moving_ranges') === 'true');
  const [rule, setRule] = useState(search.get('two_of_three') ?? 'beyond_band');
  const [bands, setBands] = useState(search.get('bands') !== 'false');
  const [problems, setProblems] = useState<{ text: string; targetId: string }[]>([]);

  function apply(event: FormEvent) {
    event.preventDefault();
    const found: { text: string; targetId: string }[] = [];
    const dates = cuts
      .split(/[\s,]+/)
      .map((d) => d.trim())
      .filter(Boolean);
    if (baseline && !(/^\d+$/.test(baseline) && Number(baseline) >= 2 && Number(baseline) <= 500)) {
      found.push({ text: t('indicators.settings.baselineInvalid'), targetId: 'chart-baseline' });
    }
    if (dates.some((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(new Date(d).getTime()))) {
      found.push({ text: t('indicators.settings.datesInvalid'), targetId: 'chart-recalculate' });
    }
    setProblems(found);
    if (found.length > 0) return;
    const next = new URLSearchParams();
    for (const key of ['organisation_id', 'service_id']) {
      const value = search.get(key);
      if (value) next.set(key, value);
    }
    if (baseline) next.set('baseline_points', baseline);
    dates.forEach((d) => next.append('recalculate_at', d));
    if (runLength !== '7') next.set('run_length', runLength);
    if (screen) next.set('screen_moving_ranges', 'true');
    if (rule !== 'beyond_band') next.set('two_of_three', rule);
    if (!bands) next.set('bands', 'false');
    onApply(next);
  }

  const error = (id: string) => problems.find((p) => p.targetId === id)?.text;
  return (
    <form onSubmit={apply} noValidate data-testid="chart-settings">
      <ErrorSummary items={problems} />
      <TextInput
        id="chart-baseline"
        label={t('indicators.settings.baseline')}
        hint={t('indicators.settings.baselineHint')}
        inputMode="numeric"
        widthClass="nhsuk-input--width-4"
        value={baseline}
        onChange={(e) => setBaseline(e.target.value)}
        error={error('chart-baseline')}
      />
      <TextInput
        id="chart-recalculate"
        label={t('indicators.settings.recalculate')}
        hint={t('indicators.settings.recalculateHint')}
        value={cuts}
        onChange={(e) => setCuts(e.target.value)}
        error={error('chart-recalculate')}
      />
      <Select
        id="chart-run-length"
        label={t('indicators.settings.runLength')}
        options={[5, 6, 7, 8, 9, 10, 11, 12].map((n) => ({ value: String(n), label: String(n) }))}
        value={runLength}
        onChange={(e) => setRunLength(e.target.value)}
      />
      <Select
        id="chart-two-of-three"
        label={t('indicators.settings.twoOfThree')}
        options={[
          { value: 'beyond_band', label: t('indicators.settings.beyondBand') },
          { value: 'within_limits', label: t('indicators.settings.withinLimits') },
        ]}
        value={rule}
        onChange={(e) => setRule(e.target.value)}
      />
      <Checkbox id="chart-screen" label={t('indicators.settings.screen')} checked={screen} onChange={setScreen} />
      <Checkbox id="chart-bands" label={t('indicators.settings.bands')} checked={bands} onChange={setBands} />
      <Button type="submit" variant="secondary">
        {t('indicators.settings.apply')}
      </Button>
    </form>
  );
}
