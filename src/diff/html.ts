// The diff as one self-contained, inert HTML page: templates/diff.hbs with the report's CSS
// (templates/report.css), the chart of each pair as static SVG, the diff itself embedded as JSON.
// Everything from a bundle goes through `{{ }}` (escaped); the only raw insertions are the CSS,
// Vega's SVG (whose text Vega escapes) and the JSON (jsonForScript).
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatNumber as fmt } from '../format.js';
import { jsonForScript } from '../report/escape.js';
import { TEMPLATES, diffChartSvg } from './chart.js';
import type { DiffResult, ProcessPair, Row, Value } from './result.js';
import { OUTCOME_LABELS, STATUS_MARKS, exitCodeOf, interesting, pairTitle, roleText, sideRows } from './view.js';
import { citesOf, signed } from './words.js';

let compiled: { page: Handlebars.TemplateDelegate; css: string } | null = null;

function template(): { page: Handlebars.TemplateDelegate; css: string } {
  compiled ??= {
    page: Handlebars.create().compile(readFileSync(join(TEMPLATES, 'diff.hbs'), 'utf8'), { strict: false, preventIndent: true }),
    css: readFileSync(join(TEMPLATES, 'report.css'), 'utf8'),
  };
  return compiled;
}

const VERDICT_CLASS: Record<DiffResult['outcome'], string> = {
  fixed: 'no-leak',
  healthy: 'no-leak',
  'still-leaking': 'leak',
  'new-leak': 'leak',
  'not-comparable': 'inconclusive',
};

export async function renderDiffHtml(d: DiffResult): Promise<string> {
  const [shown, others] = interesting(d.pairs);
  const { page, css } = template();
  return page({
    title: `fdleak diff: ${d.a.input} → ${d.b.input}`,
    toolVersion: d.tool.version,
    generatedAt: d.generatedAt,
    css,
    verdictClass: VERDICT_CLASS[d.outcome],
    outcomeLabel: OUTCOME_LABELS[d.outcome],
    exitCode: exitCodeOf(d.outcome),
    conclusion: d.conclusion,
    conclusions: d.conclusions.map((c) => ({
      status: c.status,
      mark: STATUS_MARKS[c.status],
      text: c.text,
      cites: citesOf(c.a, c.b).join(', '),
    })),
    sides: sideRows(d.a, d.b).map((r) => ({ label: r.label, a: text(r.a), b: text(r.b) })),
    pairs: await Promise.all(shown.map(pairView)),
    others: others.map((p) => {
      const fds = p.rows.find((r) => r.id === 'fds');
      return { title: pairTitle(p), match: p.match.text, a: num(fds?.a ?? null), b: num(fds?.b ?? null) };
    }),
    decide: d.decide,
    json: jsonForScript(d),
  });
}

async function pairView(p: ProcessPair) {
  const cmdA = p.a?.facts.cmdline ?? null;
  const cmdB = p.b?.facts.cmdline ?? null;
  return {
    title: pairTitle(p),
    match: p.match.text,
    note: p.match.note ?? null,
    cmdline: cmdA ?? cmdB,
    cmdlineB: cmdA && cmdB && cmdA !== cmdB ? cmdB : null,
    roleA: p.a ? roleText(p.a) : 'not there',
    roleB: p.b ? roleText(p.b) : 'not there',
    svg: await diffChartSvg(p),
    rows: p.rows.map(rowView),
  };
}

function rowView(r: Row) {
  return {
    label: r.label,
    details: [r.a?.detail ? `A: ${r.a.detail}` : null, r.b?.detail ? `B: ${r.b.detail}` : null, r.note ?? null].filter((x) => x !== null),
    a: num(r.a),
    b: num(r.b),
    change: r.change === null ? '' : signed(r.change),
    evidence: citesOf(r.a, r.b).join(', '),
  };
}

function num(v: Value | null): string {
  return v === null ? '—' : fmt(v.value);
}

function text(v: string | number | null): string {
  return v === null ? '' : typeof v === 'number' ? fmt(v) : v;
}
