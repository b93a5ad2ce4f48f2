// The report as data: the analysis result (and the analyst's notes) mapped to what the templates
// and the Markdown writer lay out. It computes nothing the result does not hold: it formats
// numbers, groups by step and by file, and cuts long lists to what a page can show.
import { processLabel, processName, processWithCommand } from '../process-label.js';
import { straceCapture } from '../captures.js';
import type { AnalysisResult, Detail, Finding, FindingStatus, StepResult, Suspect } from '../result.js';
import type { EvidenceRef } from '../types.js';
import { countedKind, kindLabel } from '../leak-kinds.js';
import { richText } from '../rich.js';
import { REDACTED_NOTE, redactedTitle } from '../redact/header.js';
import { formatNumber } from './escape.js';
import { fdCountText } from '../format.js';
import { lesson } from './lessons.js';
import { parseNotes } from './notes.js';
import { STEPS, stepInfo } from '../steps.js';
import type { DetailView, ExcerptView, FindingView, MissingStepView, ReportView, StepView, ViewOptions } from './view-model.js';
import { appendTo } from '../many-values.js';

/** What a page shows of a list; the rest is in the JSON result. */
const SHOWN = {
  tableRows: 6,
  excerptLines: 8,
  timeline: 6,
  reasons: 4,
  candidates: 5,
  summaryLines: 6,
  citedLines: 3,
  details: 3,
} as const;

const STATUS_LABEL: Record<FindingStatus, string> = {
  fail: 'Problem',
  pass: 'OK',
  info: 'Info',
  'missing-evidence': 'Not captured',
  error: 'Rule error',
};
const STATUS_RANK: FindingStatus[] = ['missing-evidence', 'pass', 'info', 'error', 'fail'];
const VERDICT_LABEL = { leak: 'Leak found', 'no-leak': 'No leak found', inconclusive: 'Inconclusive' } as const;
const EVIDENCE_LABEL: Record<StepResult['status'], string> = {
  evidence: 'evidence in the bundle',
  partial: 'partial evidence',
  missing: 'no evidence',
  'not-needed': 'not needed',
};
/** An inconclusive result that points at no process: there is nothing to trace yet. */
const NO_SUSPECT_ROOT_CAUSE =
  'None established: the bundle shows no process leaking, so there is none to trace yet; the captures under "Missing evidence" come first.';
const ROOT_CAUSE_LABEL = {
  leak: 'Root cause',
  inherited: 'Root cause',
  exhaustion: 'Where the fds run out',
  log: 'What the log says',
} as const;
const WEIGHT_LABEL = ['', 'supporting', 'strong', 'decisive'];

export function buildView(result: AnalysisResult, opts: ViewOptions = {}): ReportView {
  const notes = parseNotes(opts.notes);
  const explain = opts.explain ?? true;
  const ctx = new Context(result);
  const steps = stepViews(result, ctx, notes.steps, explain);
  return {
    title: redactedTitle(result.incident.title ?? `File-descriptor postmortem: ${result.incident.input}`, result),
    redacted: result.incident.redacted ? REDACTED_NOTE : null,
    generatedAt: result.generatedAt,
    toolVersion: result.tool.version,
    summary: summaryView(result, ctx),
    meta: metaRows(result),
    intro: notes.intro || null,
    impact: notes.impact || null,
    timeline: {
      events: result.timeline.slice(0, SHOWN.timeline).map((e) => ({
        time: e.time,
        label: e.label,
        code: e.command ?? '',
        thread: ctx.thread(e.tid),
        evidence: cite(e.evidence),
      })),
      more: Math.max(0, result.timeline.length - SHOWN.timeline),
      notes: notes.timeline || null,
    },
    steps,
    missing: missingSteps(result),
    suspectCaptures: (result.suspects[0]?.decide ?? []).map((d) => d.command),
    rootCause: rootCauseView(result, ctx, notes.rootCause),
    remedies: { ...result.remedies, notes: notes.actions || null },
    lessons: explain ? STEPS.map((s) => ({ step: s.step, title: s.title, lesson: lesson(s.step) ?? '' })).filter((l) => l.lesson) : [],
    sources: result.sources.map((s) => ({
      file: s.lines ? `${s.file}:${s.lines[0]}–${s.lines[1]}` : s.file,
      kind: s.kind,
      records: formatNumber(s.records),
      recordCount: `${formatNumber(s.records)} record${s.records === 1 ? '' : 's'}`,
      command: s.command ?? '',
      capturedAt: s.capturedAt ?? '',
      unrecognised: s.kind === 'unrecognised',
    })),
    sourceWarnings: groupedWarnings(result),
    captureNotes: result.findings.filter((f) => !inSteps(f)).map((f) => findingView(f, ctx, explain)),
    otherNotes: notes.other,
    explain,
  };
}

