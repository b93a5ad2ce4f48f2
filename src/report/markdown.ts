// The Markdown postmortems: GitHub/Jira-friendly (headings, tables, fenced code), no HTML at all.
// `md` is the ticket comment: the first screen, the decisive lines, the remedies and what is missing.
// `md-full` is the whole notebook. Charts become tables of their numbers. Bundle text is escaped
// (mdText); analyst notes keep their Markdown, rewritten from a safe subset (safe-markdown.ts).
import type { AnalysisResult, Rich } from '../result.js';
import { formatNumber, mdCell, mdCode, mdCodeBlock, mdText } from './escape.js';
import { safeMarkdown } from './safe-markdown.js';
import { plain } from '../rich.js';
import { buildView } from './view.js';
import type { DetailView, ExcerptView, FindingView, LinesView, ReportView, ViewOptions } from './view-model.js';
import { maxOf } from '../many-values.js';

/** What the ticket comment shows of each list; the full report has the rest. */
const BRIEF = { reasons: 3, candidates: 3, evidenceFiles: 2, evidenceLines: 3, rootCauseLines: 5, missing: 3 } as const;

/** The ticket comment: what a reader needs to act, in about 80 lines. */
export function renderMarkdownSummary(result: AnalysisResult, opts: ViewOptions = {}): string {
  const v = buildView(result, opts);
  const out: string[] = [`# ${mdText(v.title)}`, ...redactedNote(v), ...summary(v, BRIEF)];
  // The lines the strong reasons quote follow the reasons themselves.
  out.push(...v.summary.evidence.slice(0, BRIEF.evidenceFiles).map((e) => excerpt(e, BRIEF.evidenceLines, true)));
  out.push(...rootCause(v, true), ...remediesBrief(v), ...missingBrief(v));
  out.push(
    `_fdleak ${mdText(v.toolVersion)}. The whole investigation: \`fdleak report --format md-full\` (or html, pdf); every number and line: \`--format json\`._`,
  );
  return out.join('\n\n') + '\n';
}

/** The whole notebook: every step with its evidence, the method in an appendix. */
export function renderMarkdownFull(result: AnalysisResult, opts: ViewOptions = {}): string {
  const v = buildView(result, opts);
  const out: string[] = [
    `# ${mdText(v.title)}`,
    `_File-descriptor leak postmortem, generated ${mdText(v.generatedAt)} by fdleak ${mdText(v.toolVersion)}._`,
    ...redactedNote(v),
    ...summary(v),
    '## Incident',
    table(
      ['', ''],
      v.meta.map((m) => [m.label, m.value]),
    ),
  ];
  if (v.intro) out.push('**Analyst notes**', notesMarkdown(v.intro));
  if (v.impact) out.push('### Impact', notesMarkdown(v.impact));

  out.push('## Timeline of the evidence');
  if (v.timeline.events.length) {
    out.push(
      table(
        ['Time', 'Event', 'Evidence'],
        v.timeline.events.map((e) => [
          e.time,
          (e.thread ? `thread ${e.thread}: ` : '') + e.label + (e.code ? `: ${e.code}` : ''),
          e.evidence,
        ]),
      ),
    );
    if (v.timeline.more) out.push(`_${v.timeline.more} more events in the JSON result._`);
  } else {
    out.push('_The bundle records no capture times._');
  }
  if (v.timeline.notes) out.push('**Analyst timeline**', notesMarkdown(v.timeline.notes));

  for (const s of v.steps) {
    out.push(`## Step ${s.step}: ${mdText(s.title)}`, `_${mdText(s.question)}_ (${s.evidence})`);
    for (const f of s.findings) out.push(...finding(f));
    if (s.notes) out.push('**Analyst notes**', notesMarkdown(s.notes));
  }
  out.push(...missing(v), ...rootCause(v, false), ...remedies(v));

  if (v.lessons.length) {
    out.push('## Appendix: the method, step by step');
    for (const l of v.lessons) out.push(`### Step ${l.step}: ${mdText(l.title)}`, notesMarkdown(l.lesson));
  }
  out.push('## Appendix: sources');
  out.push(
    table(
      ['File', 'Recognised as', 'Records', 'Command', 'Captured at'],
      // A command is quoted evidence, printed as code (its numbers are its own, not ours).
      v.sources.map((s) => [s.file, s.kind, s.records, codeCell(s.command), s.capturedAt]),
    ),
  );
  if (v.sourceWarnings.length)
    out.push('**Warnings**', v.sourceWarnings.map((w) => `- ${mdText(w.message)} (${mdText(w.files)})`).join('\n'));
  if (v.captureNotes.length) {
    out.push('### Notes on the captures');
    for (const f of v.captureNotes) out.push(...finding(f));
  }
  for (const o of v.otherNotes) out.push(`### ${mdText(o.heading)}`, notesMarkdown(o.body));
  return out.join('\n\n') + '\n';
}

