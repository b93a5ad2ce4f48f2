// The pure analysis: model in, versioned result out. The verdict comes from the case files
// (model/diagnosis.ts); the rules walk the investigation and present the evidence; the summary,
// the severity and the root cause are derived from the verdict so that they cannot contradict it.
import type { HostModel } from './model/host.js';
import { buildCases, countedCases, type ProcessCase } from './model/cases.js';
import { diagnose, type Diagnosis } from './model/diagnosis.js';
import { straceGroups, straceViews, type StraceView } from './model/strace/view.js';
import { bindUnnamed } from './model/bind.js';
import { tieUnixPeersGone } from './model/unix-servers.js';
import { namedOf, pidRefOf, processOf, whoIs, whoWithCommand } from './model/processes.js';
import {
  UNKNOWN_COMMAND,
  pidArgument,
  pidlessFields,
  processLabel,
  processName,
  processWithCommand,
  sentenceStart,
} from './process-label.js';
import { ranOutOf, rootCauseOf, unownedRanOut } from './model/root-cause.js';
import { allocGap, netstatCount } from './model/host-facts.js';
import { stepResults } from './steps.js';
import { buildTimeline } from './timeline.js';
import { buildRemedies } from './remedies.js';
import { RULES } from './rules/registry.js';
import type { Rule, RuleContext, RuleOutcome } from './rules/rule.js';
import { describeKind, leakShare } from './leak-kinds.js';
import { HOLDERS_CAPTURE, fdGrowthCapture, limitsCapture, listingCapture, straceCommand } from './captures.js';
import {
  RESULT_SCHEMA,
  type AnalysisResult,
  type Finding,
  type IncidentMeta,
  type Missing,
  type RanOut,
  type RootCause,
  type Severity,
  type SourceSummary,
  type Suspect,
} from './result.js';
import { VERSION } from './version.js';
import { dedupeRefs } from './types.js';
import { fdCountText, formatNumber } from './format.js';
import { capitalise } from './text.js';
import { processFds } from './process-fds.js';
import { heldFromAncestor } from './model/signals/from-ancestors.js';

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
  tieUnixPeersGone(model);
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
  /** What would decide, one entry per capture command, in the order first asked for. */
  const missing = new Map<string, Missing>();
  for (const rule of opts.rules ?? RULES) {
    for (const outcome of runRule(rule, ctx)) {
      findings.push(toFinding(rule, outcome));
      if (outcome.status === 'missing-evidence' && outcome.command) {
        addMissing(missing, { what: outcome.what ?? outcome.detail, command: outcome.command, step: rule.step, rule: rule.id });
      }
    }
  }
  diagnosis = noLeakOnlyWithoutFailures(diagnosis, findings);
  const suspects = diagnosis.suspects.map((c) => toSuspect(c, ranOutOf(c, strace)));
  for (const s of suspects) for (const d of s.decide) addMissing(missing, d);
  const onlyCounted = suspects.length === 0 && diagnosis.verdict === 'inconclusive' ? theOnlyCounted(cases.all) : null;
  const onlyDecide = onlyCounted ? decideFor(onlyCounted) : [];
  for (const d of onlyDecide) addMissing(missing, d);
  if (diagnosis.verdict === 'inconclusive' && !cases.all.some((c) => c.bestView)) {
    addMissing(missing, {
      what: 'which process holds the fds, and what they are (per-process fd counts and kinds)',
      command: HOLDERS_CAPTURE,
      step: 4,
    });
  }
  const rootCause = rootCauseOf(diagnosis, strace, model);
  // With no suspect, an ENFILE line of a known writer still says where the host ran out.
  const unowned = unownedRanOut(cases.logs.unowned, suspects.length === 0 ? cases.logs.byPid : undefined);
  const lead = suspects[0];
  // Without a suspect, the traced process (as the bundle names it: never its model key).
  const tracedProcess = !lead && strace?.pid != null ? model.processes.get(strace.pid) : undefined;
  const named = lead ?? (tracedProcess ? namedOf(tracedProcess) : null);
  const known = {
    pid: named?.pid ?? null,
    pidCommand: named?.pidCommand,
    fd: rootCause?.fd ?? null,
    log: rootCause?.path ?? null,
  };
  const needed = [...missing.values()];
  return {
    schema: RESULT_SCHEMA,
    tool: { name: 'fdleak', version: VERSION },
    generatedAt: (opts.now ?? new Date()).toISOString(),
    incident: opts.incident,
    verdict: diagnosis.verdict,
    confidence: diagnosis.confidence,
    summary: summarise(diagnosis, suspects, onlyCounted && { who: whoWithCommand(onlyCounted.process), decide: onlyDecide }),
    severity: severityOf(diagnosis),
    suspects,
    unlistedSuspects: diagnosis.unlisted,
    rootCause,
    ...(unowned ? { unownedRanOut: unowned } : {}),
    caveats: caveatsOf(suspects[0], rootCause, strace),
    findings,
    steps: stepResults(findings, needed, diagnosis.verdict, known),
    timeline: buildTimeline({ capturedAt: opts.incident.capturedAt, sources: opts.sources, findings, suspects }),
    remedies: buildRemedies(diagnosis.verdict, suspects[0], rootCause, {
      allocGap: allocGap(model)?.gap ?? null,
      netstat: netstatCount(model),
      leakAfterFailure: strace?.analysis.pattern?.weight === 3,
      tinyLimit: diagnosis.trouble.find((t) => t.tinyLimit)?.tinyLimit ?? null,
    }),
    missing: needed,
    sources: opts.sources,
    processes: processFds(cases.all),
  };
}

