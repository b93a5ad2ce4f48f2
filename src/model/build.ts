// Joins parsed captures into one HostModel. Pure: artifacts in, model out.
import { datedListingSamples } from './dated-listings.js';
import type { ArtifactBase } from '../sources/parser.js';
import type {
  ArtifactMap,
  ConnectionTableArtifact,
  FdHolder,
  FdKind,
  FdSnapshot,
  FdTableArtifact,
  JstackArtifact,
  ProcLimitsArtifact,
  ProcStatusArtifact,
  PsArtifact,
  SourceId,
  ThreadName,
  ThreadNamesArtifact,
  TcpState,
  UnclosedAtExit,
} from '../sources/artifacts.js';
import type { EvidenceRef } from '../types.js';
import type { Capture, HostModel, ProcessModel } from './host.js';
import { UNNAMED_PID } from '../sources/artifacts.js';
import { count } from '../sources/numbers.js';
import { lsofSelectsFiles, withoutSubstitutions } from '../command-words.js';
import { cutKeptAll, fdsFromZero } from './short-cut.js';
import {
  farBelowItsHighestFd,
  fdNumbers,
  isFilteredCommand,
  lacksFdsShownElsewhere,
  pickedLsofRows,
  startsHigh,
} from './listing-excerpts.js';
import { containerExec } from '../sources/container-exec.js';
import { joinNamespacePids } from './ns-pids.js';
import type { StraceArtifact } from '../sources/strace/types.js';
import type { StrayFdReport } from '../sources/stray-fd-report.js';
import type { NginxOpenSockets } from '../sources/nginx-open-sockets.js';
import type { FdCountStatementsArtifact, StoreFdCountersArtifact } from '../sources/artifacts.js';
import type { AppLogArtifact } from '../sources/app-log.js';
import { commandName, commandPid, commandTool, interpretCount } from './pipeline.js';
import { lookedUpProgram, pidLookup } from './pid-lookups.js';
import { processOf } from './processes.js';
import { sharedSockets } from './shared-sockets.js';
import { appendAll } from '../many-values.js';
import { addCountTable, addInotifyInstances, addLineCount } from './count-captures.js';

/** What the model needs of one recognised bundle entry. */
export interface ModelInput {
  file: string;
  source: string;
  artifact: ArtifactBase;
  command?: string;
  capturedAt?: string;
  /** The process the capture is about (manifest). */
  pid?: number;
  /** A listing pasted in blocks: rows may be missing. */
  excerpt?: boolean;
}

function emptyModel(): HostModel {
  return {
    processes: new Map(),
    netstat: [],
    ssListings: [],
    ssSummaries: [],
    sockstat: [],
    sockstat6: [],
    kernel: [],
    ulimits: [],
    toolLineCounts: [],
    hostFdTables: [],
    countTables: [],
    sharedListeners: [],
    captureTimes: [],
    straces: [],
    logs: [],
    strayFds: [],
    unclosedAtExit: [],
    tidOwners: new Map(),
    unboundLimits: [],
    serviceLimits: [],
    namedCounts: [],
    programSockets: [],
    unnamedFdViews: [],
    ownFdListings: [],
    unnamedSamples: [],
    nsPids: [],
  };
}

export function buildModel(inputs: readonly ModelInput[], opts: { suspectHint?: number; timezone?: string } = {}): HostModel {
  const model = emptyModel();
  model.suspectHint = opts.suspectHint;
  if (opts.timezone) model.timezone = opts.timezone;
  inputs.forEach((input, order) => {
    if (input.capturedAt) model.captureTimes.push({ file: input.file, at: input.capturedAt });
    const add = ADDERS[input.source as SourceId] as Adder<ArtifactBase> | undefined;
    if (add) add(model, capture(input, order, input.artifact), input);
  });
  // Per-pid captures without their own pid column (ulimit/limits from the manifest's pid) are joined above.
  for (const c of model.namedCounts) {
    const named = processesNamed(model, c.name);
    if (named.length === 1) named[0].pipelineCounts.push({ ...c, tiedBy: `pid ${named[0].pid} is the only process named ${c.name}` });
  }
  for (const p of model.processes.values()) {
    const cut = p.fdViews.filter((v) => !v.partial && lacksFdsShownElsewhere(v, p.fdViews));
    for (const v of cut) v.partial = true;
  }
  // Whole listings of one process taken at two or more known times: timed samples of its fds.
  addSamples(
    model,
    [...model.processes.values()].flatMap((p) => datedListingSamples(p.fdViews)),
  );
  joinNamespacePids(model);
  return model;
}

