// The report as data: what every output format shows, in order, computed once from the analysis
// result and the analyst's notes. Renderers only lay it out. Nothing here is HTML or Markdown syntax.
import type { AnalysisResult, Detail, Finding, FindingStatus, LeakKind, Suspect } from '../result.js';
import type { EvidenceRef } from '../types.js';
import { formatNumber, mdCode, mdText } from './escape.js';
import { lesson } from './lessons.js';
import { parseNotes, type NotesSections } from './notes.js';
import { STEPS, fillCapture, stepInfo } from '../steps.js';
import { instant, wallClock } from './times.js';

export type ChartKind = Extract<Detail, { type: 'chart' }>['chart'];

export interface ExcerptView {
  type: 'excerpt';
  caption: string | null;
  file: string;
  command: string | null;
  lines: { line: number; text: string; highlight: boolean; gapBefore: boolean }[];
}
export interface TableView {
  type: 'table';
  caption: string | null;
  headings: string[];
  /** Which columns hold numbers (right-aligned). */
  numeric: boolean[];
  rows: { cells: string[]; highlight: boolean }[];
}
export interface ArithmeticView {
  type: 'arithmetic';
  caption: string | null;
  steps: { label: string; expression: string; value: string; evidence: string }[];
}
export interface TimelineView {
  type: 'timeline';
  caption: string | null;
  events: TimelineEvent[];
}
export interface ChartView {
  type: 'chart';
  caption: string | null;
  chart: ChartKind;
  data: Record<string, unknown>[];
  /** Computed by the report, not given by a rule. */
  derived: boolean;
}
export interface ListView {
  type: 'list';
  caption: string | null;
  items: string[];
}
export type DetailView = ExcerptView | TableView | ArithmeticView | TimelineView | ChartView | ListView;

export interface TimelineEvent {
  time: string;
  label: string;
  /** A command shown as code after the label. */
  code: string;
  thread: string;
  evidence: string;
}

export interface FindingView {
  id: string;
  status: FindingStatus;
  statusLabel: string;
  severity: string;
  title: string;
  detail: string;
  details: DetailView[];
  /** Markdown: why this matters (the rule's method). */
  why: string | null;
  citations: string[];
  /** For missing evidence. */
  command: string | null;
}

export interface StepView {
  step: number;
  title: string;
  question: string;
  status: FindingStatus;
  findings: FindingView[];
  lesson: string | null;
  notes: string | null;
}

export interface MissingStepView {
  step: number | null;
  title: string;
  what: string;
  commands: string[];
}

export interface ReportView {
  title: string;
  generatedAt: string;
  toolVersion: string;
  summary: {
    verdict: AnalysisResult['verdict'];
    verdictLabel: string;
    severity: string;
    sentence: string;
    rows: { label: string; value: string }[];
    rootCause: string;
    rootCauseKnown: boolean;
  };
  meta: { label: string; value: string }[];
  intro: string | null;
  impact: string | null;
  timeline: { events: TimelineEvent[]; rates: string[]; notes: string | null };
  steps: StepView[];
  missing: MissingStepView[];
  rootCause: {
    known: boolean;
    statement: string;
    /** When the root cause is unknown: the capture that would find it. */
    capture: string | null;
    facts: { label: string; value: string }[];
    excerpts: ExcerptView[];
    notes: string | null;
  };
  /** Remedy items are Markdown (bundle text in them is escaped). */
  remedies: { lesson: string | null; code: string[]; stopGap: string[]; monitor: string[]; notes: string | null };
  sources: { file: string; kind: string; records: string; lines: string; command: string; capturedAt: string; warnings: string[]; unrecognised: boolean }[];
  captureNotes: FindingView[];
  otherNotes: { heading: string; body: string }[];
  explain: boolean;
}

export interface ViewOptions {
  notes?: string | null;
  /** Teaching mode: a lesson per step. */
  explain?: boolean;
}

