// An application log: lines that start with a timestamp and carry a level, syslog / journal lines
// (`Dec 05 10:00:01 host nginx[1234]: ...`), or lines that say the process ran out of fds.
//   [07-21 23:13:21.204] [ERROR] [ChannelManager] Error when try connecting to /host:2280
//   2019-07-22 10:00:01,123 ERROR [main] c.d.c.ChannelManager - Error when try connecting
//   2019-07-22T10:00:01.123+08:00 [worker-1] WARN  o.a.Foo - slow
//   2024/03/01 10:00:00 http: Accept error: accept tcp [::]:8080: accept4: too many open files; retrying in 5ms
//   nginx: [emerg] socket() 127.0.0.1:80 failed (24: Too many open files)     (a unit's messages, unprefixed)
//   nginx.service: Failed with result 'exit-code'.
// Keeps ERROR/WARN/FATAL records and exception lines (`java.net.ConnectException: ...`,
// `\tat ...`, `Caused by: ...`) with their line numbers and parsed times, bounded; counts the rest.
// Every line that reports EMFILE/ENFILE is counted and the first ones kept, whatever its level,
// with the pid and program a syslog prefix names (never a container engine's, on a line it relayed
// from a container); so is every report of a tool started with fds it
// did not open (LVM's `File descriptor 4 (/dev/null) leaked on lvm invocation. Parent PID ...`).
// Which program and pid wrote a line is read in log-pids.ts.
import { quotesPeerReply } from './peer-reply.js';
import { appLogScore } from './log-shape.js';
import type { EvidenceRef } from '../types.js';
import type { ArtifactBase, SourceParser } from './parser.js';
import { ref } from '../types.js';
import { isKeptOutputPipeReport, lxcClosedInheritedFd, strayFdReport, type StrayFdReport } from './stray-fd-report.js';
import { tallyLeakCheck, type LeakCheckTally } from './leak-check-report.js';
import { ownLimitReport } from './log-limits.js';
import { ownFdCountReport } from './log-fd-counts.js';
import { jsonRecordStamp } from './json-log-records.js';
import { fdNumberNamed } from './log-fd-numbers.js';
import { glogLogfileFailurePid } from './glog-logfile.js';
import { DEATH_GAP, FOLLOW_UP_LINES, ranOutBeforeDeath, scriptDeathPid } from './ran-out-shapes.js';
import { isNodeErrnoField } from './crash-reports.js';
import { ENFILE, EXHAUSTION, exhaustionQuote, justStartedReporter } from './exhaustion-text.js';
import {
  gdbInferiorPid,
  glibSource,
  bracketPid,
  composeService,
  type LineSource,
  logreadLine,
  relayedByEngine,
  syslogSource,
  withoutServicePrefix,
} from './log-pids.js';
import { announcedPid, goLogPid, jsonRecordPid, uwsgiFailedRequestPid, winstonDumpReader } from './record-pids.js';
import { isMarkdownHeading } from '../bundle/code-spans.js';
import { isStackLine } from './stack-lines.js';
import { addNginxOpenSocket, type NginxOpenSockets } from './nginx-open-sockets.js';
import { levelOf, parseStamp, STAMP, type LogLevel } from './log-stamps.js';

interface AppLogLine {
  line: number;
  text: string;
  /** The record's level; exception lines carry the level of the record they follow. */
  level: LogLevel | null;
  exception: boolean;
  /** As printed: `2019-07-22` or `07-21` (month-day, no year), when present. */
  date: string | null;
  /** Seconds since midnight in the log's own (local) time. */
  seconds: number | null;
  /** An offset printed in the timestamp (`+08:00`, `Z`), when any. */
  zone: string | null;
  ev: EvidenceRef;
}

