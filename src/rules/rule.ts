// A rule reads the model and returns findings: data, never HTML.
import type { Finding, FindingStatus, Severity, Verdict } from '../result.js';
import type { HostModel } from '../model/host.js';
import type { ProcessCase } from '../model/cases.js';
import type { StraceView } from '../model/strace/view.js';
import type { OwnedLog } from '../model/log-owners.js';
import type { LeakPattern } from '../model/strace/types.js';
import { formatNumber } from '../format.js';

export interface RuleContext {
  model: HostModel;
  /** Every process's case file, judged once. */
  cases: readonly ProcessCase[];
  /** The leaking processes (verdict leak) or the candidates (inconclusive), strongest first. */
  suspects: readonly ProcessCase[];
  verdict: Verdict;
  /** The strace the report walks (the first suspect's, or another instance's); null without strace. */
  strace: StraceView | null;
  /** Every strace capture, one view per traced process. */
  straces: readonly StraceView[];
  /** The leak pattern of the walked strace, when its process is a suspect and the pattern is a leak. */
  straceLeak: LeakPattern | null;
  /** Logs that report "Too many open files" and that no join could tie to a process. */
  unownedLogs: readonly OwnedLog[];
}

export interface Rule {
  /** A noun in the failing state; equals the module's file name. */
  id: string;
  step: number;
  /** Title when fine. */
  title: string;
  /** Title when the rule finds the problem. */
  failureTitle: string;
  /** Markdown: what this step proves and how to do it by hand. */
  method: string;
  check(ctx: RuleContext): RuleOutcome | RuleOutcome[] | null;
}

/** What a rule decides; the runner adds id, step, titles and method. */
export interface RuleOutcome {
  status: FindingStatus;
  severity: Severity;
  detail: string;
  evidence: Finding['evidence'];
  details?: Finding['details'];
  command?: string;
  /** Overrides the rule's title (e.g. to name the process). */
  title?: string;
  /** For missing evidence: what is missing. */
  what?: string;
}

export function missing(what: string, command: string, detail?: string): RuleOutcome {
  return { status: 'missing-evidence', severity: 'info', what, command, detail: detail ?? `Missing: ${what}.`, evidence: [] };
}

export const fmt = formatNumber;
