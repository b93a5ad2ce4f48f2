// Entry point of the report layer: an analysis result (plus optional analyst notes) in, files out.
// Heavy modules (Vega, puppeteer) load only for the formats that need them.
import { extname } from 'node:path';
import type { Printer } from './pdf.js';
import type { AnalysisResult } from '../result.js';
import { FORMATS, writeOutput, type Format } from './output.js';
import { trimEndChars } from '../text.js';
import { redactedTitle } from '../redact/header.js';

export interface RenderOptions {
  /** Markdown of the bundle's notes.md, woven into the report. */
  notes?: string | null;
  /** Teaching mode: a lesson per step (default on). */
  explain?: boolean;
  /** For PDF: print on this printer (its browser and page) instead of launching one. */
  printer?: Printer;
}

/** Parses "html,pdf" (or repeated options) into known formats, in the order given, without repeats. */
export function parseFormats(input: string | readonly string[]): Format[] {
  const parts = (Array.isArray(input) ? input : [input])
    .flatMap((s) => String(s).split(','))
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const out: Format[] = [];
  for (const p of parts) {
    const f = p === 'markdown' ? 'md' : p;
    if (!(FORMATS as readonly string[]).includes(f)) throw new RangeError(`unknown report format "${p}" (use ${FORMATS.join(', ')})`);
    if (!out.includes(f as Format)) out.push(f as Format);
  }
  if (out.length === 0) throw new RangeError(`no report format given (use ${FORMATS.join(', ')})`);
  return out;
}

export async function renderReport(result: AnalysisResult, format: Format, opts: RenderOptions = {}): Promise<string | Buffer> {
  switch (format) {
    case 'json':
      return JSON.stringify(result, null, 2) + '\n';
    case 'md':
      return (await import('./markdown.js')).renderMarkdownSummary(result, opts);
    case 'md-full':
      return (await import('./markdown.js')).renderMarkdownFull(result, opts);
    case 'html':
      return (await import('./html.js')).renderHtml(result, opts);
    case 'pdf': {
      const html = await (await import('./html.js')).renderHtml(result, opts);
      return (await import('./pdf.js')).printPdf(html, pdfTitle(result), opts.printer).then((r) => r.pdf);
    }
  }
}

export function pdfTitle(result: AnalysisResult): string {
  return redactedTitle(result.incident.title ?? `fdleak postmortem: ${result.incident.input}`, result);
}

export { outputPaths } from './output.js';

/** A file name from the bundle's path: `samples/tomcat-cat-leak/` → `tomcat-cat-leak`, `x.tar.gz` → `x`. */
export function reportName(input: string): string {
  const base = trimEndChars(input, '\\/').split(/[\\/]/).pop() || 'report';
  const stripped = base.replace(/\.(tar\.gz|tar\.xz|tgz|txz|tar|zip|gz|xz)$/i, '');
  const name = stripped === base && extname(base) ? base.slice(0, -extname(base).length) : stripped;
  return name.replace(/[^A-Za-z0-9._-]+/g, '-') || 'report';
}

export async function writeReports(
  result: AnalysisResult,
  formats: readonly Format[],
  paths: Map<Format, string>,
  opts: RenderOptions = {},
): Promise<{ format: Format; path: string; ms: number }[]> {
  const written: { format: Format; path: string; ms: number }[] = [];
  let html: string | null = null;
  for (const format of formats) {
    const started = performance.now();
    let body: string | Buffer;
    if (format === 'html' || format === 'pdf') {
      html ??= await (await import('./html.js')).renderHtml(result, opts);
      body = format === 'html' ? html : (await (await import('./pdf.js')).printPdf(html, pdfTitle(result), opts.printer)).pdf;
    } else {
      body = await renderReport(result, format, opts);
    }
    const path = paths.get(format)!;
    await writeOutput(path, body);
    written.push({ format, path, ms: Math.round(performance.now() - started) });
  }
  return written;
}