export interface AppLogArtifact extends ArtifactBase {
  /** Every line of the file (what `wc -l` prints). */
  totalLines: number;
  /** Lines that start a record (timestamp + level). */
  recordLines: number;
  byLevel: Partial<Record<LogLevel, number>>;
  /** ERROR/WARN/FATAL lines and exception lines, in order, at most MAX_KEPT. */
  kept: AppLogLine[];
  truncated: boolean;
  firstRecord: { date: string | null; seconds: number | null; ev: EvidenceRef } | null;
  lastRecord: { date: string | null; seconds: number | null; ev: EvidenceRef } | null;
  /** Lines that say a process ran out of fds (EMFILE) or the host did (ENFILE). */
  exhaustion: Exhaustion;
  /**
   * The last MAX_TAIL lines that are neither kept records nor stack lines (a syslog record has no
   * level word: an FTP server's `ftpd[15485]: 425 Can't open data connection …`): what a strace of
   * the writer's last seconds may have written, for fd-log.ts to match.
   */
  tail?: { text: string; ev: EvidenceRef }[];
  /** The open-files limit the writer reports as its own (log-limits.ts), with its pid when the line says it; the first MAX_OWN_LIMITS. */
  ownLimits?: { pid?: number; soft: number; hard?: number; ev: EvidenceRef }[];
  /** The fd counts the writer's stamped stats lines report as its own (log-fd-counts.ts), each at its line's time; the first MAX_OWN_FD_COUNTS. */
  ownFdCounts?: { pid?: number; at: string; count: number; ev: EvidenceRef }[];
  /** The highest fd number each pid's lines name (log-fd-numbers.ts), for at most MAX_PIDS pids: it held that many fds at least. */
  namedFds?: { pid: number; fd: number; ev: EvidenceRef }[];
  /** A tool's reports of fds it was started with (LVM's "File descriptor 4 (/dev/null) leaked on lvm invocation"), the first MAX_STRAY_REPORTS. */
  strayFds?: { reports: StrayFdReport[]; total: number };
  /** Jenkins's "Process leaked file descriptors." lines: a step's output pipe kept by a process it started. */
  keptOutputPipes?: { count: number; first: EvidenceRef };
  /** liblxc's "Closed inherited fd 4" lines: fds its parent passed on, the first MAX_STRAY_REPORTS numbers. */
  lxcInherited?: { count: number; fds: number[]; first: EvidenceRef };
  /**
   * A leak checker's own words that the process it runs in left fds open (leak-check-report.ts:
   * Ruby's `Leaked file descriptor:`, Python's `ResourceWarning: unclosed <…>`, Go's `leaked 4 fds`):
   * how many lines, the fds they sum to, the first MAX_STRAY_REPORTS fd numbers, the first line.
   */
  leakChecks?: LeakCheckTally;
  /** nginx's "open socket #37 left in connection 8" alerts: each worker's sockets never closed before it exited. */
  openAtExit?: NginxOpenSockets[];
}

export interface ExhaustionLine {
  /** EMFILE: the process's own limit; ENFILE: the host's file table (fs.file-max). */
  errno: 'EMFILE' | 'ENFILE';
  /** The line is about inotify: its EMFILE may be the user's inotify instances, not the fd limit. */
  inotify?: true;
  /** From a syslog/journal prefix (`nginx[1234]:`), when the line has one. */
  pid?: number;
  /**
   * What carried another process's words (then no pid, no program): the container engine whose
   * journal line holds a container's output, or the client quoting a server's reply (`peerReply`).
   */
  relayedBy?: string;
  /** The line quotes a server's reply (an HTTP 5xx, the docker CLI's `Error response from daemon:`). */
  peerReply?: true;
  /** A program that had just started said it: glibc's loader (`… Error 24`), or a one-shot file command (`mv: …`). */
  loader?: true;
  program?: string;
  ev: EvidenceRef;
}

interface Exhaustion {
  emfile: number;
  enfile: number;
  /** The first MAX_EXHAUSTION_SAMPLES lines, and the last one. */
  samples: ExhaustionLine[];
  /** Lines per pid named by a syslog prefix. */
  byPid: Record<string, number>;
}

const MAX_KEPT = 20000;
/** How many of a log's last plain lines it keeps (its tail). */
const MAX_TAIL = 64;
const MAX_EXHAUSTION_SAMPLES = 20;
const MAX_STRAY_REPORTS = 500;
const MAX_OWN_LIMITS = 100;
const MAX_OWN_FD_COUNTS = 5000;
/** How far under an error object's head line its fields may come: Node ≥ 12 prints the stack's frames (ten by default) between them. */
const NODE_OBJECT_REACH = 24;

/** Distinct pids whose exhaustion lines are counted apart. */
const MAX_PIDS = 10_000;

/**
 * A line about inotify: it names it, or it is systemd's own report that `inotify_init1` failed
 * (`Failed to allocate directory watch: Too many open files`, from systemctl, the manager or
 * a unit in a container), or Go's fsnotify failing to make a watcher — in its own words
 * (`fsnotify.NewWatcher`, `failed to create fsnotify watcher`) or a Kubernetes device plugin's
 * (`Error: failed to create FS watcher: too many open files`, NVIDIA's and the plugins copied from
 * it): either may be the user's inotify instances, not the fd limit.
 */
