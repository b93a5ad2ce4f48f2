// What an open fd is, from the way each tool prints it. Shared by the lsof, lsof -F, lsfd and
// /proc/PID/fd parsers so that the same descriptor gets the same FdKind whichever tool saw it.
import type { FdKind, TcpState } from './artifacts.js';

/** lsof TYPE column → kind, where the TYPE alone decides (REG, IPv4/IPv6 need more). */
const LSOF_TYPE_KIND: Record<string, FdKind> = {
  // A `sock` row is a socket lsof found in no /proc/net table: old lsof prints
  // "can't identify protocol", current lsof "protocol: TCP". Both are unconnected.
  sock: 'socket-unconnected',
  unix: 'socket-unix',
  netlink: 'socket-other',
  raw: 'socket-other',
  raw6: 'socket-other',
  pack: 'socket-other',
  ax25: 'socket-other',
  ipx: 'socket-other',
  x25: 'socket-other',
  icmp: 'socket-other',
  icmp6: 'socket-other',
  sctp: 'socket-other',
  FIFO: 'pipe',
  PIPE: 'pipe',
  a_inode: 'anon',
  // macOS's lsof: a kqueue is that system's epoll instance; a network policy (NPOLICY), POSIX
  // shared memory and semaphores, a kernel event socket (systm) are fds of no kind of ours.
  KQUEUE: 'anon',
  NPOLICY: 'other',
  PSXSHM: 'other',
  PSXSEM: 'other',
  systm: 'other',
  // Old lsof (4.7x) prints a file whose mode it cannot name as `0000`: anonymous inodes
  // (`anon_inode`, `eventpoll`) are such files; the NAME says (isAnonInodeName).
  '0000': 'other',
  CHR: 'device',
  BLK: 'device',
  DIR: 'dir',
  REG: 'file',
  LINK: 'file',
};

/** The TYPE old lsof prints for a file of a mode it cannot name. */
export const UNNAMED_TYPE = '0000';

/** The NAME old lsof prints for an anonymous inode under TYPE `0000`: `anon_inode`, `eventpoll`, `[eventfd]` … */
export function isAnonInodeName(name: string): boolean {
  return /^(?:anon_inode|\[?(?:eventpoll|eventfd|inotify|timerfd|signalfd|pidfd)\]?)$/.test(name.trim());
}

/** A word lsof prints in its TYPE column: one its kinds are read from, or IPv4/IPv6. */
export function isLsofType(word: string): boolean {
  return Object.hasOwn(LSOF_TYPE_KIND, word) || word === 'IPv4' || word === 'IPv6';
}

/**
 * The TYPEs of a file that has a path besides a regular one: a folder, a device node, a named pipe.
 * Removed while open, its row's NAME ends `(deleted)` (a USB device unplugged: fwupd's `CHR …
 * /dev/hidraw6 (deleted)`), a deleted-file as its `ls -l /proc/PID/fd` link is (linkTargetKind).
 */
export const PATH_TYPES = ['DIR', 'CHR', 'BLK', 'FIFO'] as const;

/**
 * A REG row's kind by its NAME. A regular file's NAME is its path; an older lsof that finds no
 * better TYPE for an anonymous inode prints it as REG on the anonymous-inode device, named by the
 * inode's type or not at all — vert.x's `REG 0,9 0 4021 [eventpoll]`, netty#5653's
 * `75u REG 0,9 0 4032 anon_inode` beside a selector's pipe pair: an anonymous inode, not a file.
 */
export function regKind(name: string): FdKind {
  if (isAnonInodeName(name)) return 'anon';
  return isDeletedName(name) ? 'deleted-file' : 'file';
}

