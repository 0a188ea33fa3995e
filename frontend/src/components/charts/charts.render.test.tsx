import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithApp } from '../../test/utils';
import { BarChart } from './BarChart';
import { SpcChart } from './SpcChart';
import type { ChartPoint, ChartRead } from './spcGeometry';

/** The frame a chart is drawn in measures this wide (jsdom lays nothing out). */
function frameWidth(width: number) {
  const real = Element.prototype.getBoundingClientRect;
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    if (this.classList.contains('app-chart__frame')) return { width, height: 0, top: 0, left: 0, right: width, bottom: 0, x: 0, y: 0, toJSON: () => ({}) };
    return real.call(this);
  });
}

function point(i: number): ChartPoint {
  const month = (i % 12) + 1;
  const year = 2025 + Math.floor(i / 12);
  const mm = String(month).padStart(2, '0');
  return {
    period_start: `${year}-${mm}-01`,
    period_end: `${year}-${mm}-28`,
    value: 20 + (i % 5) * 3,
    mean: 26,
    upper_limit: 36,
    lower_limit: 16,
    upper_band: 33,
    lower_band: 19,
    moving_range: null,
    special_cause: null,
    nature: null,
    side: null,
  };
}

const chart = { points: Array.from({ length: 24 }, (_, i) => point(i)), target: 30, annotations: [] } as unknown as ChartRead;

describe('charts drawn for their width', () => {
  beforeEach(() => vi.restoreAllMocks());
  afterEach(() => vi.restoreAllMocks());

  it('draws the SPC chart at the width of its frame, in 16 px text, with few dates on a phone, in Welsh months', async () => {
    frameWidth(328);
    await renderWithApp(<SpcChart chart={chart} title="Amser aros" showBands />, { language: 'cy' });
    const svg = screen.getByTestId('spc-chart');
    expect(svg.getAttribute('width')).toBe('328');
    expect(svg.getAttribute('viewBox')?.split(' ')[2]).toBe('328');
    expect(svg.style.fontSize).toBe('16px');
    const dates = Array.from(svg.querySelectorAll('text[data-axis="x"]')).map((t) => t.textContent ?? '');
    expect(dates.length).toBeGreaterThanOrEqual(2);
    expect(dates.length).toBeLessThanOrEqual(5);
    expect(dates[0]).toBe('Ion 25');
    expect(dates[dates.length - 1]).toBe('Rhag 26');
    expect(svg.getAttribute('aria-label')).toMatch(/^Siart rheoli prosesau ystadegol: Amser aros/);
  });

  it('draws it wider, with more dates, on a desktop', async () => {
    frameWidth(720);
    await renderWithApp(<SpcChart chart={chart} title="Waiting" showBands />);
    const svg = screen.getByTestId('spc-chart');
    expect(svg.getAttribute('width')).toBe('720');
    expect(svg.querySelectorAll('text[data-axis="x"]').length).toBeGreaterThan(5);
  });

  it('writes a long answer in full above its bars on a phone, and beside them on a desktop', async () => {
    const label = 'Neither agree nor disagree, Abermor North Community Mental Health Team';
    const categories = [{ key: '3', label, values: [{ series: 'a', percent: 40, low: 20, high: 60, count: 6, suppressed: false }] }];
    const bars = (
      <BarChart categories={categories} series={[{ key: 'a', label: 'Abermor North' }]} title="Involved" valueText={(bar) => `${bar.percent}% (${bar.count})`} />
    );
    frameWidth(328);
    const { unmount } = await renderWithApp(bars);
    let svg = screen.getByTestId('bar-chart');
    expect(svg.getAttribute('width')).toBe('328');
    expect(svg.getAttribute('data-labels')).toBe('above');
    const category = svg.querySelector('.app-chart__category');
    expect(category?.querySelectorAll('tspan').length).toBeGreaterThan(1);
    expect(Array.from(category?.querySelectorAll('tspan') ?? []).map((t) => t.textContent).join(' ')).toBe(label);
    unmount();
    vi.restoreAllMocks();
    frameWidth(720);
    await renderWithApp(bars);
    svg = screen.getByTestId('bar-chart');
    expect(svg.getAttribute('data-labels')).toBe('beside');
  });
});
