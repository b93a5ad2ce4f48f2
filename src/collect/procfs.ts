// Cheap, read-only views of /proc: fd tables, socket tables, thread names, limits.
// Every reader tolerates a process that exits mid-read or a directory it may not open.
import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import type { FdKind, TcpState } from '../sources/artifacts.js';

export function listPids(): number[] {
  return readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .map(Number)
    .sort((a, b) => a - b);
}

export function processExists(pid: number): boolean {
  try {
    statSync(`/proc/${pid}`);
    return true;
  } catch {
    return false;
  }
}

/** Number of open fds, or null when /proc/PID/fd cannot be read (gone, kernel thread, no permission). */
export function fdCount(pid: number): number | null {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return null;
  }
}

export interface FdLink {
  fd: number;
  target: string;
}

/** Each fd of the process with its link target (`socket:[123]`, `/var/log/x.log`, `pipe:[9]`). */
export function fdLinks(pid: number): FdLink[] | null {
  let names: string[];
  try {
    names = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return null;
  }
  const out: FdLink[] = [];
  for (const name of names) {
    try {
      out.push({ fd: Number(name), target: readlinkSync(`/proc/${pid}/fd/${name}`) });
    } catch {
      // closed between readdir and readlink
    }
  }
  return out.sort((a, b) => a.fd - b.fd);
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

export function comm(pid: number): string | null {
  return readText(`/proc/${pid}/comm`)?.replace(/\n$/, '') ?? null;
}

export function exePath(pid: number): string | null {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return null;
  }
}

export function ownerIds(pid: number): { uid: number; gid: number } | null {
  const status = readText(`/proc/${pid}/status`);
  if (!status) return null;
  const uid = /^Uid:\s+(\d+)/m.exec(status);
  const gid = /^Gid:\s+(\d+)/m.exec(status);
  return uid && gid ? { uid: Number(uid[1]), gid: Number(gid[1]) } : null;
}

function parentPid(pid: number): number | null {
  const status = readText(`/proc/${pid}/status`);
  const m = status ? /^PPid:\s+(\d+)/m.exec(status) : null;
  return m ? Number(m[1]) : null;
}

/** The pid and all its ancestors up to init. */
export function ancestry(pid: number): Set<number> {
  const out = new Set<number>();
  let p: number | null = pid;
  while (p !== null && p > 0 && !out.has(p)) {
    out.add(p);
    p = parentPid(p);
  }
  return out;
}

/** Soft "Max open files" from /proc/PID/limits; null when unlimited or unreadable. */
export function nofileLimit(pid: number): number | null {
  const limits = readText(`/proc/${pid}/limits`);
  const m = limits ? /^Max open files\s+(\d+|unlimited)/m.exec(limits) : null;
  return m && m[1] !== 'unlimited' ? Number(m[1]) : null;
}

export interface ThreadComm {
  tid: number;
  name: string;
}

export function threadComms(pid: number): ThreadComm[] {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const out: ThreadComm[] = [];
  for (const t of tids) {
    const name = readText(`/proc/${pid}/task/${t}/comm`);
    if (name !== null) out.push({ tid: Number(t), name: name.replace(/\n$/, '') });
  }
  return out;
}

/** `grep . /proc/PID/task/{*}/comm` output: the shell sorts the glob as text, so do we. */
export function taskCommText(pid: number, threads: readonly ThreadComm[]): string {
  return threads
    .map((t) => `/proc/${pid}/task/${t.tid}/comm:${t.name}`)
    .sort()
    .map((l) => `${l}\n`)
    .join('');
}

// ---------------------------------------------------------------- socket tables

type SocketProto = 'tcp' | 'udp' | 'unix' | 'raw' | 'netlink' | 'packet';

export interface SocketInfo {
  proto: SocketProto;
  /** TCP state, or UNCONN / ESTABLISHED for UDP. */
  state?: TcpState;
}

/** inode → where the socket is listed. A socket fd whose inode is in none of them is unconnected. */
export type SocketTable = Map<number, SocketInfo>;

const TCP_STATES: Record<string, TcpState> = {
  '01': 'ESTABLISHED',
  '02': 'SYN_SENT',
  '03': 'SYN_RECV',
  '04': 'FIN_WAIT1',
  '05': 'FIN_WAIT2',
  '06': 'TIME_WAIT',
  '07': 'CLOSE',
  '08': 'CLOSE_WAIT',
  '09': 'LAST_ACK',
  '0A': 'LISTEN',
  '0B': 'CLOSING',
  '0C': 'SYN_RECV',
};