const INOTIFY_LINE = /inotify|allocate directory watch|NewWatcher|\b(?:fsnotify|fs) watcher/i;

/**
 * Ruby's errno class alone on its line, `Errno::ENFILE:`: RSpec's failure report prints the class
 * there and the message (`Too many open files in system - socket(2)`) on the line under it, which
 * is the line that says it ran out (stack-lines.ts).
 */
const ERRNO_CLASS_ALONE = /^\s{0,16}Errno::E[MN]FILE:\s{0,8}$/;

/**
 * An EMFILE/ENFILE line, with the pid and program of its syslog prefix — or of the record it
 * continues (`from`: a journal line wrapped onto the next line keeps its prefix on the first).
 */
function exhaustionOf(text: string, ev: EvidenceRef, from?: LineSource | null): ExhaustionLine | null {
  // A write-up's title (`# Help: Too many open files in system`) says what the thread is about.
  if (!EXHAUSTION.test(text) || isMarkdownHeading(text) || ERRNO_CLASS_ALONE.test(text)) return null;
  const out: ExhaustionLine = { errno: ENFILE.test(text) ? 'ENFILE' : 'EMFILE', ev };
  if (INOTIFY_LINE.test(text)) out.inotify = true;
  // A container's line its engine relayed names the engine, not the process that ran out.
  const relayed = relayedByEngine(text);
  if (relayed) {
    out.relayedBy = relayed;
    return out;
  }
  // The loader of a program that had just started met a full table it did not fill: one it
  // inherited, or a file server's (FUSE, virtiofs) whose EMFILE came back through the mount.
  const starter = justStartedReporter(text);
  if (starter) {
    out.relayedBy = starter;
    out.loader = true;
    return out;
  }
  const src = syslogSource(text) ?? bracketPid(text) ?? from;
  // A client quoting a server's reply ran out of nothing: the server it called did.
  if (quotesPeerReply(text)) {
    out.relayedBy = src?.program ?? 'its writer';
    out.peerReply = true;
    return out;
  }
  if (src) {
    if (src.program !== undefined) out.program = src.program;
    if (src.pid !== undefined) out.pid = src.pid;
  }
  return out;
}

/** The pid a line's own stderr header names (Go's glog, GLib's message prefix), to carry to the unnamed lines after it. */
function stderrHeaderPid(own: LineSource, line: string): number | undefined {
  if (own.pid === undefined) return undefined;
  if (own.program === undefined && goLogPid(line) !== undefined) return own.pid;
  return glibSource(line)?.pid === own.pid ? own.pid : undefined;
}

/**
 * Who wrote the lines a paste holds before its first record: a selection that begins inside a
 * journal record cuts its `Jan 17 14:23:15 host wings[2019]:` head, and the record's own next
 * lines (a Go error's stack, one journal line each) name the writer. The first record's pid owns
 * the `count` EMFILE lines above it when it names one and follows them at once (line `n` right
 * after `last`, no blank line between): lines set apart belong to no one.
 */
export function cutHeadOwner(first: LineSource | null, count: number, last: number, n: number): number | undefined {
  if (count === 0 || first?.pid === undefined || n !== last + 1) return undefined;
  return first.pid;
}

