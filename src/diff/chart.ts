// The chart of the two sides: a pair's fds by kind in A and in B, as grouped bars. Drawn the way
// the report draws its charts (src/report/charts.ts): a Vega-Lite spec compiled to Vega once, at
// development time, into templates/charts/diff-sides.vg.json (a test keeps it in step), rendered
// by Vega in Node to a static SVG — no script in the page.
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { QUIET } from '../report/charts.js';
import type { ProcessPair } from './result.js';

/** The report's templates folder: the diff's template, its compiled chart and the report's CSS live there. */
export const TEMPLATES = join(PACKAGE_ROOT, 'templates');
export const DIFF_CHART_FILE = join(TEMPLATES, 'charts', 'diff-sides.vg.json');

const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
const A_COLOUR = '#c0392b';
const B_COLOUR = '#2c6fbb';

const DIFF_CHART_SPEC: TopLevelSpec = {
  width: 560,
  height: { step: 14 },
  data: { name: 'rows' },
  encoding: {
    y: { field: 'label', type: 'nominal', sort: null, title: null },
    yOffset: { field: 'side', type: 'nominal', sort: ['A', 'B'] },
    x: { field: 'count', type: 'quantitative', title: 'fds' },
  },
  layer: [
    {
      mark: { type: 'bar' },
      encoding: { color: { field: 'side', type: 'nominal', title: null, scale: { domain: ['A', 'B'], range: [A_COLOUR, B_COLOUR] } } },
    },
    {
      mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 },
      encoding: { text: { field: 'count', type: 'quantitative', format: ',' } },
    },
  ],
  config: {
    font: FONT,
    view: { stroke: null },
    axis: { labelFontSize: 11, titleFontSize: 11, labelLimit: 320, grid: true, gridColor: '#e5e5e5' },
    legend: { labelFontSize: 11, orient: 'bottom', labelLimit: 300 },
  },
};

/** The rows the chart draws: every count row of the pair (not the limit, not the growth rate), one per side. */
function chartRows(p: ProcessPair): { label: string; side: 'A' | 'B'; count: number }[] {
  const out: { label: string; side: 'A' | 'B'; count: number }[] = [];
  for (const r of p.rows) {
    if (r.id === 'limit' || r.id === 'growth') continue;
    if (r.a) out.push({ label: r.label, side: 'A', count: r.a.value });
    if (r.b) out.push({ label: r.label, side: 'B', count: r.b.value });
  }
  return out;
}

export async function compileDiffChart(): Promise<vega.Spec> {
  const vl = await import('vega-lite');
  return vl.compile(DIFF_CHART_SPEC, { logger: QUIET }).spec;
}

let parsed: vega.Runtime | null = null;

async function runtime(): Promise<vega.Runtime> {
  if (!parsed) {
    const spec = existsSync(DIFF_CHART_FILE) ? (JSON.parse(readFileSync(DIFF_CHART_FILE, 'utf8')) as vega.Spec) : await compileDiffChart();
    parsed = vega.parse(spec);
  }
  return parsed;
}

/** The pair's chart as SVG; null when neither side has a count to draw. */
export async function diffChartSvg(p: ProcessPair): Promise<string | null> {
  const rows = chartRows(p);
  if (rows.length === 0) return null;
  const view = new vega.View(await runtime(), { renderer: 'none', logger: QUIET });
  try {
    view.data('rows', rows);
    const svg = await view.toSVG();
    return svg.replace(
      /^<svg([^>]*?) width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/,
      '<svg$1 style="max-width:100%;height:auto" width="$2" height="$3" role="img"',
    );
  } finally {
    view.finalize();
  }
}

/** Writes templates/charts/diff-sides.vg.json: run after changing the spec (`node dist/src/diff/chart.js --compile`). */
async function writeCompiled(): Promise<void> {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(DIFF_CHART_FILE, JSON.stringify(await compileDiffChart(), null, 1) + '\n');
}

if (process.argv.includes('--compile') && process.argv[1]?.endsWith('/diff/chart.js')) void writeCompiled();
