// What one fd of a listing is: its kind, and a TCP socket's state. Apart from artifacts.ts so that
// the compact list of entries (fd-entries.ts) and the artifacts that hold one need not import
// each other.
import type { EvidenceRef } from '../types.js';

/** TCP states, normalised to netstat's spelling (ss's ESTAB → ESTABLISHED, TIME-WAIT → TIME_WAIT). */
export const TCP_STATES = [
  'ESTABLISHED',
  'SYN_SENT',
  'SYN_RECV',
  'FIN_WAIT1',
  'FIN_WAIT2',
  'TIME_WAIT',
  'CLOSE',
  'CLOSE_WAIT',
  'LAST_ACK',
  'LISTEN',
  'CLOSING',
  'UNCONN',
  'UNKNOWN',
] as const;
export type TcpState = (typeof TCP_STATES)[number];

export const FD_KINDS = [
  'socket-unconnected', // lsof: sock ... can't identify protocol / protocol: TCP; no connection-table entry
  'socket-tcp',
  'socket-udp',
  'socket-unix',
  'socket-other',
  'file',
  'deleted-file',
  'pipe',
  'anon', // anon_inode: eventfd, epoll, timerfd, inotify ...
  'device',
  'dir',
  'other',
] as const;
export type FdKind = (typeof FD_KINDS)[number];

export interface FdEntry {
  /** The fd as printed: a number, or lsof's truncated `*280` for fds >= 10000. */
  fd: string;
  kind: FdKind;
  /** TYPE column as printed (REG, sock, IPv4, unix, FIFO, a_inode ...). */
  type: string;
  name: string;
  /** r, w, u ... */
  mode?: string;
  state?: TcpState;
  ev: EvidenceRef;
}
