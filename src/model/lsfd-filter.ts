// `lsfd -p 8378 -Q 'TYPE == "FIFO"' | wc -l`: lsfd's own filter keeps the fds of one kind, so the
// lines counted are that many of the process's fds of that kind — less lsfd's header line, which it
// prints unless `-n` (`--noheadings`) — as `lsof -U -a -p PID | wc -l` counts its unix sockets.
import type { FdKind } from '../sources/artifacts.js';

/** The filter's expression, single-quoted or double-quoted (its inner quotes escaped), after `-Q`/`--filter`. */
const FILTER_ARG = /(?:^|\s)(?:-Q|--filter)(?:\s{1,8}|=)(?:'([^']{1,300})'|"((?:[^"\\]|\\.){1,300})")/;
/** One equality on lsfd's TYPE or SOURCE column, nothing else: `TYPE == "FIFO"`, `SOURCE eq 'pipefs'`. */
const ONE_EQUALITY = /^\s{0,8}(TYPE|SOURCE)\s{0,8}(?:==|eq)\s{0,8}(["'])([\w-]{1,24})\2\s{0,8}$/;

/** lsfd's TYPE values (2.38 and later) and SOURCE file systems that name one leak kind. */
const KINDS: Record<string, FdKind> = {
  'TYPE FIFO': 'pipe',
  'SOURCE pipefs': 'pipe',
  'TYPE UNIX': 'socket-unix',
  'TYPE UNIX-STREAM': 'socket-unix',
  'TYPE UNIX-DGRAM': 'socket-unix',
  'TYPE UNIX-SEQPACKET': 'socket-unix',
  'TYPE UDP': 'socket-udp',
  'TYPE UDP6': 'socket-udp',
  'TYPE UDPLITE': 'socket-udp',
  'SOURCE anon_inodefs': 'anon',
};

/** The kind an lsfd count's filter keeps, and whether its lines include lsfd's header. */
export function lsfdFilterKind(command: string): { kind: FdKind; header: boolean } | null {
  if (!/(?:^|[\s;&(])lsfd\s/.test(command)) return null;
  const arg = FILTER_ARG.exec(command);
  if (!arg) return null;
  const expression = arg[1] ?? arg[2].replace(/\\(.)/g, '$1');
  const m = ONE_EQUALITY.exec(expression);
  const kind = m ? KINDS[`${m[1]} ${m[3]}`] : undefined;
  if (!kind) return null;
  return { kind, header: !/(?:^|\s)(?:-[a-zA-Z]{0,8}n[a-zA-Z]{0,8}|--noheadings)(?=\s|$)/.test(command) };
}