/** What a reader must weigh before trusting the first screen. */
function caveatsOf(lead: Suspect | undefined, rc: RootCause | null, view: StraceView | null): AnalysisResult['caveats'] {
  const out: AnalysisResult['caveats'] = [];
  if (rc && lead && rc.pid !== lead.pid) {
    out.push({
      text: `The root cause comes from a strace of ${rc.pid !== null ? `pid ${rc.pid}` : processName({ pid: null, command: null, traced: true })}, not of the suspect ${processLabel(lead)}: it holds for the suspect only if both run the same code.`,
      evidence: rc.evidence.slice(0, 1),
    });
  }
  if (rc?.basis === 'exhaustion') {
    out.push({
      text: 'The strace window shows where the fds run out, not where they leak: the leaked fds were made before it began.',
      evidence: [],
    });
  }
  if (rc?.basis === 'log') {
    out.push({
      text: 'No strace of the suspect: the root cause is its log\'s "Too many open files" line; which code leaks is not in the bundle.',
      evidence: [],
    });
  }
  if (view && view.pidBasis === null && view.pid !== null && (rc || lead?.pid === view.pid)) {
    out.push({
      text: `Nothing in the bundle says which process the strace traced: pid ${view.pid} was assumed (the smallest thread id never seen being created).`,
      evidence: [],
    });
  }
  if (lead?.fdLimitAssumed) {
    out.push({
      text: `The open-files limit is a shell's (\`ulimit -a\`), not necessarily ${processLabel(lead)}'s own: \`cat /proc/${pidArgument(lead)}/limits\` says.`,
      evidence: [],
    });
  }
  if (lead?.fdCountMeasure === 'rows') {
    out.push({
      text: `The fd count of ${processLabel(lead)} is lsof rows, which count more than its fds (cwd, txt and mem rows; one row per thread in current lsof).`,
      evidence: [],
    });
  }
  if (lead?.fdCountMeasure === 'at-least') {
    const basis = lead.fdCountBasis ? ` (${lead.fdCountBasis})` : '';
    out.push({
      text: `The fd count of ${processLabel(lead)} is a lower bound${basis}: the bundle does not show all of its fds.`,
      evidence: [],
    });
  }
  return out;
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
    // A step without its evidence is titled by what is missing, never by the rule's verdict on it.
    // Other titles and every detail are sentences: one that opens with a process without a pid opens
    // "The process named …"; what is missing stays a phrase (the missing list joins them).
    title:
      o.status === 'missing-evidence'
        ? (o.title ?? (o.what || rule.title))
        : sentenceStart(o.title ?? (o.status === 'fail' ? rule.failureTitle : rule.title)),
    detail: sentenceStart(o.detail),
    evidence: dedupeRefs(o.evidence),
    method: rule.method,
  };
  if (o.details) f.details = o.details;
  if (o.command) f.command = o.command;
  return f;
}

function toSuspect(c: ProcessCase, ranOut: RanOut | null): Suspect {
  const p = c.process;
  const leak = c.leak ?? { kind: 'other' as const, count: null };
  const top = c.signals[0];
  const named = namedOf(p);
  return {
    pid: named.pid,
    ...pidlessFields(named),
    command: p.command ?? UNKNOWN_COMMAND,
    cmdline: p.cmdline,
    user: p.user,
    fdCount: c.fdCount?.value ?? null,
    fdCountBasis: c.fdCount?.basis ?? null,
    fdCountMeasure: c.fdCount ? (c.fdCount.measure ?? 'fds') : null,
    fdLimitBasis: c.fdLimit?.basis ?? null,
    fdLimitAssumed: c.fdLimit?.assumed ?? false,
    growth: growthOf(c),
    fdLimit: c.fdLimit?.value ?? null,
    leak,
    threads: [...p.threads.values()].sort((x, y) => x.tid - y.tid).map((t) => ({ tid: t.tid, name: t.name })),
    reason: top ? top.statement : 'No signal.',
    evidence: dedupeRefs([
      ...(c.fdCount ? [c.fdCount.ev] : []),
      ...c.signals.flatMap((s) => s.evidence.slice(0, 2)),
      ...(c.fdLimit ? [c.fdLimit.ev] : []),
      ...p.identity.slice(0, 1),
    ]),
    confidence: c.confidence ?? 'low',
    reasons: c.signals.map((s) => ({
      signal: s.id,
      kind: s.kind,
      weight: s.weight,
      count: s.count,
      statement: s.statement,
      evidence: s.evidence,
    })),
    decide: decideFor(c),
    ranOut,
  };
}