/** Look-ups every part needs: thread names, the command of each file. */
class Context {
  readonly threadNames = new Map<number, string>();
  readonly commands = new Map<string, string>();
  constructor(readonly result: AnalysisResult) {
    for (const s of result.suspects) for (const t of s.threads) if (t.name) this.threadNames.set(t.tid, t.name);
    for (const s of result.sources) if (s.command) this.commands.set(s.file, s.command);
  }
  thread(tid: number | undefined | null): string {
    if (tid === undefined || tid === null) return '';
    const name = this.threadNames.get(tid);
    return name ? `${tid} (${name})` : String(tid);
  }
}

const inSteps = (f: Finding) => f.step >= 1 && f.step <= 12;

function summaryView(r: AnalysisResult, ctx: Context): ReportView['summary'] {
  const s = r.suspects[0];
  const leak = r.verdict === 'leak' && s;
  const rows: { label: string; value: string }[] = [];
  if (leak) {
    rows.push({ label: 'Suspect', value: `${processWithCommand(s)}${s.user ? `, user ${s.user}` : ''}` });
    rows.push({
      label: 'Leaking',
      value: s.leak.count !== null ? countedKind(s.leak.count, s.leak.kind, s.leak.what) : kindLabel(s.leak),
    });
    if (s.fdCount !== null)
      rows.push({ label: 'Open fds', value: `${fdCountText(s.fdCount, s.fdCountMeasure)}${s.fdCountBasis ? ` (${s.fdCountBasis})` : ''}` });
    rows.push({
      label: 'Open-files limit',
      value: s.fdLimit !== null ? `${formatNumber(s.fdLimit)} (${s.fdLimitBasis})` : 'not in the bundle',
    });
    if (s.growth) rows.push({ label: 'Growth', value: growthText(s) });
  } else if (s?.ranOut) {
    // Not a root cause (the evidence does not show a leak): where the likeliest holder ran out.
    rows.push({ label: 'Ran out', value: s.ranOut.statement });
  } else if (!s && r.unownedRanOut) {
    // A process ran out, and nothing says which.
    rows.push({ label: 'Ran out', value: r.unownedRanOut.statement });
  }
  return {
    verdict: r.verdict,
    verdictLabel: VERDICT_LABEL[r.verdict],
    confidence: r.confidence && r.verdict !== 'no-leak' ? `${r.confidence} confidence` : null,
    severity: r.severity,
    sentence: richText(r.summary),
    rows,
    rootCause: r.rootCause
      ? { label: ROOT_CAUSE_LABEL[r.rootCause.basis], statement: r.rootCause.statement }
      : r.verdict === 'no-leak'
        ? null
        : s
          ? { label: 'Root cause', statement: 'Not established from this bundle; the capture that finds it is under "Root cause" below.' }
          : { label: 'Root cause', statement: NO_SUSPECT_ROOT_CAUSE },
    caveats: r.caveats.map((c) => richText(c.text)),
    reasons: s
      ? s.reasons.slice(0, SHOWN.reasons).map((x) => ({
          weight: WEIGHT_LABEL[x.weight] ?? '',
          statement: richText(x.statement),
          cites: x.evidence.slice(0, 3).map(cite).join(', '),
        }))
      : [],
    candidates: r.suspects.slice(1, 1 + SHOWN.candidates).map((c) => ({
      pid: c.pid ?? '–',
      command: c.pid === null ? processLabel(c) : c.command,
      confidence: c.confidence,
      kind: kindLabel(c.leak),
      reason: richText(c.reason),
    })),
    moreCandidates: Math.max(0, r.suspects.length - 1 - SHOWN.candidates) + (r.unlistedSuspects ?? 0),
    decide: r.verdict === 'inconclusive' ? (s?.decide ?? []) : [],
    evidence: s
      ? excerptsOf(
          s.reasons.filter((x) => x.weight >= 2).flatMap((x) => x.evidence),
          ctx,
          SHOWN.summaryLines,
        )
      : [],
  };
}

