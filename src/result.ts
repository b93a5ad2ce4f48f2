// The versioned analysis result: the contract between the analysis and every renderer
// (`analyze --json`, HTML, Markdown, PDF). Extend with optional fields; never change a meaning.
import type { EvidenceRef } from './types.js';
import type { FdKind } from './sources/artifacts.js';

export type { FdKind };

export const RESULT_SCHEMA = 'fdleak/analysis@1';

export type Verdict = 'leak' | 'no-leak' | 'inconclusive';
/** What leaks: see docs/diagnosis.md. */
export type LeakKind =
  | 'socket-unconnected' // sockets in no connection table (lsof `can't identify protocol` / `protocol: TCP`)
  | 'socket-close-wait' // the peer closed, the process never did
  | 'socket-udp'
  | 'socket-unix'
  | 'file' // regular files, typically one path opened again and again
  | 'deleted-file' // unlinked files still held open
  | 'pipe'
  | 'anon-inode' // eventfd, epoll, inotify, timerfd, signalfd ...
  | 'inherited' // fds that children keep after execve
  | 'other';
export type Confidence = 'high' | 'medium' | 'low';
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export type FindingStatus = 'fail' | 'pass' | 'info' | 'missing-evidence' | 'error';

export interface Suspect {
  /**
   * null only for a process the bundle names without its pid (a pid file, `pgrep NAME` in a
   * command): `namedBy` says how, `pidCommand` prints the pid. A pid is never made up.
   */
  pid: number | null;
  /** Present when pid is null: how the bundle names the process (`the pid file /var/run/docker.pid`, `pgrep rsyslogd`). */
  namedBy?: string;
  /**
   * Present when pid is null and a command prints its pid, quoted for a shell (`cat
   * /var/run/docker.pid`); absent for a process known only by its strace when the program is not named.
   */
  pidCommand?: string;
  /** true for a process known only by a strace of it whose lines carry no pid (`strace ./prog`): the traced process. */
  traced?: boolean;
  command: string;
  cmdline: string | null;
  user: string | null;
  /** Open fds of the process (distinct fds; lsof entry count when only that is known: see fdCountBasis). */
  fdCount: number | null;
  /** How fdCount was measured, e.g. "lsof rows for pid 25204 (uniq -c table)". */
  fdCountBasis: string | null;
  /** Where fdLimit comes from, e.g. "/proc/25204/limits" or "ulimit -a of the capturing shell (assumed)". */
  fdLimitBasis: string | null;
  /** The limit is a shell's (`ulimit -a`), taken for the process's own: it may not be. */
  fdLimitAssumed: boolean;
  /** How fast its fd count grew across samples (never across two captures of different files). */
  growth: Growth | null;
  /** fds: distinct fds; rows: lines of lsof output (more than the fds); at-least: a lower bound. */
  fdCountMeasure: 'fds' | 'rows' | 'at-least' | null;
  fdLimit: number | null;
  /**
   * `what`: what the fds are, more precisely than the kind says (`inotify instances`), when the
   * evidence says; `of`: the fds an excerpt lists, when `count` is a share of them, not of all it holds.
   */
  leak: { kind: LeakKind; count: number | null; what?: string; of?: number };
  threads: { tid: number; name: string | null }[];
  /** Why this process is the suspect, one sentence. */
  reason: string;
  evidence: EvidenceRef[];
  /** How sure the diagnosis is that this process leaks (docs/diagnosis.md). */
  confidence: Confidence;
  /** The signals that point at this process, strongest first. */
  reasons: Reason[];
  /** What would settle the question for this process, when the evidence does not. */
  /** The captures that would settle this case, each with the step it serves. */
  decide: { what: string; command: string; step: number }[];
  /**
   * Where its fds ran out, when the bundle shows it, in any verdict: the thread of its strace whose
   * calls failed with EMFILE (and what it wrote), else the "Too many open files" line of its log.
   * With a leak, the root cause says it too; with any other verdict, it is not a root cause.
   */
  ranOut: RanOut | null;
}

export interface RanOut {
  /** exhaustion: strace shows the thread whose calls fail with EMFILE; log: its log's line. */
  basis: 'exhaustion' | 'log';
  tid: number | null;
  /** The log that thread writes, when the strace joins it. */
  path: string | null;
  message: string | null;
  statement: string;
  evidence: EvidenceRef[];
}

/** A rate with the window it was measured over: one file's samples, first to last. */
interface Growth {
  perMinute: number;
  gained: number;
  samples: number;
  from: string;
  to: string;
  seconds: number;
  evidence: EvidenceRef[];
}

