import { useTranslation } from 'react-i18next';
import { formatDate, formatMonthShort } from '../format';
import { useChartBox } from './chartBox';
import { CHART_FONT, formatNumber, polylinePoints } from './scale';
import { DEFAULT_FRAME, layoutChart, markerPath, type ChartRead, type Marker } from './spcGeometry';
import './charts.css';

const MARKER_STYLE: Record<Marker, { fill: string; stroke: string }> = {
  common: { fill: '#ffffff', stroke: '#4c6272' },
  improvement: { fill: '#005eb8', stroke: '#002f5c' },
  concern: { fill: '#ed8b00', stroke: '#212b32' },
  neutral: { fill: '#330072', stroke: '#212b32' },
};

/** The legend of point shapes (also used beside the table). */
export function MarkerKey() {
  const { t } = useTranslation();
  const items: Marker[] = ['common', 'improvement', 'concern', 'neutral'];
  return (
    <ul className="app-chart__legend" data-testid="spc-key">
      {items.map((marker) => (
        <li key={marker}>
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d={markerPath(marker, 8, 8, 5)} fill={MARKER_STYLE[marker].fill} stroke={MARKER_STYLE[marker].stroke} strokeWidth="1.5" />
          </svg>
          {t(`indicators.marker.${marker}`)}
        </li>
      ))}
      <li>
        <svg width="28" height="10" viewBox="0 0 28 10" aria-hidden="true" focusable="false">
          <line x1="0" x2="28" y1="5" y2="5" stroke="#212b32" strokeWidth="2" />
        </svg>
        {t('indicators.line.mean')}
      </li>
      <li>
        <svg width="28" height="10" viewBox="0 0 28 10" aria-hidden="true" focusable="false">
          <line x1="0" x2="28" y1="5" y2="5" stroke="#425563" strokeWidth="1.5" strokeDasharray="6 3" />
        </svg>
        {t('indicators.line.limits')}
      </li>
      <li>
        <svg width="28" height="10" viewBox="0 0 28 10" aria-hidden="true" focusable="false">
          <line x1="0" x2="28" y1="5" y2="5" stroke="#7c2855" strokeWidth="2" strokeDasharray="1 3" strokeLinecap="round" />
        </svg>
        {t('indicators.line.target')}
      </li>
    </ul>
  );
}

/**
 * An XmR chart: values joined by a line, the mean, the process limits (dashed), the
 * near-limit bands (optional, shaded), the target (dotted), special-cause points drawn
 * as different shapes, and numbered annotation marks on the date axis.
 */
