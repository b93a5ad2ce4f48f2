// The versioned analysis result: the contract between the analysis and every renderer
// (`analyze --json`, HTML, Markdown, PDF). Extend with optional fields; never change a meaning.
import type { EvidenceRef } from './types.js';

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
  pid: number;
  command: string;
  cmdline: string | null;
  user: string | null;
  /** Open fds of the process (distinct fds; lsof entry count when only that is known: see fdCountBasis). */
  fdCount: number | null;
  /** How fdCount was measured, e.g. "lsof rows for pid 25204 (uniq -c table)". */
  fdCountBasis: string | null;
  /** fds: distinct fds; rows: lines of lsof output (more than the fds); at-least: a lower bound. */
  fdCountMeasure: 'fds' | 'rows' | 'at-least' | null;
  fdLimit: number | null;
  leak: { kind: LeakKind; count: number | null };
  threads: { tid: number; name: string | null }[];
  /** Why this process is the suspect, one sentence. */
  reason: string;
  evidence: EvidenceRef[];
  /** How sure the diagnosis is that this process leaks (docs/diagnosis.md). */
  confidence: Confidence;
  /** The signals that point at this process, strongest first. */
  reasons: Reason[];
  /** What would settle the question for this process, when the evidence does not. */
  decide: { what: string; command: string }[];
}

/** One signal of a suspect's case (docs/diagnosis.md lists them all). */
export interface Reason {
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
   * the thread whose calls fail with EMFILE (the fds leaked before it); log: no strace, the log's
   * "Too many open files" line.
   */
  basis: 'leak' | 'exhaustion' | 'log';
  pid: number;
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
  | { type: 'chart'; caption?: string; chart: 'fd-by-process' | 'fd-kinds' | 'leaks-over-time' | 'socket-counts'; data: Record<string, unknown>[] }
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
  suspects: Suspect[];
  rootCause: RootCause | null;
  findings: Finding[];
  missing: Missing[];
  sources: SourceSummary[];
}