export const appLog: SourceParser<AppLogArtifact> = {
  id: 'app-log',
  title: 'Application log',
  detect: appLogScore,
  sink(ctx) {
    const out: AppLogArtifact = {
      records: 0,
      totalLines: 0,
      recordLines: 0,
      byLevel: {},
      kept: [],
      truncated: false,
      firstRecord: null,
      lastRecord: null,
      exhaustion: { emfile: 0, enfile: 0, samples: [], byPid: {} },
    };
    /** The syslog source of the last record, for its continuation lines. */
    let record: LineSource | null = null;
    /** The pid the daemon's last start line announced (log-pids.ts): lines naming no process are its. */
    let announced: number | undefined;
    /**
     * The pid of the last line whose own prefix is a stderr writer's header, Go's glog (record-pids.ts)
     * or GLib's `(prog:PID): Domain-LEVEL **: ` (log-pids.ts): the lines after it that name no process
     * are the same stderr's — a GTK/Qt program's own logger between GLib's messages (Clementine's
     * `(clementine:20962): GStreamer-CRITICAL **: …`, then its `DEBUG logging:65  Creating pipes for
     * GWakeup: Too many open files`).
     */
    let goPid: number | undefined;
    /** The line of the last ran-out report counted: an error object's errno field under it is that report's. */
    let lastRanOut = Number.NEGATIVE_INFINITY;
    const winstonDump = winstonDumpReader();
    /** The last few lines that were not blank, for the ran-out line above a script's report that a job died. */
    const recent: { text: string; n: number }[] = [];
    /** The line before this one, for a limit reported over two lines (mongosh's). */
    let prevText = '';
    let pids = 0;
    /** Lines naming no process since gdb last said which program ended: its, when it says so. */
    const unnamed: { samples: ExhaustionLine[]; count: number } = { samples: [], count: 0 };
    /** The lines before the log's first record (a paste that begins inside one); null once it opened. */
    let head: { samples: ExhaustionLine[]; count: number; last: number } | null = { samples: [], count: 0, last: 0 };
    /** The service whose `docker compose logs` prefix the last line had. */
    let service: string | null = null;
    const exhausted = (text: string, n: number) => {
      const inferior = gdbInferiorPid(text);
      if (inferior !== undefined) {
        ranUnder(inferior);
        return;
      }
      // compose interleaves its services' lines: a line under another service's prefix continues
      // no record of the last one, nor is it the output of a pid that one announced (nginx's
      // `222#222` in the `web` service's lines, then Prosody's under `prosody-1 | `).
      const from = composeService(text);
      if (from !== null && service !== null && from !== service) {
        record = null;
        announced = undefined;
        goPid = undefined;
      }
      if (from !== null) service = from;
      const own = syslogSource(text);
      if (head && (own || parseStamp(text))) {
        const pid = cutHeadOwner(own, head.count, head.last, n);
        if (pid !== undefined) claim(head, pid, own?.program);
        head = null;
      }
      if (own || parseStamp(text) || logreadLine(text)) record = own;
      if (!own) announced = announcedPid(text) ?? announced;
      else goPid = stderrHeaderPid(own, withoutServicePrefix(text));
      // winston's process dump under its `uncaughtException: …` record names that record's pid.
      const dump = winstonDump(text, n);
      if (dump) claimLine(dump.line, dump.pid);
      // bash's report in a script that a job died (`…: line 7557: 3396963 Aborted (core dumped) …`)
      // names its pid: the error right above it (blanks aside) was that job's last line
      // (ran-out-shapes.ts; cvmfs#3606's `MakePipe failed with errno 24`).
      // A few lines higher when the lines between are the same job's own (ranOutBeforeDeath: MPICH's
      // Hydra error stack, glibc's `free(): invalid pointer`).
      const died = scriptDeathPid(text);
      const above = died === undefined ? undefined : ranOutLineAbove(recent, text, n);
      if (died !== undefined && above !== undefined) claimLine(above, died);
      // uWSGI's line for a failed request names the worker that served it: the error on the line
      // right above it was that worker's traceback (record-pids.ts).
      const served = uwsgiFailedRequestPid(text);
      const prev = recent[recent.length - 1];
      if (served !== undefined && prev?.n === n - 1) claimLine(prev.n, served);
      // glog's `COULD NOT CREATE A LOGGINGFILE <stamp>.PID!`: its perror line above, and what follows, are PID's.
      const glog = glogLogfileFailurePid(text);
      if (glog !== undefined) {
        claimLine(n - 1, glog);
        announced = glog;
      }
      const limit = ownLimitReport(text, prevText);
      prevText = text;
      if (limit && (out.ownLimits ??= []).length < MAX_OWN_LIMITS) {
        const pid = (own ?? record)?.pid ?? announced;
        out.ownLimits.push({ ...limit, ...(pid !== undefined ? { pid } : {}), ev: ref(ctx.file, n, text) });
      }
      const fds = ownFdCountReport(text);
      const at = fds ? stampAt(text) : undefined;
      if (fds && at && (out.ownFdCounts ??= []).length < MAX_OWN_FD_COUNTS) {
        const pid = (own ?? record)?.pid ?? jsonRecordPid(text) ?? announced;
        const whose = pid !== undefined ? { pid } : {};
        out.ownFdCounts.push({ ...whose, at, count: fds.count, ev: ref(ctx.file, n, text) });
        // Its limit, printed beside the count, is its own: one report of it is enough.
        if (fds.limit !== undefined && (out.ownLimits ??= []).length === 0)
          out.ownLimits.push({ ...whose, soft: fds.limit, ev: ref(ctx.file, n, text) });
      }
      const named = fdNumberNamed(text);
      const namer = named !== undefined ? ((own ?? record)?.pid ?? announced) : undefined;
      if (named !== undefined && namer !== undefined) namedFd(namer, named, n, text);
      // Node's print of an error object says the error on its head line, then `code: 'EMFILE'` among
      // its fields (after the stack, in Node ≥ 12): one report, not two.
      if (isNodeErrnoField(text) && n - lastRanOut <= NODE_OBJECT_REACH) return;
      const x = exhaustionOf(text, ref(ctx.file, n, exhaustionQuote(text)), record);
      if (!x) return;
      lastRanOut = n;
      const carried = announced ?? goPid;
      if (x.pid === undefined && x.program === undefined && !x.relayedBy && carried !== undefined) x.pid = carried;
      const e = out.exhaustion;
      if (x.errno === 'EMFILE') e.emfile++;
      else e.enfile++;
      // Past MAX_PIDS distinct pids a line counts without one (memory stays flat on a hostile journal).
      if (x.pid !== undefined && (e.byPid[x.pid] !== undefined || pids++ < MAX_PIDS)) e.byPid[x.pid] = (e.byPid[x.pid] ?? 0) + 1;
      else delete x.pid;
      if (x.pid === undefined && x.program === undefined && !x.relayedBy) {
        unnamed.count++;
        if (unnamed.samples.length <= MAX_EXHAUSTION_SAMPLES) unnamed.samples.push(x);
        if (head) {
          head.count++;
          if (head.samples.length <= MAX_EXHAUSTION_SAMPLES) head.samples.push(x);
        }
      }
      if (e.samples.length < MAX_EXHAUSTION_SAMPLES) e.samples.push(x);
      else e.samples[MAX_EXHAUSTION_SAMPLES] = x;
    };
    const highestNamed = new Map<number, number>();
    /** Keeps the highest fd number each pid's lines name. */
    const namedFd = (pid: number, fd: number, n: number, text: string) => {
      const list = (out.namedFds ??= []);
      const i = highestNamed.get(pid);
      if (i === undefined && highestNamed.size >= MAX_PIDS) return;
      if (i !== undefined && list[i].fd >= fd) return;
      const entry = { pid, fd, ev: ref(ctx.file, n, text) };
      if (i === undefined) highestNamed.set(pid, list.push(entry) - 1);
      else list[i] = entry;
    };
    /** gdb says which process printed the lines before its `[Inferior 1 (process N) exited …]`. */
    const ranUnder = (pid: number) => {
      claim(unnamed, pid);
      unnamed.samples = [];
      unnamed.count = 0;
    };
    /** The unnamed line at `line` is pid's. */
    const claimLine = (line: number, pid: number) => {
      const at = unnamed.samples.filter((x) => x.ev.line === line);
      claim({ samples: at, count: at.length }, pid);
    };
    /** Lines that named no process are pid's. */
    const claim = (lines: { samples: ExhaustionLine[]; count: number }, pid: number, program?: string) => {
      const e = out.exhaustion;
      const mine = lines.samples.filter((x) => x.pid === undefined);
      if (mine.length === 0 || !(e.byPid[pid] !== undefined || pids++ < MAX_PIDS)) return;
      for (const x of mine) {
        x.pid = pid;
        if (program !== undefined) x.program = program;
      }
      e.byPid[pid] = (e.byPid[pid] ?? 0) + lines.count;
    };
    const openAtExit: NginxOpenSockets[] = [];
    const stray = (text: string, n: number) => {
      if (isKeptOutputPipeReport(text)) {
        out.keptOutputPipes ??= { count: 0, first: ref(ctx.file, n, text) };
        out.keptOutputPipes.count++;
        return;
      }
      const closed = lxcClosedInheritedFd(text);
      if (closed >= 0) {
        out.lxcInherited ??= { count: 0, fds: [], first: ref(ctx.file, n, text) };
        out.lxcInherited.count++;
        if (out.lxcInherited.fds.length < MAX_STRAY_REPORTS) out.lxcInherited.fds.push(closed);
        return;
      }
      if (addNginxOpenSocket(openAtExit, text, ctx.file, n)) return;
      if (tallyLeakCheck(out, text, ctx.file, n)) return;
      if (!text.includes(') leaked on ')) return;
      const r = strayFdReport(text, ctx.file, n);
      if (!r) return;
      out.strayFds ??= { reports: [], total: 0 };
      out.strayFds.total++;
      if (out.strayFds.reports.length < MAX_STRAY_REPORTS) out.strayFds.reports.push(r);
    };
    let current: { level: LogLevel | null; date: string | null; seconds: number | null; zone: string | null } | null = null;
    let impossible = 0;
    const keep = (l: AppLogLine) => {
      if (out.kept.length >= MAX_KEPT) {
        out.truncated = true;
        return;
      }
      out.kept.push(l);
      out.records++;
    };
    return {
      line(text, n) {
        out.totalLines++;
        if (text.trim() === '') return;
        exhausted(text, n);
        recent.push({ text, n });
        if (recent.length > FOLLOW_UP_LINES + 1) recent.shift();
        if (head) head.last = n;
        stray(text, n);
        const s = parseStamp(text);
        if (!s && STAMP.test(text) && ++impossible <= 10)
          ctx.warn(n, `a timestamp no clock shows: ${text.slice(0, 40)}; not read as a record`);
        const level = s ? (s.level ?? levelOf(s.rest)) : null;
        if (s && level) {
          out.recordLines++;
          out.byLevel[level] = (out.byLevel[level] ?? 0) + 1;
          current = { level, date: s.date, seconds: s.seconds, zone: s.zone };
          const ev = ref(ctx.file, n, text);
          if (!out.firstRecord) out.firstRecord = { date: s.date, seconds: s.seconds, ev };
          out.lastRecord = { date: s.date, seconds: s.seconds, ev };
          if (level === 'ERROR' || level === 'WARN' || level === 'FATAL') {
            keep({ line: n, text: ev.text ?? text, level, exception: false, date: s.date, seconds: s.seconds, zone: s.zone, ev });
          }
          return;
        }
        if (isStackLine(text)) {
          const ev = ref(ctx.file, n, text);
          keep({
            line: n,
            text: ev.text ?? text,
            level: current?.level ?? null,
            exception: true,
            date: current?.date ?? null,
            seconds: current?.seconds ?? null,
            zone: current?.zone ?? null,
            ev,
          });
        } else {
          // Other lines (continuations, INFO records) are counted, and the last few kept as the tail.
          const tail = (out.tail ??= []);
          tail.push({ text, ev: ref(ctx.file, n, text) });
          if (tail.length > MAX_TAIL) tail.shift();
        }
      },
      end() {
        if (openAtExit.length > 0) out.openAtExit = openAtExit;
        const leftOpen = openAtExit.reduce((n, w) => n + w.count, 0);
        const reports =
          (out.strayFds?.total ?? 0) +
          (out.keptOutputPipes?.count ?? 0) +
          (out.lxcInherited?.count ?? 0) +
          (out.leakChecks?.count ?? 0) +
          leftOpen +
          (out.namedFds?.length ?? 0);
        if (out.recordLines === 0 && out.exhaustion.samples.length === 0 && reports === 0)
          ctx.warn(undefined, 'no timestamped log records found');
        if (out.records === 0) out.records = out.exhaustion.emfile + out.exhaustion.enfile + reports;
        return out;
      },
    };
  },
};

