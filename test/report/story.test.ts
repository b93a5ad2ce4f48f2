// Every sample and every accuracy-corpus case, rendered as HTML, Markdown (summary and full) and
// PDF, tells one story: the verdict, its badge, the summary, the root cause and the findings agree;
// a quantity is printed one way; the timeline runs in time order; the page prints offline; every
// format names the suspect and its counts; the ticket summary fits a comment; the sample's PDF fits
// its page budget.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join, resolve } from 'node:path';
import { ROOT } from '../helpers.js';
import { useChromium } from '../chromium.js';
import Handlebars from 'handlebars';
import { analyzeBundle } from '../../src/analysis.js';
import type { AnalysisResult } from '../../src/result.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdownFull, renderMarkdownSummary } from '../../src/report/markdown.js';
import { printPdf } from '../../src/report/pdf.js';
import { pdfTitle } from '../../src/report/render.js';
import { fdCountText, formatNumber } from '../../src/format.js';
import { processName } from '../../src/process-label.js';
import { CASES_DIR, listCases, readCase } from '../accuracy/score.js';

const run = promisify(execFile);
const NOW = new Date('2026-01-01T00:00:00Z');
const SAMPLES = readdirSync(resolve(ROOT, 'samples'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const INPUTS = [
  ...SAMPLES.map((name) => ({ name: `sample ${name}`, path: resolve(ROOT, 'samples', name), sample: name })),
  ...listCases().map((id) => ({ name: `corpus ${id}`, path: join(CASES_DIR, id, readCase(id).input), sample: null })),
];
/** The ticket comment's budget (issue 16: "≤ ~80 lines"). */
const MD_SUMMARY_LINES = 80;
/** The bundled sample's PDF budget, with the method appendix and without it. */
const SAMPLE_PAGES = { 'tomcat-cat-leak': { explain: 10, noExplain: 6 } } as Record<string, { explain: number; noExplain: number }>;

const chromium = useChromium('story', 3);

// Cases run three at a time, each on its own printer: each mostly waits for Chromium to print, and
// pages print side by side.
describe('every sample and corpus case', { concurrency: 3 }, () => {
  for (const [lane, input] of INPUTS.entries()) {
    it(`${input.name}: HTML, Markdown and PDF tell one story`, { skip: chromium.skip }, async () => {
      const file = input.name.replace(/\W+/g, '-');
      const { result, notes } = await analyzeBundle(input.path, { now: NOW });
      // A corpus case is read and printed without the method appendix (its lessons and each rule's
      // method are the same text for every bundle): the same pages for every case, and a quarter of
      // the printing time. The samples have it, and are held to their page budgets with and without.
      const opts = { notes: notes?.text ?? null };
      const html = await renderHtml(result, { ...opts, explain: input.sample !== null });
      const md = renderMarkdownSummary(result, opts);
      const full = renderMarkdownFull(result, opts);
      assert.deepEqual(storyProblems(result, html, md), [], 'the first screen agrees with the rest');
      assert.deepEqual(numberProblems(result, [prose(html), md, withoutWarnings(full)]), [], 'one quantity, one printing');
      assert.deepEqual(timelineProblems(result, html), [], 'the timeline runs in time order, each event once');
      assert.deepEqual(hiddenKeyProblems(result, [prose(html), md, full]), [], 'no negative pid or tid: the key of a process without one');
      const lines = md.trimEnd().split('\n').length;
      assert.ok(lines <= MD_SUMMARY_LINES, `the ticket summary is ${lines} lines (budget ${MD_SUMMARY_LINES})`);
      const { pdf, blocked } = await printPdf(html, pdfTitle(result), chromium.printer(lane));
      assert.deepEqual(pageProblems(html, blocked, input.sample !== null), [], 'the page has its sections and prints offline');
      // A page breaks a long token where it must; pdftotext then puts a line break inside it (and
      // drops a hyphen it ends a line with).
      const unbroken = (await pdfText(pdf, file)).replace(/[\s-]+/g, '');
      // Needles are compared with runs of blanks as one (a syslog line's `Feb  9`), as a reader sees them.
      const flatHtml = html.replace(/\s+/g, ' ');
      for (const needle of [verdictLabel(result), pdfTitle(result).replace(/\s+/g, ' ').slice(0, 30), ...needles(result)]) {
        assert.ok(unbroken.includes(needle.replace(/[\s-]+/g, '')), `the PDF says ${needle}`);
        if (needle !== pdfTitle(result).replace(/\s+/g, ' ').slice(0, 30))
          assert.ok(flatHtml.includes(Handlebars.Utils.escapeExpression(needle)) || flatHtml.includes(needle), `the HTML says ${needle}`);
      }
      const budget = input.sample ? SAMPLE_PAGES[input.sample] : undefined;
      if (budget) {
        const withMethod = await pages(pdf, file);
        assert.ok(withMethod <= budget.explain, `${withMethod} pages with the method (budget ${budget.explain})`);
        const brief = await printPdf(await renderHtml(result, { ...opts, explain: false }), pdfTitle(result), chromium.printer(lane));
        const without = await pages(brief.pdf, file);
        assert.ok(without <= budget.noExplain, `${without} pages without it (budget ${budget.noExplain})`);
      }
    });
  }
});

/** How a report names a suspect: its pid, or (named without one) its command. */
/** How every text names the suspect (without its article: a sentence may start with it). */
function suspectName(s: AnalysisResult['suspects'][number]): string {
  return processName(s).replace(/^the /, '');
}

/**
 * The model keeps a process the bundle names without a pid under a negative key, never shown: in
 * the result a pid or tid is a number of 0 or more, or null (also in a table whose first column is
 * the pid), and no text prints a negative one.
 */
function hiddenKeyProblems(r: AnalysisResult, texts: string[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string): void => {
    if (typeof v === 'number' && /^(?:pid|tid|ppid)$/i.test(key) && v < 0) out.push(`${key}: ${v}`);
    else if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, `${key}[${i}]`);
    } else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (Array.isArray(o.headings) && /^pid$/i.test(String(o.headings[0])) && Array.isArray(o.rows))
        for (const row of o.rows as unknown[][]) if (typeof row[0] === 'number' && row[0] < 0) out.push(`a table's pid: ${row[0]}`);
      for (const [k, x] of Object.entries(o)) walk(x, k);
    }
  };
  walk(r, '');
  const shown = /\b(?:pid|thread|tid) -\d|\/proc\/-\d/;
  for (const t of texts) {
    const m = shown.exec(t);
    if (m) out.push(`printed: ${m[0]}`);
  }
  return out;
}

