// The pure analysis: model in, versioned result out. The verdict comes from the case files
// (model/diagnosis.ts); the rules walk the investigation and present the evidence; the summary,
// the severity and the root cause are derived from the verdict so that they cannot contradict it.
import type { HostModel } from './model/host.js';
import { buildCases, type ProcessCase } from './model/cases.js';
import { diagnose, type Diagnosis } from './model/diagnosis.js';
import { straceGroups, straceViews, type StraceView } from './model/strace/view.js';
import { bindUnnamed } from './model/bind.js';
import { processOf } from './model/build.js';
import { logMessage } from './sources/app-log.js';
import { RULES } from './rules/registry.js';
import type { Rule, RuleContext, RuleOutcome } from './rules/rule.js';
import { describeKind } from './leak-kinds.js';
import { HOLDERS_CAPTURE, straceCommand } from './captures.js';
import {
  RESULT_SCHEMA, type AnalysisResult, type Finding, type IncidentMeta, type Missing, type RootCause, type Severity,
  type SourceSummary, type Suspect,
} from './result.js';
import { VERSION } from './version.js';
import { dedupeRefs } from './types.js';
import { formatNumber } from './format.js';
import { processFds } from './process-fds.js';

const SEVERITY_ORDER: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

export interface AnalyzeOptions {
  incident: IncidentMeta;
  sources: SourceSummary[];
  rules?: readonly Rule[];
  now?: Date;
}

export function analyzeModel(model: HostModel, opts: AnalyzeOptions): AnalysisResult {
  const groups = straceGroups(model);
  const traced = groups.flatMap((g) => (g.pid !== null ? [g.pid] : []));
  // A traced process is a process of the bundle even when nothing else names it.
  for (const pid of traced) processOf(model, pid);
  bindUnnamed(model, traced);
  const straces = straceViews(model, groups);
  const cases = buildCases(model, straces);
  let diagnosis = diagnose(model, cases);
  const strace = walkedStrace(model, straces, diagnosis);
  const pointed = strace !== null && diagnosis.suspects.some((s) => s.process.pid === strace.pid);
  const ctx: RuleContext = {
    model,
    cases: cases.all,
    suspects: diagnosis.suspects,
    verdict: diagnosis.verdict,
    strace,
    straces,
    straceLeak: strace && pointed ? strace.analysis.pattern : null,
    unownedLogs: cases.logs.unowned,
  };
  const findings: Finding[] = [];
  const missing: Missing[] = [];
  for (const rule of opts.rules ?? RULES) {
    for (const outcome of runRule(rule, ctx)) {
      findings.push(toFinding(rule, outcome));
      if (outcome.status === 'missing-evidence' && outcome.command) {
        addMissing(missing, { what: outcome.what ?? outcome.detail, command: outcome.command, step: rule.step, rule: rule.id });
      }
    }
  }
  diagnosis = noLeakOnlyWithoutFailures(diagnosis, findings);
  const suspects = diagnosis.suspects.map(toSuspect);
  for (const s of suspects) for (const d of s.decide) addMissing(missing, { what: d.what, command: d.command });
  if (diagnosis.verdict === 'inconclusive' && !cases.all.some((c) => c.bestView)) {
    addMissing(missing, { what: 'which process holds the fds, and what they are (per-process fd counts and kinds)', command: HOLDERS_CAPTURE, step: 4 });
  }
  return {
    schema: RESULT_SCHEMA,
    tool: { name: 'fdleak', version: VERSION },
    generatedAt: (opts.now ?? new Date()).toISOString(),
    incident: opts.incident,
    verdict: diagnosis.verdict,
    confidence: diagnosis.confidence,
    summary: summarise(diagnosis, suspects),
    severity: severityOf(diagnosis),
    suspects,
    rootCause: rootCauseOf(diagnosis, ctx),
    findings,
    missing,
    sources: opts.sources,
    processes: processFds(cases.all),
  };
}

/**
 * The strace the report walks: the first suspect's; else a capture of another process with the
 * same command (another instance of the service: the caveat is shown); else the only one.
 */
function walkedStrace(model: HostModel, straces: StraceView[], d: Diagnosis): StraceView | null {
  const lead = d.suspects[0]?.process;
  if (lead) {
    const own = straces.find((s) => s.pid === lead.pid);
    if (own) return own;
    const twin = straces.find((s) => s.pid !== null && lead.command !== null && model.processes.get(s.pid)?.command === lead.command);
    if (twin) return twin;
  }
  return straces[0] ?? null;
}

