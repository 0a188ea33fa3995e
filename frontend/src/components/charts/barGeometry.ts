// Geometry of the results bar charts: one group of horizontal bars per answer option,
// one bar per service compared, percentages on a 0–100 axis with 95% intervals as whiskers.
import { linearScale } from './scale';

export interface BarValue {
  series: string;
  percent: number | null;
  low: number | null;
  high: number | null;
  count: number | null;
  suppressed: boolean;
}

export interface BarCategory {
  key: string;
  label: string;
  values: BarValue[];
}

export interface BarFrame {
  width: number;
  left: number;
  right: number;
  barHeight: number;
  barGap: number;
  labelHeight: number;
  groupGap: number;
  axisHeight: number;
}

export const DEFAULT_BAR_FRAME: BarFrame = {
  width: 560,
  left: 8,
  right: 150,
  barHeight: 18,
  barGap: 4,
  labelHeight: 22,
  groupGap: 12,
  axisHeight: 28,
};

export interface PlacedBar extends BarValue {
  seriesIndex: number;
  y: number;
  x0: number;
  width: number;
  whisker: { x1: number; x2: number } | null;
  labelX: number;
}

export interface PlacedGroup {
  key: string;
  label: string;
  labelY: number;
  bars: PlacedBar[];
}

export interface BarLayout {
  height: number;
  x: (percent: number) => number;
  ticks: number[];
  axisY: number;
  groups: PlacedGroup[];
}

export function layoutBars(categories: BarCategory[], seriesKeys: string[], frame: BarFrame = DEFAULT_BAR_FRAME): BarLayout {
  const x = linearScale([0, 100], [frame.left, frame.width - frame.right]);
  let cursor = 0;
  const groups: PlacedGroup[] = categories.map((category) => {
    const labelY = cursor + frame.labelHeight - 6;
    cursor += frame.labelHeight;
    const bars: PlacedBar[] = seriesKeys.map((series, seriesIndex) => {
      const value = category.values.find((v) => v.series === series) ?? {
        series,
        percent: null,
        low: null,
        high: null,
        count: null,
        suppressed: false,
      };
      const y = cursor;
      cursor += frame.barHeight + frame.barGap;
      const shown = !value.suppressed && value.percent !== null;
      const width = shown ? Math.max(0, x(clamp(value.percent ?? 0)) - x(0)) : 0;
      const whisker =
        shown && value.low !== null && value.high !== null
          ? { x1: x(clamp(value.low)), x2: x(clamp(value.high)) }
          : null;
      const end = Math.max(x(0) + width, whisker ? whisker.x2 : 0);
      return { ...value, seriesIndex, y, x0: x(0), width, whisker, labelX: end + 6 };
    });
    cursor += frame.groupGap - frame.barGap;
    return { key: category.key, label: category.label, labelY, bars };
  });
  const axisY = cursor;
  return { height: axisY + frame.axisHeight, x, ticks: [0, 25, 50, 75, 100], axisY, groups };
}

function clamp(percent: number): number {
  return Math.min(100, Math.max(0, percent));
}
