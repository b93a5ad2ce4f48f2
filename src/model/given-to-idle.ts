// `sleep` and a Kubernetes pod's `pause` open no fd at all: any fd of 3 and above in their listing
// came through execve from the program that started them, as with an `ls` listing its own fds
// (own-fd-listings.ts) — no process's case, no sign of health.
import type { ProcessModel } from './host.js';
import { type ExecTrouble, givenAtExec, givenAtExecTrouble } from './own-fd-listings.js';
import { whoIs } from './processes.js';

/** Programs that open no fd at all: coreutils' and busybox's `sleep`, a Kubernetes pod's `pause`. */
const OPENS_NONE = new Set(['sleep', 'pause']);

/**
 * A `sleep` or `pause` whose listing shows fds of 3 and above (crun#110's `sleep` holding
 * containerd-shim's socket on fd 3): it opened none, so each came through execve from the program
 * that started it, which held it without close-on-exec. Unless a process of the bundle is already
 * blamed for passing fds on (`inherited`), no case explains them, and they are no sign of health.
 */
export function givenToIdleTrouble(processes: Iterable<ProcessModel>): ExecTrouble | null {
  for (const p of processes) {
    if (!OPENS_NONE.has(p.command ?? '')) continue;
    const fds = givenAtExec(
      p.fdViews.flatMap((v) => [...v.holder.entries]),
      undefined,
      () => false,
    ).filter((e, i, all) => all.findIndex((x) => x.fd === e.fd) === i);
    if (fds.length === 0) continue;
    return givenAtExecTrouble(
      fds,
      (count, shown) => `${whoIs(p)} (${p.command}) holds ${count} beside its standard streams, ${shown}, and ${p.command} opens none: `,
      'a shell, a container runtime, a service',
      `PPID from \`ps -o ppid= -p ${p.lookup ? 'PID' : p.pid}\``,
    );
  }
  return null;
}