/**
 * The root cause exists only for a leak: from the strace of the leaking process (or another
 * instance of it); without one, what the leaking process's own log says when it ran out.
 */
function rootCauseOf(d: Diagnosis, ctx: RuleContext): RootCause | null {
  const view = ctx.strace;
  const lead = d.suspects[0];
  if (d.verdict !== 'leak' || !lead) return null;
  const traced = view?.pid !== null && view?.pid !== undefined ? ctx.model.processes.get(view.pid)?.command : undefined;
  const sameProgram = !traced || !lead.process.command || traced === lead.process.command;
  return (view && sameProgram && fromStrace(view, lead)) || fromLog(lead);
}

/** The log line of the suspect that says it ran out: the symptom, with where to look next. */
function fromLog(lead: ProcessCase): RootCause | null {
  const log = lead.logs.find((l) => l.samples.some((x) => x.errno === 'EMFILE' && x.ev.text));
  const line = log?.samples.find((x) => x.errno === 'EMFILE' && x.ev.text);
  if (!log || !line) return null;
  const message = logMessage(line.ev.text!);
  const pid = lead.process.pid;
  return {
    basis: 'log',
    pid,
    tid: null,
    fd: null,
    path: null,
    message,
    statement:
      `pid ${pid} (${lead.process.command ?? 'unknown'}) ran out of fds: its log says "${message}" (${log.file}). ` +
      'Which thread leaks, and on which path, takes a strace of it.',
    evidence: [line.ev],
  };
}

function fromStrace(view: StraceView, lead: ProcessCase): RootCause | null {
  const found = view.analysis.rootCause;
  if (!found) return null;
  const rc = found.message === null ? withLogMessage(found, lead) : found;
  if (view.pid === lead.process.pid) return rc;
  return {
    ...rc,
    statement: `${rc.statement} (This strace traced pid ${view.pid}, not the suspect pid ${lead.process.pid}: it holds for the suspect only if both run the same code.)`,
  };
}

/** When the leaking thread writes no log line, the suspect's own log may still say what failed. */
function withLogMessage(rc: RootCause, lead: ProcessCase): RootCause {
  const line = lead.logs.flatMap((l) => l.samples).find((x) => x.errno === 'EMFILE');
  if (!line?.ev.text) return rc;
  const message = logMessage(line.ev.text);
  return { ...rc, message, statement: `${rc.statement.replace(/\.$/, '')}; its log says "${message}".`, evidence: [...rc.evidence, line.ev] };
}

/** A failing finding of high severity means the bundle shows trouble: it cannot be called healthy. */
function noLeakOnlyWithoutFailures(d: Diagnosis, findings: Finding[]): Diagnosis {
  if (d.verdict !== 'no-leak') return d;
  const failing = findings.filter((f) => f.status === 'fail' && SEVERITY_ORDER.indexOf(f.severity) >= SEVERITY_ORDER.indexOf('high'));
  if (failing.length === 0) return d;
  return { ...d, verdict: 'inconclusive', trouble: failing.map((f) => ({ statement: f.detail, evidence: f.evidence.slice(0, 3) })) };
}

function severityOf(d: Diagnosis): Severity {
  if (d.verdict === 'no-leak') return 'info';
  if (d.verdict === 'inconclusive') return d.suspects.length > 0 || d.trouble.length > 0 ? 'medium' : 'low';
  const exhausted = d.suspects[0].signals.some((s) => s.id === 'at-fd-limit' || s.id === 'emfile-in-log' || s.id === 'emfile-in-strace');
  return exhausted ? 'critical' : 'high';
}

function runRule(rule: Rule, ctx: RuleContext): RuleOutcome[] {
  try {
    const out = rule.check(ctx);
    return out === null ? [] : Array.isArray(out) ? out : [out];
  } catch (err) {
    // A broken rule is a finding, not a crash: the rest of the analysis still stands.
    return [{ status: 'error', severity: 'info', detail: `rule ${rule.id} failed: ${(err as Error).message}`, evidence: [] }];
  }
}

function toFinding(rule: Rule, o: RuleOutcome): Finding {
  const f: Finding = {
    id: rule.id,
    step: rule.step,
    status: o.status,
    severity: o.severity,
    title: o.title ?? (o.status === 'fail' ? rule.failureTitle : rule.title),
    detail: o.detail,
    evidence: dedupeRefs(o.evidence),
    method: rule.method,
  };
  if (o.details) f.details = o.details;
  if (o.command) f.command = o.command;
  return f;
}

