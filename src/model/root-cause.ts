// The root cause, only for a leak: what the strace of the leaking process shows (the thread that
// creates the fds it never closes, or, when the window shows no new leak, the thread whose calls
// fail with EMFILE), the file it writes to and the log line that says why; a strace of another
// instance of the same program stands in (the caveat is the analysis's to show). Without strace,
// the leaking process's own "Too many open files" line.
import type { RanOut, RootCause } from '../result.js';
import type { ExhaustionLine } from '../sources/app-log.js';
import { logMessage, opensRecord, quotedExhaustion } from '../sources/log-message.js';
import { isProseSentence } from '../bundle/prose-line.js';
import { namedOf, whoWithCommand } from './processes.js';
import type { ProcessCase } from './cases.js';
import type { Diagnosis } from './diagnosis.js';
import type { HostModel } from './host.js';
import type { OwnedLog } from './log-owners.js';
import type { StraceView } from './strace/view.js';
import type { StraceRootCause } from './strace/types.js';
import { UNNUMBERED_TID } from '../process-label.js';
import { loggedThread } from '../sources/log-thread.js';

/**
 * The root cause exists only for a leak: from the strace of the leaking process (or another
 * instance of it); without one, what the leaking process's own log says when it ran out.
 */
export function rootCauseOf(d: Diagnosis, view: StraceView | null, model: HostModel): RootCause | null {
  const lead = d.suspects[0];
  if (d.verdict !== 'leak' || !lead) return null;
  const traced = view?.pid !== null && view?.pid !== undefined ? model.processes.get(view.pid)?.command : undefined;
  const sameProgram = !traced || !lead.process.command || traced === lead.process.command;
  return (view && sameProgram && fromStrace(view, lead, model)) || fromLog(lead);
}

/**
 * Where a process's fds ran out, in any verdict: what its own strace shows of the thread whose
 * calls fail with EMFILE, else its log's "Too many open files" line.
 */
export function ranOutOf(c: ProcessCase, view: StraceView | null): RanOut | null {
  const traced = view?.pid === c.process.pid ? fromStrace(view, c) : null;
  const rc = (traced?.basis === 'exhaustion' ? traced : null) ?? fromLog(c);
  if (!rc || rc.basis === 'leak' || rc.basis === 'inherited') return null;
  return { basis: rc.basis, tid: rc.tid, path: rc.path, message: rc.message, statement: rc.statement, evidence: rc.evidence };
}

/**
 * Where fds ran out when no process can be named: the first EMFILE line of the logs no join could
 * place (docs/diagnosis.md, "Logs"), else the first ENFILE line (the host's file table ran out) —
 * of those logs, else of `written`, logs whose writer is known: an ENFILE line blames no process,
 * its writer's included (the ingress controller's glog `F0824 …  7 main.go:308] … accept4: too many
 * open files in system`). It says what ran out, not which process; the statement says so.
 */
export function unownedRanOut(logs: readonly OwnedLog[], written: ReadonlyMap<number, readonly OwnedLog[]> = new Map()): RanOut | null {
  const own = quotedLog(logs) ?? quotedLog(logs, 'ENFILE');
  if (!own) return writerEnfile(written);
  const { log, line } = own;
  const message = logMessage(line.ev.text!);
  return {
    basis: 'log',
    tid: null,
    path: log.path ?? null,
    message,
    statement:
      line.errno !== 'ENFILE'
        ? line.inotify
          ? `A process ran out of fds, or its user of inotify instances (inotify_init fails with EMFILE for both): ${log.file} says "${message}", and nothing in the bundle ties the line to a process. ` +
            'A count of `anon_inode:inotify` fds per process and `cat /proc/sys/fs/inotify/max_user_instances` say which.'
          : `A process ran out of fds: ${log.file} says "${message}", and nothing in the bundle ties the line to a process. ` +
            'Per-process fd counts and the pid that wrote the line say which.'
        : `The host's file table ran out (ENFILE): ${log.file} says "${message}", and nothing in the bundle ties the line to a process. ` +
          'Per-process fd counts say which process holds the files.',
    evidence: [line.ev],
  };
}

