// What each source parser produces. Parsers aggregate as they stream (a 1M-line lsof must not
// become 1M objects); they keep bounded samples of the lines a finding may quote.
import type { EvidenceRef } from '../types.js';
import type { ArtifactBase } from './parser.js';
import type { StraceArtifact } from './strace/types.js';
import type { AppLogArtifact } from './app-log.js';
import type { CaptureLogArtifact } from './capture-log.js';
import type { InotifyInstancesArtifact } from './inotify-instances.js';
import type { FdEntryList } from './fd-entries.js';
import type { FdKind, TcpState } from './fd-entry.js';
import type { LeakCheckTally } from './leak-check-report.js';
import type { PeerRows, TopPeer } from './tcp-peers.js';

interface Num {
  value: number;
  ev: EvidenceRef;
}

// ---------------------------------------------------------------- connection tables

export type { TcpState } from './fd-entry.js';

export interface ConnectionsByProcess {
  pid: number;
  command?: string;
  rows: number;
  byState: Partial<Record<TcpState, number>>;
  /** First rows of this process per state worth quoting (CLOSE_WAIT first), at most 20. */
  evidence: EvidenceRef[];
  /** Its rows of other protocols (ss -uanp, -xp), when the listing names owners. */
  sockets?: Partial<Record<'udp' | 'unix' | 'raw' | 'other', number>>;
  socketEvidence?: Partial<Record<'udp' | 'unix' | 'raw' | 'other', EvidenceRef[]>>;
  /** The highest fd number its rows name (ss -p's `fd=N`), and the row. */
  maxFd?: { fd: number; ev: EvidenceRef };
  /**
   * The fd numbers its TCP rows name (ss -p's `fd=N`), in any state: sockets found in a connection
   * table of the namespace the listing read (at most MAX_TCP_FDS of them).
   */
  tcpFds?: number[];
  /** Its connected unix sockets whose peer is gone (ss: peer `* 0`), with the first rows. */
  unixPeerGone?: { count: number; evidence: EvidenceRef[] };
  /** The remote end most of its connected TCP rows go to, from local ports of its own (tcp-peers.ts). */
  peer?: TopPeer;
}

/** netstat -n / -nat / -antp / -W -neopa, ss -tanp / -peaonmi, and the awk state-count table. */
export interface ConnectionTableArtifact extends ArtifactBase {
  tool: 'netstat' | 'ss';
  /** 'listing' = one row per socket; 'state-counts' = the `awk '{++state[$NF]}'` table. */
  variant: 'listing' | 'state-counts';
  /** Every line of the output, headers included: what `| wc -l` would have printed. */
  lines: number;
  /** TCP rows (tcp and tcp6). For state-counts: the sum of the counts. */
  tcpRows: number;
  byState: Partial<Record<TcpState, number>>;
  /** First line per state. */
  stateEvidence: Partial<Record<TcpState, EvidenceRef>>;
  /** Present when the listing has a process column (-p). */
  hasProcessColumn: boolean;
  byProcess: ConnectionsByProcess[];
  /**
   * Connected unix sockets whose peer is gone (`* 0`) in rows that name no process (ss without -p,
   * or not as root), by the path they are bound to: the path the process serving it listens on
   * (an accepted socket takes its listener's address). At most MAX_SHARED paths.
   */
  unownedPeerGone?: { path: string; count: number; evidence: EvidenceRef[] }[];
  /** The remote ends of its connected rows with an owner, each with its rows by owner (tcp-peers.ts): a few of the most. */
  peerRows?: PeerRows[];
  /** LISTEN sockets held by processes of two or more programs (ss -p's users list), at most MAX_SHARED. */
  sharedListeners?: { owners: { pid: number; command?: string }[]; ev: EvidenceRef }[];
}

