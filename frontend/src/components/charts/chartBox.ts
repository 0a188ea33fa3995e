// The width a chart really has, so it is drawn in CSS pixels at that width (its text at its
// nominal size, never scaled down to fit a phone), and a way to measure its words.
import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { CHART_FONT, estimateWidth, type Measure } from './scale';

/** A canvas to measure text in the chart's font; null where there is none (tests, jsdom). */
function canvasMeasure(family: string): Measure | null {
  if (typeof document === 'undefined' || typeof navigator === 'undefined' || /jsdom/i.test(navigator.userAgent)) return null;
  let context: CanvasRenderingContext2D | null = null;
  try {
    context = document.createElement('canvas').getContext('2d');
  } catch {
    return null;
  }
  if (!context) return null;
  const ctx = context;
  // A little extra for the difference between canvas and SVG text and for rounding.
  return (text, bold = false) => {
    ctx.font = `${bold ? 600 : 400} ${CHART_FONT}px ${family}`;
    return ctx.measureText(text).width * 1.04 + 1;
  };
}

/**
 * The width of the element the chart is drawn in, followed as it changes (ResizeObserver),
 * with `fallback` until it is known (and where nothing measures, as in tests); and a
 * measure of text in the element's font.
 */
export function useChartBox(fallback: number): { ref: RefObject<HTMLDivElement | null>; width: number; measure: Measure } {
  const ref = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(fallback);
  const [family, setFamily] = useState<string | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const read = () => {
      const measured = Math.floor(element.getBoundingClientRect().width);
      if (measured > 0) setWidth(measured);
    };
    read();
    setFamily(getComputedStyle(element).fontFamily || null);
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(read);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const measure = useMemo(() => (family ? canvasMeasure(family) : null) ?? estimateWidth, [family]);
  return { ref, width, measure };
}
