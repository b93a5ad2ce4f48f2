// The model's processes: found or made by pid, made without one (a pid lookup, a strace, a listing
// that names none), and how a text names each.
import type { PidRef } from '../captures.js';
import { type Named, processBrief, processLabel, processName, processWithCommand } from '../process-label.js';
import type { UlimitArtifact } from '../sources/artifacts.js';
import type { Capture, HostModel, ProcessModel } from './host.js';
import { lookupText, type PidLookup } from './pid-lookups.js';

export function processOf(model: HostModel, pid: number): ProcessModel {
  let p = model.processes.get(pid);
  if (!p) {
    p = {
      pid,
      command: null,
      cmdline: null,
      user: null,
      identity: [],
      threads: new Map(),
      fdViews: [],
      pipelineCounts: [],
      connections: [],
      snapshots: [],
    };
    model.processes.set(pid, p);
  }
  return p;
}

/**
 * The process a pid lookup names (`$(cat /var/run/docker.pid)`, `pgrep rsyslogd`) when no process
 * of that name has a pid in the bundle: one per name, under a negative key, never a made-up pid.
 */
export function nameOnlyProcess(model: HostModel, lookup: PidLookup): ProcessModel {
  const text = lookupText(lookup);
  // A container's process is known by where it runs (`pid 1 in container web`), not by its program.
  const inContainer = lookup.by === 'container';
  const same = [...model.processes.values()].find(
    (p) => p.lookup && !p.lookup.traced && (inContainer ? p.lookup.namedBy === text.namedBy : p.command === lookup.name),
  );
  if (same) return same;
  const p = processOf(model, pidlessKey(model));
  p.command = inContainer ? null : lookup.name;
  p.lookup = text;
  return p;
}

/**
 * The process a strace capture traced when its lines carry no pid (`strace ./prog`) and nothing in
 * the bundle says which it was: a process of its own, known only by that capture (and by the
 * program its command runs, when the bundle shows it). Its pid is never guessed.
 */
export function tracedOnlyProcess(
  model: HostModel,
  files: readonly string[],
  started?: { program: string; capture: Capture<unknown> },
): ProcessModel {
  const p = processOf(model, pidlessKey(model));
  const program = started?.program;
  p.command = program ?? null;
  // Its program's name prints its pid while it runs.
  const pidCommand = program ? lookupText({ name: program, by: 'pgrep', args: [program] }).pidCommand : undefined;
  p.lookup = { namedBy: `the strace in ${files.join(', ')}`, ...(pidCommand ? { pidCommand } : {}), traced: true };
  if (started) startedUnderLimit(model, p, started.capture, `${started.program} under strace`);
  return p;
}

/**
 * A process the capture's command started (`strace prog`, `prog` printing its log, `bash -c 'ulimit
 * -n 8; prog'`) runs under the last `ulimit -n N` typed in the same shell before it: its own limit.
 */
export function startedUnderLimit(model: HostModel, p: ProcessModel, capture: Capture<unknown>, what: string): void {
  const set = p.nofile ? undefined : limitSetBefore(model, capture);
  if (set) p.nofile = { ...set.data.openFiles!, basis: 'ulimit', tiedBy: `${set.command}, typed in the shell that then started ${what}` };
}

/** The last `ulimit -n N` typed in the same transcript before the capture's command. */
function limitSetBefore(model: HostModel, capture: Capture<unknown>): Capture<UlimitArtifact> | undefined {
  return model.ulimits.filter((u) => u.data.set && u.data.openFiles && u.file === capture.file && u.order < capture.order).at(-1);
}

/** The next negative key of the model: a process without a pid is stored under one, never shown. */
function pidlessKey(model: HostModel): number {
  return -1 - [...model.processes.values()].filter((p) => p.lookup).length;
}

/** The process as a capture command addresses it: its pid, or the lookup that prints it. */
export function pidRefOf(p: ProcessModel): PidRef {
  if (!p.lookup) return p.pid;
  return p.lookup.pidCommand ? { command: p.command, pidCommand: p.lookup.pidCommand } : null;
}

/**
 * The process whose fds a listing (or its timed fd counts) shows when nothing says whose they are
 * and the bundle knows no other process: the process the bundle is about, known by that capture
 * alone. Its pid is never guessed; no command prints it. A listing of `/proc/$$/fd` names the shell
 * at its prompt.
 */
export function listedOnlyProcess(
  model: HostModel,
  ev: { file: string; line: number },
  shown: 'listing' | 'own-shell' | 'counts' = 'listing',
): ProcessModel {
  const p = processOf(model, pidlessKey(model));
  const namedBy =
    shown === 'own-shell'
      ? `\`$$\` in the listing at ${ev.file}:${ev.line}: the shell at its prompt, whose pid it does not print`
      : `the ${shown === 'counts' ? 'fd counts' : 'fd listing'} at ${ev.file}:${ev.line} alone, which name${shown === 'counts' ? '' : 's'} no process`;
  p.lookup = { namedBy, listed: true };
  return p;
}

/** `pid 4242`, or `the process named dockerd`. */
export function whoIs(p: ProcessModel): string {
  return processName(namedOf(p));
}

/** `pid 4242 (java)`, or `the process named dockerd (its pid is not in the bundle; named by ...)`. */
export function whoWithCommand(p: ProcessModel): string {
  return processWithCommand(namedOf(p));
}

/** `pid 4242 (java)`, or `the process named dockerd`: a title's or a caption's name of it. */
export function whoBrief(p: ProcessModel): string {
  return processBrief(namedOf(p));
}

/** `pid 4242`, or the process's name with how the bundle names it. */
export function labelOf(p: ProcessModel): string {
  return processLabel(namedOf(p));
}

/** What a text needs to name the process: its pid, or how the bundle names it without one. */
export function namedOf(p: ProcessModel): Named {
  if (!p.lookup) return { pid: p.pid, command: p.command };
  const { namedBy, pidCommand, traced } = p.lookup;
  return { pid: null, command: p.command, namedBy, ...(pidCommand ? { pidCommand } : {}), ...(traced ? { traced } : {}) };
}
