// Which process wrote the lines of a log that say it ran out of fds (EMFILE) or that the host did
// (ENFILE): the pid in a syslog prefix (`nginx[1234]:`; a pid gone from the bundle passes to the
// one live process of the same program, a restarted service), the manifest's pid for the file, the
// process that has the log open (lsof, /proc/PID/fd), a process whose name the prefix gives, or
// the only process in the bundle whose fds are known (beside the children it started with its pipes
// as their stdio), or, with no process's fds known, the only one whose command and own limits were
// read. Lines no join can place stay unowned.
import { whoIs } from './processes.js';
import { basename } from 'node:path';
import type { ExhaustionLine } from '../sources/app-log.js';
import type { HostModel, ProcessModel } from './host.js';
import { formatNumber as fmt } from '../format.js';
import { logFileProgram, programRun, scriptProgram } from './pipeline.js';
import { stdioChildren } from './stdio-children.js';
import { appendTo } from '../many-values.js';
import { hostPidOf } from './ns-pids.js';
import { interpreterOfScript } from './script-interpreter.js';
import { isRuntimeName } from './runtime-names.js';

export interface OwnedLog {
  file: string;
  /** Where the log lives on the host, when the bundle says (the manifest's command, the logs/ mirror). */
  path?: string;
  /** How the lines were tied to the process. */
  basis: string;
  /** The lines are an earlier instance's of the same program (gone from the bundle), e.g. `app[603]`. */
  earlierInstance?: string;
  emfile: number;
  enfile: number;
  samples: ExhaustionLine[];
}

export interface LogOwners {
  byPid: Map<number, OwnedLog[]>;
  /** Lines no join could place; the diagnosis may still tie them to the only process pointed at. */
  unowned: OwnedLog[];
}

type LogCapture = HostModel['logs'][number];

