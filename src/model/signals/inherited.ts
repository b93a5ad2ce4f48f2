// Children that keep fds their parent opened: a fork copies every fd, and execve closes only those
// marked close-on-exec. The children's own fd listings show it (`ls -l /proc/CHILD/fd`): a helper
// such as `sleep 30` holding the parent's log file or a socket at fd 3 and above inherited them.
// So does a socket that ss -p (a listener) or lsof (any TCP or UDP socket) shows in processes of other programs.
// The suspect is the parent; a process holding what an ancestor passed down is from-ancestors.ts'.
import { formatNumber as fmt } from '../../format.js';
import type { EvidenceRef } from '../../types.js';
import type { FdEntry } from '../../sources/artifacts.js';
import type { HostModel, ProcessModel } from '../host.js';
import type { Signal, SignalSource } from '../signal.js';
import { linkTargetKind } from '../../sources/fd-kind.js';
import { MANY_KEEPERS, MANY_KEPT } from './strace.js';
import { appendTo, maxOf } from '../../many-values.js';

/** This many children of the process in ps, with the fds seen held by at least two listed: decisive. */
const MANY_CHILDREN = 10;

export const inheritedSignals: SignalSource = (ctx) => [...heldByChildren(ctx), ...sharedListener(ctx), ...reportedByChildren(ctx)];

/**
 * Holders of its sockets that are other programs: from this many, decisive. One alone is
 * no signal: a fork caught before its execve holds every fd, under the forking thread's name (a
 * JVM's "Ops-Runner" starting a command), and closes them as it execs.
 */
const OTHER_HOLDERS = 2;

/**
 * A socket held by processes of different programs (a listener in ss -p's users list; any TCP or
 * UDP socket in lsof rows, by its inode: shared-sockets.ts): only a fork
 * shares a socket, and only an fd not marked close-on-exec survives the execve into another
 * program. The oldest holder (lowest pid) made it; the others are the children that kept it. A
 * socket systemd (pid 1) passes to a service it activates is shared on purpose.
 */
const sharedListener: SignalSource = ({ model, facts }) => {
  const pid = facts.process.pid;
  const oldest = (x: HostModel['sharedListeners'][number]) => x.owners.reduce((a, b) => (b.pid < a.pid ? b : a)).pid;
  // A holder younger than another in some row is a child; a row whose oldest holder is one shows
  // the children after the creator exited.
  const children = new Set(model.sharedListeners.flatMap((x) => x.owners.filter((o) => o.pid !== oldest(x)).map((o) => o.pid)));
  const rows = model.sharedListeners.filter(
    (x) => oldest(x) === pid && !children.has(pid) && !x.owners.some((o) => o.pid === 1 || o.command === 'systemd'),
  );
  if (rows.length === 0) return [];
  const own = facts.process.command;
  const others = new Map<number, string | undefined>();
  const copies = new Map<string, number>();
  for (const x of rows) {
    for (const o of x.owners) {
      if (o.pid === pid || o.command === own) continue;
      others.set(o.pid, o.command);
      copies.set(x.file, (copies.get(x.file) ?? 0) + 1);
    }
  }
  if (others.size < OTHER_HOLDERS) return [];
  const names = [...new Set(others.values())].filter((n) => n !== undefined).slice(0, 3);
  return [
    {
      id: 'inherited-listener',
      kind: 'inherited',
      weight: 3,
      // The fds the others keep, in the capture that shows the most.
      count: maxOf(copies.values()),
      statement:
        `${fmt(rows.length)} socket${rows.length === 1 ? '' : 's'} of it ${rows.length === 1 ? 'is' : 'are'} also held by ` +
        `${fmt(others.size)} process${others.size === 1 ? '' : 'es'} of other programs (${names.join(', ')}): children that kept the fd across execve, as an fd not marked close-on-exec is; while one runs, the socket stays open (a listener's port stays taken).`,
      evidence: rows.slice(0, 3).map((x) => x.ev),
    },
  ];
};