/** /proc/PID/status (whole or grep'd): who the process is, and its pid in each pid namespace. */
export interface ProcStatusArtifact extends ArtifactBase {
  /** The process: its Pid line's, else `/proc/N/status` in the command, else NSpid's first. */
  pid?: number;
  name?: string;
  ppid?: number;
  /** Its pid in each pid namespace it is in, the host's first, its own namespace's last (NSpid). */
  nspid?: number[];
  ev?: EvidenceRef;
  nsEv?: EvidenceRef;
}

/** `ss -s`. `closed` = TCP total - hashed + time-wait (see ss's source); kept as printed. */
export interface SsSummaryArtifact extends ArtifactBase {
  /** 'old' prints `Total: N (kernel M)`, newer iproute2 prints `Total: N` only. */
  format: 'old' | 'current';
  total?: { value: number; kernel?: number; ev: EvidenceRef };
  tcp?: {
    total: number;
    estab: number;
    closed: number;
    orphaned: number;
    synrecv?: number;
    timewait: number;
    /** The second half of `timewait 173/0`. */
    timewaitSecond?: number;
    ports?: number;
    ev: EvidenceRef;
  };
  /** The `Transport Total IP IPv6` table, by first column (`*`, RAW, UDP, TCP, INET, FRAG). */
  transport: Record<string, { total: number; ip?: number; ipv6?: number; ev: EvidenceRef }>;
}

/** /proc/net/sockstat (family inet) and /proc/net/sockstat6 (family inet6). */
export interface SockstatArtifact extends ArtifactBase {
  family: 'inet' | 'inet6';
  socketsUsed?: Num;
  /** By protocol line (TCP, UDP, UDPLITE, RAW, FRAG, TCP6, ...): its fields, e.g. inuse, orphan, tw, alloc, mem. */
  protocols: Record<string, { fields: Record<string, number>; ev: EvidenceRef }>;
}

// ---------------------------------------------------------------- file descriptors

export { FD_KINDS, type FdEntry, type FdKind } from './fd-entry.js';

/**
 * The pid of a holder whose listing does not say whose fds they are (`ls -l /proc/$(pgrep x)/fd`
 * pasted alone): the model ties it to the only process it can be, or leaves it out.
 */
export const UNNAMED_PID = 0;

export interface FdHolder {
  /** UNNAMED_PID when the listing does not say. */
  pid: number;
  command: string;
  user?: string;
  /** Output rows for this pid, per-thread repetitions included (what `awk '{print $2}' | uniq -c` counts). */
  rows: number;
  /** Rows repeated per thread (current lsof's TID column set). */
  threadRows: number;
  /** The thread ids of those rows, at most MAX_TIDS: lsof's TID column joins a tid to its process. */
  tids?: number[];
  /** Distinct fds: rows with an fd number and no TID. */
  fds: number;
  /** cwd, rtd, txt, mem, DEL ... rows: not file descriptors. */
  otherRows: number;
  /** Over distinct fds. */
  byKind: Partial<Record<FdKind, number>>;
  /** Raw TYPE column over distinct fds. */
  byType: Record<string, number>;
  /** Set when lsof printed its internet sockets' DEVICE as kernel addresses (`0x…`): a macOS or BSD listing. */
  bsdSockets?: boolean;
  unidentifiedSockets: number;
  closeWait: number;
  deletedFiles: number;
  /** Bytes of the deleted files, where the listing shows their size (lsof's SIZE/OFF). */
  deletedBytes: number;
  /**
   * Paths the process holds deleted on two or more files (lsof's NODE differs), at most 100: each
   * was made again after the older copy was unlinked, and the older copy stayed open.
   */
  deletedCopies?: string[];
  /** Highest fd number seen, when not truncated by lsof's `*`. */
  maxFd?: number;
  /** lsof printed fds as `*NNN` (10000 and above): the highest fd is at least this. */
  maxFdAtLeast?: number;
  /** The line of the highest fd. */
  maxFdLine?: number;
  /** First rows worth quoting, at most 20 each. */
  samples: { unidentified: EvidenceRef[]; closeWait: EvidenceRef[]; deleted: EvidenceRef[] };
  /** Named fds (files, sockets, pipes), at most 2000 per process, in output order. */
  entries: FdEntryList;
  /** lsof's pipe rows with their inode (NODE), fd → inode, at most 1,024: who holds the other end. */
  pipes?: { fd: number; inode: number }[];
  /** lsof's unix socket rows with their inode (NODE), fd → inode, at most 1,024: one socket in two processes is shared. */
  unixSockets?: { fd: number; inode: number }[];
  /**
   * lsof's TCP and UDP rows (IPv4, IPv6) with the socket's inode (DEVICE, as Linux lsof prints it),
   * at most 1,024: the same inode in another process is the same socket, shared by a fork.
   */
  inetSockets?: { fd: number; inode: number; line: number; text: string }[];
  firstEvidence: EvidenceRef;
}

