// Shapes of the strace analysis: what the streaming sink keeps (StraceArtifact) and what the
// analysis returns (StraceAnalysis). Plain JSON-serialisable data.
import type { ArtifactBase } from '../parser.js';

/**
 * How times are printed. `clock` = -tt/-t (seconds since local midnight, no date; a day is
 * added when the clock wraps), `epoch` = -ttt, `relative` = -r (summed into seconds since the
 * first line of the file), `none` = no time column.
 */
export type TimeBase = 'clock' | 'epoch' | 'relative' | 'none';

type FdEventKind =
  | 'create' // a new fd (pipe/socketpair: one event per end)
  | 'close' // close(fd) = 0
  | 'close-range' // close_range(fd, fd2, 0)
  | 'cloexec' // fcntl F_SETFD, ioctl FIOCLEX/FIONCLEX, close_range(..., CLOSE_RANGE_CLOEXEC); cloexec=false clears it
  | 'connect' // connect(fd, addr) with its result, or getsockopt(fd, SO_ERROR) after a non-blocking connect
  | 'fork' // clone/clone3/fork/vfork that made a task; child may be unknown if the call never returned
  | 'exec' // execve that succeeded: cloexec fds of the process close
  | 'exit'; // +++ exited with N +++ / +++ killed by SIG +++

export interface FdEvent {
  kind: FdEventKind;
  /** Seconds in the file's time base (see StraceArtifact.timeBase); null without times. */
  time: number | null;
  tid: number;
  /** -1 when the event has no fd (fork, exec, exit). */
  fd: number;
  /** close_range's last fd. */
  fd2?: number;
  /** Normalised call, e.g. `socket(AF_INET, SOCK_STREAM)`, `connect(127.0.0.1:2280) = -1 ECONNREFUSED`. */
  detail: string;
  /** create: the fd is close-on-exec from birth. cloexec: true = set, false = cleared. */
  cloexec?: boolean;
  /** What the fd is: a path from openat or a -y annotation (`socket:[123]`, `TCP:[...]`, `/var/log/x`). */
  path?: string;
  /** fork: the new task's id, and whether it shares the fd table / is a thread. */
  child?: number;
  shareFiles?: boolean;
  thread?: boolean;
  /**
   * fork (a process, not a thread): the fds the child got, `fd * 2 + 1` when close-on-exec. Set by
   * the sink of a single-file capture, which folds pairs that span the fork; absent, the lifecycle
   * copies the parent's table as the events rebuild it.
   */
  inherit?: number[];
  /**
   * fork: the child execed and its `inherit` list was let go: of an execed child's inherited fds the
   * analysis follows only those its fork exposed, through its own events (close, close_range,
   * FD_CLOEXEC, execve, exit), and a process holding 50,000 fds that spawns a helper every few
   * seconds would otherwise keep 50,000 numbers per helper.
   */
  childExeced?: boolean;
  line: number;
  /** The line's text; kept only for events that may be quoted (bounded per thread and call). */
  text?: string;
}

/** A write to an fd, with its text decoded from strace's C escapes (clipped). */
export interface WriteSample {
  time: number | null;
  line: number;
  /** The strace line itself, clipped to 300 characters. */
  lineText: string;
  text: string;
  /** Bytes the call returned (or asked for when it failed). */
  bytes: number;
  truncated: boolean;
}

export interface FdWrites {
  tid: number;
  fd: number;
  /** -y annotation seen on the writes (`/data/applogs/cat/cat_20190722.log`). */
  path?: string;
  count: number;
  bytes: number;
  /** The first N writes (N = 8); later ones are counted only. */
  samples: WriteSample[];
  first: WriteSample;
}

export interface ThreadCounts {
  tid: number;
  /** Lines (syscalls, resumptions, signals) of this tid. */
  lines: number;
  creates: number;
  closes: number;
  forks: number;
  failedConnects: number;
  signals: Record<string, number>;
  firstTime: number | null;
  lastTime: number | null;
  firstLine: number;
  /** Creating calls that failed because the process (EMFILE) or the system (ENFILE) was out of fds; absent: none. */
  emfile?: number;
  enfile?: number;
}

/** A creating call that failed with EMFILE or ENFILE. */
export interface FdLimitFailure {
  tid: number;
  line: number;
  time: number | null;
  errno: string;
  /** The strace line, clipped to 300 characters. */
  text: string;
}

/**
 * fds created past the number one process's table keeps as events (compact.ts, MAX_TRACKED_FDS),
 * counted per creating thread and call.
 */
export interface UntrackedFds {
  tid: number;
  /** As a create event's detail. */
  detail: string;
  cloexec: boolean;
  created: number;
  /** Of those, closed (or created again, or closed by an exec) within the capture. */
  ended: number;
  first: { line: number; time: number | null };
  last: { line: number; time: number | null };
}

/** A TCP socket read to its end (the peer closed) that no later line closes (eof-kept.ts). */
export interface EofKept {
  tid: number;
  fd: number;
  line: number;
  /** The read's line, clipped. */
  text: string;
  /** The peer's address and port, from the -yy annotation. */
  peer: string;
}

/** Which strace flags the capture shows (for a capture-quality rule). */
export interface StraceShape {
  /** `-f -o`: `1234 ` before each line; `stderr`: `[pid 1234] `; `file-suffix`: -ff (tid from the file name). */
  pidPrefix: 'none' | 'column' | 'bracket' | 'file-suffix';
  timeBase: TimeBase;
  /** -T: `<0.000123>` after the result. */
  durations: boolean;
  /** -y / -yy: `3</path>` annotations. */
  fdPaths: boolean;
  /** -s N cut at least one string (`"..."...`). */
  truncatedStrings: boolean;
  /** The command shown runs strace with -f (its lines may still lack a pid: one task traced). */
  followsForks?: true;
  /** The command shown filters the calls traced and leaves close out (`-e accept`): no close is printed. */
  hidesClose?: true;
}

export interface StraceArtifact extends ArtifactBase {
  shape: StraceShape;
  /** -ff: the tid parsed from the file name's `.TID` suffix. */
  fileTid?: number;
  lines: number;
  /** Lines that were syscalls of interest and got parsed (also the artifact's `records`). */
  parsedLines: number;
  firstTime: number | null;
  lastTime: number | null;
  /** fd events in file order. Create/close pairs with nothing in between that matters are folded into counts. */
  events: FdEvent[];
  /** Create+close pairs folded away, per tid. */
  foldedPairs: Record<string, number>;
  /** Every tid that made an fd event, kept or folded (the traced pid is the smallest one never created). */
  eventTids?: number[];
  writes: FdWrites[];
  threads: ThreadCounts[];
  /** `strace: Process N attached` and similar lines. */
  attached: number[];
  /** Unfinished calls never resumed before the end. */
  unfinishedAtEnd: number;
  /** The first EMFILE/ENFILE failures of creating calls (ThreadCounts has their counts); absent: none. */
  fdLimitFailures?: FdLimitFailure[];
  /** fds counted instead of kept as events (a process with more open fds than the sink keeps); absent: none. */
  untracked?: UntrackedFds[];
  /** Closes of fds never seen open past the number the sink keeps: each an fd open before the capture; absent: none. */
  untrackedCloses?: number;
  /** TCP sockets read to their end and never closed after (-yy); absent: none. `eofKeptTotal`: how many before the cap. */
  eofKept?: EofKept[];
  eofKeptTotal?: number;
}