/** The children's own fd listings show fds the parent opened. */
const heldByChildren: SignalSource = ({ facts }) => {
  const parent = facts.process;
  const children = facts.children;
  if (children.length === 0) return [];
  const parentNames = new Set(parent.fdViews.flatMap((v) => [...v.holder.entries].map((e) => e.name)));
  // Only a whole listing of the parent shows which inodes it does not hold.
  const parentInodes = new Set(inodesOf(parent, true).values());
  const parentHoldsNone = holdsNoPipeOrSocket(parent);
  const holding: { child: ProcessModel; fds: FdEntry[] }[] = [];
  for (const child of children) {
    const own = inodesOf(child);
    const fds = child.fdViews
      .flatMap((v) => [...v.holder.entries])
      .filter((e) => inherited(e, child, parent, parentNames, parentHoldsNone) && sharedIfKnown(e, own, parentInodes));
    if (fds.length > 0) holding.push({ child, fds });
  }
  if (holding.length === 0) return [];
  const kept = holding.reduce((n, h) => n + h.fds.length, 0);
  const names = [...new Set(holding.flatMap((h) => h.fds.map((e) => e.name.replace(/\[\d+\]$/, '[…]'))))].slice(0, 3);
  const evidence: EvidenceRef[] = holding.slice(0, 3).flatMap((h) => h.fds.slice(0, 2).map((e) => e.ev));
  const command = holding[0].child.command;
  return [
    {
      id: 'inherited-fds-held',
      kind: 'inherited',
      weight: holding.length >= 2 && children.length >= MANY_CHILDREN ? 3 : 2,
      count: kept,
      statement:
        `${fmt(holding.length)} of its child processes${command ? ` (${command})` : ''} whose fds are listed hold ${fmt(kept)} fds it opened ` +
        `(${names.join(', ')}): they kept them across fork and execve; ps shows ${fmt(children.length)} children of it.`,
      evidence,
    },
  ];
};

/**
 * An fd of the child at 3 or above that the parent opened: a path the parent has open, or a socket
 * or pipe a helper it execed would not make. A socket or pipe counts only in a child that execed
 * another program, also when the parent shows one by the same name: a prefork server's workers
 * (gunicorn's, of the same program) hold their master's listener, `*:7000 (LISTEN)`, by fork alone.
 */
function inherited(e: FdEntry, child: ProcessModel, parent: ProcessModel, parentNames: Set<string>, parentHoldsNone: boolean): boolean {
  const fd = Number(e.fd);
  if (!Number.isInteger(fd) || fd < 3 || e.name === '/dev/null') return false;
  const socketOrPipe = e.kind.startsWith('socket') || e.kind === 'pipe';
  // An anonymous inode's name (`[eventpoll]`, `[eventfd:15]`) says its type, not which one it is.
  if (!socketOrPipe) return e.kind !== 'anon' && parentNames.has(e.name);
  if (parentHoldsNone) return false;
  return child.command !== null && parent.command !== null && child.command !== parent.command;
}

const PIPE_OR_SOCKET = ['pipe', 'socket-unconnected', 'socket-tcp', 'socket-udp', 'socket-unix', 'socket-other'] as const;

/**
 * A whole listing of the process shows no pipe or socket at all: a child's pipes and sockets are
 * none of its own, made by the child after its execve. An init such as dumb-init or tini, whose
 * `lsof -p` is its binary, libraries and stdio, passed no pipe or listener to the Node server it runs.
 */
function holdsNoPipeOrSocket(p: ProcessModel): boolean {
  const whole = p.fdViews.filter((v) => !v.partial);
  return whole.length > 0 && whole.every((v) => v.holder.entries.ofKind(...PIPE_OR_SOCKET).length === 0);
}

/** A link target that names a pipe or socket by its inode (`ls -l /proc/PID/fd`). */
const INODE_LINK = /^(?:pipe|socket):\[(\d{1,15})\]$/;

/** A process's pipes and sockets (unix; TCP and UDP by lsof's DEVICE) whose inode its listings (whole ones only, if asked) show: fd → inode. */
function inodesOf(p: ProcessModel, wholeOnly = false): Map<number, number> {
  const out = new Map<number, number>();
  for (const v of p.fdViews) {
    if (wholeOnly && v.partial) continue;
    for (const x of v.holder.pipes ?? []) out.set(x.fd, x.inode);
    for (const x of v.holder.unixSockets ?? []) out.set(x.fd, x.inode);
    for (const x of v.holder.inetSockets ?? []) out.set(x.fd, x.inode);
    const list = v.holder.entries;
    for (const i of list.ofKind('pipe', 'socket-unix', 'socket-other')) {
      const m = INODE_LINK.exec(list.name(i));
      const fd = Number(list.fd(i));
      if (m && Number.isInteger(fd)) out.set(fd, Number(m[1]));
    }
  }
  return out;
}

