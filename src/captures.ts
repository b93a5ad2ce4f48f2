// The commands that capture a piece of evidence, shown wherever it is missing. One place, so the
// same capture is always asked for the same way. Every value is quoted as one shell word.
import { sh } from './shell.js';

/** The strace capture that catches a leak in the act, bounded so the process is not slowed for long. */
export function straceCapture(pid: number | null): string {
  const p = pid ?? 'PID';
  return sh`timeout -s INT 60 strace -f -tt -T -y -s 256 -p ${p} -o strace-${p}.txt`;
}

/** straceCapture, with the one-command alternative. */
export function straceCommand(pid: number | null): string {
  return `${straceCapture(pid)}   # or: ` + sh`fdleak collect --pid ${pid ?? 'PID'} --strace-seconds 60`;
}

/** The exact fd count of every process (ls /proc/PID/fd), largest first. */
export const FD_COUNTS_CAPTURE =
  'for p in /proc/[0-9]*; do echo "$(ls $p/fd 2>/dev/null | wc -l) ${p#/proc/} $(cat $p/comm 2>/dev/null)"; done | sort -nr | head -20';

/** Every process's fds by kind (lsof), and the exact count of each. */
export const HOLDERS_CAPTURE = `lsof -n > lsof.txt; ${FD_COUNTS_CAPTURE}`;

/** Six counts of a process's fds ten seconds apart, each with its time: the growth rate. */
export function fdGrowthCapture(pid: number | null): string {
  const p = pid ?? 'PID';
  return sh`for i in 1 2 3 4 5 6; do echo "$(date +%T) $(ls /proc/${p}/fd | wc -l)"; sleep 10; done > fd-count-${p}.txt   # or: fdleak collect --pid ${p} --snapshots 6 --interval 10`;
}
