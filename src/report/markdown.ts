// The Markdown postmortem: GitHub/Jira-friendly (headings, tables, fenced code), no HTML at all.
// Charts become tables of their numbers. Bundle text is escaped (mdText); analyst notes keep their
// Markdown, rewritten from a safe subset (safe-markdown.ts).
import type { AnalysisResult } from '../result.js';
import { mdCell, mdCode, mdCodeBlock, mdText } from './escape.js';
import { safeMarkdown } from './safe-markdown.js';
import { markRedacted } from '../redact/header.js';
import { buildView, type DetailView, type ExcerptView, type FindingView, type ViewOptions } from './view.js';

export function renderMarkdown(result: AnalysisResult, opts: ViewOptions = {}): string {
  const v = markRedacted(buildView(result, opts), result);
  const out: string[] = [];
  const para = (...lines: string[]) => out.push(lines.join('\n'));

  para(`# ${mdText(v.title)}`);
  para(`_File-descriptor leak postmortem, generated ${mdText(v.generatedAt)} by fdleak ${mdText(v.toolVersion)}._`);

  para('## Summary');
  para(`**${v.summary.verdictLabel}**, severity **${v.summary.severity}**: ${mdText(v.summary.sentence)}`);
  para(table(['', ''], [...v.summary.rows.map((r) => [r.label, r.value]), ['Root cause', v.summary.rootCause]]));

  para('## Incident');
  para(table(['', ''], v.meta.map((m) => [m.label, m.value])));
  if (v.intro) para('**Analyst notes**', '', notesMarkdown(v.intro));
  if (v.impact) para('### Impact', '', notesMarkdown(v.impact));

  para('## Timeline of the evidence');
  for (const r of v.timeline.rates) para(`- ${mdText(r)}`);
  if (v.timeline.events.length) {
    para(table(['Time', 'Thread', 'Event', 'Evidence'], v.timeline.events.map((e) => [e.time, e.thread, e.label + (e.code ? `: ${e.code}` : ''), e.evidence])));
  } else {
    para('_The bundle records no capture times._');
  }
  if (v.timeline.notes) para('**Analyst timeline**', '', notesMarkdown(v.timeline.notes));

  for (const s of v.steps) {
    para(`## Step ${s.step}: ${mdText(s.title)}`);
    para(`_${mdText(s.question)}_`);
    if (s.lesson) para('**How this step works**', '', quote(s.lesson));
    for (const f of s.findings) out.push(...finding(f));
    if (s.notes) para('**Analyst notes**', '', notesMarkdown(s.notes));
  }

  if (v.missing.length) {
    para('## Missing evidence');
    para('These steps could not be followed from this bundle. Capture the evidence on the host (as root, while the problem is present) and run the report again.');
    for (const m of v.missing) {
      para(`### ${m.step !== null ? `Step ${m.step}: ` : ''}${mdText(m.title)}`);
      para(mdText(m.what));
      para(mdCodeBlock(m.commands, 'sh'));
    }
  }

  para('## Root cause');
  para(`**${mdText(v.rootCause.statement)}**`);
  if (v.rootCause.capture) para(mdCodeBlock([v.rootCause.capture], 'sh'));
  if (v.rootCause.facts.length) para(table(['', ''], v.rootCause.facts.map((f) => [f.label, f.value])));
  for (const e of v.rootCause.excerpts) out.push(excerpt(e));
  if (v.rootCause.notes) para('**Analyst notes**', '', notesMarkdown(v.rootCause.notes));

  para('## Step 12: Remedies');
  if (v.remedies.lesson) para('**How this step works**', '', quote(v.remedies.lesson));
  para('### Fix the code', '', ...v.remedies.code.map((c) => `- ${c}`));
  if (v.remedies.stopGap.length) para('### Stop-gap until the fix ships', '', ...v.remedies.stopGap.map((c) => `- ${c}`));
  para('### What to monitor', '', ...v.remedies.monitor.map((c) => `- ${c}`));
  if (v.remedies.notes) para('### Actions (analyst)', '', notesMarkdown(v.remedies.notes));

  para('## Appendix: sources');
  para(table(['File', 'Recognised as', 'Records', 'Command', 'Captured at'], v.sources.map((s) => [
    s.lines ? `${s.file} (lines ${s.lines})` : s.file, s.kind, s.records, s.command, s.capturedAt,
  ])));
  const warnings = v.sources.flatMap((s) => s.warnings);
  if (warnings.length) para('**Warnings**', '', ...warnings.map((w) => `- ${mdText(w)}`));
  if (v.captureNotes.length) {
    para('### Notes on the captures');
    for (const f of v.captureNotes) out.push(...finding(f));
  }
  for (const o of v.otherNotes) para(`### ${mdText(o.heading)}`, '', notesMarkdown(o.body));
  return out.join('\n\n') + '\n';
}