/** Tables of /proc/net and the column holding the inode. */
const TABLES: { name: string; proto: SocketProto; inodeCol: number; stateCol?: number }[] = [
  { name: 'tcp', proto: 'tcp', inodeCol: 9, stateCol: 3 },
  { name: 'tcp6', proto: 'tcp', inodeCol: 9, stateCol: 3 },
  { name: 'udp', proto: 'udp', inodeCol: 9, stateCol: 3 },
  { name: 'udp6', proto: 'udp', inodeCol: 9, stateCol: 3 },
  { name: 'udplite', proto: 'udp', inodeCol: 9, stateCol: 3 },
  { name: 'udplite6', proto: 'udp', inodeCol: 9, stateCol: 3 },
  { name: 'raw', proto: 'raw', inodeCol: 9 },
  { name: 'raw6', proto: 'raw', inodeCol: 9 },
  { name: 'unix', proto: 'unix', inodeCol: 6 },
  { name: 'netlink', proto: 'netlink', inodeCol: 9 },
  { name: 'packet', proto: 'packet', inodeCol: 8 },
];

/** Parses one /proc/net table's text into `into`. Pure, for tests. */
export function parseSocketTable(text: string, table: string, into: SocketTable = new Map()): SocketTable {
  const spec = TABLES.find((t) => t.name === table);
  if (!spec) throw new Error(`unknown socket table ${table}`);
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const cols = lines[i].trim().split(/\s+/);
    if (cols.length <= spec.inodeCol) continue;
    const inode = Number(cols[spec.inodeCol]);
    if (!Number.isInteger(inode) || inode === 0) continue;
    const info: SocketInfo = { proto: spec.proto };
    if (spec.stateCol !== undefined) {
      const st = cols[spec.stateCol].toUpperCase();
      info.state = spec.proto === 'udp' ? (st === '01' ? 'ESTABLISHED' : 'UNCONN') : (TCP_STATES[st] ?? 'UNKNOWN');
    }
    into.set(inode, info);
  }
  return into;
}

/** Socket tables are per network namespace: read them once per namespace, through a member pid. */
export class SocketTables {
  private byNs = new Map<string, SocketTable>();

  forPid(pid: number): SocketTable {
    let ns: string;
    try {
      ns = readlinkSync(`/proc/${pid}/ns/net`);
    } catch {
      ns = 'self';
    }
    let table = this.byNs.get(ns);
    if (!table) {
      table = new Map();
      const base = ns === 'self' ? '/proc/self/net' : `/proc/${pid}/net`;
      for (const t of TABLES) {
        const text = readText(`${base}/${t.name}`);
        if (text !== null) parseSocketTable(text, t.name, table);
      }
      this.byNs.set(ns, table);
    }
    return table;
  }
}

const SOCKET = /^socket:\[(\d+)\]$/;

/** The kind of one fd from its /proc link target. */
export function fdKind(target: string, sockets: SocketTable): { kind: FdKind; socket?: SocketInfo } {
  const s = SOCKET.exec(target);
  if (s) {
    const info = sockets.get(Number(s[1]));
    if (!info) return { kind: 'socket-unconnected' };
    const kind: FdKind =
      info.proto === 'tcp' ? 'socket-tcp' : info.proto === 'udp' ? 'socket-udp' : info.proto === 'unix' ? 'socket-unix' : 'socket-other';
    return { kind, socket: info };
  }
  if (target.startsWith('pipe:[')) return { kind: 'pipe' };
  if (target.startsWith('anon_inode:')) return { kind: 'anon' };
  // A memfd (`/memfd:x (deleted)`) is memory of its own, never a file unlinked from a disk.
  if (target.endsWith(' (deleted)') && !target.startsWith('/memfd:')) return { kind: 'deleted-file' };
  if (target.startsWith('/dev/')) return { kind: 'device' };
  if (target.startsWith('/')) return { kind: 'file' };
  return { kind: 'other' };
}

export interface FdProfile {
  total: number;
  byKind: Partial<Record<FdKind, number>>;
  /** Sockets listed in a table, by protocol and state (`tcp:ESTABLISHED`). */
  socketStates: Record<string, number>;
  sockets: number;
  unconnected: number;
  /** `anon_inode:inotify` links: inotify instances, of which a user may hold few. */
  inotify: number;
}

export function profileFds(links: readonly FdLink[], sockets: SocketTable): FdProfile {
  const p: FdProfile = { total: links.length, byKind: {}, socketStates: {}, sockets: 0, unconnected: 0, inotify: 0 };
  for (const l of links) {
    if (l.target === 'anon_inode:inotify') p.inotify++;
    const { kind, socket } = fdKind(l.target, sockets);
    p.byKind[kind] = (p.byKind[kind] ?? 0) + 1;
    if (kind.startsWith('socket-')) p.sockets++;
    if (kind === 'socket-unconnected') p.unconnected++;
    if (socket) {
      const key = `${socket.proto}:${socket.state ?? 'listed'}`;
      p.socketStates[key] = (p.socketStates[key] ?? 0) + 1;
    }
  }
  return p;
}