/** /proc/PID/status: the process's name and parent, and its pid inside its own pid namespace. */
function addProcStatus(m: HostModel, a: ProcStatusArtifact): void {
  if (a.pid === undefined) return;
  const p = processOf(m, a.pid);
  if (!p.command && a.name) p.command = a.name;
  if (p.ppid === undefined && a.ppid !== undefined) p.ppid = a.ppid;
  if (a.ev) p.identity.push(a.ev);
  const inner = a.nspid?.at(-1);
  if (a.nsEv && a.nspid && a.nspid[0] === a.pid && inner !== undefined && inner !== a.pid) {
    m.nsPids.push({ pid: a.pid, inner, ev: a.nsEv });
  }
}

/** Processes whose command is `name`, allowing for the cut names of comm (15 characters) and lsof (9). */
export function processesNamed(model: HostModel, name: string): ProcessModel[] {
  return [...model.processes.values()].filter((p) => p.command !== null && sameName(p.command, name));
}

function sameName(command: string, name: string): boolean {
  if (command === name) return true;
  const [short, long] = command.length < name.length ? [command, name] : [name, command];
  return (short.length === 9 || short.length === 15) && long.startsWith(short);
}

type Adder<A> = (model: HostModel, c: Capture<A>, input: ModelInput) => void;

function capture<A>(input: ModelInput, order: number, data: A): Capture<A> {
  return { file: input.file, command: input.command, capturedAt: input.capturedAt, order, data };
}