function redactedNote(v: ReportView): string[] {
  return v.redacted ? [`**Redacted.** ${mdText(v.redacted)}`] : [];
}

function summary(v: ReportView, shown: { reasons: number; candidates: number } = { reasons: Infinity, candidates: Infinity }): string[] {
  const s = {
    ...v.summary,
    reasons: v.summary.reasons.slice(0, shown.reasons),
    candidates: v.summary.candidates.slice(0, shown.candidates),
  };
  const out = [`**${s.verdictLabel}**${s.confidence ? ` (${s.confidence})` : ''}, severity **${s.severity}**: ${richMarkdown(s.sentence)}`];
  const rows = s.rows.map((r) => [r.label, r.value]);
  if (s.rootCause) rows.push([s.rootCause.label, s.rootCause.statement]);
  if (rows.length) out.push(table(['', ''], rows));
  if (s.caveats.length) out.push(s.caveats.map((c) => `- **Caveat:** ${richMarkdown(c)}`).join('\n'));
  if (s.reasons.length) {
    out.push(
      `**Why${v.summary.verdict === 'leak' ? ' this process' : ''}**`,
      s.reasons
        .map((r) => `- ${r.weight ? `_${r.weight}_: ` : ''}${richMarkdown(r.statement)}${r.cites ? ` (${mdCode(r.cites)})` : ''}`)
        .join('\n'),
    );
  }
  if (s.candidates.length) {
    out.push(
      v.summary.verdict === 'leak' ? '**Also leaking**' : '**Other candidates**',
      table(
        ['pid', 'Command', 'Confidence', 'Kind', 'Why'],
        s.candidates.map((c) => [String(c.pid), c.command, c.confidence, c.kind, plain(c.reason)]),
      ),
    );
    const more = v.summary.candidates.length - s.candidates.length + v.summary.moreCandidates;
    if (more > 0)
      out.push(`and ${formatNumber(more)} more processes like them (each in the JSON result's \`processes\`, with its signals)`);
  }
  if (s.decide.length) {
    out.push('**What would decide**', s.decide.map((d) => `- ${mdText(d.what)}: ${mdCode(d.command)}`).join('\n'));
  }
  return out;
}

function rootCause(v: ReportView, brief: boolean): string[] {
  const rc = v.rootCause;
  if (brief && !rc.known && !rc.capture) return [];
  // The summary's table above already states a known root cause: the brief form shows its lines.
  const out = [`## ${mdText(rc.label)}`];
  if (!brief || !rc.known) out.push(rc.known ? `**${mdText(rc.statement)}**` : mdText(rc.statement));
  if (rc.capture) out.push(mdCodeBlock([rc.capture], 'sh'));
  if (rc.facts.length && !brief)
    out.push(
      table(
        ['', ''],
        rc.facts.map((f) => [f.label, f.value]),
      ),
    );
  for (const e of rc.excerpts) out.push(brief ? excerpt(e, BRIEF.rootCauseLines, true) : excerpt(e));
  if (rc.notes && !brief) out.push('**Analyst notes**', notesMarkdown(rc.notes));
  return out;
}