/** +1,200 per minute (200 → 1,400 over 60 s, 4 samples in snapshots.txt). */
function growthText(s: Suspect): string {
  const g = s.growth!;
  const first = g.evidence[0];
  const samples = `${g.samples} samples in ${first.file}`;
  // No growth is none, not "0 per minute (0 more …)"; a count that fell says so, never "-3 more".
  if (g.gained === 0) return `none (the same count over ${formatNumber(g.seconds)} s, ${samples})`;
  const change = `${formatNumber(Math.abs(g.gained))} ${g.gained > 0 ? 'more' : 'fewer'} over ${formatNumber(g.seconds)} s`;
  const rate = g.perMinute >= 0 ? `+${formatNumber(g.perMinute)} per minute` : `${formatNumber(-g.perMinute)} fewer per minute`;
  return `${rate} (${change}, ${samples})`;
}

function metaRows(result: AnalysisResult): { label: string; value: string }[] {
  const i = result.incident;
  const rows: [string, string | null][] = [
    ['Incident', i.title],
    ['Ticket', i.ticket],
    ['Host', i.host],
    ['Captured at', i.capturedAt],
    ['Time zone', i.timezone],
    ['Bundle', i.input],
    ['Report generated', result.generatedAt],
    ['Analysed by', `fdleak ${result.tool.version} (${result.schema})`],
  ];
  return rows.filter((r): r is [string, string] => !!r[1]).map(([label, value]) => ({ label, value }));
}

function stepViews(result: AnalysisResult, ctx: Context, notes: Map<number, string>, explain: boolean): StepView[] {
  const out: StepView[] = [];
  for (const info of STEPS) {
    if (info.step === 12) continue;
    const findings = result.findings.filter((f) => f.step === info.step);
    if (!findings.some((f) => f.status !== 'missing-evidence')) continue;
    const ordered = [...findings].sort((a, b) => STATUS_RANK.indexOf(b.status) - STATUS_RANK.indexOf(a.status));
    const status = result.steps.find((s) => s.step === info.step)?.status ?? 'evidence';
    out.push({
      step: info.step,
      title: info.title,
      question: info.question,
      evidence: EVIDENCE_LABEL[status],
      status: ordered[0].status,
      findings: ordered.filter((f) => f.status !== 'missing-evidence').map((f) => findingView(f, ctx, explain)),
      hasLesson: lesson(info.step) !== null,
      notes: notes.get(info.step) ?? null,
    });
  }
  return out;
}

function findingView(f: Finding, ctx: Context, explain: boolean): FindingView {
  const brief = f.status === 'pass';
  // The rule's first details are its decisive ones; the rest are in the JSON result.
  const details = brief ? [] : (f.details ?? []).slice(0, SHOWN.details).map((d) => detailView(d, ctx));
  if (!brief) {
    const shown = new Set(details.flatMap((d) => (d.type === 'excerpt' ? d.lines.map((l) => `${d.file}:${l.line}`) : [])));
    const cited = uniqueBy(
      f.evidence.filter((e) => e.text !== undefined && !shown.has(cite(e))),
      cite,
    );
    if (cited.length) {
      details.push({
        type: 'lines',
        lines: cited.slice(0, SHOWN.citedLines).map((e) => ({ cite: cite(e), text: e.text!, command: ctx.commands.get(e.file) ?? null })),
        more: cited.length - Math.min(cited.length, SHOWN.citedLines),
      });
    }
  }
  return {
    id: f.id,
    status: f.status,
    statusLabel: STATUS_LABEL[f.status],
    severity: f.severity,
    title: f.title,
    detail: richText(f.detail),
    brief,
    details,
    why: brief || !explain ? null : (f.method ?? null),
    citations: unique(f.evidence.map(cite)),
    command: f.command ?? null,
  };
}

