// ss socket listings (iproute2): -tan, -tanp, -tanpe, -antp, -anp, -peaonmi.
//   State      Recv-Q Send-Q Local Address:Port  Peer Address:Port Process
//   CLOSE-WAIT 1      0          127.0.0.1:18080    127.0.0.1:55388 users:(("cw-server",pid=6871,fd=12))
//   LISTEN     0      64         127.0.0.1:18081      0.0.0.0:*     users:(("tw-child",pid=6875,fd=3),("tw-server",pid=6873,fd=3))
// With more than one socket kind (-a without -t, -peaonmi) a Netid column comes first (tcp,
// udp, u_str, nl ...). -i/-m/-e print extra lines that start with a tab. Like netstat, ss lists
// only sockets in the kernel's tables; its states are spelled ESTAB, CLOSE-WAIT, and stored here
// in netstat's spelling.
import type { ConnectionTableArtifact, TcpState } from './artifacts.js';
import type { SourceParser } from '../types.js';
import { ConnectionTableBuilder, isShellLine, tcpStateOf, type SocketOwner } from './netstat.js';

/**
 * One `("name",pid=N,fd=M)` of a `users:(...)` list (older ss: `("name",N,M)`);
 * a socket shared after fork has several.
 */
const USER = /\("((?:[^"\\]|\\.)*)",(?:pid=)?(\d{1,15}),(?:fd=)?\d+\)/g;
const NUMBER = /^\d+$/;

/** The owners of a row; `cut` when the users list does not end (output cut off mid-line). */
export function ssOwners(text: string): { owners: SocketOwner[]; cut: boolean } {
  const at = text.indexOf('users:((');
  if (at === -1) return { owners: [], cut: false };
  const end = text.indexOf('))', at);
  const list = end === -1 ? text.slice(at) : text.slice(at, end + 2);
  const owners: SocketOwner[] = [];
  const seen = new Set<number>();
  for (const m of list.matchAll(USER)) {
    const pid = Number(m[2]);
    if (seen.has(pid)) continue; // the same socket at several fds of one process
    seen.add(pid);
    owners.push({ pid, command: m[1] });
  }
  return { owners, cut: end === -1 };
}

/** What a listing without a Netid column lists, from the command's flags; TCP when unknown. */
function netidFromCommand(command: string | undefined): string {
  const flags = (command ?? '').match(/\s-([a-zA-Z]+)/g)?.join('') ?? '';
  if (flags.includes('t')) return 'tcp';
  if (flags.includes('u')) return 'udp';
  if (flags.includes('x')) return 'unix';
  if (flags.includes('w')) return 'raw';
  return 'tcp';
}

function hasProcessFlag(command: string | undefined): boolean {
  return /\s-[a-zA-Z]*p/.test(command ?? '') || /\s--processes\b/.test(command ?? '');
}

function isHeader(text: string): boolean {
  return (text.startsWith('State ') || text.startsWith('Netid ')) && text.includes('Recv-Q');
}

/** A headerless row: `ESTAB 0 0 addr addr ...` or `tcp ESTAB 0 0 ...`. */
function looksLikeRow(text: string): boolean {
  const t = text.trim().split(/\s+/, 4);
  if (tcpStateOf(t[0]) !== undefined && NUMBER.test(t[1] ?? '') && NUMBER.test(t[2] ?? '')) return !t[0].includes('_');
  return tcpStateOf(t[1] ?? '') !== undefined && NUMBER.test(t[2] ?? '') && NUMBER.test(t[3] ?? '') && !t[1].includes('_');
}

export const ssSockets: SourceParser<ConnectionTableArtifact> = {
  id: 'ss-sockets',
  title: 'Socket listing (ss)',
  capture: 'ss -tanp',
  detect({ head, command }) {
    const lines = head.filter((l) => l.trim() !== '' && !isShellLine(l, ['ss']));
    if (lines.length === 0) return 0;
    if (isHeader(lines[0])) return 0.95;
    const rows = lines.filter(looksLikeRow).length;
    const byCommand = command !== undefined && /(^|[\s/])ss\s/.test(command) && !command.includes('awk');
    if (rows > 0 && rows >= lines.length * 0.8) return byCommand ? 0.9 : 0.75;
    return 0;
  },
  sink(ctx) {
    const table = new ConnectionTableBuilder(ctx.file, 'ss', 'listing');
    if (hasProcessFlag(ctx.command)) table.hasProcessColumn = true;
    const defaultNetid = netidFromCommand(ctx.command);
    let netidColumn: boolean | undefined;
    let sawRow = false;
    return {
      line(raw, n) {
        const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (isShellLine(text, ['ss'])) return;
        table.countLine();
        if (isHeader(text)) {
          netidColumn = text.startsWith('Netid');
          return;
        }
        // -i, -m, -e details of the row above.
        if (text.startsWith('\t') || text.startsWith(' \t') || text.trim() === '') return;
        const t = text.trim().split(/\s+/, 6);
        const hasNetid = netidColumn ?? tcpStateOf(t[0]) === undefined;
        const netid = hasNetid ? t[0] : defaultNetid;
        const stateWord = hasNetid ? t[1] : t[0];
        if (t.length < (hasNetid ? 6 : 5) || !NUMBER.test(t[hasNetid ? 2 : 1]) || !NUMBER.test(t[hasNetid ? 3 : 2])) {
          ctx.warn(n, `row cut off or not an ss row: ${text.slice(0, 80)}`);
          return;
        }
        sawRow = true;
        if (netid !== 'tcp') {
          table.otherRecord();
          return;
        }
        const state: TcpState | undefined = stateWord.includes('_') ? undefined : tcpStateOf(stateWord);
        if (state === undefined) {
          ctx.warn(n, `unknown ss state "${stateWord}"`);
          return;
        }
        const { owners, cut } = ssOwners(text);
        if (cut) ctx.warn(n, 'process list cut off: only the complete entries are counted');
        if (owners.length > 0) table.hasProcessColumn = true;
        table.tcp(state, 1, n, text, owners);
      },
      end() {
        if (!sawRow) ctx.warn(undefined, 'no ss rows found');
        else if (table.noOwnerSeen) ctx.warn(undefined, 'no row names its process: ss -p shows only the caller\'s own sockets unless run as root');
        return table.build();
      },
    };
  },
};
