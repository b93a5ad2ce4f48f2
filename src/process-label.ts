// How text names a process. Most are named by their pid; a process the bundle names only by a
// command that would print its pid (`$(cat /var/run/docker.pid)`, `pgrep rsyslogd`) is named by
// its name and that command, and never given a pid of its own.

/** What a text needs of a process to name it. */
export interface Named {
  pid: number | null;
  command: string | null;
  /** How the bundle names a process whose pid it does not show (`the pid file /var/run/docker.pid`). */
  namedBy?: string;
  /** The command that prints that pid (`cat /var/run/docker.pid`), quoted for a shell; none for a process known only by its strace. */
  pidCommand?: string;
  /** Known only by a strace of it whose lines carry no pid (`strace ./prog`): the traced process. */
  traced?: boolean;
}

/** What a result says of a process without a pid: namedBy, and pidCommand and traced when set; nothing for a pid. */
export function pidlessFields(p: Named): Pick<Named, 'namedBy' | 'pidCommand' | 'traced'> {
  if (p.pid !== null || p.namedBy === undefined) return {};
  return {
    namedBy: p.namedBy,
    ...(p.pidCommand !== undefined ? { pidCommand: p.pidCommand } : {}),
    ...(p.traced ? { traced: true } : {}),
  };
}

/** What a suspect's `command` says when the bundle does not name its program. */
export const UNKNOWN_COMMAND = 'unknown';

/** The name of a process without a pid, when the bundle gives one (a suspect's `unknown` is none). */
function nameOf(p: Pick<Named, 'command'>): string | null {
  return p.command && p.command !== UNKNOWN_COMMAND ? p.command : null;
}

/**
 * `pid 4242`, `the process named dockerd (its pid is not in the bundle; named by the pid file
 * /run/dockerd.pid)`, or `the process whose pid is not in the bundle (named by …)`.
 */
export function processLabel(p: Named): string {
  if (p.pid !== null) return `pid ${p.pid}`;
  const name = nameOf(p);
  // Known by neither name nor strace: the words processName gives it, what named it after them.
  if (!name && !p.traced) return `the process whose pid is not in the bundle${p.namedBy ? ` (named by ${p.namedBy})` : ''}`;
  const who = name ? `the process named ${name}` : 'the traced process';
  return `${who} (its pid is not in the bundle${p.namedBy ? `; named by ${p.namedBy}` : ''})`;
}

/** `pid 4242`, or `the process named dockerd`: for text that names it again after its full label. */
export function processName(p: Named): string {
  if (p.pid !== null) return `pid ${p.pid}`;
  const name = nameOf(p);
  if (name) return `the process named ${name}`;
  return p.traced ? 'the traced process' : 'the process whose pid is not in the bundle';
}

/**
 * A strace capture without a pid column (`strace ./prog`, `strace -p PID` without -f) follows one
 * thread and prints no tid: its lines read as tid 0 until the traced pid is known.
 */
export const UNNUMBERED_TID = 0;

/** `thread 4783 "cat-sender"`, or `the traced thread` when its lines carry no tid. */
export function threadLabel(tid: number, name?: string | null): string {
  if (tid === UNNUMBERED_TID) return 'the traced thread';
  return `thread ${tid}${name ? ` "${name}"` : ''}`;
}

/** `thread 4783 "cat-sender" of pid 4730`, or `the traced thread`: its process has no pid to give. */
export function threadOfPid(tid: number, name: string | null, pid: number): string {
  if (tid === UNNUMBERED_TID) return threadLabel(tid);
  // A process without a pid in the bundle is kept under a negative key, never shown.
  return `${threadLabel(tid, name)} of ${pid < 0 ? 'the traced process' : `pid ${pid}`}`;
}

/** `pid 4242 (java)` (`pid 4242` when the bundle does not name its program), or the label of a process without a pid, which names its command already. */
export function processWithCommand(p: Named): string {
  if (p.pid === null) return processLabel(p);
  const name = nameOf(p);
  return name ? `pid ${p.pid} (${name})` : `pid ${p.pid}`;
}

/**
 * `pid 4242 (java)`, or `the process named dockerd`: for a title, a caption or an action, once its
 * full label (how the bundle names it) is on the page.
 */
export function processBrief(p: Named): string {
  return p.pid !== null ? processWithCommand(p) : processName(p);
}

/** What stands for the pid in a command shown to run: `4242`, `$(cat /var/run/docker.pid)`, else the placeholder PID. */
export function pidArgument(p: Pick<Named, 'pid' | 'pidCommand'>): string {
  if (p.pid !== null) return String(p.pid);
  return p.pidCommand ? `$(${p.pidCommand})` : 'PID';
}

/** A word for file names of per-process captures: the pid, else the process's name. */
export function pidFileWord(p: Pick<Named, 'pid' | 'command'>): string {
  return p.pid !== null ? String(p.pid) : (nameOf(p) ?? 'PID');
}

/** The same process in two texts: the same pid; without one, the same name found the same way. */
export function sameProcess(a: Named, b: Named): boolean {
  if (a.pid !== null || b.pid !== null) return a.pid === b.pid;
  return a.command === b.command && a.namedBy === b.namedBy;
}

/** A label that opens a sentence: `pid 4242 (java)` as it is (pids are written lower case), `The process named dockerd (…)`. */
export function sentenceStart(label: string): string {
  return label.startsWith('the ') ? `T${label.slice(1)}` : label;
}