function growthOf(c: ProcessCase): Suspect['growth'] {
  const g = c.growth;
  if (!g) return null;
  const first = g.samples[0];
  const last = g.samples[g.samples.length - 1];
  return {
    perMinute: Math.round(g.perMinute * 10) / 10,
    gained: g.gained,
    samples: g.samples.length,
    from: first.at,
    to: last.at,
    seconds: Math.round(g.spanSeconds),
    evidence: [first.ev, last.ev],
  };
}

/**
 * The one process whose fds the bundle counts, when no signal names a suspect: no candidate (a
 * candidate is a process some signal points at, docs/diagnosis.md), but the captures that would
 * decide are its own, not a placeholder's.
 */
function theOnlyCounted(cases: readonly ProcessCase[]): ProcessCase | null {
  const counted = countedCases(cases);
  return counted.length === 1 ? counted[0] : null;
}

/** Captures that would settle what this process's evidence leaves open. */
function decideFor(c: ProcessCase): Suspect['decide'] {
  const who = whoIs(c.process);
  const ref = pidRefOf(c.process);
  const out: Suspect['decide'] = [];
  // Without its pid, the command that prints it comes first: each capture below runs it.
  const pidCommand = c.process.lookup?.pidCommand;
  if (pidCommand) out.push({ what: `the pid of ${whoIs(c.process)}`, command: pidCommand, step: 5 });
  if (!c.bestView) out.push({ what: `what the fds of ${who} are (kinds, paths, socket states)`, command: listingCapture(ref), step: 4 });
  if (!c.fdLimit || c.fdLimit.assumed) out.push({ what: `the open-files limit of ${who} itself`, command: limitsCapture(ref), step: 6 });
  if (!c.growth) {
    out.push({ what: `whether the fd count of ${who} grows`, command: fdGrowthCapture(ref), step: 6 });
  }
  if (!c.strace && (c.confidence === 'high' || c.confidence === 'medium')) {
    out.push({ what: `which thread of ${who} creates the fds it never closes`, command: straceCommand(ref), step: 8 });
  }
  return out;
}

function summarise(d: Diagnosis, suspects: Suspect[], only: { who: string; decide: Suspect['decide'] } | null): string {
  const s = suspects[0];
  if (d.verdict === 'leak' && s) {
    const limit = s.fdLimit ? ` against a limit of ${formatNumber(s.fdLimit)}` : '';
    const fds = s.fdCount !== null ? `${fdCountText(s.fdCount, s.fdCountMeasure)}${limit}` : 'an unknown number of fds';
    if (s.leak.kind === 'inherited' && heldFromAncestor(s)) {
      const got = s.leak.count !== null ? `${formatNumber(s.leak.count)} fds` : 'fds';
      return `${sentenceStart(processWithCommand(s))} holds ${got} of another program that reached it across execve, not close-on-exec: it holds ${fds}.`;
    }
    if (s.leak.kind === 'inherited') {
      const kept = s.leak.count !== null ? `${formatNumber(s.leak.count)} of its fds` : 'fds of its';
      return `${sentenceStart(processWithCommand(s))} leaks file descriptors through its children: it holds ${fds}; its child processes keep ${kept}.`;
    }
    // Without its fd count, the leaked fds themselves are what the bundle shows.
    if (s.fdCount === null && s.leak.count !== null) {
      return `${sentenceStart(processWithCommand(s))} leaks file descriptors: ${formatNumber(s.leak.count)} ${describeKind(s.leak.kind)}${limit}.`;
    }
    // "…: 3,106 fds; of the 10 its listing shows, 8 are …" — a share of an excerpt is its own clause.
    const joint = s.leak.of !== undefined && s.leak.count !== null ? ';' : ',';
    return `${sentenceStart(processWithCommand(s))} leaks file descriptors: ${fds}${joint} ${leakShare(s.leak)}.`;
  }
  if (d.verdict === 'no-leak') return `${capitalise(d.health)}.`;
  if (s) {
    const next = s.decide[0] ? ` ${capitalise(s.decide[0].what)} would decide.` : '';
    return `${sentenceStart(processWithCommand(s))} is the likeliest holder — ${lower(s.reason)} The evidence does not add up to a leak.${next}`;
  }
  const t = d.trouble[0];
  const onlyOne = only ? ` ${onlyCountedText(only.who, only.decide)}` : '';
  if (t) return t.owned ? t.statement : `${t.statement} The bundle does not show which process holds the fds.${onlyOne}`;
  return `The bundle does not show health: ${d.health}.${onlyOne}`;
}

function onlyCountedText(who: string, decide: Suspect['decide']): string {
  const whats = decide.slice(0, 2).map((d) => d.what);
  const next = whats.length ? `; ${whats.join(' and ')} would decide` : '';
  return `The only process it counts, ${who}, shows no sign of a leak (docs/diagnosis.md)${next}.`;
}

function lower(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function addMissing(missing: Map<string, Missing>, m: Missing): void {
  if (!missing.has(m.command)) missing.set(m.command, m);
}