export function logOwners(model: HostModel): LogOwners {
  const byPid = new Map<number, OwnedLog[]>();
  const unowned: OwnedLog[] = [];
  const add = (pid: number, log: OwnedLog) => appendTo(byPid, pid, log);
  // A process known by name alone gets its own captures only, not lines tied by elimination: what
  // its command counted (104 fds of one index) is no sign that a log's EMFILE is its. A process known
  // by its fd listing alone is the process the bundle is about, whose lines these are as any other's.
  const known = [...model.processes.values()].filter((p) => hasFdEvidence(p) && (!p.lookup || p.lookup.listed));
  // A journal can name thousands of pids of one program: look each program up once.
  const programs = new Map<string, ProcessModel | null>();
  const onlyProcessOf = (program: string | undefined): ProcessModel | null => {
    if (!program) return null;
    let p = programs.get(program);
    if (p === undefined) programs.set(program, (p = onlyProcessRunning(program, model)));
    return p;
  };
  for (const l of model.logs) {
    const x = l.data.exhaustion;
    if (!x || x.emfile + x.enfile === 0) continue;
    // Lines whose prefix names their pid belong to it. Lines of pids not in the bundle (processes
    // that have since died) go together to the one live process of their program, else to nobody.
    const gone: { pids: number[]; count: number } = { pids: [], count: 0 };
    for (const [key, n] of Object.entries(x.byPid)) {
      const logged = Number(key);
      // `spoold[1]` in the log of a process in its own pid namespace: the host pid NSpid names so.
      const inside = insideItsNamespace(model, logged, x.samples);
      const pid = inside?.pid ?? logged;
      if (!model.processes.has(pid)) {
        gone.pids.push(pid);
        gone.count += n;
        continue;
      }
      const samples = x.samples.filter((s) => s.pid === logged);
      const enfile = samples.filter((s) => s.errno === 'ENFILE').length;
      const path = l.path ?? openPathOf(l, model.processes.get(pid));
      const basis = inside
        ? `${inside.program}[${logged}], the pid its lines name, is pid ${pid} inside its own pid namespace (NSpid)`
        : `the pid its lines name (${l.file})`;
      add(pid, { file: l.file, path, basis, emfile: n - enfile, enfile, samples });
    }
    if (gone.count > 0) {
      const samples = x.samples.filter((s) => s.pid !== undefined && !model.processes.has(s.pid));
      const enfile = samples.filter((s) => s.errno === 'ENFILE').length;
      const program = samples[0]?.program;
      // Not by a runtime's name (`java[17485]` beside another `java`): that names no one program.
      const heir = program && !isRuntimeName(program) && samples.every((s) => s.program === program) ? onlyProcessOf(program) : null;
      const pids = `${gone.pids.slice(0, 3).join(', ')}${gone.pids.length > 3 ? `, … (${fmt(gone.pids.length)} pids)` : ''}`;
      const log = (basis: string): OwnedLog => ({ file: l.file, path: l.path, basis, emfile: gone.count - enfile, enfile, samples });
      if (heir)
        add(heir.pid, {
          ...log(
            `${program}[${pids}] ${gone.pids.length === 1 ? 'is an earlier instance' : 'are earlier instances'} of the same program as pid ${heir.pid}, not in the bundle`,
          ),
          earlierInstance: `${program}[${pids}]`,
        });
      else unowned.push(log(`pid ${pids}, named by its lines, ${gone.pids.length === 1 ? 'is' : 'are'} not in the bundle`));
    }
    const rest = x.samples.filter((s) => s.pid === undefined);
    const restCount = x.emfile + x.enfile - Object.values(x.byPid).reduce((a, b) => a + b, 0);
    if (restCount <= 0) continue;
    const enfile = Math.min(x.enfile, rest.filter((s) => s.errno === 'ENFILE').length);
    const log = (basis: string, path = l.path): OwnedLog => ({
      file: l.file,
      path,
      basis,
      emfile: restCount - enfile,
      enfile,
      samples: rest,
    });
    const owner = ownerOf(l, rest, model, known, onlyProcessOf);
    if (owner) add(owner.pid, log(owner.basis, l.path ?? openPathOf(l, model.processes.get(owner.pid))));
    else unowned.push(log('no process could be tied to it'));
  }
  return { byPid, unowned };
}

/**
 * The host process a log's pid names from inside its own pid namespace: one process of the bundle
 * whose NSpid line ends in that pid and whose name is the program the lines name — never a
 * process the bundle knows under that pid on the host with another name.
 */
function insideItsNamespace(
  model: HostModel,
  logged: number,
  samples: readonly ExhaustionLine[],
): { pid: number; program: string } | undefined {
  const program = samples.find((s) => s.pid === logged)?.program;
  if (!program) return undefined;
  const onHost = model.processes.get(logged);
  if (onHost?.command && sameProgram(onHost.command, program)) return undefined;
  const hosts = hostPidOf(model, logged)
    .map((x) => model.processes.get(x.pid))
    .filter((p): p is ProcessModel => p?.command != null && sameProgram(p.command, program));
  return hosts.length === 1 ? { pid: hosts[0].pid, program } : undefined;
}

