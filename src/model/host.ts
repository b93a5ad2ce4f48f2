// One model of the host, joined from every parsed capture. Rules read only this.
import type { EvidenceRef } from '../types.js';
import type { StraceArtifact } from '../sources/strace/types.js';
import type { AppLogArtifact } from '../sources/app-log.js';
import type { StrayFdReport } from '../sources/stray-fd-report.js';
import type { UnclosedAtExit } from '../sources/artifacts.js';
import type { SystemctlShowArtifact } from '../sources/artifacts.js';
import type { OwnFdListing } from './own-fd-listings.js';
import type {
  ConnectionTableArtifact,
  ConnectionsByProcess,
  FdHolder,
  KernelFilesArtifact,
  LimitValue,
  ProcLimitsArtifact,
  SockstatArtifact,
  SsSummaryArtifact,
  UlimitArtifact,
  FdSnapshot,
} from '../sources/artifacts.js';

/** A number, where it came from, and what it counts. */
export interface Measured {
  value: number;
  ev: EvidenceRef;
  /** What produced it, e.g. "lsof -p 25204 | grep \"can't identify protocol\" | wc -l". */
  basis: string;
  /**
   * fds: distinct fds; rows: lines of a listing (lsof repeats fds per thread and adds cwd/txt/mem
   * rows: more than the fds); at-least: a lower bound (the highest fd number open). Default fds.
   */
  measure?: 'fds' | 'rows' | 'at-least';
}

/** One capture of a kind, with its place in the bundle and time. */
export interface Capture<A> {
  file: string;
  command?: string;
  capturedAt?: string;
  /** Order of appearance in the bundle (transcript order, then file order). */
  order: number;
  data: A;
}

export interface FdView {
  tool: 'lsof' | 'lsfd' | 'proc-fd' | 'valgrind' | 'fstat' | 'pfiles' | 'psutil' | 'leak-detector';
  file: string;
  command?: string;
  holder: FdHolder;
  /** The table this came from was cut short or is an excerpt. */
  partial: boolean;
  /** The listing named no process; how it was tied to this one. */
  boundBy?: string;
  /** When the listing was taken, when its capture says (a `date` line above it, a `watch` header): local time, ISO. */
  at?: string;
  /**
   * A tally of the process's fds by kind, no fd numbers or names: `type` is lsof's rows counted by
   * TYPE (`| awk '{print $5}' | sort | uniq -c`; `holder.fds` is its rows, lsof's cwd, txt and
   * mem rows included); `target` is `ls -l /proc/PID/fd`'s links counted by target (`| awk
   * '{print $11}' | cut -d: -f1 | sort | uniq -c`; `holder.fds` is its fds); `name` is lsof's rows
   * counted by NAME (`| awk '{print $9}' | sort | uniq -c`: `452 pipe`, `224 inotify`; `holder.fds`
   * is its rows, as for `type`).
   */
  tally?: 'type' | 'target' | 'name';
  /** A `target` tally's rows, as its command printed them (`5000 /var/log/app.log`): fds on each target. */
  targets?: readonly { count: number; key: string; ev: EvidenceRef }[];
}

interface ThreadInfo {
  tid: number;
  name: string | null;
  javaName?: string;
  ev: EvidenceRef[];
}

