// Captures that do not say which process they are about — an `ls -l /proc/$(pgrep x)/fd` pasted
// alone, a limits file named `limits.txt` — belong to the only process they can be: the one their
// command names, else the only process the bundle knows (from any source, a strace's traced pid
// included). The basis says how each was tied; what cannot be tied stays out of every case. A
// bundle of logs alone whose exhaustion lines name one pid is about that process.
import { basename } from 'node:path';
import type { HostModel } from './host.js';
import { labelOf, listedOnlyProcess, nameOnlyProcess, processOf, processesNamed, sortSamples } from './build.js';
import { isProgramName, pidLookup } from './pipeline.js';

export function bindUnnamed(model: HostModel, tracedPids: readonly number[]): void {
  if (tracedPids.length === 0) processOfLogs(model);
  namesFromLogs(model);
  addNameOnlyProcesses(model);
  const only = theOnlyProcess(model, tracedPids);
  model.unnamedFdViews = model.unnamedFdViews.filter((v) => {
    // The shell's own fds: its pid, when the transcript shows it; never another process by elimination.
    if (OWN_SHELL.test(v.command ?? '')) {
      const shell = promptShell(model, v.file);
      if (shell) processOf(model, shell.pid).fdViews.push({ ...v, holder: { ...v.holder, pid: shell.pid }, boundBy: shell.why });
      return !shell;
    }
    const name = v.name ?? programInFileName(model, v.file);
    const named = name ? processesNamed(model, name) : [];
    const pid = named.length === 1 ? named[0].pid : v.name ? undefined : only;
    if (pid === undefined) return true;
    const p = processOf(model, pid);
    const why = named.length === 1 ? `${name} is ${labelOf(p)}` : `${labelOf(p)} is the process the bundle is about`;
    p.fdViews.push({ ...v, holder: { ...v.holder, pid }, boundBy: why });
    if (!p.command && v.name) p.command = v.name;
    return false;
  });
  listedOnly(model, tracedPids);
  model.unnamedSamples = model.unnamedSamples.filter((s) => {
    const name = programInFileName(model, s.ev.file);
    const named = name ? processesNamed(model, name) : [];
    const pid = named.length === 1 ? named[0].pid : only;
    if (pid === undefined) return true;
    const p = processOf(model, pid);
    p.snapshots.push({ ...s, pid });
    sortSamples(p.snapshots);
    return false;
  });
  model.unboundLimits = model.unboundLimits.filter((c) => {
    const name = programInFileName(model, c.file);
    const named = name ? processesNamed(model, name) : [];
    const pid = named.length === 1 ? named[0].pid : only;
    if (pid === undefined) return true;
    const p = processOf(model, pid);
    if (p.nofile?.basis === 'proc-limits') return true;
    const label = labelOf(p);
    const why = named.length === 1 ? `its name says ${name}, ${label}` : `${label} is the process the bundle is about`;
    p.nofile = { ...c.data.openFiles!, basis: 'proc-limits', tiedBy: `it names no pid; ${why}` };
    return false;
  });
}

/**
 * One listing that says not whose fds it shows (`ls -l` of an fd folder pasted alone), in a bundle
 * that knows no process at all: its process is the one the bundle is about, known by the listing
 * alone (never given a pid). With any other process in the bundle the listing may be its: it stays
 * unnamed.
 */
function listedOnly(model: HostModel, tracedPids: readonly number[]): void {
  if (model.unnamedFdViews.length !== 1 || model.processes.size > 0 || tracedPids.length > 0) return;
  const v = model.unnamedFdViews[0];
  const p = listedOnlyProcess(model, v.holder.firstEvidence);
  p.fdViews.push({ ...v, holder: { ...v.holder, pid: p.pid }, boundBy: 'it is the only process the bundle shows' });
  if (v.holder.user) p.user = v.holder.user;
  model.unnamedFdViews = [];
}

/** `ls -l /proc/$$/fd`: the fds of the shell that runs the command. */
const OWN_SHELL = /\/proc\/\$\$\/fd\b/;
/** argv[0] of a shell (`/bin/bash`, `-bash`, `zsh`). */
const SHELL = /^-?(?:\/\S*\/)?(?:ba|z|da|k|mk|tc|c|fi|a)?sh$/;

/**
 * The shell at the prompts of a transcript, when the transcript shows its pid: an LVM tool run at
 * a prompt of that file names its parent, and the parent of a command typed at a prompt is the
 * shell (only when it is one: `sudo lvm` names sudo). Several such pids: no answer.
 */
