import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_BAR_FRAME, layoutBars, type BarCategory, type BarValue } from './barGeometry';
import { useChartBox } from './chartBox';
import { CHART_FONT, formatPercent } from './scale';
import './charts.css';

export interface BarSeriesInfo {
  key: string;
  label: string;
}

/** Fills that differ in pattern as well as shade, so bars read in black and white. */
const FILLS = ['solid', 'hatch', 'dots', 'cross', 'lines'] as const;

export function safeId(raw: string): string {
  return raw.replace(/[^A-Za-z0-9_-]/g, '');
}

export function SeriesPatterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern id={`${prefix}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#ffffff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#330072" strokeWidth="3" />
      </pattern>
      <pattern id={`${prefix}-dots`} width="5" height="5" patternUnits="userSpaceOnUse">
        <rect width="5" height="5" fill="#ffffff" />
        <circle cx="2.5" cy="2.5" r="1.4" fill="#00401e" />
      </pattern>
      <pattern id={`${prefix}-cross`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#ffffff" />
        <path d="M0,0 L6,6 M6,0 L0,6" stroke="#7c2855" strokeWidth="1.2" />
      </pattern>
      <pattern id={`${prefix}-lines`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#ffffff" />
        <line x1="0" y1="3" x2="6" y2="3" stroke="#425563" strokeWidth="2" />
      </pattern>
    </defs>
  );
}

export function seriesFill(prefix: string, index: number): string {
  const kind = FILLS[index % FILLS.length];
  return kind === 'solid' ? '#005eb8' : `url(#${prefix}-${kind})`;
}

/**
 * Percentages per answer option as horizontal bars, one per service compared, with the
 * 95% interval as a whisker and the figure written at the end of each bar. Hidden
 * (suppressed) cells have no bar and say so. The same figures are in a table beside it.
 */
export function BarChart({
  categories,
  series,
  title,
  valueText,
}: {
  categories: BarCategory[];
  series: BarSeriesInfo[];
  title: string;
  /** A bar's figure in words, as the table beside the chart says it. */
  valueText: (bar: BarValue) => string;
}) {
  const { t, i18n } = useTranslation();
  const prefix = `bars-${safeId(useId())}`;
  const box = useChartBox(DEFAULT_BAR_FRAME.width);
  const layout = layoutBars(
    categories,
    series.map((s) => s.key),
    { width: box.width, measure: box.measure, valueText, tickText: (tick) => formatPercent(tick, i18n.language, 0) },
  );
  const { frame } = layout;
  const plotBottom = layout.axisY;
  return (
    <figure className="app-chart">
      {series.length > 1 ? (
        <ul className="app-chart__legend" aria-hidden="true">
          {series.map((s, index) => (
            <li key={s.key}>
              <svg width="18" height="14" viewBox="0 0 18 14" focusable="false">
                <SeriesPatterns prefix={`${prefix}-legend${index}`} />
                <rect x="0.5" y="0.5" width="17" height="13" fill={seriesFill(`${prefix}-legend${index}`, index)} stroke="#212b32" />
              </svg>{' '}
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="app-chart__frame" ref={box.ref}>
        <svg
          className="app-chart__svg"
          style={{ fontSize: `${CHART_FONT}px` }}
          width={frame.width}
          height={layout.height}
          viewBox={`0 0 ${frame.width} ${layout.height}`}
          role="img"
          aria-label={t('charts.barsLabel', { title: sentenceEnd(title) })}
          focusable="false"
          data-testid="bar-chart"
          data-labels={layout.labels}
        >
          <SeriesPatterns prefix={prefix} />
          {layout.tickLabels.map((tick) => (
            <g key={tick.tick}>
              <line x1={layout.x(tick.tick)} x2={layout.x(tick.tick)} y1={0} y2={plotBottom} stroke="#d8dde0" strokeDasharray={tick.tick === 0 ? undefined : '2 3'} />
              <text x={tick.x} y={plotBottom + 20} textAnchor="middle" className="app-chart__tick" data-axis="x">
                {tick.text}
              </text>
            </g>
          ))}
          {layout.groups.map((group) => (
            <g key={group.key}>
              <text x={group.labelX} y={group.labelY} className="app-chart__category">
                {group.lines.map((line, i) => (
                  <tspan key={i} x={group.labelX} dy={i === 0 ? 0 : frame.lineHeight}>
                    {line}
                  </tspan>
                ))}
              </text>
              {group.bars.map((bar) => {
                const centre = bar.y + frame.barHeight / 2;
                const label = valueText(bar);
                return (
                  <g key={bar.series} data-suppressed={bar.suppressed ? 'true' : undefined}>
                    {bar.suppressed ? (
                      <rect
                        x={bar.x0}
                        y={bar.y}
                        width={24}
                        height={frame.barHeight}
                        fill="none"
                        stroke="#4c6272"
                        strokeDasharray="3 2"
                      />
                    ) : (
                      <rect
                        x={bar.x0}
                        y={bar.y}
                        width={Math.max(bar.width, 0.5)}
                        height={frame.barHeight}
                        fill={seriesFill(prefix, bar.seriesIndex)}
                        stroke="#212b32"
                        strokeWidth="1"
                        data-percent={bar.percent ?? undefined}
                      />
                    )}
                    {bar.whisker ? (
                      <g stroke="#212b32" strokeWidth="1.5">
                        <line x1={bar.whisker.x1} x2={bar.whisker.x2} y1={centre} y2={centre} />
                        <line x1={bar.whisker.x1} x2={bar.whisker.x1} y1={centre - 5} y2={centre + 5} />
                        <line x1={bar.whisker.x2} x2={bar.whisker.x2} y1={centre - 5} y2={centre + 5} />
                      </g>
                    ) : null}
                    {/* The figure alone: the legend above names each series in full (in the order
                        of the bars, with the same fill), and the table says it in words. */}
                    <text x={bar.labelX} y={centre + 5.5} className="app-chart__value">
                      {series.length > 1 ? <title>{series[bar.seriesIndex]?.label}</title> : null}
                      {label}
                    </text>
                  </g>
                );
              })}
            </g>
          ))}
        </svg>
      </div>
      <figcaption className="nhsuk-body-s app-chart__caption">{t('charts.whiskers')}</figcaption>
    </figure>
  );
}

/** A title as the end of a sentence: "plan?" stays, "Waiting times" gets its full stop. */
export function sentenceEnd(text: string): string {
  const trimmed = text.trim();
  return /[.?!…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