export interface ProcessModel {
  /** Its pid; for a process the bundle names without one (`lookup` set), a negative key of the model, never shown. */
  pid: number;
  /**
   * A process the bundle names without its pid: by a command that would print the pid (a pid file,
   * pgrep: `pidCommand`), by a strace of it whose lines carry no pid (`traced`), or by its fd listing
   * alone (no pidCommand: nothing prints its pid).
   */
  lookup?: { namedBy: string; pidCommand?: string; traced?: true; listed?: true };
  command: string | null;
  cmdline: string | null;
  user: string | null;
  ppid?: number;
  /** ps shows it exited and never waited for by its parent (STAT `Z`, `<defunct>`). */
  zombie?: true;
  /** A process listing (ps) shows it: the listing names the host's processes, so one it lacks is gone. */
  psListed?: true;
  identity: EvidenceRef[];
  threads: Map<number, ThreadInfo>;
  /** Every fd table that lists this pid. */
  fdViews: FdView[];
  /** lsof rows counted per pid by a `uniq -c` table. */
  /**
   * Rows of a host-wide lsof for the pid (a uniq -c table). threadRows: the table showed them under
   * several names, its threads' (lsof repeats the fds once per thread); `value` is then the fewest
   * under one name.
   */
  lsofRows?: Measured & { threadRows?: { names: number; total: number; ev: EvidenceRef[] } };
  /**
   * Its rows in each host-wide lsof tally by pid (`lsof | awk '{print $2}' | sort | uniq -c`), one
   * per tally, `basis` the tally's command: a tally pasted again is its count run again.
   */
  lsofRowRuns?: Measured[];
  /**
   * Counts tied to this pid by a pipeline (`lsof -p PID | grep X | wc -l`, `ls /proc/PID/fd | wc -l`);
   * `tiedBy` says how one whose command names no pid was tied to it; `from`, the whole count a
   * count found by difference was taken from (its `ev` is the `grep -v` count's line).
   */
  pipelineCounts: (Measured & { grep: string[]; tool: string; tiedBy?: string; from?: EvidenceRef })[];
  /**
   * Open-files limit: /proc/PID/limits beats the limit systemd gives its service (`systemctl show`),
   * which beats ulimit -a of some shell.
   */
  nofile?: LimitValue & { basis: 'proc-limits' | 'systemd' | 'ulimit'; tiedBy?: string };
  /** The highest fd number its log lines name (`invalid fd 30355`): it held that many lower fds when handed it. */
  loggedFd?: { fd: number; ev: EvidenceRef };
  /** fd counts sampled over time (fdleak collect --snapshots), oldest first. */
  snapshots: FdSnapshot[];
  /** Its rows in connection listings with a process column (ss -p, netstat -p). */
  connections: (Pick<
    ConnectionsByProcess,
    'rows' | 'byState' | 'evidence' | 'sockets' | 'socketEvidence' | 'maxFd' | 'tcpFds' | 'unixPeerGone' | 'peer'
  > & {
    file: string;
    /** How rows that name no process were tied to it (unix-servers.ts). */
    tiedBy?: string;
    /** Rows a grep picked by their TCP state (`ss -tp | grep CLOSE-WAIT | grep -c NAME`): no share of its TCP sockets. */
    pickedByState?: boolean;
    /**
     * A count of its rows a grep picked by one remote end (`netstat -tunp | grep blackbox | grep
     * 10.1.2.3:443 | wc -l`): that many connections to that peer (client-of-one-peer).
     */
    peerCount?: {
      peer: string;
      value: number;
      ev: EvidenceRef;
      basis: string;
      /** A count that picked the peer alone: the rows to it shown, and how many of them were its (peer-counts.ts). */
      shown?: { rows: number; of: number };
      /** A loopback peer's count of both ends, before it was halved. */
      counted?: number;
    };
  })[];
}