function finding(f: FindingView): string[] {
  const out = [`### [${f.statusLabel.toUpperCase()}] ${mdText(f.title)}`, mdText(f.detail)];
  if (f.command) out.push('Capture it with:', mdCodeBlock([f.command], 'sh'));
  for (const d of f.details) out.push(detail(d));
  if (f.why) out.push(`**Why this matters.** ${notesMarkdown(f.why)}`);
  if (f.citations.length) out.push(`_Evidence: ${f.citations.map(mdCode).join(', ')}_`);
  return out;
}

function detail(d: DetailView): string {
  const caption = (fallback: string) => `**${mdText(d.caption ?? fallback)}**`;
  switch (d.type) {
    case 'excerpt':
      return excerpt(d);
    case 'table':
      return `${caption('Table')}\n\n${table(d.headings, d.rows.map((r) => r.cells.map((c, i) => (r.highlight && i === 0 ? `▶ ${c}` : c))))}`;
    case 'arithmetic':
      return `${caption('Arithmetic')}\n\n${table(['Quantity', 'Computed as', 'Value', 'Evidence'], d.steps.map((s) => [s.label, s.expression, s.value, s.evidence]))}`;
    case 'timeline':
      return `${caption('Timeline')}\n\n${table(['Time', 'Thread', 'Event', 'Evidence'], d.events.map((e) => [e.time, e.thread, e.label, e.evidence]))}`;
    case 'chart': {
      const keys = [...new Set(d.data.flatMap((r) => Object.keys(r)))];
      const rows = d.data.map((r) => keys.map((k) => (typeof r[k] === 'number' || typeof r[k] === 'string' ? (r[k] as string | number) : r[k] === null || r[k] === undefined ? '' : String(r[k]))));
      return `${caption('Chart')} (chart data)\n\n${table(keys, rows)}`;
    }
    case 'list':
      return `${caption('List')}\n\n${d.items.map((i) => `- ${mdText(i)}`).join('\n')}`;
  }
}

/** An excerpt as a code block: original line numbers, decisive lines marked with ▶. */
function excerpt(e: ExcerptView): string {
  const width = Math.max(...e.lines.map((l) => String(l.line).length));
  const lines: string[] = [];
  if (e.command) lines.push(`$ ${e.command}`);
  for (const l of e.lines) {
    if (l.gapBefore) lines.push(`  ${' '.repeat(width)}  …`);
    lines.push(`${l.highlight ? '▶' : ' '} ${String(l.line).padStart(width)}  ${l.text}`);
  }
  return `**${mdText(e.caption ?? 'Evidence')}** (${mdCode(e.file)})\n\n${mdCodeBlock(lines)}`;
}

function table(headings: string[], rows: (string | number | null)[][]): string {
  const head = `| ${headings.map((h) => (h ? mdText(h) : ' ')).join(' | ')} |`;
  const rule = `|${headings.map(() => '---').join('|')}|`;
  return [head, rule, ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n');
}

function quote(markdown: string): string {
  return notesMarkdown(markdown).split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n');
}

/** Markdown written by people (notes, lessons, rule methods), with no HTML under any renderer. */
export function notesMarkdown(markdown: string): string {
  return safeMarkdown(markdown);
}
