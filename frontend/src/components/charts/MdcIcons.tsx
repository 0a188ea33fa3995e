// NHS "Making Data Count" icons for variation and assurance, drawn as SVG, each with a
// letter or arrow inside (so it reads in black and white) and always with words beside it.
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import './charts.css';

type ChartRead = components['schemas']['ChartRead'];

// The API's chart (generated ChartRead) types the variation as a plain string and the
// assurance as an enum; the icon knows the variations it can draw, listed once here.
export type Assurance = NonNullable<ChartRead['assurance']>;

const VARIATIONS = [
  'common_cause',
  'special_cause_improving_high',
  'special_cause_improving_low',
  'special_cause_concerning_high',
  'special_cause_concerning_low',
  'special_cause_neither_high',
  'special_cause_neither_low',
] as const satisfies readonly NonNullable<ChartRead['variation']>[];

/** A variation the icons can draw (one of the strings ChartRead.variation takes). */
export type Variation = (typeof VARIATIONS)[number];

export function asVariation(value: string | null | undefined): Variation | null {
  return value && (VARIATIONS as readonly string[]).includes(value) ? (value as Variation) : null;
}

const BLUE = '#005eb8';
const ORANGE = '#ed8b00';
const GREY = '#4c6272';
const PURPLE = '#330072';

function variationStyle(variation: Variation): { colour: string; letter: string; arrow: 'up' | 'down' | 'flat' } {
  const high = variation.endsWith('_high');
  const arrow = variation === 'common_cause' ? 'flat' : high ? 'up' : 'down';
  const letter = variation === 'common_cause' ? '' : high ? 'H' : 'L';
  const colour = variation.includes('improving')
    ? BLUE
    : variation.includes('concerning')
      ? ORANGE
      : variation.includes('neither')
        ? PURPLE
        : GREY;
  return { colour, letter, arrow };
}

export function VariationIcon({ variation, size = 32 }: { variation: string | null | undefined; size?: number }) {
  const { t } = useTranslation();
  const known = asVariation(variation);
  if (!known) {
    return <span className="app-mdc">{t('indicators.variation.none')}</span>;
  }
  const style = variationStyle(known);
  const label = t(`indicators.variation.${known}`);
  return (
    <span className="app-mdc" data-variation={known}>
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <circle cx="16" cy="16" r="14" fill="#ffffff" stroke={style.colour} strokeWidth="3" />
        {style.arrow === 'flat' ? (
          <path d="M7,16 h18" stroke={style.colour} strokeWidth="3" />
        ) : (
          <>
            <text x="11" y="21" fontSize="13" fontWeight="700" fill={style.colour} textAnchor="middle">
              {style.letter}
            </text>
            <path
              d={style.arrow === 'up' ? 'M22,22 V10 M18,14 L22,10 L26,14' : 'M22,10 V22 M18,18 L22,22 L26,18'}
              stroke={style.colour}
              strokeWidth="2.5"
              fill="none"
            />
          </>
        )}
      </svg>
      <span>{label}</span>
    </span>
  );
}

export function AssuranceIcon({
  assurance,
  hasTarget = false,
  size = 32,
}: {
  assurance: Assurance | null | undefined;
  /** With a target but no assurance, the series is too short to judge: said so, not "No target". */
  hasTarget?: boolean;
  size?: number;
}) {
  const { t } = useTranslation();
  if (!assurance) {
    return <span className="app-mdc">{t(hasTarget ? 'indicators.assurance.notYet' : 'indicators.assurance.none')}</span>;
  }
  const colour = assurance === 'consistently_passing' ? BLUE : assurance === 'consistently_failing' ? ORANGE : GREY;
  const letter = assurance === 'consistently_passing' ? 'P' : assurance === 'consistently_failing' ? 'F' : '?';
  return (
    <span className="app-mdc" data-assurance={assurance}>
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <circle cx="16" cy="16" r="14" fill="#ffffff" stroke={colour} strokeWidth="3" strokeDasharray={assurance === 'hit_and_miss' ? '5 3' : undefined} />
        <text x="16" y="22" fontSize="16" fontWeight="700" fill={colour} textAnchor="middle">
          {letter}
        </text>
      </svg>
      <span>{t(`indicators.assurance.${assurance}`)}</span>
    </span>
  );
}