/** One list: each remedy marked with what it is. */
function remediesBrief(v: ReportView): string[] {
  const r = v.remedies;
  const items = [
    ...r.fix.map((i) => `- **Fix:** ${richMarkdown(i)}`),
    ...r.stopGap.map((i) => `- **Stop-gap:** ${richMarkdown(i)}`),
    ...r.monitor.map((i) => `- **Monitor:** ${richMarkdown(i)}`),
  ];
  return ['## Step 12: Remedies', items.join('\n')];
}

function remedies(v: ReportView): string[] {
  const r = v.remedies;
  const list = (items: Rich[]) => items.map((i) => `- ${richMarkdown(i)}`).join('\n');
  const out = ['## Step 12: Remedies', '**Fix the code**', list(r.fix)];
  if (r.stopGap.length) out.push('**Stop-gap until the fix ships**', list(r.stopGap));
  out.push('**What to monitor**', list(r.monitor));
  if (r.notes) out.push('**Actions (analyst)**', notesMarkdown(r.notes));
  return out;
}

const MISSING_INTRO = 'Capture these on the host (as root, while the problem is present) and run the analysis again:';

/** Steps without their evidence and the commands that capture them. */
function missing(v: ReportView): string[] {
  if (!v.missing.length) return [];
  const out = ['## Missing evidence', MISSING_INTRO];
  for (const m of v.missing) {
    out.push(`- ${m.step !== null ? `Step ${m.step}, ` : ''}${mdText(m.title)}: ${mdText(m.what)}`, mdCodeBlock(m.commands, 'sh'));
  }
  return out;
}

/** The first capture of the first steps that lack evidence, one line each. */
function missingBrief(v: ReportView): string[] {
  if (!v.missing.length) return [];
  const captures = v.missing.reduce((n, m) => n + m.commands.length, 0);
  // The suspect's own captures first (what would settle its case), then the rest in step order: a
  // ticket about dockerd's deleted files starts with dockerd's fds, not with netstat. An
  // inconclusive summary lists them already, under "What would decide".
  const first = v.summary.decide.length ? [] : v.suspectCaptures;
  const own = (m: ReportView['missing'][number]) => m.commands.find((c) => first.includes(c));
  const ranked = [...v.missing.filter((m) => own(m)), ...v.missing.filter((m) => !own(m))];
  const shown = ranked.slice(0, BRIEF.missing);
  const rest = captures - shown.length;
  const intro = rest > 0 ? `${MISSING_INTRO.slice(0, -1)} (${rest} more in the full report):` : MISSING_INTRO;
  return [
    '## Missing evidence',
    intro,
    shown.map((m) => `- ${m.step !== null ? `Step ${m.step}: ` : ''}${mdCode(own(m) ?? m.commands[0])}`).join('\n'),
  ];
}

function finding(f: FindingView): string[] {
  const out = [`### [${f.statusLabel.toUpperCase()}] ${mdText(f.title)}`, richMarkdown(f.detail)];
  if (f.command) out.push('Capture it with:', mdCodeBlock([f.command], 'sh'));
  for (const d of f.details) out.push(detail(d));
  if (f.why) out.push(`**Why this matters.** ${notesMarkdown(f.why)}`);
  if (f.citations.length) out.push(`_Evidence: ${f.citations.map(mdCode).join(', ')}_`);
  return out;
}