function ownerOf(
  l: LogCapture,
  lines: ExhaustionLine[],
  model: HostModel,
  known: ProcessModel[],
  onlyProcessOf: (program: string | undefined) => ProcessModel | null,
): { pid: number; basis: string } | null {
  if (l.pid !== undefined) return { pid: l.pid, basis: `the manifest names pid ${l.pid} for ${l.file}` };
  const opener = openedBy(l, model);
  if (opener) return opener;
  const program = lines.find((s) => s.program)?.program;
  const named = onlyProcessOf(program);
  if (program && named) {
    // Named by these very lines: the only process the bundle knows, whose program nothing else names.
    const byTag = named.identity.some((ev) => lines.some((s) => s.ev.file === ev.file && s.ev.line === ev.line));
    const who = byTag ? `pid ${named.pid}, the only process the bundle knows, whose program nothing else names` : whoIs(named);
    return { pid: named.pid, basis: `its lines come from "${program}", the name of ${who}` };
  }
  // The program the capture's command started printed them (`matterbridge -debug`).
  const ran = lines.every((s) => !s.program && !s.relayedBy) ? programRun(l.command) : undefined;
  const started = onlyProcessOf(ran);
  if (ran && started) return { pid: started.pid, basis: `${l.command} started ${ran}, which printed them: ${whoIs(started)}` };
  // …or ran it as a script: `mitmdump` printing Python's stack frames is the one Python whose fds are shown.
  const script = ran ? scriptRunBy(l, ran, model) : null;
  if (ran && script)
    return {
      pid: script.process.pid,
      basis: `${l.command} started ${ran}, which printed them with ${script.label} stack frames: a script its interpreter runs, ${whoIs(script.process)}, the only process whose fds the bundle shows`,
    };
  // The program the log file is named after wrote them (`/var/log/parity.log`).
  const own = !ran && lines.every((s) => !s.program && !s.relayedBy) ? logFileProgram(l.path) : undefined;
  const writer = onlyProcessOf(own) ?? onlyScriptOf(own, model);
  if (own && writer) return { pid: writer.pid, basis: `${l.path} is the log of ${own}: ${whoIs(writer)}` };
  // A JVM threw them (`java.io.IOException: Too many open files`): the only java process running.
  const thrown = lines.every((s) => !s.program && !s.relayedBy && javaThrown(s.ev.text)) ? onlyProcessOf('java') : null;
  if (thrown) return { pid: thrown.pid, basis: `a Java exception says it: ${whoIs(thrown)}, the only java process the bundle shows` };
  if (known.length === 1) return { pid: known[0].pid, basis: `${whoIs(known[0])} is the only process whose fds the bundle shows` };
  // No process's fds shown: the one the engineer looked up — found by its program (`ps aux | grep
  // agent`: /agent, pid 3039) and its own limit read (`cat /proc/3039/limits`) — is the process these
  // lines are about. A pid known only from its limits' path (no command) is no such lookup.
  const limited = known.length === 0 ? onlyWithOwnLimits(model) : null;
  if (limited)
    return {
      pid: limited.pid,
      basis: `${whoIs(limited)} is the only process whose command and own limits the bundle shows, and no process's fds are shown`,
    };
  // Beside the children it started with pipes for stdin, stdout and stderr (lsof shows a JVM's name for them too).
  const children = known.length > 1 ? stdioChildren(known) : new Map<number, number>();
  const parents = known.filter((p) => !children.has(p.pid));
  if (children.size > 0 && parents.length === 1) {
    const kids = known.filter((p) => children.get(p.pid) === parents[0].pid).map((p) => p.pid);
    if (kids.length === children.size)
      return {
        pid: parents[0].pid,
        basis: `${whoIs(parents[0])} is the only process whose fds the bundle shows, beside ${kids.length === 1 ? 'pid' : 'pids'} ${kids.join(', ')}, which it started with its pipes as their stdin, stdout and stderr`,
      };
  }
  return null;
}

/** A Java exception's class on the line (`java.io.IOException`, `java.nio.file.FileSystemException`): a JVM wrote it. */
const JAVA_THROWN = /\bjava\.(?:io|nio|net)\.[\w.]{0,80}(?:Exception|Error)\b/;

export function javaThrown(text: string | undefined): boolean {
  return text !== undefined && JAVA_THROWN.test(text);
}

/**
 * Where a log saved without its host path lives: the regular file its writer has open under the
 * log's file name (`jobrunner.log` saved beside `lsfd -p 18424`, whose fd 3 is
 * `/tmp/acc154/w/jobrunner/jobrunner.log`); the first such fd its listings show.
 */