/** What a reader must find in every format: the suspect, its counts as printed, the logged message. */
function needles(r: AnalysisResult): string[] {
  const s = r.suspects[0];
  const out = s
    ? [
        suspectName(s),
        ...(s.fdCount !== null ? [formatNumber(s.fdCount)] : []),
        ...(s.leak.count !== null ? [formatNumber(s.leak.count)] : []),
      ]
    : [];
  const message = r.rootCause?.message ?? (r.verdict !== 'leak' ? s?.ranOut?.message : null);
  if (message) out.push(message.replace(/\s+/g, ' ').slice(0, 60));
  return out;
}

/** The report's sections are there, and printing it in a locked page fetched nothing (hostile-report.test.ts runs it with JavaScript on). */
function pageProblems(html: string, blocked: string[], explained: boolean): string[] {
  const out: string[] = [];
  for (const id of ['summary', 'incident', 'timeline', 'root-cause', 'remedies', ...(explained ? ['appendix'] : [])])
    if (!html.includes(`<section id="${id}"`)) out.push(`no section ${id}`);
  if (blocked.length) out.push(`requests: ${blocked.join(', ')}`);
  return out;
}

function verdictLabel(r: AnalysisResult): string {
  return { leak: 'Leak found', 'no-leak': 'No leak found', inconclusive: 'Inconclusive' }[r.verdict];
}

/** What the summary box shows against what the rest of the report says. */
function storyProblems(r: AnalysisResult, html: string, md: string): string[] {
  const out: string[] = [];
  const box = /<section id="summary"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  const label = verdictLabel(r);
  if (!new RegExp(`<p class="verdict">${label}`).test(box)) out.push(`the summary box does not open with "${label}"`);
  if (!md.includes(`**${label}**`)) out.push(`the Markdown summary does not say "${label}"`);
  const severity = /class="sev sev-(\w+)"/.exec(box)?.[1];
  if (severity !== r.severity) out.push(`badge ${severity} against severity ${r.severity}`);
  const lead = r.suspects[0];
  const known = /<div class="rootcause">/.test(html);
  if (r.verdict === 'no-leak') {
    if (severity !== 'info') out.push(`no leak under a ${severity} badge`);
    if (known) out.push('no leak with a root-cause box');
    if (/status-fail/.test(box) || r.findings.some((f) => f.status === 'fail' && (f.severity === 'high' || f.severity === 'critical')))
      out.push('no leak with a failing finding');
  } else if (r.verdict === 'leak') {
    if (!lead || !box.includes(suspectName(lead))) out.push('the box does not name the suspect');
    if (severity !== 'high' && severity !== 'critical') out.push(`a leak under a ${severity} badge`);
  } else if (known) {
    out.push('inconclusive with a known root cause');
  }
  if (known !== (r.rootCause !== null)) out.push('the root-cause box and the result disagree');
  if (r.rootCause && lead && r.rootCause.pid !== lead.pid) {
    const caveats = box.match(/<li><strong>Caveat:<\/strong>[\s\S]*?<\/li>/g) ?? [];
    if (!caveats.some((c) => c.includes(`pid ${r.rootCause!.pid}`)))
      out.push(`root cause of pid ${r.rootCause.pid}, suspect pid ${lead.pid}, and no caveat on the first screen`);
  }
  return out;
}

