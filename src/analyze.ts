// The pure analysis: model in, versioned result out.
import type { HostModel } from './model/host.js';
import { assessAll, rankSuspects, topSignal, type Assessment } from './model/suspects.js';
import { RULES } from './rules/registry.js';
import type { Rule, RuleContext, RuleOutcome } from './rules/rule.js';
import {
  RESULT_SCHEMA, type AnalysisResult, type Finding, type IncidentMeta, type Missing, type Severity, type SourceSummary,
  type Suspect, type Verdict,
} from './result.js';
import { VERSION } from './version.js';
import { dedupeRefs } from './types.js';
import { describeKind } from './rules/fd-holders.js';
import { straceViewOf } from './model/strace.js';
import { formatNumber } from './format.js';

const SEVERITY_ORDER: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

export interface AnalyzeOptions {
  incident: IncidentMeta;
  sources: SourceSummary[];
  rules?: readonly Rule[];
  now?: Date;
}

export function analyzeModel(model: HostModel, opts: AnalyzeOptions): AnalysisResult {
  const assessments = assessAll(model);
  const suspects = rankSuspects(assessments, model.suspectHint);
  const strace = straceViewOf(model, suspects);
  const ctx: RuleContext = { model, assessments, suspects, strace };
  const findings: Finding[] = [];
  const missing: Missing[] = [];
  for (const rule of opts.rules ?? RULES) {
    for (const outcome of runRule(rule, ctx)) {
      findings.push(toFinding(rule, outcome));
      if (outcome.status === 'missing-evidence' && outcome.command) {
        missing.push({ what: outcome.what ?? outcome.detail, command: outcome.command, step: rule.step, rule: rule.id });
      }
    }
  }
  const verdict = decideVerdict(findings, assessments, suspects);
  if (verdict === 'inconclusive' && !assessments.some((a) => a.fdCount)) {
    addMissing(missing, {
      what: 'which process holds the fds (per-process fd counts and kinds)',
      command: 'lsof -n > lsof.txt; for p in /proc/[0-9]*; do echo "$(ls $p/fd 2>/dev/null | wc -l) ${p#/proc/}"; done | sort -nr | head',
      step: 4,
    });
  }
  const severity = findings
    .filter((f) => f.status === 'fail')
    .reduce<Severity>((s, f) => (SEVERITY_ORDER.indexOf(f.severity) > SEVERITY_ORDER.indexOf(s) ? f.severity : s), 'info');
  const suspectList = suspects.map(toSuspect);
  return {
    schema: RESULT_SCHEMA,
    tool: { name: 'fdleak', version: VERSION },
    generatedAt: (opts.now ?? new Date()).toISOString(),
    incident: opts.incident,
    verdict,
    summary: summarise(verdict, suspectList, findings),
    severity: verdict === 'leak' ? maxSeverity(severity, 'high') : severity,
    suspects: suspectList,
    rootCause: strace?.analysis.rootCause ?? null,
    findings,
    missing,
    sources: opts.sources,
  };
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

function decideVerdict(findings: Finding[], assessments: readonly Assessment[], suspects: readonly Assessment[]): Verdict {
  if (suspects.length > 0) return 'leak';
  const hostSignal = findings.some((f) => f.status === 'fail' && (f.id === 'ss-closed-sockets' || f.id === 'socket-alloc-gap'));
  if (hostSignal) return 'inconclusive';
  const nearLimit = assessments.some((a) => a.limitUse !== null && a.limitUse >= 0.9);
  if (nearLimit) return 'inconclusive';
  return assessments.some((a) => a.fdCount) ? 'no-leak' : 'inconclusive';
}

function toSuspect(a: Assessment): Suspect {
  const p = a.process;
  const sig = topSignal(a)!;
  return {
    pid: p.pid,
    command: p.command ?? 'unknown',
    cmdline: p.cmdline,
    user: p.user,
    fdCount: a.fdCount?.value ?? null,
    fdCountBasis: a.fdCount?.basis ?? null,
    fdLimit: a.fdLimit?.value ?? null,
    leak: { kind: sig.kind, count: sig.count },
    threads: [...p.threads.values()].sort((x, y) => x.tid - y.tid).map((t) => ({ tid: t.tid, name: t.name })),
    reason: `${formatNumber(sig.count)} ${describeKind(sig.kind)} (${sig.basis}).`,
    evidence: dedupeRefs([...(a.fdCount ? [a.fdCount.ev] : []), ...sig.evidence, ...(a.fdLimit ? [a.fdLimit.ev] : []), ...p.identity.slice(0, 1)]),
  };
}

function summarise(verdict: Verdict, suspects: Suspect[], findings: Finding[]): string {
  const s = suspects[0];
  if (verdict === 'leak' && s) {
    const limit = s.fdLimit ? ` against a limit of ${formatNumber(s.fdLimit)}` : '';
    const fds = s.fdCount !== null ? `${formatNumber(s.fdCount)} fds${limit}` : 'an unknown number of fds';
    return `pid ${s.pid} (${s.command}) leaks file descriptors: ${fds}, ${s.leak.count === undefined || s.leak.count === null ? '?' : formatNumber(s.leak.count)} of them ${describeKind(s.leak.kind)}.`;
  }
  if (verdict === 'no-leak') return 'No process holds fds of a leaking kind; the fd counts look healthy.';
  const failing = findings.filter((f) => f.status === 'fail' && f.step > 0).map((f) => f.title);
  return failing.length
    ? `Inconclusive: ${failing[0]}, but the bundle does not show which process holds the fds.`
    : 'Inconclusive: the bundle does not hold enough evidence to decide.';
}

function maxSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_ORDER.indexOf(a) >= SEVERITY_ORDER.indexOf(b) ? a : b;
}

function addMissing(list: Missing[], m: Missing): void {
  if (!list.some((x) => x.command === m.command)) list.push(m);
}