function toSuspect(c: ProcessCase): Suspect {
  const p = c.process;
  const leak = c.leak ?? { kind: 'other' as const, count: null };
  const top = c.signals[0];
  return {
    pid: p.pid,
    command: p.command ?? 'unknown',
    cmdline: p.cmdline,
    user: p.user,
    fdCount: c.fdCount?.value ?? null,
    fdCountBasis: c.fdCount?.basis ?? null,
    fdCountMeasure: c.fdCount ? (c.fdCount.measure ?? 'fds') : null,
    fdLimit: c.fdLimit?.value ?? null,
    leak,
    threads: [...p.threads.values()].sort((x, y) => x.tid - y.tid).map((t) => ({ tid: t.tid, name: t.name })),
    reason: top ? top.statement : 'No signal.',
    evidence: dedupeRefs([...(c.fdCount ? [c.fdCount.ev] : []), ...c.signals.flatMap((s) => s.evidence.slice(0, 2)), ...(c.fdLimit ? [c.fdLimit.ev] : []), ...p.identity.slice(0, 1)]),
    confidence: c.confidence ?? 'low',
    reasons: c.signals.map((s) => ({ signal: s.id, kind: s.kind, weight: s.weight, count: s.count, statement: s.statement, evidence: s.evidence })),
    decide: decideFor(c),
  };
}

/** Captures that would settle what this process's evidence leaves open. */
function decideFor(c: ProcessCase): Suspect['decide'] {
  const pid = c.process.pid;
  const out: Suspect['decide'] = [];
  if (!c.bestView) out.push({ what: `what the fds of pid ${pid} are (kinds, paths, socket states)`, command: `lsof -n -p ${pid} > lsof-p-${pid}.txt; ls -l /proc/${pid}/fd > proc-${pid}-fd.txt` });
  if (!c.fdLimit || c.fdLimit.assumed) out.push({ what: `the open-files limit of pid ${pid} itself`, command: `cat /proc/${pid}/limits > proc-${pid}-limits.txt` });
  if (!c.growth) {
    out.push({
      what: `whether the fd count of pid ${pid} grows`,
      command: `for i in 1 2 3 4 5 6; do echo "$(date +%T) $(ls /proc/${pid}/fd | wc -l)"; sleep 10; done > fd-count-${pid}.txt`,
    });
  }
  if (!c.strace && (c.confidence === 'high' || c.confidence === 'medium')) {
    out.push({ what: `which thread of pid ${pid} creates the fds it never closes`, command: straceCommand(pid) });
  }
  return out;
}

function summarise(d: Diagnosis, suspects: Suspect[]): string {
  const s = suspects[0];
  if (d.verdict === 'leak' && s) {
    const limit = s.fdLimit ? ` against a limit of ${formatNumber(s.fdLimit)}` : '';
    const fds = s.fdCount !== null ? `${fdCountText(s.fdCount, s.fdCountMeasure)}${limit}` : 'an unknown number of fds';
    if (s.leak.kind === 'inherited') {
      const kept = s.leak.count !== null ? `${formatNumber(s.leak.count)} fds it opened` : 'fds it opened';
      return `pid ${s.pid} (${s.command}) leaks file descriptors through its children (${s.confidence} confidence): it holds ${fds}; its child processes keep ${kept}.`;
    }
    const kind = s.leak.count !== null ? `${formatNumber(s.leak.count)} of them ${describeKind(s.leak.kind)}` : describeKind(s.leak.kind);
    return `pid ${s.pid} (${s.command}) leaks file descriptors (${s.confidence} confidence): ${fds}, ${kind}.`;
  }
  if (d.verdict === 'no-leak') return `No leak: ${d.health}.`;
  if (s) {
    const next = s.decide[0] ? ` ${capitalise(s.decide[0].what)} would decide.` : '';
    return `Inconclusive: pid ${s.pid} (${s.command}) is the likeliest holder — ${lower(s.reason)} The evidence does not add up to a leak.${next}`;
  }
  if (d.trouble.length > 0) return `Inconclusive: ${lower(d.trouble[0].statement)} The bundle does not show which process holds the fds.`;
  return `Inconclusive: the bundle does not show health: ${d.health}.`;
}

/** 65,966 lsof rows / at least 63 fds / 613 fds: a count says what it counted. */
export function fdCountText(n: number, measure: Suspect['fdCountMeasure']): string {
  if (measure === 'rows') return `${formatNumber(n)} lsof rows`;
  if (measure === 'at-least') return `at least ${formatNumber(n)} fds`;
  return `${formatNumber(n)} fds`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function lower(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function addMissing(list: Missing[], m: Missing): void {
  if (!list.some((x) => x.command === m.command)) list.push(m);
}

export type { StraceView };