/** The first ENFILE line of a log whose writer is known, said as the host's, not the writer's. */
function writerEnfile(written: ReadonlyMap<number, readonly OwnedLog[]>): RanOut | null {
  for (const [pid, logs] of written) {
    const quoted = quotedLog(logs, 'ENFILE');
    if (!quoted) continue;
    const message = logMessage(quoted.line.ev.text!);
    const writer = pid >= 0 ? `pid ${pid}` : 'a process the bundle names';
    return {
      basis: 'log',
      tid: null,
      path: quoted.log.path ?? null,
      message,
      statement:
        `The host's file table ran out (ENFILE): ${quoted.log.file} says "${message}", written by ${writer}; ENFILE blames no process, ` +
        'its writer included. Per-process fd counts say which process holds the files.',
      evidence: [quoted.line.ev],
    };
  }
  return null;
}

/**
 * The log whose line to quote for where a process ran out: the first whose EMFILE line opens a
 * record (a time, a syslog prefix, a bracketed pid), else the first with any EMFILE line. A sentence
 * of prose that quotes the error (`Source: … (issue "Too many open files",`) read as a log of its own
 * gives way to the program's stamped line (`2023/02/14 08:55:29 http: Accept error: … accept: too
 * many open files; retrying in 10ms`) wherever either stands; with no stamped line, a tutorial's
 * sentence (`Scenario: Your application log displays the error message “Too many Open Files“. …`)
 * gives way to the first line that is no sentence (`Or: Too many open files`).
 */
export function quotedLog(
  logs: readonly OwnedLog[],
  errno: 'EMFILE' | 'ENFILE' = 'EMFILE',
): { log: OwnedLog; line: ExhaustionLine } | null {
  let first: { log: OwnedLog; line: ExhaustionLine } | null = null;
  let plain: { log: OwnedLog; line: ExhaustionLine } | null = null;
  for (const log of logs) {
    const line = quotedExhaustion(log.samples, errno);
    if (!line?.ev.text) continue;
    if (opensRecord(line.ev.text)) return { log, line };
    first ??= { log, line };
    if (!isProseSentence(line.ev.text)) plain ??= { log, line };
  }
  return plain ?? first;
}

/** The log line of the suspect that says it ran out: the symptom, with where to look next. */
function fromLog(lead: ProcessCase): RootCause | null {
  const quoted = quotedLog(lead.logs);
  if (!quoted) return null;
  const { log, line } = quoted;
  const message = logMessage(line.ev.text!);
  const pid = namedOf(lead.process).pid;
  const who = whoWithCommand(lead.process);
  const ranOut = log.earlierInstance ? `${log.earlierInstance}, an earlier instance of ${who}, ran out of fds` : `${who} ran out of fds`;
  return {
    basis: 'log',
    pid,
    tid: loggedThread(line.ev.text!, pid),
    fd: null,
    path: log.path ?? null,
    message,
    statement: `${ranOut}: its log says "${message}" (${log.file}). ` + 'A strace of it shows which thread makes the fds, and where.',
    evidence: [line.ev],
  };
}

function fromStrace(view: StraceView, lead: ProcessCase, model?: HostModel): RootCause | null {
  const found = view.analysis.rootCause;
  if (!found) return null;
  const rc = shown(found, model ?? null, lead);
  return found.message === null ? withLogMessage(rc, lead) : rc;
}

/**
 * The pid and tid as a result shows them: none for a process without a pid in the bundle (its
 * model key is never shown), none for the thread of a capture whose lines carry no tid.
 */
function shown(rc: StraceRootCause, model: HostModel | null, lead: ProcessCase): RootCause {
  const p = model?.processes.get(rc.pid) ?? (rc.pid === lead.process.pid ? lead.process : undefined);
  return { ...rc, pid: p?.lookup ? null : rc.pid, tid: rc.tid === UNNUMBERED_TID ? null : rc.tid };
}

/** When the leaking thread writes no log line, the suspect's own log may still say what failed. */
function withLogMessage(rc: RootCause, lead: ProcessCase): RootCause {
  const quoted = quotedLog(lead.logs);
  const text = quoted?.line.ev.text;
  if (!quoted || !text) return rc;
  const { log, line } = quoted;
  const message = logMessage(text);
  // The file the line was written to is where the process says it ran out, when its host path is known.
  return {
    ...rc,
    path: rc.path ?? log.path ?? null,
    message,
    statement: `${rc.statement.replace(/\.$/, '')}; its log says "${message}".`,
    evidence: [...rc.evidence, line.ev],
  };
}