const STATUS_LABEL: Record<FindingStatus, string> = {
  fail: 'Problem', pass: 'OK', info: 'Info', 'missing-evidence': 'Not captured', error: 'Rule error',
};
const STATUS_RANK: FindingStatus[] = ['missing-evidence', 'pass', 'info', 'error', 'fail'];
const VERDICT_LABEL = { leak: 'Leak found', 'no-leak': 'No leak found', inconclusive: 'Inconclusive' } as const;

export function buildView(result: AnalysisResult, opts: ViewOptions = {}): ReportView {
  const notes = parseNotes(opts.notes);
  const explain = opts.explain ?? true;
  const ctx = new Context(result);
  const suspect = result.suspects[0] ?? null;
  const steps = stepViews(result, ctx, notes, explain);
  addDerivedCharts(steps, result, ctx);
  return {
    title: result.incident.title ?? `File-descriptor postmortem: ${result.incident.input}`,
    generatedAt: result.generatedAt,
    toolVersion: result.tool.version,
    summary: summaryView(result, suspect),
    meta: metaRows(result),
    intro: notes.intro || null,
    impact: notes.impact || null,
    timeline: timelineView(result, ctx, notes),
    steps,
    missing: missingSteps(result, steps, ctx),
    rootCause: rootCauseView(result, ctx, notes),
    remedies: remediesView(result, ctx, notes, explain),
    sources: result.sources.map((s) => ({
      file: s.file,
      kind: s.kind,
      records: formatNumber(s.records),
      lines: s.lines ? `${s.lines[0]}–${s.lines[1]}` : '',
      command: s.command ?? '',
      capturedAt: s.capturedAt ?? '',
      warnings: s.warnings,
      unrecognised: s.kind === 'unrecognised',
    })),
    captureNotes: result.findings.filter((f) => !inSteps(f)).map((f) => findingView(f, ctx)),
    otherNotes: notes.other,
    explain,
  };
}

/** Look-ups every part needs: thread names, the command and capture time of each file. */
class Context {
  readonly threadNames = new Map<number, string>();
  readonly commands = new Map<string, string>();
  readonly capturedAt = new Map<string, string>();
  constructor(readonly result: AnalysisResult) {
    for (const s of result.suspects) for (const t of s.threads) if (t.name) this.threadNames.set(t.tid, t.name);
    for (const s of result.sources) {
      if (s.command) this.commands.set(s.file, s.command);
      if (s.capturedAt) this.capturedAt.set(s.file, s.capturedAt);
    }
  }
  thread(tid: number | undefined | null): string {
    if (tid === undefined || tid === null) return '';
    const name = this.threadNames.get(tid);
    return name ? `${tid} (${name})` : String(tid);
  }
  known() {
    const rc = this.result.rootCause;
    return { pid: rc?.pid ?? this.result.suspects[0]?.pid ?? null, fd: rc?.fd ?? null, log: rc?.path ?? null };
  }
}

const inSteps = (f: Finding) => f.step >= 1 && f.step <= 12;

function summaryView(result: AnalysisResult, s: Suspect | null): ReportView['summary'] {
  const rows: { label: string; value: string }[] = [];
  if (s) {
    rows.push({ label: 'Suspect process', value: `pid ${s.pid} (${s.command})${s.user ? `, user ${s.user}` : ''}` });
    rows.push({ label: 'Leak', value: `${s.leak.count !== null ? formatNumber(s.leak.count) : 'an unknown number of'} ${kindLabel(s.leak.kind)}` });
    if (s.fdCount !== null) {
      const pct = s.fdLimit ? ` (${percent(s.fdCount, s.fdLimit)} of the limit)` : '';
      rows.push({ label: 'Open fds', value: `${formatNumber(s.fdCount)}${pct}` });
    }
    rows.push({ label: 'Open-files limit', value: s.fdLimit !== null ? formatNumber(s.fdLimit) : 'not captured' });
  }
  const rc = result.rootCause;
  return {
    verdict: result.verdict,
    verdictLabel: VERDICT_LABEL[result.verdict],
    severity: result.severity,
    sentence: result.summary,
    rows,
    rootCause: rc
      ? rc.statement
      : result.verdict === 'leak'
        ? 'Not established yet: capture strace of the suspect to see which thread leaks (see "Missing evidence").'
        : 'None: no leak was found.',
    rootCauseKnown: !!rc,
  };
}

