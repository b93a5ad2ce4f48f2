// Jenkins's "Process leaked file descriptors." (stray-fd-report.ts): a build step ended while a
// process it started — a daemon, a server a test brought up — still held the step's output pipe,
// inherited without close-on-exec or a redirect. It is the inherited kind, of a process the line
// does not name: no process's case, and no sign of health either.
import type { EvidenceRef } from '../types.js';
import type { HostModel } from './host.js';
import { formatNumber as fmt } from '../format.js';

/** What the first log with such lines shows, as a sign of trouble no process's case explains; null when none has any. */
export function keptOutputPipeTrouble(logs: HostModel['logs']): { statement: string; evidence: EvidenceRef[] } | null {
  const l = logs.find((x) => x.data.keptOutputPipes !== undefined);
  if (!l) return null;
  const { count, first } = l.data.keptOutputPipes!;
  return {
    statement:
      `Jenkins reports in ${l.file} that a build step's process exited while a process it started still held the step's output pipe ` +
      `("Process leaked file descriptors"${count > 1 ? `, ${fmt(count)} times` : ''}): that process inherited the pipe's write end ` +
      '(no close-on-exec, no redirect of its output) and keeps it while it runs. The line names no process: `ps -ef --forest` on the agent ' +
      'after the step, or the step starting its daemons with their output redirected (`nohup cmd > log 2>&1 &`), shows which one.',
    evidence: [first],
  };
}

/**
 * liblxc's "Closed inherited fd N" lines (stray-fd-report.ts): a container's start was handed fds
 * above 2 by the program that started it, which held them without close-on-exec. liblxc closed
 * them, so the container does not keep them; the parent passes the same fds to every program it
 * starts. The lines name neither the parent nor its pid: no process's case, no sign of health.
 */
export function lxcInheritedTrouble(logs: HostModel['logs']): { statement: string; evidence: EvidenceRef[] } | null {
  const l = logs.find((x) => x.data.lxcInherited !== undefined);
  if (!l) return null;
  const { count, fds, first } = l.data.lxcInherited!;
  const shown = [...new Set(fds)].slice(0, 5).join(', ');
  return {
    statement:
      `liblxc reports in ${l.file} that it closed ${count === 1 ? 'an fd' : `${fmt(count)} fds`} it inherited at a container's start (fd ${shown}): ` +
      "the program that started it (`lxc-start`'s caller, LXD's `lxd forkstart`) held them without close-on-exec and hands them to every program it starts. " +
      'The lines name no process: `ls -l /proc/PID/fd` of that program shows which fds of its own lack close-on-exec.',
    evidence: [first],
  };
}
