// What the strace analysis returns (StraceAnalysis) and what it is given besides the captures.
// Plain JSON-serialisable data.
import type { EvidenceRef } from '../../types.js';
import type { EofKept } from '../../sources/strace/types.js';
import type { AppLogArtifact } from '../../sources/app-log.js';
import type { StraceShape } from '../../sources/strace/types.js';

// ---------------------------------------------------------------- analysis

export interface FdPathInfo {
  path: string;
  source: 'strace-y' | 'strace-open' | 'lsof' | 'lsfd' | 'proc-fd' | 'valgrind' | 'fstat' | 'pfiles' | 'psutil' | 'leak-detector';
  ev?: EvidenceRef;
}

export interface LogInput {
  file: string;
  /** The path of the log on the host (manifest), when known. */
  path?: string;
  artifact: AppLogArtifact;
}

export interface StraceContext {
  /** pid → fd → path from lsof or /proc/PID/fd. */
  fdPaths?: Map<number, Map<number, FdPathInfo>>;
  threadNames?: Map<number, { name: string; ev?: EvidenceRef }>;
  logs?: LogInput[];
  /** YYYY-MM-DD the capture was taken (manifest). */
  captureDate?: string;
  /** IANA zone of the host (manifest). */
  timezone?: string;
  /** The traced process, when known (ps/manifest); otherwise the smallest tid never seen being created. */
  pid?: number;
}

export interface LeakGroup {
  pid: number;
  tid: number;
  threadName: string | null;
  signature: string;
  count: number;
  fds: number[];
  firstTime: string | null;
  lastTime: string | null;
  perMinute: number | null;
  /** In how many of ten equal slices of the window this pattern leaked: recurring leaks spread out,
   * fds still in use at the end of the capture bunch up in the last slice. */
  spread: number;
  evidence: EvidenceRef[];
}

/**
 * What a child did with its copy of an fd a fork exposed:
 * - `kept`: it execed and still held the copy when it exited or the capture ended (no close of it);
 * - `closed`: it closed the copy (close, close_range, dup2 over it), before or after its execve;
 * - `exec-closed`: the copy was close-on-exec in the child (the child set it) when it execed;
 * - `unknown`: the capture shows neither (no line of the child: strace without -f; or the capture
 *   ended before its execve);
 * - `no-exec`: it exited without execve: it ran the parent's code and held every fd it inherited,
 *   close-on-exec or not (NonExecChild).
 */
export type InheritOutcome = 'kept' | 'closed' | 'exec-closed' | 'unknown' | 'no-exec';

export interface CloexecRace {
  /** 'race': the fd got FD_CLOEXEC later, after the fork; 'never-set': not close-on-exec for the whole window. */
  kind: 'race' | 'never-set';
  fd: number;
  pid: number;
  creatorTid: number;
  forkTid: number;
  child: number | null;
  /** When the fork happened. */
  time: string | null;
  /** Seconds from the fd's creation to the fork. */
  gap: number | null;
  /** Seconds from the fork to the FD_CLOEXEC (races only). */
  setAfter: number | null;
  detail: string;
  /** What the fd is (path or -y annotation), when known. */
  path: string | null;
  /** What the child did with its copy. */
  outcome: InheritOutcome;
  /** The capture holds lines of the child (false: strace did not follow it). */
  childTraced: boolean;
  /** closed: a later execve of the child followed the close (the copy never reached the program it ran). */
  closedBeforeExec: boolean;
  /** The creation, the fork, the FD_CLOEXEC set (races), and the child's line that decides the outcome. */
  evidence: EvidenceRef[];
}

export interface NonExecChild {
  child: number;
  parentPid: number;
  forkTid: number;
  /** fds the child held from its parent and never closed before exiting (or the end). */
  inherited: number;
  fds: number[];
  exited: boolean;
  evidence: EvidenceRef[];
}

export interface ThreadSummary {
  pid: number;
  tid: number;
  name: string | null;
  lines: number;
  creates: number;
  closes: number;
  leaked: number;
  forks: number;
  failedConnects: number;
}

export interface FdLogLink {
  pid: number;
  tid: number;
  fd: number;
  path: string | null;
  pathSource: FdPathInfo['source'] | null;
  writes: number;
  /** Written text of the samples, as lines. */
  written: { time: string | null; text: string; ev: EvidenceRef }[];
  /** The bundle's log that matches the path, and its lines equal to the written text. */
  log: { file: string; matchedBy: 'basename' | 'path' | 'content' } | null;
  matchingLines: EvidenceRef[];
  /** Error lines of that log within a few seconds of the leaks. */
  errorsNearLeaks: EvidenceRef[];
  /** How strace times were lined up with log times, when that was assumed. */
  alignment: string | null;
}

export interface StraceRootCause {
  /**
   * leak: the thread creating fds it never closes; exhaustion: the thread whose calls fail with
   * EMFILE (the fds were leaked before the window); inherited: the thread creating fds without
   * close-on-exec that children of a fork kept past their execve.
   */
  basis: 'leak' | 'exhaustion' | 'inherited';
  pid: number;
  tid: number;
  fd: number | null;
  path: string | null;
  message: string | null;
  statement: string;
  evidence: EvidenceRef[];
}

/** The leak strace shows: a creation pattern that recurs across the window and is never closed. */
export interface LeakPattern {
  group: LeakGroup;
  /** 3: a failure path (the fd is left open after a failed call); 2: a thread that closes little of what it creates. */
  weight: 2 | 3;
  why: string;
}

/** Creating calls that failed because fds ran out: EMFILE (the process's limit), ENFILE (the host's). */
export interface StraceExhaustion {
  emfile: number;
  enfile: number;
  /** Per thread, most failures first. */
  threads: { tid: number; name: string | null; emfile: number; enfile: number }[];
  /** The first failures, quoted. */
  samples: EvidenceRef[];
}

export interface StraceAnalysis {
  files: { file: string; shape: StraceShape; lines: number; firstTime: string | null; lastTime: string | null }[];
  /** Capture span in seconds, when times are known. */
  windowSeconds: number | null;
  threads: ThreadSummary[];
  leaks: LeakGroup[];
  /** The leak the window shows, if any (what the root cause is built from). */
  pattern: LeakPattern | null;
  exhaustion: StraceExhaustion;
  leakedTotal: number;
  /**
   * The highest fd the traced process made in the capture and still held at its end: fds are
   * handed out lowest first, so that many lower fds were open when it was made.
   */
  highestOpenFd: { fd: number; ev: EvidenceRef } | null;
  /** fds first seen in a close (or write) without a creation: open before the capture began. */
  preexisting: number;
  cloexecRaces: CloexecRace[];
  nonExecChildren: NonExecChild[];
  fdLog: FdLogLink[];
  rootCause: StraceRootCause | null;
  timeline: { time: string; label: string; tid: number; evidence: EvidenceRef }[];
  /** Leak creations per tid per time bucket, for a chart. */
  leaksOverTime: { tid: number; bucket: string; count: number }[];
  quality: { id: string; message: string }[];
  /**
   * TCP sockets read to their end (the peer closed) that no later line closes, from captures that
   * show closes and name sockets' endpoints (-yy) in one file (not -ff: another thread's file may
   * close them); `total`: how many, `fds` the first of them with their file.
   */
  eofKept: { total: number; fds: (EofKept & { file: string })[] };
}