function metaRows(result: AnalysisResult): { label: string; value: string }[] {
  const i = result.incident;
  const rows: [string, string | null][] = [
    ['Incident', i.title], ['Ticket', i.ticket], ['Host', i.host], ['Captured at', i.capturedAt],
    ['Time zone', i.timezone], ['Bundle', i.input], ['Report generated', result.generatedAt],
    ['Analysed by', `fdleak ${result.tool.version} (${result.schema})`],
  ];
  return rows.filter((r): r is [string, string] => !!r[1]).map(([label, value]) => ({ label, value }));
}

function stepViews(result: AnalysisResult, ctx: Context, notes: NotesSections, explain: boolean): StepView[] {
  const out: StepView[] = [];
  for (const info of STEPS) {
    if (info.step === 12) continue;
    const findings = result.findings.filter((f) => f.step === info.step);
    if (!findings.some((f) => f.status !== 'missing-evidence')) continue;
    const ordered = [...findings].sort((a, b) => STATUS_RANK.indexOf(b.status) - STATUS_RANK.indexOf(a.status));
    out.push({
      step: info.step,
      title: info.title,
      question: info.question,
      status: ordered[0].status,
      findings: ordered.map((f) => findingView(f, ctx)),
      lesson: explain ? lesson(info.step) : null,
      notes: notes.steps.get(info.step) ?? null,
    });
  }
  return out;
}

function findingView(f: Finding, ctx: Context): FindingView {
  const details = (f.details ?? []).map((d) => detailView(d, ctx));
  const excerptFiles = new Set(details.filter((d): d is ExcerptView => d.type === 'excerpt').map((d) => d.file));
  const quoted = f.evidence.filter((e) => e.text !== undefined && !excerptFiles.has(e.file));
  details.push(...excerptsFromEvidence(quoted, ctx, null));
  return {
    id: f.id,
    status: f.status,
    statusLabel: STATUS_LABEL[f.status],
    severity: f.severity,
    title: f.title,
    detail: f.detail,
    details,
    why: f.method ?? null,
    citations: unique(f.evidence.map(cite)),
    command: f.command ?? null,
  };
}

function detailView(d: Detail, ctx: Context): DetailView {
  const caption = d.caption ?? null;
  switch (d.type) {
    case 'excerpt': {
      const lines = [...d.lines].sort((a, b) => a.line - b.line);
      return {
        type: 'excerpt', caption, file: d.file, command: d.command ?? ctx.commands.get(d.file) ?? null,
        lines: lines.map((l, i) => ({ line: l.line, text: l.text, highlight: !!l.highlight, gapBefore: i > 0 && l.line > lines[i - 1].line + 1 })),
      };
    }
    case 'table': {
      const numeric = d.headings.map((_, c) => d.rows.length > 0 && d.rows.every((r) => typeof r[c] === 'number' || r[c] === null));
      const hl = new Set(d.highlightRows ?? []);
      const ids = d.headings.map((h) => IDENTIFIER_HEADING.test(h.trim()));
      return {
        type: 'table', caption, headings: d.headings, numeric,
        rows: d.rows.map((r, i) => ({ cells: r.map((v, c) => cell(v, ids[c])), highlight: hl.has(i) })),
      };
    }
    case 'arithmetic':
      return {
        type: 'arithmetic', caption,
        steps: d.steps.map((s) => ({ label: s.label, expression: s.expression, value: formatNumber(s.value), evidence: (s.evidence ?? []).map(cite).join(', ') })),
      };
    case 'timeline':
      return { type: 'timeline', caption, events: d.events.map((e) => timelineEvent(e, ctx)) };
    case 'chart':
      return { type: 'chart', caption, chart: d.chart, data: d.data, derived: false };
    case 'list':
      return { type: 'list', caption, items: d.items };
  }
}

function timelineEvent(e: Extract<Detail, { type: 'timeline' }>['events'][number], ctx: Context): TimelineEvent {
  return { time: e.time, label: e.label, code: '', thread: ctx.thread(e.tid), evidence: e.evidence ? cite(e.evidence) : '' };
}