export interface HostModel {
  processes: Map<number, ProcessModel>;
  netstat: Capture<ConnectionTableArtifact>[];
  ssListings: Capture<ConnectionTableArtifact>[];
  ssSummaries: Capture<SsSummaryArtifact>[];
  sockstat: Capture<SockstatArtifact>[];
  sockstat6: Capture<SockstatArtifact>[];
  kernel: Capture<KernelFilesArtifact>[];
  ulimits: Capture<UlimitArtifact>[];
  /** Line counts of whole-tool outputs: `netstat -nat | wc -l`, `lsof | wc -l`. */
  toolLineCounts: (Measured & { tool: string })[];
  /** Whole-host fd tables (not filtered to one pid or fd). */
  hostFdTables: Capture<{
    tool: string;
    rows: number;
    hasTidColumn: boolean;
    truncated: boolean;
    header?: EvidenceRef;
    distinctFds: number;
    threadRows: number;
  }>[];
  /** Per-pid counts from `uniq -c` tables over lsof, with the table's evidence. */
  countTables: Capture<{ command: string; rows: { count: number; key: string; ev: EvidenceRef }[] }>[];
  /** strace captures; pid = the traced process when the bundle says it (manifest, `-p PID` in the command, the file name). */
  straces: (Capture<StraceArtifact> & { pid?: number; pidBasis?: string })[];
  /** tid → the process it is a thread of (ps -eLf, ps -T, /proc/PID/task/TID/comm, jstack, lsof's TID column). */
  tidOwners: Map<number, { pid: number; ev: EvidenceRef }>;
  /** Counts restricted to a process by name (`lsof -c java | wc -l`), joined to it when one process has the name. */
  namedCounts: (Measured & { grep: string[]; tool: string; name: string })[];
  /**
   * A program's sockets counted by name from netstat -p / ss -p rows (`netstat -nvuap | grep node-red
   * | wc -l`, `ss -p | awk '/tcp.*gpodder/ …' | uniq -c`): its connections, joined to the process of
   * that name, or to one known by the name alone; picked by a pid (`netstat -nap | grep 11423 | grep
   * CLOSE_WAIT | wc -l`), joined to the process of that pid when the bundle knows one; by netstat's
   * own `PID/Program` value (`grep 1037/haproxy`), that process: pid and name both.
   */
  programSockets: (({ name: string; pid?: number } | { name?: undefined; pid: number }) & {
    file: string;
    basis: string;
    /** Rows picked by one remote end besides the program (peerCount): its name may be a grep's start of the process's. */
    byPeer?: true;
    connection: ProcessModel['connections'][number];
  })[];
  /** fd counts sampled over time that do not say whose they are. */
  unnamedSamples: FdSnapshot[];
  /** fd listings that do not say whose fds they are; `name` when the command names the process. */
  unnamedFdViews: (FdView & { name?: string })[];
  /** Listings of the program that printed them (`ls -l /proc/self/fd`): own-fd-listings.ts. */
  ownFdListings: OwnFdListing[];
  /** /proc/PID/limits captures that name no pid (not in the file name, the command or a heading). */
  unboundLimits: Capture<ProcLimitsArtifact>[];
  /**
   * Reports of tools started with fds they did not open (LVM's "leaked on lvm invocation"), each
   * naming the parent that held them. atPrompt: the tool is the command whose output holds the
   * report, so its parent is the shell at that prompt.
   */
  strayFds: (StrayFdReport & { atPrompt: boolean })[];
  /** valgrind --track-fds: fds one call path of a process made and never closed before it exited. */
  unclosedAtExit: UnclosedAtExit[];
  /** `systemctl show UNIT`: a service's limits, tied to its processes by name or MainPID= (bind.ts). */
  serviceLimits: Capture<SystemctlShowArtifact>[];
  /** Application logs; path = where the log lives on the host (manifest command or the logs/ mirror). */
  logs: (Capture<AppLogArtifact> & { path?: string; pid?: number })[];
  /** IANA zone of the host's clock (manifest). */
  timezone?: string;
  /** The engineer's suspect pid from the manifest. */
  suspectHint?: number;
  /**
   * Processes in a pid namespace of their own (/proc/PID/status's NSpid): `pid` the host's, `inner`
   * its pid in its own namespace, by which its log and what is read inside that namespace name it.
   */
  nsPids: { pid: number; inner: number; ev: EvidenceRef }[];
  /** LISTEN sockets that processes of two or more programs hold (ss -p), with the capture. */
  sharedListeners: (NonNullable<ConnectionTableArtifact['sharedListeners']>[number] & { file: string })[];
  /** Capture times seen, for the audit. */
  captureTimes: { file: string; at: string }[];
}