function detailView(d: Detail, ctx: Context): DetailView {
  const caption = d.caption ?? null;
  switch (d.type) {
    case 'excerpt': {
      const lines = [...d.lines].sort((a, b) => a.line - b.line);
      const shown = lines.slice(0, SHOWN.excerptLines);
      return {
        type: 'excerpt',
        caption,
        file: d.file,
        command: d.command ?? ctx.commands.get(d.file) ?? null,
        lines: shown.map((l, i) => ({
          line: l.line,
          text: l.text,
          highlight: !!l.highlight,
          gapBefore: i > 0 && l.line > shown[i - 1].line + 1,
        })),
        more: lines.length - shown.length,
      };
    }
    case 'table': {
      const numeric = d.headings.map((_, c) => d.rows.length > 0 && d.rows.every((r) => typeof r[c] === 'number' || r[c] === null));
      const word = d.headings.map(
        (_, c) =>
          d.rows.length > 0 && d.rows.every((r) => typeof r[c] !== 'string' || (r[c] as string).split(' ').every((w) => w.length <= 20)),
      );
      const hl = new Set(d.highlightRows ?? []);
      const ids = d.headings.map((h) => IDENTIFIER_HEADING.test(h.trim()));
      const shown = shownRows(d.rows.length, hl, SHOWN.tableRows);
      return {
        type: 'table',
        caption,
        headings: d.headings,
        numeric,
        word,
        rows: shown.map((i) => ({ cells: d.rows[i].map((v, c) => cell(v, ids[c])), highlight: hl.has(i) })),
        more: d.rows.length - shown.length,
      };
    }
    case 'arithmetic':
      return {
        type: 'arithmetic',
        caption,
        steps: d.steps.map((s) => ({
          label: s.label,
          expression: s.expression,
          value: formatNumber(s.value),
          evidence: (s.evidence ?? []).map(cite).join(', '),
        })),
      };
    case 'timeline': {
      const events = d.events.slice(0, SHOWN.tableRows);
      return {
        type: 'timeline',
        caption,
        events: events.map((e) => ({
          time: e.time,
          label: e.label,
          code: '',
          thread: ctx.thread(e.tid),
          evidence: e.evidence ? cite(e.evidence) : '',
        })),
        more: d.events.length - events.length,
      };
    }
    case 'chart':
      return { type: 'chart', caption, chart: d.chart, data: d.data };
    case 'list':
      return { type: 'list', caption, items: d.items };
  }
}

/**
 * The rows a page shows of a table: the first ones, but never without the highlighted rows (the
 * suspect ranked 72nd of a host's processes is the row the table is there for).
 */
function shownRows(total: number, highlighted: ReadonlySet<number>, max: number): number[] {
  const kept = [...highlighted]
    .filter((i) => i < total)
    .sort((a, b) => a - b)
    .slice(0, max);
  for (let i = 0; i < total && kept.length < max; i++) if (!highlighted.has(i)) kept.push(i);
  return kept.sort((a, b) => a - b);
}

/** Quoted evidence lines grouped into one excerpt per file, every line highlighted. */
function excerptsOf(evidence: readonly EvidenceRef[], ctx: Context, max: number = SHOWN.excerptLines): ExcerptView[] {
  const byFile = new Map<string, EvidenceRef[]>();
  for (const e of evidence) if (e.text !== undefined) appendTo(byFile, e.file, e);
  return [...byFile.entries()].map(([file, refs]) => {
    const lines = uniqueBy(refs, (r) => r.line).sort((a, b) => a.line - b.line);
    const shown = lines.slice(0, max);
    return {
      type: 'excerpt' as const,
      caption: null,
      file,
      command: ctx.commands.get(file) ?? null,
      lines: shown.map((l, i) => ({ line: l.line, text: l.text!, highlight: true, gapBefore: i > 0 && l.line > shown[i - 1].line + 1 })),
      more: lines.length - shown.length,
    };
  });
}