const ADDERS: { [K in SourceId]?: Adder<ArtifactMap[K]> } = {
  netstat: addConnections('netstat'),
  'netstat-state-counts': addConnections('netstat'),
  'netstat-windows': addConnections('netstat'),
  'ss-sockets': addConnections('ss'),
  'ss-summary': (m, c) => m.ssSummaries.push(c),
  sockstat: (m, c) => (c.data.family === 'inet6' ? m.sockstat6 : m.sockstat).push(c),
  'kernel-files': (m, c) => m.kernel.push(c),
  ulimit: (m, c, input) => {
    // `docker exec web sh -c "ulimit -n"` printed the limit of a shell inside the container: neither
    // the capturing shell's nor any host process's (convox/rack#287: 1024, then 8192, of containers).
    if (containerExec(c.command) !== undefined) return;
    m.ulimits.push(c);
    // `ulimit -a` describes the shell that ran it; tie it to a pid only when the manifest says so.
    if (input.pid !== undefined && c.data.openFiles) {
      const p = processOf(m, input.pid);
      if (!p.nofile) p.nofile = { ...c.data.openFiles, basis: 'ulimit' };
    }
  },
  'proc-limits': (m, c, input) => addProcLimits(m, c, input.pid),
  'proc-status': (m, c) => addProcStatus(m, c.data),
  // Whose processes a service's are is read once every process is known (bind.ts).
  'systemctl-show': (m, c) => m.serviceLimits.push(c),
  ps: (m, c) => addPs(m, c.data),
  // A unit's main pid and CGroup processes, named as ps names them.
  'systemctl-status': (m, c) => addPs(m, c.data),
  'task-comm': (m, c, input) => addThreadNames(m, c.data, input.pid),
  jstack: (m, c, input) => addJstack(m, c.data, input.pid),
  lsof: addFdTable,
  'lsof-fields': addFdTable,
  lsfd: addFdTable,
  'proc-fd': addFdTable,
  fstat: addFdTable,
  pfiles: addFdTable,
  'valgrind-fds': (m, c, input) => {
    addFdTable(m, c, input);
    appendAll(m.unclosedAtExit, c.data.unclosed);
  },
  'psutil-open-files': addFdTable,
  'file-leak-detector': addFdTable,
  'count-table': addCountTable,
  'line-count': (m, c) => addLineCount(m, c),
  // The names `ls /proc/PID/fd` printed, counted: what `| wc -l` of the same command would say.
  'fd-names': (m, c) => addLineCount(m, c, ' | wc -l'),
  strace: (m, c, input) => {
    const traced = tracedPid(input, c.data);
    m.straces.push({ ...c, ...traced });
    if (traced.pid === undefined) nameAttached(m, c.data, input.command);
  },
  'app-log': (m, c, input) => {
    m.logs.push({ ...c, path: hostPathOf(input), pid: input.pid });
    addOpenAtExit(m, c.data.openAtExit ?? []);
    addStrayFds(m, c.data.strayFds?.reports ?? [], input.command);
    addReportedLimits(m, c);
    addSamples(m, ownFdCountSamples(c.data));
    addNamedFds(m, c.data);
  },
  'fd-snapshots': (m, c) => addSamples(m, c.data.samples),
  'fd-count-samples': (m, c) => addSamples(m, c.data.samples),
  'fd-count-table': (m, c) => addSamples(m, c.data.samples),
  'fd-count-statements': (m, c) => addNamedSamples(m, c.data),
  pidstat: (m, c) => addNamedSamples(m, c.data),
  'store-fd-counters': (m, c) => addStoreCounters(m, c),
  'prometheus-process-fds': (m, c) => addStoreCounters(m, c),
  'beam-check-io': (m, c) => addStoreCounters(m, c),
  'zookeeper-mntr': (m, c) => addStoreCounters(m, c),
  'lsfd-summary': (m, c) => addStoreCounters(m, c),
  'inotify-instances': (m, c) => addInotifyInstances(m, c),
};

/**
 * nginx's alerts at a worker's exit, `open socket #37 left in connection 8`: that worker's sockets
 * it never closed, as valgrind's fds open at exit are — one path, the connections — under its pid
 * (its `pid#tid` header), known as nginx.
 */
function addOpenAtExit(m: HostModel, workers: readonly NginxOpenSockets[]): void {
  for (const w of workers) {
    const p = processOf(m, w.pid);
    if (!p.command) {
      p.command = 'nginx';
      p.identity.push(w.evidence[0]);
    }
    const path = 'connections still open when the worker exited';
    m.unclosedAtExit.push({ pid: w.pid, by: 'nginx', path, count: w.count, kind: 'socket-other', evidence: w.evidence });
  }
}

/** Counts that name their processes (a statement in words, pidstat's rows): the samples, and each process's name when none is known. */
function addNamedSamples(m: HostModel, data: FdCountStatementsArtifact): void {
  addSamples(m, data.samples);
  for (const x of data.names) {
    const p = processOf(m, x.pid);
    if (!p.command) p.command = x.name;
  }
}

/**
 * A tool's reports of fds it was started with name the process that ran it: that process is in
 * the bundle, under the name its argv[0] gives (`-bash` is a login bash). pid 1 is left out: the
 * service manager passes fds to what it starts on purpose.
 */