/** lsof (columns, -F fields, grep'd rows without header), lsfd (text, -J), ls -l /proc/PID/fd. */
export interface FdTableArtifact extends ArtifactBase {
  tool: 'lsof' | 'lsfd' | 'proc-fd' | 'valgrind' | 'fstat' | 'pfiles' | 'psutil' | 'leak-detector';
  /** The output starts as the tool starts it (lsof and lsfd: the header; ls -l: its "total" line; lsof -F: a process set). */
  hasHeader: boolean;
  hasTidColumn: boolean;
  /** The output stops mid-row or was cut (e.g. `| head`). */
  truncated: boolean;
  /** Rows were left out where it shows `...` (a pasted excerpt). */
  elided?: boolean;
  /** All data rows. */
  rows: number;
  /** The header line, when present. */
  header?: EvidenceRef;
  holders: FdHolder[];
  /** The fds of the program that printed them (`ls -l /proc/self/fd`): no process the bundle is about. */
  ownListing?: true;
  /**
   * A leak checker's words among the rows (leak-check-report.ts): Go's `leaked 4 fds; want ~0; have:`
   * over its own `lsof -p`, Ruby's `Leaked file descriptor:` over the fd's lsof row.
   */
  leakChecks?: LeakCheckTally;
}

// ---------------------------------------------------------------- processes and threads

export interface PsProcess {
  pid: number;
  ppid?: number;
  user?: string;
  /** Short name: basename of argv[0] (ps auxww) or CMD's first word. */
  command: string;
  cmdline: string;
  /** NLWP, when printed. */
  threads?: number;
  started?: string;
  /** Exited and never waited for by its parent: STAT `Z`, or `<defunct>`. */
  zombie?: true;
  ev: EvidenceRef;
}

export interface ThreadName {
  pid?: number;
  tid: number;
  name: string;
  source: 'comm' | 'ps' | 'jstack';
  ev: EvidenceRef;
}

/** ps auxww, ps -ef, ps -eLf, ps -T / -L. */
export interface PsArtifact extends ArtifactBase {
  variant: 'aux' | 'ef' | 'eLf' | 'T' | 'other';
  processes: PsProcess[];
  threads: ThreadName[];
  /** A thread listing whose text is the command line (`ps -eLf`): each thread's process, no name. */
  threadOwners?: { pid: number; tid: number; ev: EvidenceRef }[];
  /** The users of the rows read as the pipeline's own grep (`ps aux | grep crio`): no evidence, but names the bundle shows (redaction learns them). */
  grepUsers?: string[];
}

/** /proc/PID/task/{*}/comm printed with names (grep -H, head, or a for loop). */
export interface ThreadNamesArtifact extends ArtifactBase {
  threads: ThreadName[];
}

export interface JavaThread extends ThreadName {
  javaName: string;
  state?: string;
  daemon?: boolean;
  /** First frames of the stack, at most 8. */
  frames: string[];
}

/** jstack / kill -3 thread dump. `nid=0x12af` is the Linux tid in hex. */
export interface JstackArtifact extends ArtifactBase {
  pid?: number;
  threads: JavaThread[];
}

// ---------------------------------------------------------------- limits