/**
 * The lead's counts are printed by the one formatter everywhere our sentences say them: never as
 * raw digits ("65966") outside quoted evidence, and its fd count always with what it counted.
 */
function numberProblems(r: AnalysisResult, texts: string[]): string[] {
  const out: string[] = [];
  const s = r.suspects[0];
  if (!s) return out;
  const quantities = [s.fdCount, s.leak.count, s.fdLimit].filter((n): n is number => n !== null && n >= 1000);
  for (const n of quantities) {
    for (const t of texts) {
      // Not a line number (file:1024, a range 1–1024), a path or an identifier.
      const raw = new RegExp(`(?<![\\w.:/–-])${n}(?![\\w.:/–-])`).exec(outsideQuotedLog(outsideCode(t)));
      if (raw)
        out.push(
          `${n} printed as raw digits near "${outsideCode(t).slice(Math.max(0, raw.index - 40), raw.index + 20)}" (expected ${formatNumber(n)})`,
        );
    }
  }
  if (s.fdCount !== null && !texts[0].includes(fdCountText(s.fdCount, s.fdCountMeasure)))
    out.push(`the HTML never says "${fdCountText(s.fdCount, s.fdCountMeasure)}"`);
  if (s.fdCountMeasure === 'rows' && new RegExp(`${formatNumber(s.fdCount!)} fds`).test(texts.map(outsideCode).join('\n'))) {
    out.push(`${formatNumber(s.fdCount!)} lsof rows are called fds`);
  }
  return out;
}

/** The result's timeline is in time order without repeats, and the HTML shows it in that order. */
function timelineProblems(r: AnalysisResult, html: string): string[] {
  const out: string[] = [];
  const at = r.timeline.map((e) => e.at);
  const dated = at.filter((a): a is string => a !== null).map((a) => Date.parse(a));
  if (dated.some((t, i) => i > 0 && t < dated[i - 1])) out.push('timeline not in time order');
  if (at.some((a, i) => a === null && at.slice(i).some((b) => b !== null))) out.push('an undated event before a dated one');
  const keys = r.timeline.map((e) => `${e.time}|${e.label}|${e.evidence.file}:${e.evidence.line}`);
  if (new Set(keys).size !== keys.length) out.push('an event twice in the timeline');
  const section = /<section id="timeline">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  const shown = [...section.matchAll(/<td class="mono">([^<]*)<\/td><\/tr>/g)].map((m) => m[1]);
  const expected = r.timeline.slice(0, shown.length).map((e) => `${e.evidence.file}:${e.evidence.line}`);
  if (shown.join('\n') !== expected.map((e) => Handlebars.Utils.escapeExpression(e)).join('\n'))
    out.push('the HTML timeline is not the result timeline');
  return out;
}

/** The HTML's text without what quotes the bundle (code, excerpts, commands, the embedded JSON, SVG). */
function prose(html: string): string {
  return (
    html
      .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<svg[\s\S]*?<\/svg>/g, ' ')
      .replace(/<table class="code">[\s\S]*?<\/table>|<div class="cmd">[\s\S]*?<\/div>|<code>[\s\S]*?<\/code>|<pre>[\s\S]*?<\/pre>/g, ' ')
      // The input's warnings quote its lines as written (a cut row's `… 11:50 1005`).
      .replace(/<ul class="warnings">[\s\S]*?<\/ul>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
  );
}

/**
 * Text without the log line a sentence quotes (`its log says "… (maxsock=37563) …"`, in HTML
 * `&quot;`): the program's own words, quoted verbatim, keep their own digits.
 */
function outsideQuotedLog(text: string): string {
  return text
    .replace(/log says "[^"\n]{0,2000}"/g, ' ')
    .replace(/log says &quot;[^&\n]{0,2000}(?:&(?!quot;)[^&\n]{0,2000}){0,50}&quot;/g, ' ');
}

/** The Markdown without its list of the input's warnings, which quote the input's lines as written. */
function withoutWarnings(md: string): string {
  return md.replace(/\*\*Warnings\*\*\n\n(?:- [^\n]*\n?)*/g, ' ');
}

/**
 * Markdown or text without code spans and blocks (quoted evidence keeps its own digits). A backtick
 * the Markdown escapes (`\``, a Ruby message's `in \`chdir'`) opens no span.
 */
function outsideCode(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\\`/g, "'")
    .replace(/(`+)[\s\S]*?\1/g, ' ');
}

async function pdfText(pdf: Buffer, name: string): Promise<string> {
  const file = join(chromium.dir(), `${name}.pdf`);
  await writeFile(file, pdf);
  return (await run('pdftotext', ['-q', file, '-'])).stdout;
}

/** Its page count, by pdfinfo. */
async function pages(pdf: Buffer, name: string): Promise<number> {
  const file = join(chromium.dir(), `${name}-pages.pdf`);
  await writeFile(file, pdf);
  return Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [file])).stdout)?.[1]);
}
