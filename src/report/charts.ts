// Static SVG charts, rendered in Node by Vega-Lite (no browser, no script in the page).
// Each chart kind maps the rows of a 'chart' detail to one Vega-Lite spec.
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { ChartKind, ChartView } from './view.js';
import { wallClock } from './times.js';

type Spec = vl.TopLevelSpec;

const WIDTH = 560;
const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
const SUSPECT = '#c0392b';
const OTHER = '#7f8c8d';

const CONFIG = {
  font: FONT,
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11, labelLimit: 220, grid: true, gridColor: '#e5e5e5' },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom' as const, labelLimit: 300 },
  title: { fontSize: 13 },
};

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** The Vega-Lite spec for a chart, or null when its rows hold nothing to draw. */
export function chartSpec(view: Pick<ChartView, 'chart' | 'data'>): Spec | null {
  const build = BUILDERS[view.chart];
  return build ? build(view.data) : null;
}

const BUILDERS: Record<ChartKind, (data: Record<string, unknown>[]) => Spec | null> = {
  'fd-by-process': (data) => {
    const rows = data
      .filter((r) => num(r.fds) !== null)
      .map((r) => ({ label: `${str(r.pid)} ${str(r.command)}`.trim(), fds: num(r.fds)!, limit: num(r.limit), role: r.suspect ? 'suspect' : 'other' }))
      .sort((a, b) => b.fds - a.fds);
    if (rows.length === 0) return null;
    return {
      width: WIDTH,
      height: { step: 22 },
      data: { values: rows },
      encoding: { y: { field: 'label', type: 'nominal', sort: null, title: 'pid command', axis: { labelLimit: 320 } } },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            x: { field: 'fds', type: 'quantitative', title: 'open fds (bar) and open-files limit (black tick)' },
            color: { field: 'role', type: 'nominal', scale: { domain: ['suspect', 'other'], range: [SUSPECT, OTHER] }, legend: null },
          },
        },
        {
          mark: { type: 'tick', color: 'black', thickness: 3, size: 18 },
          encoding: { x: { field: 'limit', type: 'quantitative' } },
          transform: [{ filter: 'isValid(datum.limit)' }],
        },
        {
          mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 },
          encoding: { x: { field: 'fds', type: 'quantitative' }, text: { field: 'fds', type: 'quantitative', format: ',' } },
        },
      ],
      config: CONFIG,
    } as Spec;
  },
  'fd-kinds': (data) => {
    const rows = data.filter((r) => num(r.count) !== null).map((r) => ({ kind: str(r.kind), count: num(r.count)! })).sort((a, b) => b.count - a.count);
    if (rows.length === 0) return null;
    return {
      width: WIDTH,
      height: { step: 24 },
      data: { values: rows },
      encoding: {
        y: { field: 'kind', type: 'nominal', sort: null, title: null, axis: { labelLimit: 320 } },
        x: { field: 'count', type: 'quantitative', title: 'fds' },
      },
      layer: [
        { mark: { type: 'bar', color: '#2c6fbb' } },
        { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 }, encoding: { text: { field: 'count', type: 'quantitative', format: ',' } } },
      ],
      config: CONFIG,
    } as Spec;
  },
  'leaks-over-time': (data) => {
    const rows = data
      .map((r) => ({ t: typeof r.time === 'string' ? wallClock(r.time) : null, count: num(r.count), thread: r.thread ? `${str(r.tid)} ${str(r.thread)}` : str(r.tid) }))
      .filter((r): r is { t: number; count: number; thread: string } => r.t !== null && r.count !== null);
    if (rows.length === 0) return null;
    return {
      width: WIDTH,
      height: 220,
      data: { values: rows },
      mark: { type: 'line', interpolate: 'step-after', point: true },
      encoding: {
        x: { field: 't', type: 'temporal', scale: { type: 'utc' }, title: 'time (as printed in the capture)', axis: { format: '%H:%M:%S' } },
        y: { field: 'count', type: 'quantitative', title: 'fds left open (cumulative)' },
        color: { field: 'thread', type: 'nominal', title: 'thread', scale: { scheme: 'category10' } },
      },
      config: CONFIG,
    } as Spec;
  },
  'socket-counts': (data) => {
    const rows = data.filter((r) => num(r.value) !== null).map((r) => ({ label: `${str(r.source)}: ${str(r.measure)}`, source: str(r.source), value: num(r.value)! }));
    if (rows.length === 0) return null;
    return {
      width: WIDTH,
      height: { step: 22 },
      data: { values: rows },
      encoding: {
        y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: 320 } },
        x: { field: 'value', type: 'quantitative', title: 'sockets' },
      },
      layer: [
        { mark: { type: 'bar' }, encoding: { color: { field: 'source', type: 'nominal', legend: null, scale: { scheme: 'tableau10' } } } },
        { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 }, encoding: { text: { field: 'value', type: 'quantitative', format: ',' } } },
      ],
      config: CONFIG,
    } as Spec;
  },
};

// Vega-Lite reports spec adjustments on the console; a renderer must not write to the user's terminal.
const QUIET = { level: () => QUIET, error: () => QUIET, warn: () => QUIET, info: () => QUIET, debug: () => QUIET } as unknown as vega.LoggerInterface;

/** Renders a chart to an SVG string; null when there is nothing to draw. */
export async function chartSvg(view: Pick<ChartView, 'chart' | 'data'>): Promise<string | null> {
  const spec = chartSpec(view);
  if (!spec) return null;
  const compiled = vl.compile(spec, { logger: QUIET }).spec;
  const chart = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    const svg = await chart.toSVG();
    // Vega writes a fixed size; let the page scale it to the column width instead.
    return svg.replace(/^<svg([^>]*?) width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/, '<svg$1 style="max-width:100%;height:auto" width="$2" height="$3" role="img"');
  } finally {
    chart.finalize();
  }
}