/** null = unlimited. */
export interface LimitValue {
  soft: number | null;
  hard?: number | null;
  ev: EvidenceRef;
}

/** `ulimit -a` (of the shell that ran it, not necessarily of the process). */
export interface UlimitArtifact extends ArtifactBase {
  openFiles?: LimitValue;
  maxProcesses?: LimitValue;
  values: Record<string, LimitValue>;
  /**
   * Typed at a prompt (`ulimit -n 10`): the limit was set, not printed. It is the limit of every
   * program the shell starts afterwards.
   */
  set?: true;
}

/** /proc/PID/limits; pid from the command or the path (sosreport: proc/PID/limits). */
export interface ProcLimitsArtifact extends ArtifactBase {
  pid?: number;
  /** The process as plimit's first line names it: its program and its arguments, and that line. */
  command?: string;
  cmdline?: string;
  named?: EvidenceRef;
  openFiles?: LimitValue;
  values: Record<string, LimitValue>;
}

/** /proc/sys/fs/file-max, file-nr, nr_open, and sysctl -a. */
export interface KernelFilesArtifact extends ArtifactBase {
  fileMax?: Num;
  /** allocated, unused (always 0 on modern kernels), max. */
  fileNr?: { allocated: number; unused: number; max: number; ev: EvidenceRef };
  nrOpen?: Num;
}

// ---------------------------------------------------------------- shell pipelines

/** `... | sort | uniq -c | sort -nr | head`: counts per key; what the key is comes from the command. */
export interface CountTableArtifact extends ArtifactBase {
  command?: string;
  rows: { count: number; key: string; ev: EvidenceRef }[];
}

/** A bare number, e.g. `lsof | wc -l` → 75924; its meaning comes from the command. */
export interface LineCountArtifact extends ArtifactBase {
  command?: string;
  value: number;
  ev: EvidenceRef;
}

/** Parser id → artifact type. Parser ids equal their module's file name under src/sources/. */
/** fds one call path made and never closed, in one process (valgrind's report at its exit). */
export interface UnclosedAtExit {
  pid: number;
  /** Who reported them: valgrind's --track-fds (the default), nginx's own alerts at a worker's exit, or a leak checker over the process's listing. */
  by?: 'nginx' | 'checker';
  /** The TCP state of the fd a checker named (its lsof row's). */
  state?: TcpState;
  /** The functions of the stack, innermost first: `open$NOCANCEL < fs_open < fs_nwrite < fs_write < main`. */
  path: string;
  count: number;
  /** The kind most of them are. */
  kind: FdKind;
  /** The rows of the first few. */
  evidence: EvidenceRef[];
}

export interface ValgrindFdsArtifact extends FdTableArtifact {
  unclosed: UnclosedAtExit[];
}

export interface ArtifactMap {
  netstat: ConnectionTableArtifact;
  'netstat-state-counts': ConnectionTableArtifact;
  'netstat-windows': ConnectionTableArtifact;
  'ss-sockets': ConnectionTableArtifact;
  'ss-summary': SsSummaryArtifact;
  sockstat: SockstatArtifact;
  lsof: FdTableArtifact;
  'lsof-fields': FdTableArtifact;
  lsfd: FdTableArtifact;
  'proc-fd': FdTableArtifact;
  fstat: FdTableArtifact;
  pfiles: FdTableArtifact;
  'valgrind-fds': ValgrindFdsArtifact;
  'psutil-open-files': FdTableArtifact;
  'file-leak-detector': FdTableArtifact;
  ps: PsArtifact;
  'task-comm': ThreadNamesArtifact;
  jstack: JstackArtifact;
  ulimit: UlimitArtifact;
  'proc-limits': ProcLimitsArtifact;
  'proc-status': ProcStatusArtifact;
  'systemctl-show': SystemctlShowArtifact;
  'systemctl-status': PsArtifact;
  'kernel-files': KernelFilesArtifact;
  'count-table': CountTableArtifact;
  'line-count': LineCountArtifact;
  'fd-names': LineCountArtifact;
  'fd-snapshots': FdSnapshotsArtifact;
  'fd-count-samples': FdSnapshotsArtifact;
  'fd-count-table': FdSnapshotsArtifact;
  'fd-count-statements': FdCountStatementsArtifact;
  pidstat: FdCountStatementsArtifact;
  'store-fd-counters': StoreFdCountersArtifact;
  'prometheus-process-fds': StoreFdCountersArtifact;
  'beam-check-io': StoreFdCountersArtifact;
  'zookeeper-mntr': StoreFdCountersArtifact;
  'lsfd-summary': StoreFdCountersArtifact;
  'capture-log': CaptureLogArtifact;
  strace: StraceArtifact;
  'app-log': AppLogArtifact;
  'inotify-instances': InotifyInstancesArtifact;
}

