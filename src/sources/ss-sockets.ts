// ss socket listings (iproute2): -tan, -tanp, -tanpe, -antp, -anp, -peaonmi.
//   State      Recv-Q Send-Q Local Address:Port  Peer Address:Port Process
//   CLOSE-WAIT 1      0          127.0.0.1:18080    127.0.0.1:55388 users:(("cw-server",pid=6871,fd=12))
//   LISTEN     0      64         127.0.0.1:18081      0.0.0.0:*     users:(("tw-child",pid=6875,fd=3),("tw-server",pid=6873,fd=3))
// With more than one socket kind (-a without -t, -peaonmi) a Netid column comes first (tcp,
// udp, u_str, nl ...). -i/-m/-e print extra lines that start with a tab. Like netstat, ss lists
// only sockets in the kernel's tables; its states are spelled ESTAB, CLOSE-WAIT, and stored here
// in netstat's spelling.
import type { ConnectionTableArtifact, TcpState } from './artifacts.js';
import type { SourceParser } from './parser.js';
import { ConnectionTableBuilder, isShellLine, tcpStateOf, type OtherProtocol, type SocketOwner } from './netstat.js';
import { isElision } from './fd-kind.js';
import { argumentsOf } from '../command-words.js';

/**
 * One `("name",pid=N,fd=M)` of a `users:(...)` list (older ss: `("name",N,M)`);
 * a socket shared after fork has several.
 */
const USER = /\("((?:[^"\\]|\\.)*)",(?:pid=)?(\d{1,15}),(?:fd=)?(\d+)\)/g;
const NUMBER = /^\d+$/;

/** The owners of a row; `cut` when the users list does not end (output cut off mid-line). */
export function ssOwners(text: string): { owners: SocketOwner[]; cut: boolean } {
  const at = text.indexOf('users:((');
  if (at === -1) return { owners: [], cut: false };
  const end = text.indexOf('))', at);
  const list = end === -1 ? text.slice(at) : text.slice(at, end + 2);
  const owners: SocketOwner[] = [];
  const byPid = new Map<number, SocketOwner>();
  for (const m of list.matchAll(USER)) {
    const pid = Number(m[2]);
    const fd = m[3].length <= 9 ? Number(m[3]) : undefined;
    const seen = byPid.get(pid);
    // The same socket at several fds of one process is one owner: its highest fd counts, and how
    // many fds it holds the socket on.
    if (seen) {
      if (fd !== undefined && fd > (seen.fd ?? -1)) seen.fd = fd;
      seen.fds = (seen.fds ?? 1) + 1;
      continue;
    }
    const owner: SocketOwner = { pid, command: m[1] };
    if (fd !== undefined) owner.fd = fd;
    byPid.set(pid, owner);
    owners.push(owner);
  }
  return { owners, cut: end === -1 };
}

/**
 * A connected unix socket whose peer column is `* 0`: the other end is gone and this one was never
 * closed (the unix CLOSE_WAIT). `at`: the index of the peer's address among the row's words.
 */
function peerGone(text: string, at: number): boolean {
  const w = text.trim().split(/\s+/, at + 2);
  return w[at] === '*' && w[at + 1] === '0';
}

/** ss's Netid → the protocol family an fd listing would show. */
function protocolOf(netid: string): OtherProtocol {
  if (netid === 'udp' || netid === 'udp6') return 'udp';
  if (netid.startsWith('u_') || netid === 'unix') return 'unix';
  if (netid === 'raw' || netid === 'raw6') return 'raw';
  return 'other';
}

/**
 * ss's own short options, joined (`-uanp` → `uanp`): the words after `ss` in the command, not a
 * wrapper's before it (`nsenter -t 21793 -n ss -uanp`: nsenter's `-t` is no TCP flag, `sudo -p`
 * no process column). The whole command's when no word of it is `ss` (a script's name).
 */
function ssFlags(command: string): string {
  const words = argumentsOf(command, 'ss') ?? command.split(/\s+/);
  return words
    .filter((w) => /^-[a-zA-Z]{1,32}$/.test(w))
    .map((w) => w.slice(1))
    .join('');
}

/**
 * What a listing without a Netid column lists, from the command's flags (or, without a command,
 * the flags in a file named like `ss-uanp.txt`); TCP when unknown.
 */
function netidFromCommand(command: string | undefined, file: string): string {
  const named = /(?:^|\/)ss[-_]([a-zA-Z]+)(?:\.\w+)?$/.exec(file)?.[1];
  const flags = command !== undefined ? ssFlags(command) : (named ?? '');
  if (flags.includes('t')) return 'tcp';
  if (flags.includes('u')) return 'udp';
  if (flags.includes('x')) return 'unix';
  if (flags.includes('w')) return 'raw';
  return 'tcp';
}