/** Steps without their evidence, and what captures it: from the analysis's steps and missing list. */
function missingSteps(result: AnalysisResult): MissingStepView[] {
  const out: MissingStepView[] = [];
  for (const s of result.steps) {
    if ((s.status !== 'missing' && s.status !== 'partial') || s.missing.length === 0) continue;
    out.push({
      step: s.step,
      title: s.title,
      what: unique(s.missing.map((m) => m.what)).join('; '),
      commands: unique(s.missing.map((m) => m.command)),
    });
  }
  const shown = new Set(out.flatMap((m) => m.commands));
  for (const m of result.missing.filter((x) => (x.step === undefined || !stepInfo(x.step)) && !shown.has(x.command))) {
    out.push({ step: null, title: 'Other evidence', what: m.what, commands: [m.command] });
  }
  return out;
}

function rootCauseView(result: AnalysisResult, ctx: Context, notes: string): ReportView['rootCause'] {
  const rc = result.rootCause;
  if (!rc) {
    const lead = result.verdict === 'no-leak' ? undefined : result.suspects[0];
    // A strace of the suspect is in the bundle (step 8 has evidence) but gave no root cause.
    const traced = result.steps.some((s) => s.step === 8 && (s.status === 'evidence' || s.status === 'partial'));
    return {
      known: false,
      label: 'Root cause',
      statement:
        result.verdict === 'no-leak'
          ? 'No leak was found, so there is no root cause to chase.'
          : !lead
            ? NO_SUSPECT_ROOT_CAUSE
            : traced
              ? `Not established from this bundle: step 8 shows what its strace caught, and no one statement says which code leaks. Record the system calls of ${processName(lead)} again while its fd count grows, then follow the thread that creates fds without closing them:`
              : `Not established from this bundle. Record the system calls of ${processName(lead)} while it leaks, then follow the thread that creates fds without closing them:`,
      // The suspect as the captures the result asks for name it: its pid, or the command that prints it.
      capture: lead ? straceCapture(lead.pid ?? (lead.pidCommand ? { command: lead.command, pidCommand: lead.pidCommand } : null)) : null,
      facts: [],
      excerpts: [],
      notes: notes || null,
    };
  }
  // Without its pid, the process is the suspect the bundle names otherwise (or the traced one).
  const lead = result.suspects[0];
  const process = rc.pid !== null ? `pid ${rc.pid}` : processLabel(lead?.pid === null ? lead : { pid: null, command: null, traced: true });
  const facts: { label: string; value: string }[] = [{ label: 'Process', value: process }];
  if (rc.tid !== null) facts.push({ label: 'Thread', value: ctx.thread(rc.tid) });
  if (rc.fd !== null) facts.push({ label: 'fd written to', value: String(rc.fd) });
  if (rc.path) facts.push({ label: 'File behind it', value: rc.path });
  if (rc.message) facts.push({ label: 'Logged message', value: rc.message });
  return {
    known: true,
    label: ROOT_CAUSE_LABEL[rc.basis],
    statement: rc.statement,
    capture: null,
    facts,
    excerpts: excerptsOf(rc.evidence, ctx),
    notes: notes || null,
  };
}

/** "CRLF line ends (read as LF)" for 19 files said once: "… — a.txt, b.txt and 17 more". */
function groupedWarnings(result: AnalysisResult): ReportView['sourceWarnings'] {
  const byMessage = new Map<string, string[]>();
  for (const s of result.sources) {
    for (const w of s.warnings) {
      const m = /^([^:]+(?::\d+)?): (.*)$/s.exec(w);
      const where = m ? m[1] : s.file;
      const message = m ? m[2] : w;
      appendTo(byMessage, message, where);
    }
  }
  return [...byMessage].map(([message, places]) => {
    const files = unique(places);
    return { message, files: files.length > 3 ? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more` : files.join(', ') };
  });
}

/** Columns of numbers that name things (pid 25204, fd 369) rather than count them: no digit grouping. */
const IDENTIFIER_HEADING = /^(pids?|ppid|tids?|threads?|fd|lines?|ports?|uid|gid|inodes?|nid|device|child|parent|created by|forked by)$/i;

function cell(v: string | number | null, identifier = false): string {
  if (v === null) return '—';
  if (typeof v === 'number') return identifier ? String(v) : formatNumber(v);
  return v;
}

function cite(e: EvidenceRef): string {
  return `${e.file}:${e.line}`;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

function uniqueBy<T>(items: T[], key: (t: T) => unknown): T[] {
  const seen = new Set<unknown>();
  return items.filter((t) => !seen.has(key(t)) && !!seen.add(key(t)));
}
