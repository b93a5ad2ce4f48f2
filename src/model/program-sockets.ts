// A program's sockets counted by name from a connection listing with a process column:
//   netstat -nvuap | grep node-red | wc -l                          28224   its UDP sockets
//   ss -p | awk '/tcp.*gpodder/ { print $2}' | sort | uniq -c       218 CLOSE-WAIT, 10 ESTAB: its TCP sockets by state
//   ss -tanp | grep java | awk '{print $1}' | sort | uniq -c        the same, picked by grep
//   ss -tp | grep CLOSE-WAIT | grep -c ztunnel                      89928: its TCP sockets in CLOSE-WAIT
//   netstat -nap | grep 11423 | grep CLOSE_WAIT | wc -l             975: pid 11423's TCP sockets in CLOSE_WAIT
//   ss -xp | grep -c 'pid=10628,'                                   175: pid 10628's unix sockets
//   ss -ntp state close-wait | grep "pid=`pgrep 3proxy`" | wc -l     1837: 3proxy's TCP sockets in CLOSE-WAIT
//   netstat -a -n -o -l -p | grep CLOSE_WAIT | grep 1037/haproxy | wc -l   436: pid 1037's (haproxy's) CLOSE_WAIT sockets
// With -p, netstat prints `PID/Program name` and ss `users:(("gpodder",pid=…,fd=…))` on each row: a
// grep (or awk `/…/` filter) for a program's name picks that program's sockets; a grep for a number
// picks a pid's, when the bundle knows a process of that pid (else it is a port: bind.ts decides), and so does
// a grep for ss's own `pid=N` (`grep 'pid=10628,'`); a grep for netstat's own `PID/Program` value
// (`grep 1037/haproxy`) picks that process's rows, pid and name both. The protocol comes from the listing's options (-u alone:
// UDP; -t alone: TCP; -x alone: unix), or from the filter (`/tcp.*gpodder/`). A redacted address
// typed in place of one (`grep listener-ip`, `grep x.x.x.x`) is no program's name.
import type { TcpState } from '../sources/fd-entry.js';
import type { EvidenceRef } from '../types.js';
import type { HostModel } from './host.js';
import { words } from './command-segments.js';
import { lookedUpProgram, pidLookup } from './pid-lookups.js';
import { splitPipeline } from '../shell.js';
import { grepState, stateOfKey } from './tcp-state-tallies.js';

type SocketProtocol = 'tcp' | 'udp' | 'unix';

/** Words that name a protocol, a state, a column or an address, never a program. */
const NOT_A_PROGRAM =
  /^(?:tcp6?|udp6?|unix|raw|u_str|u_dgr|u_seq|nl|p_raw|p_dgr|ipv[46]|estab(?:lished)?|listen|close(?:[-_]?wait)?|time[-_]?wait|syn[-_]?sent|syn[-_]?recv|fin[-_]?wait[-_]?[12]|last[-_]?ack|closing|closed|unconn|users|pid|fd|localhost)$/i;
/**
 * A redacted address a writer typed in place of one (`grep listener-ip`, `grep server_ip`, `grep
 * x.x.x.x`): the rows it picks hold that address, not a program's name.
 */
const ADDRESS_PLACEHOLDER = /^(?:[\w-]{0,40}[-_](?:ip|ipv[46]|addr|address)|(?:x{1,3}\.){3}x{1,3})$/i;
/** A program's name as `ps`, netstat's Program column and ss's users list print it (`3proxy`: a digit may lead, a letter follows). */
const PROGRAM = /^(?:[A-Za-z]|\d{1,8}[A-Za-z])[\w.-]{1,63}$/;

/** ss's users field looked up by name, `pid=\`pgrep 3proxy\``, `pid=$(pidof haproxy)`: that program's rows. */
function usersLookup(word: string): string | undefined {
  return word.startsWith('pid=') ? lookedUpProgram(pidLookup(word.slice(4).replace(/,$/, ''))) : undefined;
}

/** netstat's Program column value, `PID/Program name` (`1037/haproxy`): one process, its pid and name. */
const NETSTAT_OWNER = /^(\d{1,10})\/((?:[A-Za-z]|\d{1,8}[A-Za-z])[\w.-]{0,63})$/;