function addStrayFds(m: HostModel, reports: readonly StrayFdReport[], command: string | undefined): void {
  const tool = command === undefined ? undefined : commandTool(command);
  for (const r of reports) {
    if (r.parentPid <= 1) continue;
    const p = processOf(m, r.parentPid);
    const name = r.parentCommand?.replace(/^-/, '').replace(/^.*\//, '');
    if (!p.command && name) p.command = name;
    m.strayFds.push({ ...r, atPrompt: tool === r.program });
  }
}

/**
 * A store's own counters: its count is a sample, its limit the process's open-files limit (the
 * store read it with getrlimit, as /proc/PID/limits shows it); an unnamed one is tied later.
 */
function addStoreCounters(m: HostModel, c: Capture<StoreFdCountersArtifact>): void {
  addSamples(m, c.data.samples);
  for (const x of c.data.processes ?? []) processOf(m, x.pid).identity.push(x.ev);
  for (const l of c.data.limits) {
    const data: ProcLimitsArtifact = { records: 1, openFiles: l.openFiles, values: {} };
    if (l.pid === UNNAMED_PID) m.unboundLimits.push({ ...c, data });
    else addProcLimits(m, { ...c, data: { ...data, pid: l.pid } });
  }
}

function addSamples(m: HostModel, samples: readonly FdSnapshot[]): void {
  // Each process's samples by time, first of each (a long loop's samples, looked up one by one, were quadratic).
  const byAt = new Map<number, Map<string, number>>();
  for (const s of samples) {
    if (s.pid === UNNAMED_PID) {
      m.unnamedSamples.push(s);
      continue;
    }
    const p = processOf(m, s.pid);
    // Reversed, the first sample of each time is the one kept in the map.
    if (!byAt.has(s.pid)) byAt.set(s.pid, new Map(p.snapshots.map((x, i) => [x.at, i] as const).reverse()));
    const at = byAt.get(s.pid)!;
    // snapshots.txt and snapshots.json carry the same samples: keep one per time, citing the text file.
    const i = at.get(s.at) ?? -1;
    if (i === -1) at.set(s.at, p.snapshots.push(s) - 1);
    else if (p.snapshots[i].ev.file.endsWith('.json') && !s.ev.file.endsWith('.json')) p.snapshots[i] = s;
  }
  // Only the processes these samples are of: called once per capture, a sort of every process each time was quadratic.
  for (const pid of byAt.keys()) sortSamples(processOf(m, pid).snapshots);
  for (const [pid, count] of lastGrepCounts(samples)) processOf(m, pid).pipelineCounts.push(count);
}

/**
 * A loop of `lsof -p PID | grep unix -c`: each sample counts the rows of one kind. Its last is also a
 * count of the process's fds of that kind, as the same command typed once would be.
 */
function lastGrepCounts(samples: readonly FdSnapshot[]): Map<number, ProcessModel['pipelineCounts'][number]> {
  const out = new Map<number, ProcessModel['pipelineCounts'][number]>();
  for (const s of samples) {
    if (s.grep === undefined || s.pid === UNNAMED_PID) continue;
    out.set(s.pid, {
      value: s.total,
      ev: s.ev,
      basis: `the last count of ${s.ev.file}'s loop`,
      grep: [s.grep],
      tool: s.rows ? 'lsof' : 'ls',
    });
  }
  return out;
}

/** In time order; a time of day without a date keeps the order it was printed in. */
export function sortSamples(samples: FdSnapshot[]): void {
  if (samples.every((s) => /^\d{4}-/.test(s.at))) samples.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function addConnections(tool: 'netstat' | 'ss'): Adder<ConnectionTableArtifact> {
  return (m, c) => {
    if (tool === 'netstat') m.netstat.push(c);
    else m.ssListings.push(c);
    for (const x of c.data.sharedListeners ?? []) m.sharedListeners.push({ ...x, file: c.file });
    for (const bp of c.data.byProcess) {
      const p = processOf(m, bp.pid);
      if (bp.command && !p.command) p.command = bp.command;
      p.connections.push({
        rows: bp.rows,
        byState: bp.byState,
        evidence: bp.evidence,
        file: c.file,
        sockets: bp.sockets,
        socketEvidence: bp.socketEvidence,
        maxFd: bp.maxFd,
        tcpFds: bp.tcpFds,
        unixPeerGone: bp.unixPeerGone,
        peer: bp.peer,
      });
    }
  };
}

/** A program's own fd counts from its log's stats lines (`open_fds=235`): samples of the writer at each line's time. */
function ownFdCountSamples(log: AppLogArtifact): FdSnapshot[] {
  return (log.ownFdCounts ?? []).map((x) => ({ at: x.at, pid: x.pid ?? UNNAMED_PID, total: x.count, byKind: {}, ev: x.ev }));
}

/** The highest fd number each process's log lines name (`invalid fd 30355`): an fd it was handed. */
function addNamedFds(m: HostModel, log: AppLogArtifact): void {
  for (const x of log.namedFds ?? []) {
    const p = processOf(m, x.pid);
    if (!p.loggedFd || x.fd > p.loggedFd.fd) p.loggedFd = { fd: x.fd, ev: x.ev };
  }
}

/**
 * The open-files limit a program's log reports as its own (conmand's `Open file limit set to 1024`):
 * what it read with getrlimit, so its /proc/PID/limits value. A limits file in the bundle stays
 * first; a report naming no pid is tied as a limits file naming none is.
 */
function addReportedLimits(m: HostModel, c: Capture<AppLogArtifact>): void {
  for (const r of c.data.ownLimits ?? []) {
    const openFiles = { soft: r.soft, ...(r.hard !== undefined ? { hard: r.hard } : {}), ev: r.ev };
    if (r.pid === undefined) {
      m.unboundLimits.push({ ...c, data: { records: 1, openFiles, values: {} } });
      continue;
    }
    const p = processOf(m, r.pid);
    if (p.nofile && p.nofile.basis !== 'ulimit') continue;
    p.nofile = { ...openFiles, basis: 'proc-limits', tiedBy: `line ${r.ev.line} is its own report of its open-files limit` };
  }
}

function addProcLimits(m: HostModel, c: Capture<ProcLimitsArtifact>, manifestPid?: number): void {
  const pid = c.data.pid ?? manifestPid;
  // plimit names the process it shows: a process of the bundle, known by that name.
  if (pid !== undefined && c.data.command !== undefined) {
    const p = processOf(m, pid);
    p.command ??= c.data.command;
    p.cmdline ??= c.data.cmdline ?? null;
    if (c.data.named) p.identity.push(c.data.named);
  }
  if (!c.data.openFiles) return;
  // Nothing names the process: the diagnosis ties it to the only process it can be.
  if (pid === undefined) return void m.unboundLimits.push(c);
  processOf(m, pid).nofile = { ...c.data.openFiles, basis: 'proc-limits' };
}

/**
 * The process a strace capture traced, when the bundle says it: the manifest, `-p PID` in the
 * command, or a file named `strace-PID.log` / `strace_PID.txt`. A `-ff` file's `.TID` suffix names
 * a thread, not the process; threads are joined to their process in the diagnosis.
 */
function tracedPid(input: ModelInput, a: StraceArtifact): { pid?: number; pidBasis?: string } {
  if (input.pid !== undefined) return { pid: input.pid, pidBasis: 'the manifest' };
  const fromCommand = commandPid(input.command);
  if (fromCommand !== undefined) return { pid: fromCommand, pidBasis: `its command: ${input.command}` };
  const name = input.file.split('/').pop() ?? '';
  const m = /(?:^|[^a-z0-9])(?:strace|trace)[-_.](\d{2,9})(?:\.[a-z]\w*)?$/i.exec(name);
  if (m && !(a.fileTid !== undefined && name.endsWith(`.${m[1]}`))) return { pid: count(m[1]), pidBasis: `its file name ${name}` };
  return {};
}

/**
 * `strace -f -p "\`pgrep 3proxy\`"` printing `strace: Process 971 attached`: the process the lookup
 * found is pid 971, named by it (`pgrep -f` matches a piece of the command line, no name).
 */
function nameAttached(m: HostModel, a: StraceArtifact, command: string | undefined): void {
  const attached = a.attached[0];
  const name = lookedUpProgram(pidLookup(command));
  if (attached !== undefined && name !== undefined) processOf(m, attached).command ??= name;
}

function addPs(m: HostModel, a: PsArtifact): void {
  for (const ps of a.processes) {
    const p = processOf(m, ps.pid);
    p.command = ps.command || p.command;
    if (ps.cmdline && (!p.cmdline || ps.cmdline.length > p.cmdline.length)) p.cmdline = ps.cmdline;
    if (ps.user) p.user = ps.user;
    if (ps.ppid !== undefined) p.ppid = ps.ppid;
    if (ps.zombie) p.zombie = true;
    p.psListed = true;
    p.identity.push(ps.ev);
  }
  addThreads(m, a.threads);
  for (const o of a.threadOwners ?? []) if (!m.tidOwners.has(o.tid)) m.tidOwners.set(o.tid, { pid: o.pid, ev: o.ev });
}

function addThreadNames(m: HostModel, a: ThreadNamesArtifact, manifestPid?: number): void {
  addThreads(
    m,
    a.threads.map((t) => (t.pid === undefined && manifestPid !== undefined ? { ...t, pid: manifestPid } : t)),
  );
}

function addJstack(m: HostModel, a: JstackArtifact, manifestPid?: number): void {
  const pid = a.pid ?? manifestPid;
  for (const t of a.threads) {
    const info = addThreads(m, [{ ...t, pid: t.pid ?? pid }])[0];
    if (info) info.javaName = t.javaName;
  }
}

function addThreads(m: HostModel, threads: readonly ThreadName[]) {
  const out = [];
  for (const t of threads) {
    if (t.pid === undefined) continue;
    const p = processOf(m, t.pid);
    let info = p.threads.get(t.tid);
    if (!info) {
      info = { tid: t.tid, name: null, ev: [] };
      p.threads.set(t.tid, info);
    }
    // A Java name is the most telling; comm is cut at 15 characters; ps -T prints comm too.
    if (t.source === 'jstack' || !info.name) info.name = t.name;
    info.ev.push(t.ev);
    if (!m.tidOwners.has(t.tid)) m.tidOwners.set(t.tid, { pid: t.pid, ev: t.ev });
    out.push(info);
  }
  return out;
}

function addFdTable(m: HostModel, c: Capture<FdTableArtifact>, input: ModelInput): void {
  const a = c.data;
  if (a.ownListing) {
    for (const h of a.holders) m.ownFdListings.push({ file: c.file, command: c.command, holder: h });
    return;
  }
  const filtered = isFilteredCommand(c.command);
  // `| head -20` that printed 7 lines cut nothing (src/model/short-cut.ts); lsof's own selections still pick.
  const keptAll =
    cutKeptAll(c.command, a.rows, a.hasHeader) &&
    !lsofSelectsFiles(withoutSubstitutions(c.command ?? '')) &&
    a.holders.every((h) => h.entries.length === h.fds && fdsFromZero(fdNumbers(h)));
  const cut = filtered.cut && !keptAll;
  const partial = a.truncated || a.elided === true || !a.hasHeader || cut || input.excerpt === true;
  if (!filtered.pid && !filtered.fd && a.holders.length > 1) {
    m.hostFdTables.push({
      ...c,
      data: {
        tool: a.tool,
        rows: a.rows,
        hasTidColumn: a.hasTidColumn,
        truncated: a.truncated,
        header: a.header,
        distinctFds: a.holders.reduce((s, h) => s + h.fds, 0),
        threadRows: a.holders.reduce((s, h) => s + h.threadRows, 0),
      },
    });
  }
  for (const h of a.holders) {
    if (h.pid === UNNAMED_PID) {
      m.unnamedFdViews.push({
        tool: a.tool,
        file: c.file,
        command: c.command,
        holder: h,
        partial,
        name: interpretCount(c.command)?.name ?? commandName(c.command),
      });
      continue;
    }
    for (const tid of h.tids ?? []) if (!m.tidOwners.has(tid)) m.tidOwners.set(tid, { pid: h.pid, ev: h.firstEvidence });
    const p = processOf(m, h.pid);
    if (!p.command && h.command) p.command = h.command;
    if (!p.user && h.user) p.user = h.user;
    p.fdViews.push({
      tool: a.tool,
      file: c.file,
      command: c.command,
      holder: h,
      partial: partial || !!filtered.fd || startsHigh(h) || farBelowItsHighestFd(h) || pickedLsofRows(a.tool, h),
      ...(c.capturedAt ? { at: c.capturedAt } : {}),
    });
  }
  // One socket in processes of two programs: kept across execve (signals/inherited.ts).
  for (const x of sharedSockets(a.holders, c.file)) m.sharedListeners.push({ ...x, file: c.file });
  const checked = a.leakChecks && checkedHolder(a.holders, a.leakChecks.numbers, a.leakChecks.fds);
  if (checked) m.unclosedAtExit.push(checked);
}

/**
 * A leak checker's words over a listing of one process (Go's `leaked 4 fds; want ~0; have:` over
 * its own `lsof -p`, Ruby's `Leaked file descriptor: …: 9 #<…>` over fd 9's lsof row, Go's child's
 * `leaked parent file` over its fstat): fds that process left open, as valgrind's at exit — of the
 * kind of the fd the checker names, else of the kind most of its fds above 2 are.
 */
function checkedHolder(holders: readonly FdHolder[], numbers: readonly number[], fds: number): UnclosedAtExit | null {
  const named = holders.filter((h) => h.pid !== UNNAMED_PID);
  if (named.length !== 1 || holders.length !== 1) return null;
  const h = named[0];
  // A listing that shows none of its fds (Android's lsof, golang/go#10206: init's `FDS … (opendir:
  // Permission denied)` where the test's own table should be) shows no table the checker counted.
  if (h.fds === 0) return null;
  const tally = new Map<FdKind, number>();
  let hit: { kind: FdKind; state?: TcpState; ev: EvidenceRef } | undefined;
  for (const e of h.entries) {
    const fd = Number(e.fd);
    if (numbers.includes(fd)) hit ??= { kind: e.kind, state: e.state, ev: e.ev };
    if (fd > 2) tally.set(e.kind, (tally.get(e.kind) ?? 0) + 1);
  }
  const most = [...tally].sort((x, y) => y[1] - x[1])[0];
  const kind = hit?.kind ?? most?.[0] ?? 'other';
  const count = Math.max(1, fds);
  const out: UnclosedAtExit = { pid: h.pid, by: 'checker', path: '', count, kind, evidence: [hit?.ev ?? h.firstEvidence] };
  if (hit?.state) out.state = hit.state;
  return out;
}

/** Where a captured log lives on the host: the file the command read, or the collector's logs/ mirror. */
function hostPathOf(input: ModelInput): string | undefined {
  const fromCommand = input.command
    ?.split(/\s+/)
    .filter((w) => w.startsWith('/') && !w.startsWith('/dev/'))
    .at(-1);
  if (fromCommand) return fromCommand;
  return input.file.startsWith('logs/') ? input.file.slice('logs'.length) : undefined;
}

/** Latest capture of a kind: by capture time when known, else the last one in the bundle. */
export function latest<A>(captures: readonly Capture<A>[]): Capture<A> | undefined {
  let best: Capture<A> | undefined;
  for (const c of captures) {
    if (!best) best = c;
    else if (c.capturedAt && best.capturedAt) best = c.capturedAt >= best.capturedAt ? c : best;
    else best = c.order >= best.order ? c : best;
  }
  return best;
}