/** Quoted evidence lines grouped into one excerpt per file, every line highlighted unless `decisive` says which. */
function excerptsFromEvidence(evidence: readonly EvidenceRef[], ctx: Context, decisive: ((text: string) => boolean) | null): ExcerptView[] {
  const byFile = new Map<string, EvidenceRef[]>();
  for (const e of evidence) if (e.text !== undefined) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  return [...byFile.entries()].map(([file, refs]) => {
    const lines = uniqueBy(refs, (r) => r.line).sort((a, b) => a.line - b.line);
    const anyDecisive = decisive ? lines.some((l) => decisive(l.text!)) : false;
    return {
      type: 'excerpt' as const,
      caption: null,
      file,
      command: ctx.commands.get(file) ?? null,
      lines: lines.map((l, i) => ({
        line: l.line, text: l.text!, highlight: anyDecisive ? decisive!(l.text!) : true,
        gapBefore: i > 0 && l.line > lines[i - 1].line + 1,
      })),
    };
  });
}

function timelineView(result: AnalysisResult, ctx: Context, notes: NotesSections): ReportView['timeline'] {
  const rows: { ev: TimelineEvent; at: number | null; order: number }[] = [];
  const add = (ev: TimelineEvent, at: number | null) => rows.push({ ev, at, order: rows.length });
  if (result.incident.capturedAt) {
    add({ time: result.incident.capturedAt, label: 'Bundle captured (manifest)', code: '', thread: '', evidence: '' }, instant(result.incident.capturedAt));
  }
  const captured = result.sources.filter((s) => s.capturedAt);
  if (captured.length <= 4) {
    for (const s of captured) {
      add({ time: s.capturedAt!, label: s.command ? 'Captured' : `Captured ${s.file}`, code: s.command ?? '', thread: '', evidence: s.file }, instant(s.capturedAt!));
    }
  } else {
    // A collector's dozens of captures in a row say one thing: when the evidence was taken.
    const byTime = [...captured].sort((a, b) => (instant(a.capturedAt!) ?? 0) - (instant(b.capturedAt!) ?? 0));
    const first = byTime[0];
    const last = byTime[byTime.length - 1];
    add({ time: first.capturedAt!, label: `Captures began: ${captured.length} files up to ${last.capturedAt} (each listed in the appendix), first`, code: first.command ?? '', thread: '', evidence: first.file }, instant(first.capturedAt!));
    add({ time: last.capturedAt!, label: 'Last capture', code: last.command ?? '', thread: '', evidence: last.file }, instant(last.capturedAt!));
  }
  for (const f of result.findings) {
    for (const d of f.details ?? []) {
      if (d.type !== 'timeline') continue;
      for (const e of d.events) {
        const context = (e.evidence && ctx.capturedAt.get(e.evidence.file)) ?? result.incident.capturedAt;
        add(timelineEvent(e, ctx), instant(e.time, context));
      }
    }
  }
  // Dated events in time order; events whose date cannot be told stay in evidence order at the end.
  rows.sort((a, b) => (a.at === null ? 1 : 0) - (b.at === null ? 1 : 0) || (a.at !== null && b.at !== null ? a.at - b.at : 0) || a.order - b.order);
  return { events: rows.map((r) => r.ev), rates: leakRates(result, ctx).map((r) => r.text), notes: notes.timeline || null };
}

interface LeakRate { tid: number; perHour: number; text: string }

/** Per thread: fds left open per hour, from the first to the last point of a leaks-over-time chart. */
export function leakRates(result: AnalysisResult, ctx?: Context): LeakRate[] {
  const c = ctx ?? new Context(result);
  const out: LeakRate[] = [];
  for (const series of leakSeries(result).values()) {
    if (series.points.length < 2) continue;
    const first = series.points[0];
    const last = series.points[series.points.length - 1];
    const hours = (last.t - first.t) / 3_600_000;
    const grown = last.count - first.count;
    if (hours <= 0 || grown <= 0) continue;
    const perHour = grown / hours;
    const every = hours * 3600 / grown;
    out.push({
      tid: series.tid,
      perHour,
      text: `Thread ${c.thread(series.tid)} left ${formatNumber(grown)} more fds open between ${first.time} and ${last.time}: one every ${every.toFixed(1)} s, about ${formatNumber(Math.round(perHour))} per hour.`,
    });
  }
  return out.sort((a, b) => b.perHour - a.perHour);
}