/**
 * A child's pipe or socket whose inode both listings show is its parent's only when the parent holds
 * that inode too: a Node cluster worker's own event-loop pipes and its IPC socket are other pipes and
 * sockets than its primary's, however alike their names (`pipe`, `type=STREAM (CONNECTED)`); a Go
 * service's own listener (lsof `7u IPv4 15087858 … TCP 127.0.0.1:18261 (LISTEN)`) is not the socket of
 * the shell that started it when the shell's whole listing holds no socket of that inode.
 */
function sharedIfKnown(e: FdEntry, own: Map<number, number>, parentInodes: Set<number>): boolean {
  const inode = own.get(Number(e.fd));
  return inode === undefined || parentInodes.size === 0 || parentInodes.has(inode);
}

/** A shell's name: it passes on the fds it was given. */
const SHELL_NAME = /^(?:ba|z|da|k|mk|tc|c|fi|a)?sh$/;

/**
 * A tool that reports the fds it was started with (LVM: "File descriptor 4 (/dev/null) leaked on
 * lvm invocation. Parent PID 470913: /bin/bash") saw them after its execve: its parent held them
 * without close-on-exec. As strace's kept copies, decisive from MANY_KEEPERS runs (the most
 * reports of one fd: each run reports each fd once) or MANY_KEPT copies; or when a listing of the
 * parent shows a reported fd open on the same file: no redirect made for one command (a `while
 * read ... < file` loop) but an fd it keeps, which every program it starts gets.
 */
const reportedByChildren: SignalSource = ({ model, facts }) => {
  const p = facts.process;
  const reports = model.strayFds.filter((r) => r.parentPid === p.pid);
  if (reports.length === 0) return [];
  const byFd = new Map<number, typeof reports>();
  for (const r of reports) appendTo(byFd, r.fd, r);
  const firsts = [...byFd.values()].map((rs) => rs[0]);
  const runs = maxOf([...byFd.values()].map((rs) => rs.length));
  const entries = p.fdViews.flatMap((v) => [...v.holder.entries].map((e) => ({ e, v })));
  const still = firsts.flatMap((r) => {
    const x = entries.find(({ e }) => Number(e.fd) === r.fd && sameTarget(e, r.path));
    return x ? [{ r, ...x }] : [];
  });
  const fds = firsts.map((r) => `fd ${r.fd}${r.path ? ` (${r.path})` : ''}`);
  const tools = [...new Set(reports.map((r) => r.program))].slice(0, 3).join(', ');
  const one = byFd.size === 1;
  const s = still[0];
  const kept = s
    ? ` Its own listing shows fd ${s.r.fd} still open on ${s.e.name} (${s.e.ev.file}:${s.e.ev.line}${s.v.boundBy ? `; ${s.v.boundBy}` : ''}): it keeps it, and every program it starts gets a copy.`
    : '';
  const shell =
    p.command && SHELL_NAME.test(p.command)
      ? ' A shell passes on the fds it was given: the fd may come from the program that started it.'
      : '';
  const signal: Signal = {
    id: 'inherited-fd-reported',
    kind: 'inherited',
    weight: runs >= MANY_KEEPERS || reports.length >= MANY_KEPT || still.length > 0 ? 3 : 2,
    count: reports.length,
    statement:
      `${tools} reported ${reports.length === 1 ? 'an fd' : `${fmt(reports.length)} fds`} it was started with and did not open, ` +
      `${fds.slice(0, 3).join(', ')}${fds.length > 3 ? ', …' : ''}, naming this process as its parent: it held ${one ? 'the fd' : 'them'} without close-on-exec, ` +
      `and ${one ? 'it' : 'they'} crossed execve into the child.${kept}${shell}`,
    evidence: [...reports.slice(0, 2).map((r) => r.ev), ...still.slice(0, 1).map((x) => x.e.ev)],
  };
  return [signal];
};

/** A listing's fd is the one a tool reported: the same file; for one lsof names by its kind alone (`pipe`), the same kind. */
function sameTarget(e: FdEntry, path: string): boolean {
  if (path === '') return false;
  if (e.name === path) return true;
  return !e.name.startsWith('/') && !e.name.includes(':[') && linkTargetKind(path) === e.kind;
}
