// The commands that capture a piece of evidence, shown wherever it is missing. One place, so the
// same capture is always asked for the same way. Every value is quoted as one shell word.
import { pidArgument, pidFileWord } from './process-label.js';
import { shellWord } from './shell.js';

/**
 * The process a capture is for: its pid; null for the placeholder PID; or, for a process the
 * bundle names without its pid, its name and the command (quoted already) that prints the pid.
 */
export type PidRef = number | null | { command: string | null; pidCommand: string };

/** The pid as the command gives it: `4242`, `PID`, `$(cat /var/run/docker.pid)`. */
function pidWord(who: PidRef): string {
  if (who === null) return 'PID';
  return typeof who === 'number' ? shellWord(who) : pidArgument({ pid: null, pidCommand: who.pidCommand });
}

/** The word of a capture's file name: the pid, PID, or the process's name. */
function fileWord(who: PidRef): string {
  return who === null ? 'PID' : typeof who === 'number' ? String(who) : pidFileWord({ pid: null, command: who.command });
}

/** The strace capture that catches a leak in the act, bounded so the process is not slowed for long. */
export function straceCapture(who: PidRef): string {
  return `timeout -s INT 60 strace -f -tt -T -y -s 256 -p ${pidWord(who)} -o ${shellWord(`strace-${fileWord(who)}.txt`)}`;
}

/** straceCapture, with the one-command alternative. */
export function straceCommand(who: PidRef): string {
  return `${straceCapture(who)}   # or: fdleak collect --pid ${pidWord(who)} --strace-seconds 60`;
}

/** The exact fd count of every process (ls /proc/PID/fd), largest first. */
export const FD_COUNTS_CAPTURE =
  'for p in /proc/[0-9]*; do echo "$(ls $p/fd 2>/dev/null | wc -l) ${p#/proc/} $(cat $p/comm 2>/dev/null)"; done | sort -nr | head -20';

/** Every process's fds by kind (lsof), and the exact count of each. */
export const HOLDERS_CAPTURE = `lsof -n > lsof.txt; ${FD_COUNTS_CAPTURE}`;

/** Six counts of a process's fds ten seconds apart, each with its time: the growth rate. */
export function fdGrowthCapture(who: PidRef): string {
  const p = pidWord(who);
  return `for i in 1 2 3 4 5 6; do echo "$(date +%T) $(ls /proc/${p}/fd | wc -l)"; sleep 10; done > ${shellWord(`fd-count-${fileWord(who)}.txt`)}   # or: fdleak collect --pid ${p} --snapshots 6 --interval 10`;
}

/** A process's own captures: its fds listed, its limit. */
export function listingCapture(who: PidRef): string {
  const p = pidWord(who);
  const f = fileWord(who);
  return `lsof -n -p ${p} > ${shellWord(`lsof-p-${f}.txt`)}; ls -l /proc/${p}/fd > ${shellWord(`proc-${f}-fd.txt`)}`;
}

export function limitsCapture(who: PidRef): string {
  return `cat /proc/${pidWord(who)}/limits > ${shellWord(`proc-${fileWord(who)}-limits.txt`)}`;
}