/** Text with code spans and no markup: a renderer escapes `text` and sets `code` as code. */
export type Rich = ({ text: string } | { code: string })[];

/** One event of the evidence, in time order: where it was printed and when. */
export interface TimelineEvent {
  /** As the evidence printed it. */
  time: string;
  /** The instant (ISO, UTC) when the date and zone can be told; null otherwise (then in evidence order, last). */
  at: string | null;
  label: string;
  tid: number | null;
  /** A command, shown as code after the label. */
  command: string | null;
  evidence: EvidenceRef;
}

/** One step of the investigation (docs/investigation.md) and whether the bundle holds its evidence. */
export interface StepResult {
  step: number;
  title: string;
  /**
   * evidence: every finding of the step has its evidence; partial: some lack it; missing: none;
   * not-needed: nothing to chase (no leak, or the root cause is known without it).
   */
  status: 'evidence' | 'partial' | 'missing' | 'not-needed';
  /** The captures that would give it its evidence. */
  missing: { what: string; command: string }[];
}

/** One signal of a suspect's case (docs/diagnosis.md lists them all). */
interface Reason {
  /** The signal's id, e.g. `unconnected-sockets`, `emfile-in-log`, `fd-growth`. */
  signal: string;
  /** The leak kind it points at; null for signals about exhaustion rather than kind. */
  kind: LeakKind | null;
  /** 1 supporting, 2 strong, 3 decisive on its own. */
  weight: number;
  count: number | null;
  statement: string;
  evidence: EvidenceRef[];
}

export interface RootCause {
  /**
   * leak: strace caught the thread creating the fds it never closes; exhaustion: strace shows only
   * the thread whose calls fail with EMFILE (the fds leaked before it); inherited: strace caught the
   * thread creating fds without close-on-exec that the children of a fork kept past their execve
   * (added in fdleak 0.1: additive); log: no strace, the log's "Too many open files" line.
   */
  basis: 'leak' | 'exhaustion' | 'inherited' | 'log';
  /** null for a process the bundle names without its pid (as Suspect.pid). */
  pid: number | null;
  /** null when the bundle does not show it (a strace without a pid column prints no tid). */
  tid: number | null;
  fd: number | null;
  path: string | null;
  message: string | null;
  /** One sentence a reviewer can check against the evidence. */
  statement: string;
  evidence: EvidenceRef[];
}

/** Shapes a renderer knows; a new rule needs no new template. */
export type Detail =
  | { type: 'table'; caption?: string; headings: string[]; rows: (string | number | null)[][]; highlightRows?: number[] }
  | { type: 'excerpt'; caption?: string; file: string; command?: string; lines: { line: number; text: string; highlight?: boolean }[] }
  | { type: 'arithmetic'; caption?: string; steps: { label: string; expression: string; value: number; evidence?: EvidenceRef[] }[] }
  | { type: 'timeline'; caption?: string; events: { time: string; label: string; tid?: number; evidence?: EvidenceRef }[] }
  | {
      type: 'chart';
      caption?: string;
      chart: 'fd-by-process' | 'fd-kinds' | 'leaks-over-time' | 'socket-counts';
      data: Record<string, unknown>[];
    }
  | { type: 'list'; caption?: string; items: string[] };

export interface Finding {
  /** The rule's id (equals its module's file name). */
  id: string;
  /** Investigation step, 1-12 (INVESTIGATION.md). */
  step: number;
  status: FindingStatus;
  severity: Severity;
  title: string;
  /** One or two sentences; every number in it comes from the bundle. */
  detail: string;
  evidence: EvidenceRef[];
  /** Markdown: what this step proves and how to do it by hand. */
  method?: string;
  details?: Detail[];
  /** For missing-evidence findings: the capture that would settle it. */
  command?: string;
}

export interface Missing {
  what: string;
  command: string;
  /** The step or rule that needs it. */
  step?: number;
  rule?: string;
}

export interface SourceSummary {
  file: string;
  /** Parser id, or "unrecognised". */
  kind: string;
  /** Records the parser read (rows, log records; for strace, the system calls it read). */
  records: number;
  warnings: string[];
  /** For transcript items: the line range in `file` and the command. */
  lines?: [number, number];
  command?: string;
  capturedAt?: string;
}

export interface IncidentMeta {
  title: string | null;
  ticket: string | null;
  host: string | null;
  timezone: string | null;
  capturedAt: string | null;
  input: string;
  /**
   * Present and true when addresses, host and user names and secrets were replaced by pseudonyms
   * (`--redact`): the report says so in its header.
   */
  redacted?: true;
}

