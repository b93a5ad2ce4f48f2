// The kind of an lsof row: by its TYPE, or — for the TYPEs that do not say it — by its NAME (a
// regular file `(deleted)`, an old lsof's unnamed mode, a `sock` row's protocol) or its NODE (an
// IPv4/IPv6 row's protocol). Read on the row's bytes: a whole host's lsof is a million rows.
import type { FdKind } from './artifacts.js';
import { isAnonInodeName, MEMFD_PREFIX, PATH_TYPES, sockKind, UNNAMED_TYPE } from './fd-kind.js';
import { PROTOCOL, ascii, endsWith, equalsAt } from './lsof-words.js';

/** A TYPE as read: its text, its vocabulary id and, unless NAME or NODE decides, its kind. */
export interface TypeInfo {
  bytes: Uint8Array;
  name: string;
  id: number;
  kind: FdKind;
  /**
   * REG: NAME decides between file and deleted-file (or an anonymous inode an older lsof prints
   * as REG: regKind); an old lsof's `0000` (a mode it could not
   * name): NAME says whether it is an anonymous inode; `sock`: NAME's protocol says whether it is
   * a socket in no connection table (sockKind). DIR, CHR, BLK, FIFO (PATH_TYPES): NAME says whether
   * the folder, device node or named pipe was removed while open (a deleted-file, as `ls -l
   * /proc/PID/fd` shows it), else the TYPE's kind. IPv4/IPv6: NODE holds the protocol.
   */
  by: 'type' | 'name' | 'path-name' | 'anon-name' | 'sock-name' | 'node';
}

const DELETED = ascii(' (deleted)');
const SLASH = 0x2f;
/** A memfd's name: shown `(deleted)`, yet memory of its own, not a file unlinked (isDeletedName). */
const MEMFD = ascii(MEMFD_PREFIX);
const SOCK_PROTOCOL = ascii('protocol: ');
const SOCK_TCP = ascii('protocol: TCP');
/**
 * A TCP socket in state CLOSED is in no connection: macOS's lsof reads each socket's own state and
 * prints a socket never connected, or kept after its connection failed or ended, as
 * `TCP 10.160.0.94:54902->62.1.2.141:20206 (CLOSED)` (Linux's lsof names the state of /proc/net/tcp
 * `(CLOSE)`) — what Linux's lsof shows as `protocol: TCP`, an unconnected socket.
 */
const TCP_CLOSED = ascii(' (CLOSED)');
const TCP_CLOSE = ascii(' (CLOSE)');
/** The TYPEs whose row's NAME says its kind. */
export const BY_NAME: Record<string, TypeInfo['by']> = {
  REG: 'name',
  ...Object.fromEntries(PATH_TYPES.map((t) => [t, 'path-name'])),
  [UNNAMED_TYPE]: 'anon-name',
  sock: 'sock-name',
};

/** The kind of the row just read: by its TYPE, its NAME or its NODE (TypeInfo.by); `nodeFrom` -1 when the row prints no NODE. */
export function rowKind(type: TypeInfo, buf: Buffer, nameFrom: number, e: number, nodeFrom: number, nodeTo: number): FdKind {
  switch (type.by) {
    case 'type':
      return type.kind;
    case 'name':
      // A REG row named as an anonymous inode (`[eventpoll]`, `anon_inode`): an older lsof's
      // TYPE for one (regKind). A file's NAME is its path: one starting with `/` is never read.
      if (buf[nameFrom] !== SLASH && isAnonInodeName(buf.toString('latin1', nameFrom, Math.min(e, nameFrom + 32)))) return 'anon';
      return endsWith(buf, nameFrom, e, DELETED) && !startsWith(buf, nameFrom, e, MEMFD) ? 'deleted-file' : 'file';
    case 'path-name':
      if (endsWith(buf, nameFrom, e, DELETED)) return 'deleted-file';
      // A FIFO named by its path is a named pipe (mkfifo) opened as a file is, by path — `ls -l
      // /proc/PID/fd` shows it as that path, a file; an anonymous pipe's NAME is `pipe` (Linux)
      // or a kernel address, and macOS's lsof types those PIPE. Realm's `…/access_control.new_commit.cv`.
      return type.name === 'FIFO' && buf[nameFrom] === SLASH ? 'file' : type.kind;
    case 'anon-name':
      return isAnonInodeName(buf.toString('latin1', nameFrom, Math.min(e, nameFrom + 32))) ? 'anon' : 'other';
    case 'sock-name':
      // Most such rows are TCP's (`protocol: TCP`, old lsof's `can't identify protocol`): told by
      // their bytes; only another protocol's name is decoded (a whole host lists a million rows).
      if (!startsWith(buf, nameFrom, e, SOCK_PROTOCOL) || equalsAt(buf, nameFrom, e, SOCK_TCP)) return 'socket-unconnected';
      return sockKind(buf.toString('latin1', nameFrom, Math.min(e, nameFrom + 48)));
    default: {
      const kind = nodeFrom >= 0 ? protocolKind(buf, nodeFrom, nodeTo) : 'socket-other';
      return kind === 'socket-tcp' && (endsWith(buf, nameFrom, e, TCP_CLOSED) || endsWith(buf, nameFrom, e, TCP_CLOSE))
        ? 'socket-unconnected'
        : kind;
    }
  }
}

/** ipKind on bytes: IPv4 and IPv6 rows say their protocol in NODE. */
function protocolKind(buf: Uint8Array, from: number, to: number): FdKind {
  if (equalsAt(buf, from, to, PROTOCOL.TCP)) return 'socket-tcp';
  if (equalsAt(buf, from, to, PROTOCOL.UDP) || equalsAt(buf, from, to, PROTOCOL.UDPLITE)) return 'socket-udp';
  return 'socket-other';
}

export function startsWith(buf: Uint8Array, s: number, e: number, head: Uint8Array): boolean {
  return e - s >= head.length && equalsAt(buf, s, s + head.length, head);
}
