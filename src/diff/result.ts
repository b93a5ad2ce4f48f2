// The versioned diff of two analyses (`fdleak diff A B --json`): the contract between the
// comparison and its renderers (text, Markdown, HTML). Extend with optional fields; never change a
// meaning. Every number in it is copied from one of the two analysis results (src/result.ts) with
// the evidence line of the side it came from; `side` says which bundle a citation points into.
import type { Confidence, LeakKind, Missing, ProcessFds, Verdict } from '../result.js';
import type { EvidenceRef } from '../types.js';

export const DIFF_SCHEMA = 'fdleak/diff@1';

export type Side = 'a' | 'b';

/**
 * fixed: every leak of A is gone in B and B shows health (the analysis's no-leak rule);
 * healthy: A had no leak and B shows health; still-leaking: a leak of A goes on in B;
 * new-leak: A's leaks are gone but B has a leak of its own; not-comparable: B lacks the evidence
 * to show health (or the process at all): `decide` says what would settle it.
 */
export type Outcome = 'fixed' | 'healthy' | 'still-leaking' | 'new-leak' | 'not-comparable';

export interface DiffResult {
  schema: typeof DIFF_SCHEMA;
  tool: { name: 'fdleak'; version: string };
  generatedAt: string;
  a: SideSummary;
  b: SideSummary;
  outcome: Outcome;
  /** One line: the outcome and why. */
  conclusion: string;
  /** One per suspect of A (leaking or candidate), then one per leak only B has. */
  conclusions: Conclusion[];
  /** Every process either analysis knows the fds of (or points at), paired; pairs with a suspect first. */
  pairs: ProcessPair[];
  /** Captures that would settle what the diff leaves open. */
  decide: Missing[];
}

export interface SideSummary {
  /** The bundle as given on the command line (its base name). */
  input: string;
  title: string | null;
  host: string | null;
  capturedAt: string | null;
  verdict: Verdict;
  confidence: Confidence | null;
  /** The analysis's own one-sentence summary. */
  summary: string;
  /** Processes with a per-process fd count in this analysis. */
  processesCounted: number;
}

/** How two processes were paired. */
export interface Match {
  /**
   * pid: the same pid, and no command line or command says otherwise; cmdline: the same command line,
   * one process with it on each side; command-user: the same command run by the same user, one each;
   * only-a / only-b: no partner.
   */
  by: 'pid' | 'cmdline' | 'command-user' | 'only-a' | 'only-b';
  /** "same pid", "same command line (pid 4730 → 5120)", "only in A". */
  text: string;
  /** Why a likely partner was not taken (the same pid running another program, several candidates). */
  note?: string;
}

/** A process of one side: its facts as its analysis gives them, and what the analysis made of it. */
export interface SideProcess {
  facts: ProcessFds;
  /** leak: a suspect of a leak verdict; candidate: a suspect of an inconclusive one; none: not a suspect. */
  role: 'leak' | 'candidate' | 'none';
  leak: { kind: LeakKind; count: number | null; confidence: Confidence; evidence: EvidenceRef[] } | null;
}

/** A number of one side with its line in that side's bundle. */
export interface Value {
  value: number;
  /** Its lines in that side's bundle (a growth figure: the first and the last sample). */
  evidence: EvidenceRef[];
  /** What the number is, when the label does not say it all ("+40 fds in 4 s over 3 samples"). */
  detail?: string;
}

/** One quantity of a pair, before and after. */
export interface Row {
  /** fds, limit, unconnected, close-wait, growth (fds per minute), kind:<fd kind>. */
  id: string;
  label: string;
  a: Value | null;
  b: Value | null;
  /** b - a, when both are known and count the same thing. */
  change: number | null;
  /** Why the two are not subtracted, or what a value means (lsof rows against distinct fds). */
  note?: string;
}

export interface ProcessPair {
  match: Match;
  a: SideProcess | null;
  b: SideProcess | null;
  rows: Row[];
}

/**
 * gone: the leak's process shows health in B and B as a whole does; still-leaking: B's analysis
 * still finds it leaking or growing; not-shown: no sign of it in B, but B lacks what the no-leak
 * rule needs; not-comparable: B does not show the process (or no process's fds at all);
 * new-leak: a leak in B that A's analysis did not find.
 */
type ConclusionStatus = 'gone' | 'still-leaking' | 'not-shown' | 'not-comparable' | 'new-leak';

export interface Conclusion {
  status: ConclusionStatus;
  /** The pid of the suspect on each side, when it is there. */
  pidA: number | null;
  pidB: number | null;
  kind: LeakKind;
  /** One line, e.g. "pid 4730's sockets in no connection table: 64,214 → 12, flat over 10 min: the leak is gone". */
  text: string;
  /** The numbers of the line, with their evidence. */
  a: Value | null;
  b: Value | null;
  /** Index into pairs. */
  pair: number;
  /** What would decide, when the status is not-shown or not-comparable. */
  decide: Missing[];
}