/** Kind of an lsof row from its TYPE, NODE and NAME columns. */
export function lsofKind(type: string, node: string, name: string): FdKind {
  if (type === 'REG') return regKind(name);
  if ((PATH_TYPES as readonly string[]).includes(type) && isDeletedName(name)) return 'deleted-file';
  // A named pipe (mkfifo), opened by its path: a file, as `ls -l /proc/PID/fd` shows it (lsof-row-kind.ts).
  if (type === 'FIFO' && name.startsWith('/')) return 'file';
  if (type === 'sock') return sockKind(name);
  if (type === 'IPv4' || type === 'IPv6') return ipKind(node);
  return LSOF_TYPE_KIND[type] ?? 'other';
}

/**
 * A `sock` row, a socket lsof found in no table of its network namespace, by its NAME: `can't
 * identify protocol` (old lsof) or `protocol: X`, X the protocol's name in /proc/net/protocols.
 * TCP's (and one lsof cannot name) are the unconnected sockets; a netlink, packet or raw socket
 * is none of them (Docker 1.12's `sock … protocol: NETLINK` rows), nor is a unix socket.
 */
export function sockKind(name: string): FdKind {
  const m = /^protocol: ([A-Za-z0-9_-]{1,20})$/.exec(name.trim());
  if (m === null) return 'socket-unconnected';
  const protocol = m[1].toUpperCase();
  if (protocol === 'UNIX') return 'socket-unix';
  return OTHER_SOCK_PROTOCOLS.has(protocol) ? 'socket-other' : 'socket-unconnected';
}

/**
 * Protocols of sockets that are never in a TCP or UDP table: lsof's `sock` row of one is no
 * unconnected socket. Multipath TCP's (`MPTCP`, `MPTCPv6`; Go's listeners since 1.24) is in none
 * either, connected or not: lsof names each so, its state unknown — a socket of unknown type.
 */
const OTHER_SOCK_PROTOCOLS = new Set([
  'NETLINK',
  'PACKET',
  'RAW',
  'RAWV6',
  'PINGV6',
  'PING',
  'KEY',
  'ALG',
  'VSOCK',
  'XDP',
  'BLUETOOTH',
  'MPTCP',
  'MPTCPV6',
]);

/** IPv4/IPv6 rows: lsof's NODE column holds the protocol. */
export function ipKind(protocol: string): FdKind {
  if (protocol === 'TCP') return 'socket-tcp';
  if (protocol === 'UDP' || protocol === 'UDPLITE') return 'socket-udp';
  return 'socket-other';
}

/**
 * `/tmp/x.log (deleted)`: lsof, lsfd and readlink(2) all append this to an unlinked file. Not to a
 * memfd (`/memfd:thumb-7 (deleted)`): anonymous memory that never had a name on a disk, shown
 * `(deleted)` by every tool; it holds no disk space and is a file of its own, not one unlinked.
 */
export function isDeletedName(name: string): boolean {
  return name.endsWith(' (deleted)') && !name.startsWith(MEMFD_PREFIX);
}

/** The name the kernel gives a memfd: `/memfd:` and the name memfd_create(2) was given. */
export const MEMFD_PREFIX = '/memfd:';

const STATES: Record<string, TcpState> = {
  ESTABLISHED: 'ESTABLISHED',
  ESTAB: 'ESTABLISHED',
  SYN_SENT: 'SYN_SENT',
  SYN_RECV: 'SYN_RECV',
  FIN_WAIT1: 'FIN_WAIT1',
  FIN_WAIT2: 'FIN_WAIT2',
  TIME_WAIT: 'TIME_WAIT',
  CLOSE: 'CLOSE',
  CLOSED: 'CLOSE',
  CLOSE_WAIT: 'CLOSE_WAIT',
  LAST_ACK: 'LAST_ACK',
  LISTEN: 'LISTEN',
  CLOSING: 'CLOSING',
  UNCONN: 'UNCONN',
};

/** A TCP state as any tool spells it (CLOSE_WAIT, close-wait, ESTAB) → netstat's spelling. */
export function normaliseTcpState(s: string): TcpState {
  return STATES[s.toUpperCase().replace(/-/g, '_')] ?? 'UNKNOWN';
}