function hasProcessFlag(command: string | undefined): boolean {
  if (command === undefined) return false;
  return ssFlags(command).includes('p') || (argumentsOf(command, 'ss') ?? command.split(/\s+/)).includes('--processes');
}

function isHeader(text: string): boolean {
  return (text.startsWith('State ') || text.startsWith('Netid ') || text.startsWith('Recv-Q ')) && text.includes('Recv-Q');
}

/**
 * `ss -tnp state close-wait` prints no State column: the state is the filter's. From the command,
 * or (with no command) a file named like `ss-close-wait.txt`.
 */
function filterState(command: string | undefined, file: string): TcpState | undefined {
  const fromCommand = command !== undefined ? /\bstate\s+([a-z-]+)/i.exec(command)?.[1] : undefined;
  const word =
    fromCommand ??
    /(?:^|\/)ss[-_](?:[a-z]+[-_])?(close[-_]wait|established|time[-_]wait|syn[-_]sent|fin[-_]wait[12]|last[-_]ack|listen)\b/i.exec(
      file,
    )?.[1];
  return word === undefined ? undefined : tcpStateOf(word.toUpperCase().replace(/-/g, '_'));
}

/** A headerless row: `ESTAB 0 0 addr addr ...` or `tcp ESTAB 0 0 ...`. */
/** Netids only ss prints (netstat's first column says tcp, udp, raw or unix): unix, netlink, packet, vsock, xdp. */
const SS_ONLY_NETID = /^(?:u_(?:str|dgr|seq)|nl|p_(?:raw|dgr)|v_(?:str|dgr)|xdp)$/;

function looksLikeRow(text: string): boolean {
  const t = text.trim().split(/\s+/, 4);
  // `Netid Recv-Q Send-Q ...`: a `state X` filter leaves out the State column.
  if (SS_ONLY_NETID.test(t[0]) && NUMBER.test(t[1] ?? '') && NUMBER.test(t[2] ?? '')) return true;
  if (tcpStateOf(t[0]) !== undefined && NUMBER.test(t[1] ?? '') && NUMBER.test(t[2] ?? '')) return !t[0].includes('_');
  return tcpStateOf(t[1] ?? '') !== undefined && NUMBER.test(t[2] ?? '') && NUMBER.test(t[3] ?? '') && !t[1].includes('_');
}

/** An address column: `0.0.0.0:8080`, `[::]:443`, `*:*`, `127.0.0.1%lo:53`. */
const ADDRESS = /^\S{0,80}:(?:\d{1,5}|\*|[a-z][\w-]{0,30})$/;

/**
 * A row of a `state X` listing whose header a grep dropped (`ss -tanp state established | grep
 * "pid=32725,"`): no State column, so the queues, then the two addresses.
 */
export function looksLikeStatelessRow(text: string): boolean {
  const t = text.trim().split(/\s+/, 4);
  return t.length === 4 && NUMBER.test(t[0]) && NUMBER.test(t[1]) && ADDRESS.test(t[2]) && ADDRESS.test(t[3]);
}

/**
 * A row cut by its writer to its state, its addresses and its process column, the queues left out
 * (zeek#5798's `LISTEN 0.0.0.0:8080 users:(("sleep",pid=614849,fd=24))`; amule#552 puts `...` where
 * it cut): the state, then only addresses or elisions, then `users:((`.
 */
function cutRow(text: string): TcpState | undefined {
  const at = text.indexOf(' users:((');
  if (at === -1 || at > 400) return undefined;
  const words = text.slice(0, at).trim().split(/\s+/, 8);
  const state = words[0].includes('_') ? undefined : tcpStateOf(words[0]);
  if (state === undefined || words.length < 2) return undefined;
  const rest = words.slice(1);
  return rest.some((w) => ADDRESS.test(w)) && rest.every((w) => ADDRESS.test(w) || isElision(w)) ? state : undefined;
}