/** The process a grep for netstat's own `PID/Program` value picks (`grep 1037/haproxy`); undefined when none or two do. */
function ownerFilter(segments: readonly string[][]): { pid: number; name: string } | undefined {
  const owners = segments
    .slice(1)
    .filter(([tool]) => tool === 'grep' || tool === 'egrep' || tool === 'fgrep')
    .map(([, ...args]) => NETSTAT_OWNER.exec(args.find((a) => !a.startsWith('-'))?.replace(/^['"]|['"]$/g, '') ?? ''))
    .filter((m): m is RegExpExecArray => m !== null);
  return owners.length === 1 ? { pid: Number(owners[0][1]), name: owners[0][2] } : undefined;
}

/** A pid as a grep's pattern: digits alone (`grep 11423`), or ss's users field (`grep 'pid=10628,'`). */
const PID_PATTERN = /^(?:\d{2,10}|pid=(\d{1,10}),?)$/;

/**
 * The number the listing's greps pick its rows by (`grep 11423`): a pid, or a port. Undefined when
 * none does, or when two do (`grep 11423 | grep 5432`: which is the pid is not said).
 */
function numberFilter(segments: readonly string[][]): number | undefined {
  const numbers = segments
    .slice(1)
    .filter(([tool]) => tool === 'grep' || tool === 'egrep' || tool === 'fgrep')
    .map(([, ...args]) => args.find((a) => !a.startsWith('-'))?.replace(/^['"]|['"]$/g, '') ?? '')
    .map((w) => PID_PATTERN.exec(w))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => m[1] ?? m[0]);
  return numbers.length === 1 ? Number(numbers[0]) : undefined;
}

/** The program a listing's filter picks: a grep for a name, or awk's `/…name…/` row filter (its words). */
function programFilter(segments: readonly string[][]): string | undefined {
  for (const seg of segments.slice(1)) {
    const [tool, ...args] = seg;
    if (tool === 'grep' || tool === 'egrep' || tool === 'fgrep') {
      const pattern = args.find((a) => !a.startsWith('-'));
      const word = pattern?.replace(/^['"]|['"]$/g, '');
      const looked = word === undefined ? undefined : usersLookup(word);
      if (looked && !NOT_A_PROGRAM.test(looked)) return looked;
      if (word && PROGRAM.test(word) && !NOT_A_PROGRAM.test(word) && !ADDRESS_PLACEHOLDER.test(word)) return word;
      continue;
    }
    if (tool === 'awk') {
      const re = /^'?\/([^/]{1,200})\//.exec(args.join(' '))?.[1];
      const names = (re ?? '')
        .split(/[^\w.-]+/)
        .map(trimDots)
        .filter((w) => PROGRAM.test(w) && !NOT_A_PROGRAM.test(w));
      if (names.length === 1) return names[0];
    }
  }
  return undefined;
}

/** `.gpodder.` → `gpodder`: the dots a regex's `.` left around a name (in code: `\.+$` backtracks on a long run of dots). */
function trimDots(word: string): string {
  let from = 0;
  let to = word.length;
  while (from < to && word[from] === '.') from++;
  while (to > from && word[to - 1] === '.') to--;
  return word.slice(from, to);
}

/** `-nvuap` → has u, has p. Options of the listing command only (netstat or ss). */
function optionLetters(first: readonly string[]): string {
  return first
    .slice(1)
    .filter((w) => /^-[A-Za-z]+$/.test(w))
    .map((w) => w.slice(1))
    .join('');
}

type ProgramSocketSelection = ({ name: string; pid?: number } | { name?: undefined; pid: number }) & {
  /** The sockets' protocol, when the listing or the filter says it. */
  protocol?: SocketProtocol;
  /** The TCP state a grep picked the rows by (`grep CLOSE-WAIT`): every row counted is in it. */
  state?: TcpState;
  /** The remote end a grep picked the rows by (`grep 10.1.2.3:443`): the program's connections to it. */
  peer?: string;
};

/**
 * An end a grep picks rows by: an address (or a redacted one, `<SSO_IP1>`) and a port, the port
 * last (`10.43.1.2:443`, `[::1]:8080`). A port alone (`grep :443`) is no peer: it may be the local one.
 */
const PEER_HOST = /^(?:\[[\da-fA-F:.]{2,45}\]|[\w.<>-]{1,80}|[\da-fA-F:]{2,45})$/;
/** A port as a grep types it after the host's last colon. */
const PEER_PORT = /^\d{1,5}$/;

/** `10.43.1.2:443` → true: a host with a dot, a redaction or a colon of its own, then its port (split at the last colon). */
function isPeerEnd(word: string): boolean {
  const colon = word.lastIndexOf(':');
  if (colon < 1) return false;
  const host = word.slice(0, colon);
  return PEER_PORT.test(word.slice(colon + 1)) && PEER_HOST.test(host) && /[.<:]/.test(host);
}

/** The one remote end the greps after the listing pick its rows by; undefined when none or two do, or a grep drops rows. */
function peerFilter(segments: readonly string[][]): string | undefined {
  const ends: string[] = [];
  for (const [tool, ...args] of segments.slice(1)) {
    if (tool !== 'grep' && tool !== 'egrep' && tool !== 'fgrep') continue;
    if (args.some((a) => /^-[A-Za-z]*v/.test(a) || a === '--invert-match')) return undefined;
    const word = args.find((a) => !a.startsWith('-'))?.replace(/^['"]|['"]$/g, '');
    if (word !== undefined && isPeerEnd(word)) ends.push(word);
  }
  return ends.length === 1 ? ends[0] : undefined;
}

/** Options of `nsenter` that keep the host's pids and /proc: the target (`-t PID`) and its network namespace only. */
const NSENTER_NET = /^(?:-n|--net|--target=\d{1,10})$/;

/**
 * Where the listing command starts in the first segment: after `sudo`, and after `nsenter -t PID
 * -n` (a pod's network namespace entered from the host: its sockets, owned by host pids). -1 when
 * something else runs it (a mount or pid namespace: its /proc, pids and names are the container's).
 */
function listingStart(first: readonly string[]): number {
  let i = 0;
  let nsenter = false;
  while (i < first.length) {
    const w = first[i];
    if (w === 'netstat' || w === 'ss' || w.endsWith('/netstat') || w.endsWith('/ss')) return i;
    if (w === 'sudo') i++;
    else if (w === 'nsenter' && !nsenter) {
      nsenter = true;
      i++;
    } else if (nsenter && (w === '-t' || w === '--target') && /^\d{1,10}$/.test(first[i + 1] ?? '')) i += 2;
    else if (nsenter && NSENTER_NET.test(w)) i++;
    else return -1;
  }
  return -1;
}

/**
 * The one TCP state the listing keeps its rows by, ss's own filter (`state close-wait`) or its greps
 * (`grep CLOSE-WAIT`, `grep -c CLOSE_WAIT`): undefined when none does, when two do, or when a grep
 * drops rows (`-v`). ESTAB is not one: ss prints connected UDP sockets as ESTAB too.
 */
function stateFilter(segments: readonly string[][]): TcpState | undefined {
  return greppedState(segments, ssStateFilter(segments[0] ?? []));
}

/** The one state the greps after the first command keep, beside `found`, the one the command itself printed only (stateFilter). */
function greppedState(segments: readonly string[][], found: TcpState | undefined): TcpState | undefined {
  for (const [tool, ...args] of segments.slice(1)) {
    if (tool !== 'grep' && tool !== 'egrep' && tool !== 'fgrep') continue;
    const options = args.filter((a) => a.startsWith('-'));
    const state = grepSegmentState(args);
    if (options.some((o) => /^-[A-Za-z]*v/.test(o) || o === '--invert-match')) return undefined;
    if (state === undefined) continue;
    if ((found !== undefined && found !== state) || state === 'ESTABLISHED') return undefined;
    found = state;
  }
  return found;
}

/** The state a grep's words (its options and pattern) pick rows by (`-c CLOSE_WAIT`, `-i close`). */
function grepSegmentState(args: readonly string[]): TcpState | undefined {
  const pattern = args.find((a) => !a.startsWith('-'));
  if (pattern === undefined) return undefined;
  const ignoreCase = args.some((a) => /^-[A-Za-z]*i/.test(a) || a === '--ignore-case');
  return grepState(pattern, ignoreCase);
}

/**
 * The one TCP state a command's greps keep its rows by (greppedState): `netstat -an | grep -i close
 * | wc -l` counts CLOSE_WAIT rows.
 */
export function stateGrepped(command: string): TcpState | undefined {
  return greppedState(splitPipeline(command.trim().replace(/^[$#]\s+/, '')).map(words), undefined);
}

/**
 * ss's own state filter (`ss -ntp state close-wait`): every row it prints is in that state. Not
 * ESTABLISHED (connected UDP sockets are ESTAB too), nor a group (`connected`, `all`).
 */
function ssStateFilter(first: readonly string[]): TcpState | undefined {
  const at = first.findIndex((w) => w === 'ss' || w.endsWith('/ss'));
  if (at === -1) return undefined;
  const i = first.indexOf('state', at + 1);
  const state = i === -1 ? undefined : stateOfKey((first[i + 1] ?? '').toUpperCase());
  return state === 'ESTABLISHED' ? undefined : state;
}

/**
 * The program and protocol of a count or tally of netstat / ss rows picked by a program's name,
 * when the listing prints a process column (`-p`). Undefined for anything else.
 */
export function programSockets(command: string | undefined): ProgramSocketSelection | undefined {
  if (!command) return undefined;
  const segments = splitPipeline(command.trim().replace(/^[$#]\s+/, '')).map(words);
  const first = segments[0] ?? [];
  const at = listingStart(first);
  if (at === -1) return undefined;
  const letters = optionLetters(first.slice(at));
  if (!letters.includes('p')) return undefined;
  const both = ownerFilter(segments);
  const name = both ? undefined : programFilter(segments);
  const pid = both || name ? undefined : numberFilter(segments);
  if (!both && !name && pid === undefined) return undefined;
  const owner = both ?? (name ? { name } : { pid: pid as number });
  const filter = segments
    .slice(1)
    .map((s) => s.join(' '))
    .join(' ');
  const protocol = protocolOf(letters, filter);
  // Only TCP rows are in CLOSE-WAIT, TIME-WAIT, LISTEN …: a grep for such a state picks TCP rows.
  const state = protocol === 'udp' || protocol === 'unix' ? undefined : stateFilter(segments);
  if (state) return { ...owner, protocol: 'tcp', state };
  const peer = protocol === 'udp' || protocol === 'unix' ? undefined : peerFilter(segments);
  if (peer) return protocol ? { ...owner, protocol, peer } : { ...owner, peer };
  return protocol ? { ...owner, protocol } : owner;
}

/**
 * The listing's protocol: -u alone UDP, -t alone TCP, -x alone unix (ss -x, netstat -x/--unix);
 * else the filter's (`/tcp.*gpodder/`).
 */
function protocolOf(letters: string, filter: string): SocketProtocol | undefined {
  const udp = letters.includes('u');
  const tcp = letters.includes('t');
  // With -t or -u beside it, the rows are of two protocols: none is said.
  if (letters.includes('x')) return udp || tcp ? undefined : 'unix';
  if (udp !== tcp) return udp ? 'udp' : 'tcp';
  if (/\/[^/]*\btcp/.test(filter)) return 'tcp';
  return /\/[^/]*\budp/.test(filter) ? 'udp' : undefined;
}

/** A tally's rows as TCP states: undefined unless every key is one. */
function tcpStates(rows: readonly { count: number; key: string; ev: EvidenceRef }[]): Partial<Record<TcpState, number>> | undefined {
  if (rows.length === 0) return undefined;
  const byState: Partial<Record<TcpState, number>> = {};
  for (const r of rows) {
    const state = stateOfKey(r.key);
    if (state === undefined) return undefined;
    byState[state] = (byState[state] ?? 0) + r.count;
  }
  return byState;
}

type ProgramSocketsEntry = HostModel['programSockets'][number];

/**
 * A count (`| wc -l`) or a state tally (`| sort | uniq -c`) of a program's sockets, as the
 * connections of that program: a count of rows of one protocol is that many sockets of it, a tally
 * by TCP state its TCP sockets by state. Undefined when the command picks no program's rows, or the
 * count says no protocol, or the tally's keys are not all states.
 */
export function programSocketsOf(
  command: string,
  file: string,
  counted: { value: number; ev: EvidenceRef } | { rows: readonly { count: number; key: string; ev: EvidenceRef }[] },
): ProgramSocketsEntry | undefined {
  const picked = programSockets(command);
  if (!picked) return undefined;
  const basis = command.trim().replace(/^[$#]\s+/, '');
  if ('value' in counted) {
    // A count of rows grep'd for one TCP state: that many of its TCP sockets are in it (they say
    // nothing of its other TCP sockets: pickedByState).
    if (picked.state) {
      const byState = { [picked.state]: counted.value };
      return {
        ...owner(picked),
        file,
        basis,
        connection: { rows: counted.value, byState, evidence: [counted.ev], file, pickedByState: true },
      };
    }
    // A count of its rows to one remote end: its connections to that peer (client-of-one-peer).
    if (picked.peer) {
      const peerCount = { peer: picked.peer, value: counted.value, ev: counted.ev, basis };
      return { ...owner(picked), file, basis, byPeer: true, connection: { rows: 0, byState: {}, evidence: [counted.ev], file, peerCount } };
    }
    // A count of TCP rows mixes live and dead connections: only a count of UDP or unix rows says a kind.
    const kind = picked.protocol;
    if (kind !== 'udp' && kind !== 'unix') return undefined;
    const connection = {
      rows: 0,
      byState: {},
      evidence: [counted.ev],
      sockets: { [kind]: counted.value },
      socketEvidence: { [kind]: [counted.ev] },
      file,
    };
    return { ...owner(picked), file, basis, connection };
  }
  // Only TCP rows have states (ss prints UDP's as UNCONN or ESTAB too): the listing or filter must say TCP.
  if (picked.protocol !== 'tcp') return undefined;
  const byState = tcpStates(counted.rows);
  if (!byState) return undefined;
  const rows = counted.rows.reduce((n, r) => n + r.count, 0);
  const closeWait = counted.rows.filter((r) => stateOfKey(r.key) === 'CLOSE_WAIT');
  const evidence = [...closeWait, ...counted.rows.filter((r) => !closeWait.includes(r))].map((r) => r.ev);
  return { ...owner(picked), file, basis, connection: { rows, byState, evidence, file } };
}

/** Whose sockets a selection picked: a program's name, a pid's number, or both (netstat's `PID/Program`). */
function owner(picked: ProgramSocketSelection): { name: string; pid?: number } | { pid: number } {
  if (picked.name === undefined) return { pid: picked.pid };
  return picked.pid === undefined ? { name: picked.name } : { name: picked.name, pid: picked.pid };
}

/**
 * `127.0.0.1.4001` → `127.0.0.1:4001`: an IPv4 address and a port a grep pattern joins with a dot,
 * the regex's any-character standing for the colon.
 */
const DOTTED_END = /^(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})\.(\d{1,5})$/;

/**
 * A count of a connection listing's rows picked by one remote end alone (`netstat -anp | grep
 * 127.0.0.1.4001 | wc -l`): the listing (with a process column) and the end. Undefined when
 * another grep (a program, a state) or any other command picks rows too.
 */
export function peerOnlyCount(command: string): { listing: string; peer: string } | undefined {
  const segments = splitPipeline(command.trim().replace(/^[$#]\s+/, '')).map(words);
  const first = segments[0] ?? [];
  const at = listingStart(first);
  const last = segments.at(-1) ?? [];
  if (at === -1 || segments.length !== 3 || !optionLetters(first.slice(at)).includes('p')) return undefined;
  if (last[0] !== 'wc' || !(last.length === 1 || (last.length === 2 && last[1] === '-l'))) return undefined;
  const [tool, ...args] = segments[1];
  if ((tool !== 'grep' && tool !== 'egrep' && tool !== 'fgrep') || args.length !== 1) return undefined;
  const word = args[0].replace(/^['"]|['"]$/g, '');
  const dotted = DOTTED_END.exec(word);
  const peer = dotted ? `${dotted[1]}:${dotted[2]}` : isPeerEnd(word) ? word : undefined;
  return peer ? { listing: first.join(' '), peer } : undefined;
}