function leakSeries(result: AnalysisResult): Map<number, { tid: number; points: { t: number; time: string; count: number }[] }> {
  const series = new Map<number, { tid: number; points: { t: number; time: string; count: number }[] }>();
  for (const d of allDetails(result)) {
    if (d.type !== 'chart' || d.chart !== 'leaks-over-time') continue;
    for (const p of d.data) {
      const tid = Number(p.tid);
      const t = typeof p.time === 'string' ? wallClock(p.time) : null;
      if (!Number.isFinite(tid) || t === null || typeof p.count !== 'number') continue;
      const s = series.get(tid) ?? { tid, points: [] };
      s.points.push({ t, time: p.time as string, count: p.count });
      series.set(tid, s);
    }
  }
  for (const s of series.values()) s.points.sort((a, b) => a.t - b.t);
  return series;
}

function allDetails(result: AnalysisResult): Detail[] {
  return result.findings.flatMap((f) => f.details ?? []);
}

/** Charts the issue asks for that no rule supplied, computed from what the result does hold. */
function addDerivedCharts(steps: StepView[], result: AnalysisResult, ctx: Context): void {
  const have = new Set(allDetails(result).filter((d) => d.type === 'chart').map((d) => (d as { chart: ChartKind }).chart));
  const s = result.suspects[0];
  const attach = (step: number, view: ChartView) => {
    const target = steps.find((v) => v.step === step)?.findings.find((f) => f.status !== 'missing-evidence');
    if (target) target.details.push(view);
  };
  if (s && !have.has('fd-by-process') && s.fdCount !== null) {
    attach(4, {
      type: 'chart', chart: 'fd-by-process', caption: 'Open fds of the suspects against their limits', derived: true,
      data: result.suspects.filter((x) => x.fdCount !== null).map((x) => ({ pid: x.pid, command: x.command, fds: x.fdCount, limit: x.fdLimit, suspect: true })),
    });
  }
  if (s && !have.has('fd-kinds') && s.fdCount !== null && s.leak.count !== null) {
    attach(4, {
      type: 'chart', chart: 'fd-kinds', caption: `What pid ${s.pid} holds`, derived: true,
      data: [
        { kind: kindLabel(s.leak.kind), count: s.leak.count },
        { kind: 'everything else', count: Math.max(0, s.fdCount - s.leak.count) },
      ],
    });
  }
  if (!have.has('leaks-over-time')) {
    const points = new Map<number, number>();
    const data: Record<string, unknown>[] = [];
    for (const d of allDetails(result)) {
      if (d.type !== 'timeline') continue;
      for (const e of d.events) {
        if (e.tid === undefined || !/leak|left open|not closed|never closed/i.test(e.label)) continue;
        const n = (points.get(e.tid) ?? 0) + 1;
        points.set(e.tid, n);
        data.push({ time: e.time, tid: e.tid, thread: ctx.threadNames.get(e.tid) ?? null, count: n });
      }
    }
    if (data.length >= 2) attach(8, { type: 'chart', chart: 'leaks-over-time', caption: 'Leak events over time, per thread', derived: true, data });
  }
}

function missingSteps(result: AnalysisResult, steps: StepView[], ctx: Context): MissingStepView[] {
  const shown = new Set(steps.map((s) => s.step));
  const out: MissingStepView[] = [];
  const known = ctx.known();
  for (const info of STEPS) {
    if (info.step === 12 || shown.has(info.step)) continue;
    // With no leak found, the strace steps (8-11) have nothing to chase.
    if (info.step >= 8 && result.verdict === 'no-leak') continue;
    if (info.step >= 8 && result.rootCause) continue;
    const fromFindings = result.findings.filter((f) => f.step === info.step && f.command);
    const fromMissing = result.missing.filter((m) => m.step === info.step);
    const commands = unique([...fromFindings.map((f) => f.command!), ...fromMissing.map((m) => m.command)]);
    const what = unique([...fromMissing.map((m) => m.what), ...fromFindings.map((f) => f.title)]).join('; ');
    out.push({
      step: info.step,
      title: info.title,
      what: what || info.question,
      commands: commands.length ? commands : [fillCapture(info.capture, known)],
    });
  }
  for (const m of result.missing.filter((m) => m.step === undefined || !stepInfo(m.step))) {
    out.push({ step: null, title: 'Other evidence', what: m.what, commands: [m.command] });
  }
  return out;
}