export function SpcChart({ chart, title, showBands }: { chart: ChartRead; title: string; showBands: boolean }) {
  const { t, i18n } = useTranslation();
  const box = useChartBox(DEFAULT_FRAME.width);
  const layout = layoutChart(chart, {
    width: box.width,
    measure: box.measure,
    xLabel: (index) => formatMonthShort(chart.points[index]?.period_start),
    yLabel: (value) => formatNumber(value, i18n.language, 2),
  });
  const { frame } = layout;
  const plotBottom = frame.height - frame.bottom;
  const plotRight = frame.width - frame.right;
  const half = chart.points.length > 1 ? (layout.x(1) - layout.x(0)) / 2 : 20;
  const lineFor = (from: number, to: number, value: number) => ({
    x1: Math.max(frame.left, layout.x(from) - (from === 0 ? 0 : half)),
    x2: Math.min(plotRight, layout.x(to) + (to === chart.points.length - 1 ? 0 : half)),
    y: layout.y(value),
  });
  return (
    <figure className="app-chart">
      <MarkerKey />
      <div className="app-chart__frame" ref={box.ref}>
        <svg
          className="app-chart__svg"
          style={{ fontSize: `${CHART_FONT}px` }}
          width={frame.width}
          height={frame.height}
          viewBox={`0 0 ${frame.width} ${frame.height}`}
          role="img"
          aria-label={t('charts.spcLabel', { title })}
          focusable="false"
          data-testid="spc-chart"
        >
          {showBands
            ? layout.phases.map((phase) => {
                const upper = lineFor(phase.from, phase.to, phase.upper);
                const upperBand = lineFor(phase.from, phase.to, phase.upperBand);
                const lower = lineFor(phase.from, phase.to, phase.lower);
                const lowerBand = lineFor(phase.from, phase.to, phase.lowerBand);
                return (
                  <g key={`band-${phase.from}`} fill="#e8edee" data-testid="spc-band">
                    <rect x={upper.x1} y={upper.y} width={upper.x2 - upper.x1} height={Math.max(0, upperBand.y - upper.y)} />
                    <rect x={lowerBand.x1} y={lowerBand.y} width={lowerBand.x2 - lowerBand.x1} height={Math.max(0, lower.y - lowerBand.y)} />
                  </g>
                );
              })
            : null}
          {layout.yTicks.map((tick, i) => (
            <g key={tick}>
              <line x1={frame.left} x2={plotRight} y1={layout.y(tick)} y2={layout.y(tick)} stroke="#f0f4f5" />
              <text x={layout.yLabels[i]?.x} y={layout.yLabels[i]?.y} textAnchor="end" className="app-chart__tick" data-axis="y">
                {layout.yLabels[i]?.text}
              </text>
            </g>
          ))}
          <line x1={frame.left} x2={frame.left} y1={frame.top} y2={plotBottom} stroke="#212b32" />
          <line x1={frame.left} x2={plotRight} y1={plotBottom} y2={plotBottom} stroke="#212b32" />
          {layout.xTicks.map((tick) => (
            <text key={tick.index} x={tick.x} y={tick.y} textAnchor="middle" className="app-chart__tick" data-axis="x">
              {tick.text}
            </text>
          ))}
          {layout.phases.map((phase) => {
            const mean = lineFor(phase.from, phase.to, phase.mean);
            const upper = lineFor(phase.from, phase.to, phase.upper);
            const lower = lineFor(phase.from, phase.to, phase.lower);
            return (
              <g key={`limits-${phase.from}`}>
                <line x1={mean.x1} x2={mean.x2} y1={mean.y} y2={mean.y} stroke="#212b32" strokeWidth="2" data-testid="spc-mean" />
                <line x1={upper.x1} x2={upper.x2} y1={upper.y} y2={upper.y} stroke="#425563" strokeWidth="1.5" strokeDasharray="6 3" />
                <line x1={lower.x1} x2={lower.x2} y1={lower.y} y2={lower.y} stroke="#425563" strokeWidth="1.5" strokeDasharray="6 3" />
              </g>
            );
          })}
          {layout.targetY !== null ? (
            <line
              x1={frame.left}
              x2={plotRight}
              y1={layout.targetY}
              y2={layout.targetY}
              stroke="#7c2855"
              strokeWidth="2"
              strokeDasharray="1 4"
              strokeLinecap="round"
              data-testid="spc-target"
            />
          ) : null}
          <polyline points={polylinePoints(layout.markers)} fill="none" stroke="#768692" strokeWidth="1.5" />
          {layout.markers.map((m) => (
            <path
              key={m.index}
              d={markerPath(m.marker, m.x, m.y)}
              fill={MARKER_STYLE[m.marker].fill}
              stroke={MARKER_STYLE[m.marker].stroke}
              strokeWidth="1.5"
              data-marker={m.marker}
            />
          ))}
          {layout.annotations.map((a) => (
            <g key={a.annotation.id} data-testid="spc-annotation">
              <line x1={a.x} x2={a.x} y1={frame.top} y2={plotBottom} stroke="#212b32" strokeDasharray="2 2" />
              <circle cx={a.x} cy={layout.annotationY} r="12" fill="#ffffff" stroke="#212b32" />
              <text x={a.x} y={layout.annotationY + 5.5} textAnchor="middle" className="app-chart__annotation-number">
                {a.number}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <figcaption className="nhsuk-body-s app-chart__caption">
        {t('charts.spcCaption', {
          first: formatDate(chart.points[0]?.period_start),
          last: formatDate(chart.points[chart.points.length - 1]?.period_end),
        })}
      </figcaption>
    </figure>
  );
}

/** Annotation numbers as drawn on the chart, for the list under it. */
export function annotationNumbers(chart: ChartRead): Map<string, number> {
  return new Map(layoutChart(chart).annotations.map((a) => [a.annotation.id, a.number]));
}
