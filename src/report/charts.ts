// Static SVG charts, rendered in Node by Vega (no browser, no script in the page).
// Each chart kind is a Vega-Lite spec over a named dataset `rows` plus a function mapping the rows of a
// 'chart' detail into it. The specs are compiled to Vega once, at development time, into
// templates/charts/<kind>.vg.json (see compileChartSpecs; a test keeps them in step), so rendering
// needs neither the Vega-Lite compiler nor its start-up time. Without those files it compiles live.
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChartKind, ChartView } from './view-model.js';
import { wallClock } from '../times.js';
import { TEMPLATES_DIR } from './paths.js';

const WIDTH = 560;
const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
const SUSPECT = '#c0392b';
const OTHER = '#7f8c8d';
const ROWS = { name: 'rows' };

const CONFIG = {
  font: FONT,
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11, labelLimit: 320, grid: true, gridColor: '#e5e5e5' },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom' as const, labelLimit: 300 },
  title: { fontSize: 13 },
};

/**
 * An axis of counts (fds, sockets): whole numbers only, never 0.5 of an fd. No more ticks than the
 * domain has whole numbers (Vega-Lite drops tickMinStep), no closer than 40 px.
 */
const countAxis = (channel: 'x' | 'y') => ({
  tickCount: { expr: `min(ceil(${channel === 'x' ? 'width' : 'height'}/40), max(1, span(domain('${channel}'))))` },
  format: ',d',
});

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

interface ChartDef {
  spec: TopLevelSpec;
  rows(data: Record<string, unknown>[]): Record<string, unknown>[];
}

const barLabels = (field: string) => ({
  mark: { type: 'text' as const, align: 'left' as const, dx: 4, fontSize: 11 },
  encoding: { text: { field, type: 'quantitative' as const, format: ',' } },
});

export const CHARTS: Record<ChartKind, ChartDef> = {
  'fd-by-process': {
    rows: (data) =>
      data
        .filter((r) => num(r.fds) !== null)
        .map((r) => ({
          label: `${str(r.pid)} ${str(r.command)}`.trim(),
          fds: num(r.fds)!,
          limit: num(r.limit),
          role: r.suspect ? 'suspect' : 'other',
        }))
        .sort((a, b) => b.fds - a.fds),
    spec: {
      width: WIDTH,
      height: { step: 22 },
      data: ROWS,
      encoding: { y: { field: 'label', type: 'nominal', sort: null, title: 'pid command' } },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            x: { field: 'fds', type: 'quantitative', title: 'open fds (bar) and open-files limit (black tick)', axis: countAxis('x') },
            color: { field: 'role', type: 'nominal', scale: { domain: ['suspect', 'other'], range: [SUSPECT, OTHER] }, legend: null },
          },
        },
        {
          mark: { type: 'tick', color: 'black', thickness: 3, size: 18 },
          encoding: { x: { field: 'limit', type: 'quantitative' } },
          transform: [{ filter: 'isValid(datum.limit)' }],
        },
        { ...barLabels('fds'), encoding: { ...barLabels('fds').encoding, x: { field: 'fds', type: 'quantitative' } } },
      ],
      config: CONFIG,
    },
  },
  'fd-kinds': {
    rows: (data) =>
      data
        .filter((r) => num(r.count) !== null)
        .map((r) => ({ kind: str(r.kind), count: num(r.count)! }))
        .sort((a, b) => b.count - a.count),
    spec: {
      width: WIDTH,
      height: { step: 24 },
      data: ROWS,
      encoding: {
        y: { field: 'kind', type: 'nominal', sort: null, title: null },
        x: { field: 'count', type: 'quantitative', title: 'fds', axis: countAxis('x') },
      },
      layer: [{ mark: { type: 'bar', color: '#2c6fbb' } }, barLabels('count')],
      config: CONFIG,
    },
  },
  'leaks-over-time': {
    rows: (data) =>
      data
        .map((r) => ({
          t: typeof r.time === 'string' ? wallClock(r.time) : null,
          count: num(r.count),
          thread: [str(r.tid), str(r.thread)].filter(Boolean).join(' '),
        }))
        .filter((r) => r.t !== null && r.count !== null),
    spec: {
      width: WIDTH,
      height: 220,
      data: ROWS,
      mark: { type: 'line', interpolate: 'step-after', point: true },
      encoding: {
        x: {
          field: 't',
          type: 'temporal',
          scale: { type: 'utc' },
          title: 'time (as printed in the capture)',
          axis: { format: '%H:%M:%S' },
        },
        y: { field: 'count', type: 'quantitative', title: 'fds left open (cumulative)', axis: countAxis('y') },
        color: { field: 'thread', type: 'nominal', title: 'thread', scale: { scheme: 'category10' } },
      },
      config: CONFIG,
    },
  },
  'socket-counts': {
    rows: (data) =>
      data
        .filter((r) => num(r.value) !== null)
        .map((r) => ({ label: `${str(r.source)}: ${str(r.measure)}`, source: str(r.source), value: num(r.value)! })),
    spec: {
      width: WIDTH,
      height: { step: 22 },
      data: ROWS,
      encoding: {
        y: { field: 'label', type: 'nominal', sort: null, title: null },
        x: { field: 'value', type: 'quantitative', title: 'sockets', axis: countAxis('x') },
      },
      layer: [
        { mark: { type: 'bar' }, encoding: { color: { field: 'source', type: 'nominal', legend: null, scale: { scheme: 'tableau10' } } } },
        barLabels('value'),
      ],
      config: CONFIG,
    },
  },
};