/** `127.0.0.1:1->127.0.0.1:2 (CLOSE_WAIT)` → CLOSE_WAIT; undefined when no trailing state. */
export function lsofTcpState(name: string): TcpState | undefined {
  if (name.charCodeAt(name.length - 1) !== 41 /* ) */) return undefined;
  const open = name.lastIndexOf('(');
  if (open < 0) return undefined;
  return normaliseTcpState(name.slice(open + 1, -1));
}

/**
 * Kind of a readlink(2) target, as `ls -l /proc/PID/fd` and `lsfd`'s NAME show it:
 * `socket:[123]`, `pipe:[9]`, `anon_inode:[eventfd]`, `/dev/null`, `/path (deleted)`.
 * A bare `socket:[N]` says nothing about the protocol or connection: socket-other. `/dev/shm`
 * is a tmpfs (POSIX shared memory, files put there): its entries are regular files, not devices.
 */
export function linkTargetKind(target: string): FdKind {
  if (target.startsWith('socket:[')) return 'socket-other';
  if (target.startsWith('pipe:[')) return 'pipe';
  if (target.startsWith('anon_inode:')) return 'anon';
  if (isDeletedName(target)) return 'deleted-file';
  if (target.startsWith('/dev/') && !target.startsWith('/dev/shm/')) return 'device';
  if (target.startsWith('/')) return 'file';
  return 'other';
}

/**
 * Where someone pasting a listing left rows out: `...`, `…`, `[...]`, `[snip]`, `*snip*`,
 * `--- snipped ---`, `(truncated)`, `... 900 more lines ...`, a few words of theirs in brackets
 * (`[some typical entries]`), or a short line of marks alone (`:`, `. . .`, `***`) that no listing
 * prints.
 */
export function isElision(line: string): boolean {
  if (/^\s*[[(<](?:\.{3}|…|snip)[\])>]\s*$/i.test(line)) return true;
  if (/^\s*[[(<*~.…-]{0,5}\s?(?:snip(?:ped)?|cut|truncated|omitted|elided)\s?[\])>*~.…-]{0,5}\s*$/i.test(line)) return true;
  if (/^\s{0,40}[[(<]?(?:\.{3}|…)?\s?(?:and )?[\d,]{1,12} more (?:lines|rows|entries|fds)\b[^\n]{0,20}$/i.test(line)) return true;
  const marks = line.trim();
  if (/^[.:…·*~ -]{1,20}$/.test(marks) && /[.:…·*~]/.test(marks)) return true;
  return isPhraseBetweenEllipses(marks) || isPhraseInBrackets(marks);
}

/**
 * A few words of the writer's in square brackets alone on a line, `[some typical entries]`,
 * `[lots more rows]` (pytorch/pytorch#973): what they left out, said in words. Two words at
 * least, letters only — not an ini section (`[Unit]`, `[remote "origin"]`) nor a tool's own
 * bracketed message, which carries digits, quotes or underscores.
 */
function isPhraseInBrackets(text: string): boolean {
  if (text.length > 60 || !text.startsWith('[') || !text.endsWith(']')) return false;
  return /^\[[A-Za-z]{1,20}(?: [A-Za-z]{1,20}){1,7}\]$/.test(text);
}

/**
 * A few words of the writer's between ellipses, `...Lots of lines...`, `… more rows …`: what they
 * left out, said in words (no listing prints a row of letters alone between dots).
 */
function isPhraseBetweenEllipses(text: string): boolean {
  const lead = text.startsWith('...') ? 3 : text.startsWith('…') ? 1 : 0;
  const tail = text.endsWith('...') ? 3 : text.endsWith('…') ? 1 : 0;
  if (lead === 0 || tail === 0 || text.length > 60) return false;
  const words = text.slice(lead, text.length - tail).trim();
  return /^[A-Za-z][A-Za-z ,'()]{0,50}$/.test(words);
}