export type SourceId = keyof ArtifactMap;

// ---------------------------------------------------------------- fd snapshots

export interface FdSnapshot {
  at: string;
  pid: number;
  total: number;
  /** The count is of lsof's rows (`lsof -p PID | wc -l`: cwd, txt and mem rows, per-thread repeats), not of fds. */
  rows?: true;
  /** The count is of the rows a grep for this word picked (`lsof -p PID | grep unix -c`): fds of one kind, a part of the total. */
  grep?: string;
  limit?: number;
  byKind: Partial<Record<FdKind, number>>;
  ev: EvidenceRef;
}

/** `fdleak collect --snapshots K`: a process's fd counts by kind, sampled over time. */
export interface FdSnapshotsArtifact extends ArtifactBase {
  samples: FdSnapshot[];
}

/** Statements of a process's fd count in words (fd-count-statements.ts), or pidstat's rows (pidstat.ts): samples, and the names they give the processes. */
export interface FdCountStatementsArtifact extends FdSnapshotsArtifact {
  names: { pid: number; name: string }[];
}

/** A data store's own fd counters (store-fd-counters.ts: Elasticsearch _nodes/stats, RabbitMQ /api/nodes), a Prometheus client's process collector (prometheus-process-fds.ts) and ZooKeeper's mntr (zookeeper-mntr.ts). */
export interface StoreFdCountersArtifact extends ArtifactBase {
  /** The readings with a count, as samples (one per process and reading). */
  samples: FdSnapshot[];
  /** The limits the store printed, per process (pid UNNAMED_PID when the output does not say). */
  limits: { pid: number; openFiles: LimitValue }[];
  /** Processes a status names without any counter of theirs (RabbitMQ's `{pid,N}` above a cut fd section). */
  processes?: { pid: number; ev: EvidenceRef }[];
}

/** `systemctl show UNIT`: what systemd gives a service (systemctl-show.ts). */
/** One limit as printed; value null = infinity. */
export interface PrintedLimit {
  value: number | null;
  ev: EvidenceRef;
}

/** What one unit's properties say of its open-files limit and its process. */
export interface ServiceLimits {
  /** The unit as the command or its `Id=` names it (`nginx`, `nginx.service`). */
  unit?: string;
  /** The service's name without `.service`: what its program is usually called. Absent for other unit types. */
  service?: string;
  /** `MainPID=`, when not 0. */
  mainPid?: { pid: number; ev: EvidenceRef };
  hard?: PrintedLimit;
  soft?: PrintedLimit;
  /** Soft and hard as one limit, present only when the soft limit is printed. */
  openFiles?: LimitValue;
}

export interface SystemctlShowArtifact extends ArtifactBase {
  /** `--user`: units of a user's service manager. */
  user?: true;
  /** `-H HOST` / `-M MACHINE`: units of another host or container, not of this bundle's processes. */
  elsewhere?: true;
  /** The units whose properties were printed, with a NOFILE limit or a main pid. */
  services: ServiceLimits[];
  /** `DefaultLimitNOFILE=` / `DefaultLimitNOFILESoft=`: the manager's default for services that set none. */
  managerDefault?: { hard?: PrintedLimit; soft?: PrintedLimit };
}