export const COMPILED_DIR = join(TEMPLATES_DIR, 'charts');

// Vega-Lite reports spec adjustments on the console; a renderer must not write to the user's terminal.
export const QUIET = {
  level: () => QUIET,
  error: () => QUIET,
  warn: () => QUIET,
  info: () => QUIET,
  debug: () => QUIET,
} as unknown as vega.LoggerInterface;

/** Compiles every chart kind's Vega-Lite spec to Vega (what templates/charts/ holds). */
export async function compileChartSpecs(): Promise<Record<ChartKind, vega.Spec>> {
  const vl = await import('vega-lite');
  const out = {} as Record<ChartKind, vega.Spec>;
  for (const kind of Object.keys(CHARTS) as ChartKind[]) out[kind] = vl.compile(CHARTS[kind].spec, { logger: QUIET }).spec;
  return out;
}

const parsed = new Map<ChartKind, vega.Runtime>();

async function runtime(kind: ChartKind): Promise<vega.Runtime> {
  let r = parsed.get(kind);
  if (!r) {
    const file = join(COMPILED_DIR, `${kind}.vg.json`);
    const spec = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as vega.Spec) : (await compileChartSpecs())[kind];
    r = vega.parse(spec);
    parsed.set(kind, r);
  }
  return r;
}

/**
 * Charts drawn already, by kind and rows: a report printed as HTML and as PDF draws each chart
 * twice otherwise. A few, small ones only.
 */
const drawn = new Map<string, string>();
const MEMO_KEY_CHARS = 65536;
const MEMO_CHARTS = 64;

/** Renders a chart to an SVG string; null when its rows hold nothing to draw. */
export async function chartSvg(view: Pick<ChartView, 'chart' | 'data'>): Promise<string | null> {
  const def = CHARTS[view.chart];
  if (!def) return null;
  const rows = def.rows(view.data);
  if (rows.length === 0) return null;
  const key = `${view.chart}\n${JSON.stringify(rows)}`;
  const memo = drawn.get(key);
  if (memo !== undefined) return memo;
  const chart = new vega.View(await runtime(view.chart), { renderer: 'none', logger: QUIET });
  try {
    chart.data(ROWS.name, rows);
    const svg = await chart.toSVG();
    // Vega writes a fixed size; let the page scale it down to the column width instead.
    const scaled = svg.replace(
      /^<svg([^>]*?) width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/,
      '<svg$1 style="max-width:100%;height:auto" width="$2" height="$3" role="img"',
    );
    if (key.length <= MEMO_KEY_CHARS) {
      if (drawn.size >= MEMO_CHARTS) drawn.clear();
      drawn.set(key, scaled);
    }
    return scaled;
  } finally {
    chart.finalize();
  }
}

/** Writes templates/charts/<kind>.vg.json: run after changing a spec (`node dist-report/src/report/charts.js --compile`, or any build folder). */
async function writeCompiled(): Promise<void> {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(COMPILED_DIR, { recursive: true });
  for (const [kind, spec] of Object.entries(await compileChartSpecs())) {
    writeFileSync(join(COMPILED_DIR, `${kind}.vg.json`), JSON.stringify(spec, null, 1) + '\n');
  }
}

if (process.argv.includes('--compile') && process.argv[1]?.endsWith('/report/charts.js')) void writeCompiled();