function rootCauseView(result: AnalysisResult, ctx: Context, notes: NotesSections): ReportView['rootCause'] {
  const rc = result.rootCause;
  if (!rc) {
    const known = ctx.known();
    return {
      known: false,
      statement: result.verdict === 'no-leak'
        ? 'No leak was found, so there is no root cause to chase.'
        : "Not established from this bundle. Record the suspect's system calls while it leaks, then follow the thread that creates fds without closing them:",
      capture: result.verdict === 'no-leak' ? null : fillCapture(stepInfo(8)!.capture, known),
      facts: [],
      excerpts: [],
      notes: notes.rootCause || null,
    };
  }
  const facts: { label: string; value: string }[] = [{ label: 'Process', value: `pid ${rc.pid}` }];
  if (rc.tid !== null) facts.push({ label: 'Thread', value: ctx.thread(rc.tid) });
  if (rc.fd !== null) facts.push({ label: 'fd written to', value: String(rc.fd) });
  if (rc.path) facts.push({ label: 'File behind it', value: rc.path });
  if (rc.message) facts.push({ label: 'Logged message', value: rc.message });
  const decisive = (text: string) =>
    (rc.message !== null && text.includes(rc.message)) ||
    (rc.fd !== null && new RegExp(`\\b${rc.fd}\\b`).test(text)) ||
    /\b(socket|accept4?|connect)\(|= -1 E[A-Z]+|SO_ERROR, \[[1-9]/.test(text);
  return {
    known: true,
    statement: rc.statement,
    capture: null,
    facts,
    excerpts: excerptsFromEvidence(rc.evidence, ctx, decisive),
    notes: notes.rootCause || null,
  };
}

function remediesView(result: AnalysisResult, ctx: Context, notes: NotesSections, explain: boolean): ReportView['remedies'] {
  const s = result.suspects[0] ?? null;
  const rc = result.rootCause;
  const code: string[] = [];
  const stopGap: string[] = [];
  const monitor: string[] = [];
  if (s) {
    code.push(codeFix(s.leak.kind));
    if (rc?.message) {
      code.push(`The failing path is the one that logs ${mdCode(rc.message)}${rc.tid !== null ? ` (thread ${mdText(ctx.thread(rc.tid))})` : ''}: review that code first, and make the dependency it tries to reach available again to stop new leaks while the fix ships.`);
    }
    stopGap.push(`Restart pid ${s.pid} (${mdText(s.command)}) in a quiet window: every fd it holds is released at once. The leak starts again from zero, so this buys time and nothing more.`);
    const rate = leakRates(result, ctx)[0];
    if (s.fdLimit !== null) {
      const lasting = rate ? ` At the measured ${formatNumber(Math.round(rate.perHour))} fds per hour, every extra 10,000 fds lasts about ${(10_000 / rate.perHour).toFixed(1)} hours.` : '';
      stopGap.push(`Raise the open-files limit (now ${formatNumber(s.fdLimit)}) only as a stop-gap: \`LimitNOFILE=\` in the systemd unit or \`nofile\` in /etc/security/limits.conf, then restart. A higher limit hides a leak for longer; it does not end it.${lasting}`);
    } else {
      stopGap.push('Raise the open-files limit (`LimitNOFILE=` in the systemd unit, `nofile` in /etc/security/limits.conf) only as a stop-gap: it hides the leak for longer and does not end it.');
    }
  } else {
    code.push('No leaking process was found: nothing to fix in code. Keep the monitoring below so that the next leak is seen before EMFILE.');
  }
  const gap = arithmeticValue(result, 'socket-alloc-gap', /^alloc - inuse/);
  monitor.push(`\`alloc - inuse\` of the TCP line in /proc/net/sockstat: sockets that exist but are in no connection. Healthy hosts stay near zero; alert when it keeps growing${gap !== null ? ` (this bundle: ${formatNumber(gap)})` : ''}.`);
  monitor.push(`Open fds per process (\`ls /proc/PID/fd | wc -l\`) against \`Max open files\` in /proc/PID/limits; alert at 80 %${s?.fdCount != null && s.fdLimit ? ` (pid ${s.pid} is at ${percent(s.fdCount, s.fdLimit)})` : ''}.`);
  const ns = chartValue(result, 'socket-counts', 'netstat');
  monitor.push(`Not netstat: it lists only sockets in a connection table and stays flat while the leak grows${ns !== null ? ` (it showed ${formatNumber(ns)} here)` : ''}.`);
  return { lesson: explain ? lesson(12) : null, code, stopGap, monitor, notes: notes.actions || null };
}

function codeFix(kind: LeakKind): string {
  switch (kind) {
    case 'socket-unconnected':
      return 'Close the socket on every path where connecting fails or is abandoned: in Java a `try`/`finally` (or try-with-resources) around `SocketChannel.open()` and `connect()`, closing the channel in the `catch` before the retry; in C, `close(fd)` before returning the error. A retry loop that opens a fresh socket per attempt leaks one fd per failure otherwise.';
    case 'socket-close-wait':
      return 'Close the socket when a read returns end-of-stream (-1 / 0 bytes): CLOSE_WAIT means the peer has closed and this process never did. Check connection pools for connections that are evicted without `close()`.';
    case 'deleted-file':
      return 'Close files before deleting or rotating them; make the process reopen its logs on rotation (signal or `copytruncate` only as a last resort).';
    case 'pipe':
      return 'Close both ends of every pipe, including in child processes (`O_CLOEXEC`/`pipe2`), and reap finished child processes.';
    case 'file':
      return 'Close every file opened on each path, including error paths (`try`-with-resources, `with`, `defer`).';
    default:
      return 'Find the code that creates the kind of fd that accumulates and close it on every path, including errors.';
  }
}

function arithmeticValue(result: AnalysisResult, id: string, label: RegExp): number | null {
  for (const f of result.findings.filter((x) => x.id === id)) {
    for (const d of f.details ?? []) {
      if (d.type !== 'arithmetic') continue;
      const step = d.steps.find((s) => label.test(s.label));
      if (step) return step.value;
    }
  }
  return null;
}

function chartValue(result: AnalysisResult, chart: ChartKind, source: string): number | null {
  for (const d of allDetails(result)) {
    if (d.type !== 'chart' || d.chart !== chart) continue;
    const row = d.data.find((r) => r.source === source);
    if (row && typeof row.value === 'number') return row.value;
  }
  return null;
}

export function kindLabel(kind: LeakKind): string {
  switch (kind) {
    case 'socket-unconnected': return 'sockets in no connection';
    case 'socket-close-wait': return 'sockets in CLOSE_WAIT';
    case 'deleted-file': return 'deleted files held open';
    case 'pipe': return 'pipes';
    case 'file': return 'regular files';
    default: return 'fds of another kind';
  }
}

/** Columns of numbers that name things (pid 25204, fd 369) rather than count them: no digit grouping. */
const IDENTIFIER_HEADING = /^(pid|ppid|tid|thread|fd|line|port|uid|gid|inode|nid|device)s?\b/i;

function cell(v: string | number | null, identifier = false): string {
  if (v === null) return '—';
  if (typeof v === 'number') return identifier ? String(v) : formatNumber(v);
  return v;
}

function cite(e: EvidenceRef): string {
  return `${e.file}:${e.line}`;
}

function percent(n: number, of: number): string {
  return `${((n / of) * 100).toFixed(1)} %`;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

function uniqueBy<T>(items: T[], key: (t: T) => unknown): T[] {
  const seen = new Set<unknown>();
  return items.filter((t) => !seen.has(key(t)) && !!seen.add(key(t)));
}