export const ssSockets: SourceParser<ConnectionTableArtifact> = {
  id: 'ss-sockets',
  title: 'Socket listing (ss)',
  detect({ head, command }) {
    const lines = head.filter((l) => l.trim() !== '' && !isShellLine(l, ['ss']));
    if (lines.length === 0) return 0;
    if (isHeader(lines[0])) return 0.95;
    const rows = lines.filter((l) => looksLikeRow(l) || cutRow(l) !== undefined).length;
    const byCommand = command !== undefined && /(^|[\s/'"])ss\s/.test(command) && !command.includes('awk');
    if (rows > 0 && rows >= lines.length * 0.8) return byCommand ? 0.9 : 0.75;
    // The rows of a `state X` listing, its header grep'd away: only under a command that says the state.
    if (byCommand && filterState(command, '') !== undefined && lines.filter(looksLikeStatelessRow).length >= lines.length * 0.8) return 0.9;
    // The writer's notes between the command and its table (libwebsockets#3328's `-- 1th job start`
    // over each sample of a `watch 'ss -tp dst :8080'`): ss's own header a few lines down, under an
    // ss command, is its output; the notes are no rows and are passed over with a warning.
    if (byCommand && lines.slice(1, 4).some(isHeader)) return 0.9;
    return 0;
  },
  sink(ctx) {
    const table = new ConnectionTableBuilder(ctx.file, 'ss', 'listing');
    if (hasProcessFlag(ctx.command)) table.hasProcessColumn = true;
    const defaultNetid = netidFromCommand(ctx.command, ctx.file);
    let netidColumn: boolean | undefined;
    /** The header had no State column (a `state X` filter): every row is in that state. */
    let stateless: TcpState | undefined;
    let sawRow = false;
    const statelessRow = (text: string, n: number, state: TcpState) => {
      const t = text.trim().split(/\s+/, 4);
      if (t.length < 4 || !NUMBER.test(t[0]) || !NUMBER.test(t[1])) {
        ctx.warn(n, `row cut off or not an ss row: ${text.slice(0, 80)}`);
        return;
      }
      sawRow = true;
      const { owners, cut } = ssOwners(text);
      if (cut) ctx.warn(n, 'process list cut off: only the complete entries are counted');
      if (owners.length > 0) table.hasProcessColumn = true;
      table.tcp(state, 1, n, text, owners, { local: t[2], remote: t[3] });
    };
    return {
      line(raw, n) {
        const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (isShellLine(text, ['ss'])) return;
        table.countLine();
        if (isHeader(text)) {
          netidColumn = text.startsWith('Netid');
          if (text.startsWith('Recv-Q')) {
            stateless = filterState(ctx.command, ctx.file);
            if (stateless === undefined) ctx.warn(n, "no State column and no `state` filter in the command: the rows' state is unknown");
          }
          return;
        }
        // -i, -m, -e details of the row above.
        if (text.startsWith('\t') || text.startsWith(' \t') || text.trim() === '') return;
        if (stateless !== undefined) return statelessRow(text, n, stateless);
        // No header (a grep kept the rows only): the command's `state X` filter still says their state.
        if (netidColumn === undefined && !sawRow && looksLikeStatelessRow(text)) {
          stateless = filterState(ctx.command, ctx.file);
          if (stateless !== undefined) return statelessRow(text, n, stateless);
        }
        const trimmed = looksLikeRow(text) ? undefined : cutRow(text);
        if (trimmed !== undefined) {
          sawRow = true;
          table.hasProcessColumn = true;
          table.tcp(trimmed, 1, n, text, ssOwners(text).owners);
          return;
        }
        const t = text.trim().split(/\s+/, 6);
        const hasNetid = netidColumn ?? tcpStateOf(t[0]) === undefined;
        const netid = hasNetid ? t[0] : defaultNetid;
        // A unix (netlink, packet ...) socket, then the queues: no State column (a `state X` filter).
        if (hasNetid && SS_ONLY_NETID.test(netid) && NUMBER.test(t[1] ?? '') && NUMBER.test(t[2] ?? '')) {
          sawRow = true;
          const connected = filterState(ctx.command, ctx.file) === 'ESTABLISHED';
          table.otherRecord(protocolOf(netid), n, text, ssOwners(text).owners, connected && peerGone(text, 5), t[3]);
          return;
        }
        const stateWord = hasNetid ? t[1] : t[0];
        if (t.length < (hasNetid ? 6 : 5) || !NUMBER.test(t[hasNetid ? 2 : 1]) || !NUMBER.test(t[hasNetid ? 3 : 2])) {
          ctx.warn(n, `row cut off or not an ss row: ${text.slice(0, 80)}`);
          return;
        }
        sawRow = true;
        if (netid !== 'tcp') {
          const connected = protocolOf(netid) === 'unix' && tcpStateOf(stateWord) === 'ESTABLISHED';
          table.otherRecord(protocolOf(netid), n, text, ssOwners(text).owners, connected && peerGone(text, 6), hasNetid ? t[4] : t[3]);
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
        table.tcp(state, 1, n, text, owners, hasNetid ? { local: t[4], remote: t[5] } : { local: t[3], remote: t[4] });
      },
      end() {
        if (!sawRow && stateless === undefined) ctx.warn(undefined, 'no ss rows found');
        else if (table.noOwnerSeen)
          ctx.warn(undefined, "no row names its process: ss -p shows only the caller's own sockets unless run as root");
        return table.build();
      },
    };
  },
};
