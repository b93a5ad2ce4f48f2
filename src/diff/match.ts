// Pairs the processes of two analyses: the same pid when nothing says it runs another program;
// across a restart (new pid), the same command line, else the same command run by the same user
// when a side does not know the command line — only when exactly one process on each side has it,
// so a pool of identical workers is never paired at random.
import type { ProcessFds } from '../result.js';
import type { Match } from './result.js';
import { codeSpan } from '../rich.js';

export interface Paired {
  a: ProcessFds | null;
  b: ProcessFds | null;
  match: Match;
}

export function pairProcesses(a: readonly ProcessFds[], b: readonly ProcessFds[]): Paired[] {
  const out: Paired[] = [];
  const restA = new Set(a);
  const restB = new Set(b);
  const notes = new Map<ProcessFds, string>();
  const take = (x: ProcessFds, y: ProcessFds, match: Match) => {
    restA.delete(x);
    restB.delete(y);
    out.push({ a: x, b: y, match });
  };

  // A process named without its pid pairs by no pid.
  const byPid = new Map(b.filter((p) => p.pid !== null).map((p) => [p.pid, p]));
  for (const x of a) {
    const y = x.pid !== null ? byPid.get(x.pid) : undefined;
    if (!y) continue;
    const other = otherProgram(x, y);
    if (other) {
      notes.set(x, `pid ${x.pid} runs ${other} in B: not the same process`);
      notes.set(y, `pid ${y.pid} ran ${otherProgram(y, x)} in A: not the same process`);
      continue;
    }
    take(x, y, { by: 'pid', text: 'same pid' });
  }

  const keys: { by: 'cmdline' | 'command-user'; label: string; key: (p: ProcessFds) => string | null }[] = [
    { by: 'cmdline', label: 'same command line', key: (p) => p.cmdline },
    {
      by: 'command-user',
      label: 'same command and user',
      key: (p) => (p.command !== null && p.user !== null ? `${p.command}\u0000${p.user}` : null),
    },
  ];
  for (const k of keys) {
    const groupsA = groupBy([...restA], k.key);
    const groupsB = groupBy([...restB], k.key);
    for (const [key, xs] of groupsA) {
      const ys = groupsB.get(key);
      if (!ys) continue;
      // Two command lines that differ are two programs, whatever their command.
      if (k.by === 'command-user' && xs.length === 1 && ys.length === 1 && xs[0].cmdline !== null && ys[0].cmdline !== null) continue;
      if (xs.length === 1 && ys.length === 1) {
        take(xs[0], ys[0], { by: k.by, text: `${k.label} (pid ${xs[0].pid ?? '–'} → ${ys[0].pid ?? '–'})` });
        continue;
      }
      const note = `${xs.length} process${xs.length === 1 ? '' : 'es'} in A and ${ys.length} in B have the ${k.label.replace('same ', '')}: not paired`;
      for (const p of [...xs, ...ys]) if (!notes.has(p)) notes.set(p, note);
    }
  }

  for (const x of restA) out.push({ a: x, b: null, match: withNote({ by: 'only-a', text: 'only in A' }, notes.get(x)) });
  for (const y of restB) out.push({ a: null, b: y, match: withNote({ by: 'only-b', text: 'only in B' }, notes.get(y)) });
  return out;
}

/**
 * What y runs when it is not x's program: its command line, else its command, when both sides know
 * it. One command may be the other cut short (lsof prints 9 characters, /proc/PID/comm keeps 15).
 */
function otherProgram(x: ProcessFds, y: ProcessFds): string | null {
  if (x.cmdline !== null && y.cmdline !== null) return x.cmdline === y.cmdline ? null : codeSpan(y.cmdline);
  if (x.command !== null && y.command !== null)
    return x.command.startsWith(y.command) || y.command.startsWith(x.command) ? null : y.command;
  return null;
}

function groupBy(list: readonly ProcessFds[], key: (p: ProcessFds) => string | null): Map<string, ProcessFds[]> {
  const out = new Map<string, ProcessFds[]>();
  for (const p of list) {
    const k = key(p);
    if (k === null) continue;
    const g = out.get(k);
    if (g) g.push(p);
    else out.set(k, [p]);
  }
  return out;
}

function withNote(m: Match, note: string | undefined): Match {
  return note ? { ...m, note } : m;
}
