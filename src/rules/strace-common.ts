// Shared by the strace rules (steps 8-11).
import type { RuleContext } from './rule.js';
import { sh } from '../shell.js';

/** The pid to trace: the suspect, else the process the strace was about. */
export function tracePid(ctx: RuleContext): number | null {
  return ctx.suspects[0]?.process.pid ?? ctx.strace?.pid ?? null;
}

/** The strace capture that catches a leak in the act, bounded so the process is not slowed for long. */
export function straceCapture(pid: number | string | null): string {
  const p = pid ?? 'PID';
  return sh`timeout -s INT 60 strace -f -tt -T -y -s 256 -p ${p} -o strace-${p}.txt`;
}

/** straceCapture, with the one-command alternative. */
export function straceCommand(pid: number | null): string {
  return `${straceCapture(pid)}   # or: ` + sh`fdleak collect --pid ${pid ?? 'PID'} --strace-seconds 60`;
}

export function threadLabel(tid: number, name: string | null): string {
  return name ? `thread ${tid} "${name}"` : `thread ${tid}`;
}