/** A stamped line's time as a sample's: `2026-12-07T10:26:41` with a full date, the time of day alone without one (`07-21` has no year); a JSON record's time field's. */
function stampAt(text: string): string | undefined {
  const st = parseStamp(text);
  if (!st) return jsonRecordStamp(text);
  const s = Math.floor(st.seconds);
  const time = [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60].map((x) => String(x).padStart(2, '0')).join(':');
  return st.date && /^\d{4}-\d\d-\d\d$/.test(st.date) ? `${st.date}T${time}` : time;
}

/**
 * The number of the line that says a job ran out, among the last lines before `text` (line n), bash's
 * report in a script that the job died: the lines rebuilt with their blanks (ran-out-shapes.ts).
 */
function ranOutLineAbove(recent: readonly { text: string; n: number }[], text: string, n: number): number | undefined {
  const lines: string[] = [];
  const numbers: number[] = [];
  let next = recent.length > 0 ? recent[0].n : n;
  for (const r of [...recent, { text, n }]) {
    // A longer run of blanks than the report allows stays longer than it allows.
    const gap = Math.min(r.n - next, DEATH_GAP + 1);
    for (let g = 0; g < gap; g++) {
      lines.push('');
      numbers.push(next + g);
    }
    lines.push(r.text);
    numbers.push(r.n);
    next = r.n + 1;
  }
  const k = ranOutBeforeDeath(lines, lines.length - 1, (l) => EXHAUSTION.test(l));
  return k === undefined ? undefined : numbers[k];
}