function detail(d: DetailView): string {
  if (d.type === 'lines') return citedLines(d);
  const caption = (fallback: string) => `**${mdText(d.caption ?? fallback)}**`;
  const more = (n: number) => (n > 0 ? `\n\n_${n} more rows in the JSON result._` : '');
  switch (d.type) {
    case 'excerpt':
      return excerpt(d);
    case 'table':
      return `${caption('Table')}\n\n${table(
        d.headings,
        d.rows.map((r) => r.cells.map((c, i) => (r.highlight && i === 0 ? `▶ ${c}` : c))),
      )}${more(d.more)}`;
    case 'arithmetic':
      return `${caption('Arithmetic')}\n\n${table(
        ['Quantity', 'Computed as', 'Value', 'Evidence'],
        d.steps.map((s) => [s.label, s.expression, s.value, s.evidence]),
      )}`;
    case 'timeline':
      return `${caption('Timeline')}\n\n${table(
        ['Time', 'Event', 'Evidence'],
        d.events.map((e) => [e.time, (e.thread ? `thread ${e.thread}: ` : '') + e.label, e.evidence]),
      )}${more(d.more)}`;
    case 'chart': {
      const keys = [...new Set(d.data.flatMap((r) => Object.keys(r)))];
      const rows = d.data.map((r) =>
        keys.map((k) =>
          typeof r[k] === 'number' || typeof r[k] === 'string'
            ? (r[k] as string | number)
            : r[k] === null || r[k] === undefined
              ? ''
              : String(r[k]),
        ),
      );
      return `${caption('Chart')} (chart data)\n\n${table(keys, rows)}`;
    }
    case 'list':
      return `${caption('List')}\n\n${d.items.map((i) => `- ${mdText(i)}`).join('\n')}`;
  }
}

/** Cited lines of several files as one code block: `file:line  text`. */
function citedLines(d: LinesView): string {
  const width = maxOf(d.lines.map((l) => l.cite.length));
  const lines = d.lines.map((l) => `${l.cite.padEnd(width)}  ${l.text}`);
  if (d.more > 0) lines.push(`(${d.more} more cited line${d.more === 1 ? '' : 's'})`);
  return `**Cited lines**\n\n${mdCodeBlock(lines)}`;
}

/** An excerpt as a code block: original line numbers, decisive lines marked with ▶. */
function excerpt(e: ExcerptView, max = Infinity, brief = false): string {
  const shown = e.lines.slice(0, max);
  const width = maxOf(shown.map((l) => String(l.line).length));
  // The brief form names its file inside the block: two lines fewer per excerpt in a ticket comment.
  const lines: string[] = brief ? [`# ${e.file}`] : [];
  if (e.command) lines.push(`$ ${e.command}`);
  for (const l of shown) {
    if (l.gapBefore && !brief) lines.push(`  ${' '.repeat(width)}  …`);
    lines.push(`${l.highlight ? '▶' : ' '} ${String(l.line).padStart(width)}  ${l.text}`);
  }
  const more = e.more + e.lines.length - shown.length;
  if (more > 0) lines.push(`  (${more} more line${more === 1 ? '' : 's'})`);
  if (brief) return mdCodeBlock(lines);
  return `**${mdText(e.caption ?? 'Evidence')}** (${mdCode(e.file)})\n\n${mdCodeBlock(lines)}`;
}

function table(headings: string[], rows: (string | number | null | { md: string })[][]): string {
  const head = `| ${headings.map((h) => (h ? mdText(h) : ' ')).join(' | ')} |`;
  const rule = `|${headings.map(() => '---').join('|')}|`;
  const cell = (c: string | number | null | { md: string }) => (c !== null && typeof c === 'object' ? c.md : mdCell(c));
  return [head, rule, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

/** A table cell of code: a code span, its pipes escaped as a GFM table needs (inside code too). */
function codeCell(text: string | null | undefined): { md: string } | null {
  return text ? { md: mdCode(text).replace(/\|/g, '\\|') } : null;
}

function richMarkdown(r: Rich): string {
  return r.map((p) => ('text' in p ? mdText(p.text) : mdCode(p.code))).join('');
}

/** Markdown written by people (notes, lessons, rule methods), with no HTML under any renderer. */
export function notesMarkdown(markdown: string): string {
  return safeMarkdown(markdown);
}