function openPathOf(l: LogCapture, p: ProcessModel | undefined): string | undefined {
  if (!p) return undefined;
  const name = basename(l.file);
  for (const v of p.fdViews) {
    const list = v.holder.entries;
    for (let i = 0; i < list.length; i++) if (list.kind(i) === 'file' && basename(list.name(i)) === name) return list.name(i);
  }
  return undefined;
}

/** The process that has the log open, by its host path or, failing that, its file name. */
function openedBy(l: LogCapture, model: HostModel): { pid: number; basis: string } | null {
  const name = basename(l.path ?? l.file);
  for (const exact of [true, false]) {
    if (exact && l.path === undefined) continue;
    for (const p of model.processes.values()) {
      for (const v of p.fdViews) {
        const list = v.holder.entries;
        for (let i = 0; i < list.length; i++) {
          const open = list.name(i);
          if (exact ? open !== l.path : basename(open) !== name) continue;
          const ev = list.ev(i);
          return { pid: p.pid, basis: `${whoIs(p)} has ${open} open (${ev.file}:${ev.line})` };
        }
      }
    }
  }
  return null;
}

/** The one process in the bundle running the program a syslog tag names. */
function onlyProcessRunning(program: string, model: HostModel): ProcessModel | null {
  return theOneProcess(model, (p) => p.command !== null && sameProgram(p.command, program));
}

/**
 * The one process running the script a log file is named after (`/var/log/cfgwatch.err.log` beside
 * `/usr/bin/python3 /srv/acc267/cfgwatch/cfgwatch.py`, whose command is `python3`); null when none or several.
 */
export function onlyScriptOf(program: string | undefined, model: HostModel): ProcessModel | null {
  return program ? theOneProcess(model, (p) => scriptProgram(p.cmdline) === program) : null;
}

/** The one process of the bundle that `test` picks; null when none or several. */
function theOneProcess(model: HostModel, test: (p: ProcessModel) => boolean): ProcessModel | null {
  let found: ProcessModel | null = null;
  for (const p of model.processes.values()) {
    if (!test(p)) continue;
    if (found) return null;
    found = p;
  }
  return found;
}

/** comm is cut at 15 characters; a syslog tag may carry a path. */
function sameProgram(command: string, program: string): boolean {
  const tag = basename(program);
  return tag === command || (command.length === 15 && tag.startsWith(command));
}

/**
 * The one process whose own /proc/PID/limits the bundle shows (not one tied to it by elimination),
 * when its command is known too (a ps row); null when several are, or that one's program is not.
 */
function onlyWithOwnLimits(model: HostModel): ProcessModel | null {
  let found: ProcessModel | null = null;
  for (const p of model.processes.values()) {
    if (p.nofile?.basis !== 'proc-limits' || p.nofile.tiedBy !== undefined) continue;
    if (found) return null;
    found = p;
  }
  return found?.command ? found : null;
}

/**
 * The interpreter process a command's program ran as (script-interpreter.ts): the only process whose
 * fds the bundle shows, when the log prints that interpreter's stack frames; null otherwise.
 */
export function scriptRunBy(l: LogCapture, program: string, model: HostModel): { process: ProcessModel; label: string } | null {
  return interpreterOfScript(model, program, l.data.kept, hasFdEvidence);
}

function hasFdEvidence(p: ProcessModel): boolean {
  return p.fdViews.length > 0 || p.lsofRows !== undefined || p.pipelineCounts.length > 0 || p.snapshots.length > 0 || showsSocketFds(p);
}

/**
 * Rows of a connection listing with a process column that print the fd of each socket (ss -p's
 * `users:(("R",pid=723105,fd=120))`) show some of the process's fds, as an excerpt of its fd
 * listing would: netstat -p prints no fd, and rows tied to it by a path name none.
 */
export function showsSocketFds(p: Pick<ProcessModel, 'connections'>): boolean {
  return p.connections.some((c) => c.maxFd !== undefined && c.tiedBy === undefined);
}