export interface AnalysisResult {
  schema: typeof RESULT_SCHEMA;
  tool: { name: 'fdleak'; version: string };
  generatedAt: string;
  incident: IncidentMeta;
  verdict: Verdict;
  /** How sure the verdict is: the first suspect's confidence for a leak; null when there is nothing to rank. */
  confidence: Confidence | null;
  /** One sentence for the summary box. */
  summary: string;
  severity: Severity;
  /** Strongest first, at most ten. */
  suspects: Suspect[];
  /** How many more processes rank as suspects below the listed ones (each is in processes[] with its signals). */
  unlistedSuspects: number;
  rootCause: RootCause | null;
  /**
   * Where fds ran out when the bundle says so but ties it to no process (docs/diagnosis.md, "The
   * root cause"): the first "Too many open files" line no join placed. Present only then; a
   * suspect's own line is its `ranOut`.
   */
  unownedRanOut?: RanOut;
  /** What a reader must know before trusting the first screen (a root cause from another process, a shell's limit, rows for fds...). */
  caveats: { text: string; evidence: EvidenceRef[] }[];
  findings: Finding[];
  /** The investigation, step by step. */
  steps: StepResult[];
  /** The evidence in time order, without repeats (the first and last of long runs). */
  timeline: TimelineEvent[];
  /** What to change, how to get by until then, what to watch. */
  remedies: { fix: Rich[]; stopGap: Rich[]; monitor: Rich[] };
  missing: Missing[];
  sources: SourceSummary[];
  /**
   * Every process whose fds the bundle counts, lists or samples, and every process a signal points
   * at, suspect or not, by pid (`fdleak diff` compares them). Absent in results written before it existed.
   */
  processes?: ProcessFds[];
}

/** A number read from the bundle, and the line it was read from. */
export interface Cited {
  value: number;
  evidence: EvidenceRef;
}

/** What the bundle shows of one process's fds: the facts its case is judged on (docs/diagnosis.md). */
export interface ProcessFds {
  /** As Suspect.pid, namedBy and pidCommand: null for a process the bundle names without its pid. */
  pid: number | null;
  namedBy?: string;
  pidCommand?: string;
  traced?: boolean;
  command: string | null;
  cmdline: string | null;
  user: string | null;
  /** As Suspect.fdCount, fdCountMeasure and fdCountBasis; evidence.fdCount is its line. */
  fdCount: number | null;
  fdCountMeasure: 'fds' | 'rows' | 'at-least' | null;
  fdCountBasis: string | null;
  /** Its soft open-files limit; null when unknown or unlimited (fdLimitBasis says which). */
  fdLimit: number | null;
  fdLimitBasis: string | null;
  /** The limit is the capturing shell's `ulimit -a`, not the process's own. */
  fdLimitAssumed: boolean;
  /**
   * The soft limit it gets unless raised, which stands in for fdLimit when that is unknown: present
   * only when not Linux's 1,024 (256 when its lsof listing is macOS's).
   */
  usualLimit?: number;
  /** Its fds by kind, from the listing its case is judged on (or the last fd snapshot); {} when none lists them. */
  kinds: Partial<Record<FdKind, number>>;
  /** listing: a complete lsof/lsfd/`ls -l /proc/PID/fd` listing; partial-listing: an excerpt; snapshot: `fdleak collect`'s snapshot. */
  kindsFrom: 'listing' | 'partial-listing' | 'snapshot' | null;
  /** Sockets in no connection table; null when no capture can tell them apart (`ls -l /proc/PID/fd` cannot). */
  unconnected: Cited | null;
  /** TCP sockets in CLOSE_WAIT; null when no capture shows socket states. */
  closeWait: Cited | null;
  /** Its fd count across samples (snapshots, timed counts); null with fewer than two. */
  growth: ProcessGrowth | null;
  /** Its case's signals (docs/diagnosis.md), strongest first; [] when nothing points at it. */
  signals: string[];
  /** Its case's score: a leak from 3 (docs/diagnosis.md). */
  score: number;
  evidence: { fdCount: EvidenceRef | null; fdLimit: EvidenceRef | null; kinds: EvidenceRef | null };
}

export interface ProcessGrowth {
  samples: number;
  first: { at: string; total: number; evidence: EvidenceRef };
  last: { at: string; total: number; evidence: EvidenceRef };
  spanSeconds: number;
  /** Least-squares slope of the fd count. */
  perMinute: number;
  unconnectedPerMinute: number;
  /** Gained fds at a positive slope; never went down; moved by less than 5 fds (or 1 %) either way. */
  rising: boolean;
  monotonic: boolean;
  flat: boolean;
}
