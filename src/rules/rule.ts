// A rule reads the model and returns findings: data, never HTML.
import type { Finding, FindingStatus, Severity } from '../result.js';
import type { HostModel } from '../model/host.js';
import type { Assessment } from '../model/suspects.js';
import type { StraceView } from '../model/strace.js';
import { formatNumber } from '../format.js';

export interface RuleContext {
  model: HostModel;
  /** Every process, assessed once. */
  assessments: readonly Assessment[];
  /** Processes whose fds look leaked, strongest first. */
  suspects: readonly Assessment[];
  /** The strace captures analysed against the rest of the bundle; null without strace. */
  strace: StraceView | null;
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
  /** Parser ids this rule reads (one of them is enough). */
  requires: readonly string[];
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