function promptShell(model: HostModel, file: string): { pid: number; why: string } | undefined {
  const reports = model.strayFds.filter((r) => r.ev.file === file && r.atPrompt && SHELL.test(r.parentCommand ?? ''));
  const pids = new Set(reports.map((r) => r.parentPid));
  if (pids.size !== 1) return undefined;
  const r = reports[0];
  return {
    pid: r.parentPid,
    why: `$$ is the shell at the prompt: pid ${r.parentPid} (${r.parentCommand}), the parent ${r.program} names when run at a prompt of ${file} (line ${r.ev.line})`,
  };
}

/**
 * Captures about a process found by a pid lookup (`ls -l /proc/$(cat /var/run/docker.pid)/fd | wc -l`,
 * `ls -l /proc/\`pgrep rsyslogd\`/fd`) whose name no process with a pid has: that process, known by
 * its name alone. With a process of that name in the bundle they join it as before.
 */
function addNameOnlyProcesses(model: HostModel): void {
  const withPid = (name: string) => processesNamed(model, name).some((p) => !p.lookup);
  for (const v of model.unnamedFdViews) {
    const lookup = pidLookup(v.command);
    if (lookup && !withPid(lookup.name)) nameOnlyProcess(model, lookup);
  }
  for (const c of model.namedCounts) {
    const lookup = pidLookup(c.basis);
    if (!lookup || withPid(lookup.name)) continue;
    const p = nameOnlyProcess(model, lookup);
    p.pipelineCounts.push({ value: c.value, ev: c.ev, basis: c.basis, grep: c.grep, tool: c.tool });
  }
  // "Too many open files" under a syslog tag with no pid (`octo_parser: ...`), in a bundle with no
  // process of that name: the program that wrote it, known by its name.
  for (const l of model.logs) {
    for (const s of l.data.exhaustion?.samples ?? []) {
      const name = s.pid === undefined && s.program ? basename(s.program) : undefined;
      if (name && isProgramName(name) && !withPid(name)) nameOnlyProcess(model, { name, by: 'syslog-tag', file: l.file });
    }
  }
}

/**
 * A bundle of logs and nothing that lists processes, whose "Too many open files" lines name one
 * pid (a syslog prefix, nginx's `pid#tid`): nothing says that process is gone, so it is the one
 * the bundle is about. (With a process list, pids missing from it are earlier instances.)
 */
function processOfLogs(model: HostModel): void {
  if (model.processes.size > 0) return;
  const samples = model.logs.flatMap((l) => l.data.exhaustion?.samples ?? []);
  const pids = new Set(model.logs.flatMap((l) => Object.keys(l.data.exhaustion?.byPid ?? {})));
  if (pids.size !== 1) return;
  const pid = Number([...pids][0]);
  const named = samples.find((x) => x.pid === pid);
  const p = processOf(model, pid);
  if (named?.program) p.command = named.program;
  if (named) p.identity.push(named.ev);
}

/** A process known by its pid alone is named by a log line that names both (`NetworkManager[5261]:`). */
function namesFromLogs(model: HostModel): void {
  for (const l of model.logs) {
    for (const x of l.data.exhaustion?.samples ?? []) {
      const p = x.pid !== undefined ? model.processes.get(x.pid) : undefined;
      if (p && !p.command && x.program) p.command = x.program;
    }
  }
}

/** `agentd-fd.txt`, `notifyd.limits`: a word of the file's name that is the name of one process. */
function programInFileName(model: HostModel, file: string): string | undefined {
  const words = (file.split('/').pop() ?? '').split(/[-_.]+/).filter((w) => w.length >= 3 && !/^\d+$/.test(w));
  const hits = words.filter((w) => processesNamed(model, w).length === 1);
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * The process the bundle is about: the only one it knows of; else the only one its per-process
 * captures target (the traced pid of a strace, the manifest's suspect), when others appear only in
 * host-wide tables (a peer in `ss -p`, a row of `ps aux`).
 */
function theOnlyProcess(model: HostModel, tracedPids: readonly number[]): number | undefined {
  // A process known by name alone is known by what names it: an unnamed capture is not its by elimination.
  const withPid = [...model.processes.values()].filter((p) => !p.lookup).map((p) => p.pid);
  const known = new Set([...withPid, ...tracedPids]);
  if (known.size === 1) return [...known][0];
  const focus = new Set([...tracedPids, ...(model.suspectHint !== undefined ? [model.suspectHint] : [])]);
  return focus.size === 1 ? [...focus][0] : undefined;
}
