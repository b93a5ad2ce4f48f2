// The HTML postmortem: Handlebars templates (a layout and one partial per detail shape) over the
// report view. Everything from the bundle goes through `{{ }}` (escaped); the only raw insertions are
// our CSS, Vega's SVG and Markdown rendered by markdownToSafeHtml.
import Handlebars from 'handlebars';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AnalysisResult, Rich } from '../result.js';
import { chartSvg } from './charts.js';
import { escapeHtml, formatNumber, jsonForScript } from './escape.js';
import { markdownToSafeHtml } from './markdown-html.js';
import { TEMPLATES_DIR } from './paths.js';
import { buildView } from './view.js';
import type { ChartView, DetailView, ReportView, ViewOptions } from './view-model.js';

type Template = Handlebars.TemplateDelegate;

let compiled: { layout: Template; css: string } | null = null;

function templates(dir = TEMPLATES_DIR): { layout: Template; css: string } {
  if (compiled && dir === TEMPLATES_DIR) return compiled;
  const hb = Handlebars.create();
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('num', (n: unknown) => (typeof n === 'number' ? formatNumber(n) : ''));
  hb.registerHelper('join', (items: unknown, sep: unknown) => (Array.isArray(items) ? items.join(String(sep)) : ''));
  hb.registerHelper('md', (text: unknown) => new hb.SafeString(typeof text === 'string' ? markdownToSafeHtml(text, 3) : ''));
  hb.registerHelper('rich', (r: unknown) => new hb.SafeString(Array.isArray(r) ? richHtml(r as Rich) : ''));
  // A cell of short words breaks between them only: never after the hyphen of strace-4730.log:133.
  hb.registerHelper(
    'words',
    (text: unknown) =>
      new hb.SafeString(
        String(text ?? '')
          .split(' ')
          .map((w) => (w ? `<span class="w">${escapeHtml(w)}</span>` : ''))
          .join(' '),
      ),
  );
  const partials = join(dir, 'partials');
  for (const file of readdirSync(partials).filter((f) => f.endsWith('.hbs'))) {
    hb.registerPartial(basename(file, '.hbs'), readFileSync(join(partials, file), 'utf8'));
  }
  const out = {
    layout: hb.compile(readFileSync(join(dir, 'layout.hbs'), 'utf8'), { strict: false, preventIndent: true }),
    css: readFileSync(join(dir, 'report.css'), 'utf8'),
  };
  if (dir === TEMPLATES_DIR) compiled = out;
  return out;
}

type HtmlDetail = DetailView | (ChartView & { svg: string | null });

/** Renders every chart of the view to SVG (in parallel), returning details the chart partial can show. */
async function withCharts(view: ReportView): Promise<ReportView> {
  const render = async (d: DetailView): Promise<HtmlDetail> => (d.type === 'chart' ? { ...d, svg: await chartSvg(d) } : d);
  const steps = await Promise.all(
    view.steps.map(async (s) => ({
      ...s,
      findings: await Promise.all(
        s.findings.map(async (f) => ({ ...f, details: (await Promise.all(f.details.map(render))) as DetailView[] })),
      ),
    })),
  );
  return { ...view, steps };
}

export async function renderHtml(result: AnalysisResult, opts: ViewOptions = {}): Promise<string> {
  const view = await withCharts(buildView(result, opts));
  const { layout, css } = templates();
  return layout({ ...view, css, json: jsonForScript(result) });
}

function richHtml(r: Rich): string {
  return r.map((p) => ('text' in p ? escapeHtml(p.text) : `<code>${escapeHtml(p.code)}</code>`)).join('');
}
