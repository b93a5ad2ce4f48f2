// netstat listings (net-tools): -n, -nat, -antp, -W -neopa, and grep'd rows without a header
// (TCP rows, or unix and UDP rows that name their owner).
//   Active Internet connections (servers and established)
//   Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name
//   tcp        1      0 127.0.0.1:18080         127.0.0.1:55388         CLOSE_WAIT  6871/cw-server
//   tcp6       0      0 ::1:18082               :::*                    LISTEN      6871/cw-server
//   unix  2      [ ACC ]     STREAM     LISTENING     68288    2469/rpm-ostree      @/tmp/rpm-ostree/dbus-4T2FGwym
// The udp and unix sections' rows count toward their owner's UDP and unix sockets (with -p).
// netstat reads only the kernel's connection tables (/proc/net/tcp*): a socket that is in no
// table (never connected, or disconnected and never closed) has no row here. Titles, column
// names and even the state words are translated in some locales (pt_BR prints ESPERANDO_FECHAR).
// Also home of the pieces the other connection-table parsers share.
import { isStderrLine } from '../bundle/stderr-notices.js';
import type { ConnectionTableArtifact, ConnectionsByProcess } from './artifacts.js';
import { TCP_STATES, type TcpState } from './fd-entry.js';
import { isElision } from './fd-kind.js';
import { ref, type EvidenceRef } from '../types.js';
import type { SourceParser } from './parser.js';
import { type PeerTally, type TcpEnds, remoteEndRows, tallyPeer, tallyRemoteEnd, topPeer } from './tcp-peers.js';

// ---------------------------------------------------------------- shared: states

/** netstat prints every state but ss's UNCONN. */
const NETSTAT_STATES: readonly TcpState[] = TCP_STATES.filter((s) => s !== 'UNCONN');

/** ss's spelling (iproute2 sstate_name); ss prints TCP_CLOSE as UNCONN, netstat as CLOSE. */
const SS_STATES: Record<string, TcpState> = {
  ESTAB: 'ESTABLISHED',
  'SYN-SENT': 'SYN_SENT',
  'SYN-RECV': 'SYN_RECV',
  'FIN-WAIT-1': 'FIN_WAIT1',
  'FIN-WAIT-2': 'FIN_WAIT2',
  'TIME-WAIT': 'TIME_WAIT',
  UNCONN: 'CLOSE',
  'CLOSE-WAIT': 'CLOSE_WAIT',
  'LAST-ACK': 'LAST_ACK',
  LISTEN: 'LISTEN',
  CLOSING: 'CLOSING',
  UNKNOWN: 'UNKNOWN',
};

/** State words of net-tools 2.10's translations (cs, de, et, fr, ja, pt_BR), as netstat prints them in UTF-8. */
const LOCALISED_STATES: Record<string, TcpState> = {
  SPOJENO: 'ESTABLISHED',
  ZAVŘEN: 'CLOSE',
  'POSLEDNÍ ACK': 'LAST_ACK',
  NASLOUCHÁ: 'LISTEN',
  ZAVÍRÁ: 'CLOSING',
  NEZNÁM: 'UNKNOWN',
  VERBUNDEN: 'ESTABLISHED',
  UNBEKANNT: 'UNKNOWN',
  TUNDMATU: 'UNKNOWN',
  INCONNU: 'UNKNOWN',
  不明: 'UNKNOWN',
  ESTABELECIDA: 'ESTABLISHED',
  SYN_ENVIADO: 'SYN_SENT',
  SYN_RECEBIDO: 'SYN_RECV',
  ESPERA_FIN1: 'FIN_WAIT1',
  ESPERA_FIN2: 'FIN_WAIT2',
  FECHAR: 'CLOSE',
  ESPERANDO_FECHAR: 'CLOSE_WAIT',
  ÚLTIMO_ACK: 'LAST_ACK',
  OUÇA: 'LISTEN',
  FECHANDO: 'CLOSING',
  DESCONHECIDA: 'UNKNOWN',
};

/** The BSDs' netstat (FreeBSD, macOS) spells four states its own way. */
const BSD_STATES: Record<string, TcpState> = {
  SYN_RCVD: 'SYN_RECV',
  FIN_WAIT_1: 'FIN_WAIT1',
  FIN_WAIT_2: 'FIN_WAIT2',
  CLOSED: 'CLOSE',
};

const STATE_WORDS = new Map<string, TcpState>([
  ...NETSTAT_STATES.map((s) => [s, s] as [string, TcpState]),
  ...Object.entries(SS_STATES),
  ...Object.entries(LOCALISED_STATES),
  ...Object.entries(BSD_STATES),
]);

/** Any spelling (netstat, ss, a netstat translation) → netstat's spelling. */
export function tcpStateOf(word: string): TcpState | undefined {
  return STATE_WORDS.get(word);
}

/** Czech `POSLEDNÍ ACK` is the one state of two words. */
const TWO_WORD_STATE_FIRST = 'POSLEDNÍ';

// ---------------------------------------------------------------- shared: lines that are not output

/** `root@host:~# netstat -nat`, `$ ss -s`, `[root@db1 ~]#`: a prompt pasted with the output. */
const PROMPT = /^(?:\[[^\]]{1,80}\]\s?[$#]|[\w.-]{1,40}@[\w.-]{1,64}(?::\S*)?\s?[$#]|[$#>])(?:\s|$)/;

/** A shell prompt or an echoed command line: pasted with the output, not part of it. */
export function isShellLine(text: string, commandWords: readonly string[]): boolean {
  if (PROMPT.test(text)) return true;
  const t = text.trimStart();
  for (const w of commandWords) if (t.startsWith(w + ' ') || t === w || t.startsWith('sudo ' + w)) return true;
  return false;
}

/** Messages netstat writes to stderr; pasted captures often include them (2>&1). */
function netstatNotice(text: string): string | undefined {
  if (text.startsWith('(Not all processes could be identified'))
    return 'netstat could not read every process (not run as root): some PID/Program columns are "-"';
  if (text.startsWith('(No info could be read for "-p"'))
    return 'netstat could read no process information (not run as root): every PID/Program column is "-"';
  return undefined;
}

// ---------------------------------------------------------------- shared: the artifact builder

export interface SocketOwner {
  pid: number;
  command?: string;
  /** The highest fd of this process on the socket (ss -p prints `fd=N`). */
  fd?: number;
  /** How many fds of this process ss -p lists on the socket, when more than one (a socket dup'd and kept). */
  fds?: number;
}

const EVIDENCE_PER_PROCESS = 20;
/** fd numbers of TCP rows kept per process (ConnectionsByProcess.tcpFds): past the largest limits most hosts set. */
const MAX_TCP_FDS = 1 << 20;
/** Shared listening sockets kept per capture: a handful say what there is to say. */
const MAX_SHARED = 20;
/** A unix socket's address that is a name: a filesystem path, or an abstract one (`@/tmp/dbus-…`). */
const UNIX_PATH = /^[/@]./;

interface ProcessTally {
  pid: number;
  command?: string;
  rows: number;
  byState: Partial<Record<TcpState, number>>;
  /** First rows per state, in first-seen state order. */
  samples: Map<TcpState, EvidenceRef[]>;
  sockets: Partial<Record<OtherProtocol, number>>;
  socketSamples: Partial<Record<OtherProtocol, EvidenceRef[]>>;
  maxFd?: { fd: number; ev: EvidenceRef };
  tcpFds: number[];
  peerGone: { count: number; evidence: EvidenceRef[] };
  /** Its connected TCP rows by remote end (peers.ts): at most MAX_PEERS remote ends. */
  peers: Map<string, PeerTally>;
}

export type OtherProtocol = 'udp' | 'unix' | 'raw' | 'other';

/** Aggregates rows into a ConnectionTableArtifact; keeps bounded evidence only. */
export class ConnectionTableBuilder {
  private readonly out: ConnectionTableArtifact;
  private readonly processes = new Map<number, ProcessTally>();
  /** Connected rows with an owner, by remote end, then by owner (peerRows). */
  private readonly remoteEnds = new Map<string, Map<number, number>>();

  constructor(
    private readonly file: string,
    tool: 'netstat' | 'ss',
    variant: 'listing' | 'state-counts',
  ) {
    this.out = { records: 0, tool, variant, lines: 0, tcpRows: 0, byState: {}, stateEvidence: {}, hasProcessColumn: false, byProcess: [] };
  }

  set tool(tool: 'netstat' | 'ss') {
    this.out.tool = tool;
  }

  set hasProcessColumn(has: boolean) {
    this.out.hasProcessColumn = has;
  }

  /** A line of the output (headers and blank lines included). */
  countLine(): void {
    this.out.lines++;
  }

  /** A parsed record that is not a TCP socket (udp, unix, raw ... rows), with its owners when shown. */
  /** `peerGone`: a connected unix socket whose other end is gone (ss prints its peer as `* 0`). */
  /** `local`: its local address, by which a row that names no owner is kept (unownedPeerGone). */
  otherRecord(
    protocol?: OtherProtocol,
    n?: number,
    text?: string,
    owners: readonly SocketOwner[] = [],
    peerGone = false,
    local?: string,
  ): void {
    this.out.records++;
    if (!protocol || n === undefined || text === undefined) return;
    let ev: EvidenceRef | undefined;
    const evidence = () => (ev ??= ref(this.file, n, text));
    if (owners.length === 0 && peerGone && local !== undefined && UNIX_PATH.test(local)) this.unownedPeerGone(local, evidence);
    for (const o of owners) {
      const p = this.tally(o, evidence);
      p.sockets[protocol] = (p.sockets[protocol] ?? 0) + 1;
      const samples = (p.socketSamples[protocol] ??= []);
      if (samples.length < EVIDENCE_PER_PROCESS) samples.push(evidence());
      if (peerGone) {
        // Each fd on a socket whose peer is gone is one the process never closed.
        p.peerGone.count += o.fds ?? 1;
        if (p.peerGone.evidence.length < EVIDENCE_PER_PROCESS) p.peerGone.evidence.push(evidence());
      }
    }
  }

  /** A row of a socket bound to `path` whose peer is gone and whose owner the listing does not name. */
  private unownedPeerGone(path: string, evidence: () => EvidenceRef): void {
    const byPath = (this.out.unownedPeerGone ??= []);
    let p = byPath.find((x) => x.path === path);
    if (!p) {
      if (byPath.length >= MAX_SHARED) return;
      p = { path, count: 0, evidence: [] };
      byPath.push(p);
    }
    p.count++;
    if (p.evidence.length < EVIDENCE_PER_PROCESS) p.evidence.push(evidence());
  }

  private tally(owner: SocketOwner, evidence: () => EvidenceRef): ProcessTally {
    let p = this.processes.get(owner.pid);
    if (!p) {
      p = {
        pid: owner.pid,
        command: owner.command,
        rows: 0,
        byState: {},
        samples: new Map(),
        sockets: {},
        socketSamples: {},
        tcpFds: [],
        peerGone: { count: 0, evidence: [] },
        peers: new Map(),
      };
      this.processes.set(owner.pid, p);
    }
    if (p.command === undefined && owner.command) p.command = owner.command;
    if (owner.fd !== undefined && owner.fd > (p.maxFd?.fd ?? -1)) p.maxFd = { fd: owner.fd, ev: evidence() };
    return p;
  }

  /**
   * `count` TCP sockets in `state`, cited at line n; owners from a process column; `ends`, the row's
   * local and remote address:port, when the listing shows them.
   */
  tcp(state: TcpState, count: number, n: number, text: string, owners: readonly SocketOwner[] = [], ends?: TcpEnds): void {
    const out = this.out;
    out.records++;
    out.tcpRows += count;
    out.byState[state] = (out.byState[state] ?? 0) + count;
    // Most rows are never quoted: make their reference only when it is kept.
    let ev: EvidenceRef | undefined;
    const evidence = () => (ev ??= ref(this.file, n, text));
    if (!out.stateEvidence[state]) out.stateEvidence[state] = evidence();
    for (const o of owners) {
      this.tallyOwner(o, state, evidence);
      if (ends && state !== 'LISTEN') {
        tallyPeer(this.processes.get(o.pid)!.peers, ends, evidence);
        tallyRemoteEnd(this.remoteEnds, ends, o.pid);
      }
    }
    if (state === 'LISTEN' && new Set(owners.map((o) => o.command)).size >= 2 && (out.sharedListeners?.length ?? 0) < MAX_SHARED) {
      (out.sharedListeners ??= []).push({ owners: owners.map((o) => ({ pid: o.pid, command: o.command })), ev: evidence() });
    }
  }

  private tallyOwner(owner: SocketOwner, state: TcpState, evidence: () => EvidenceRef): void {
    const p = this.tally(owner, evidence);
    p.rows++;
    if (owner.fd !== undefined && p.tcpFds.length < MAX_TCP_FDS) p.tcpFds.push(owner.fd);
    p.byState[state] = (p.byState[state] ?? 0) + 1;
    const samples = p.samples.get(state);
    if (!samples) p.samples.set(state, [evidence()]);
    else if (samples.length < EVIDENCE_PER_PROCESS) samples.push(evidence());
  }

  /** TCP rows were listed with a process column and not one of them named a process. */
  get noOwnerSeen(): boolean {
    return this.out.hasProcessColumn && this.out.tcpRows > 0 && this.processes.size === 0;
  }

  build(): ConnectionTableArtifact {
    this.out.byProcess = [...this.processes.values()].sort((a, b) => b.rows - a.rows || a.pid - b.pid).map(processEntry);
    const peerRows = remoteEndRows(this.remoteEnds);
    if (peerRows.length > 0) this.out.peerRows = peerRows;
    return this.out;
  }
}

/** CLOSE_WAIT rows first, then the first row of every other state, then the rest; at most 20. */
function processEntry(p: ProcessTally): ConnectionsByProcess {
  const closeWait = p.samples.get('CLOSE_WAIT') ?? [];
  const others = [...p.samples.entries()].filter(([s]) => s !== 'CLOSE_WAIT').map(([, evs]) => evs);
  const evidence = [...closeWait, ...others.map((evs) => evs[0]), ...others.flatMap((evs) => evs.slice(1))].slice(0, EVIDENCE_PER_PROCESS);
  const entry: ConnectionsByProcess = { pid: p.pid, rows: p.rows, byState: p.byState, evidence };
  if (p.command !== undefined) entry.command = p.command;
  if (p.maxFd) entry.maxFd = p.maxFd;
  if (p.tcpFds.length > 0) entry.tcpFds = p.tcpFds;
  if (p.peerGone.count > 0) entry.unixPeerGone = p.peerGone;
  const peer = topPeer(p.peers);
  if (peer) entry.peer = peer;
  if (Object.keys(p.sockets).length > 0) {
    entry.sockets = p.sockets;
    entry.socketEvidence = p.socketSamples;
  }
  return entry;
}

// ---------------------------------------------------------------- netstat itself

/** First column of a netstat row, by protocol family. */
const TCP_PROTOS = new Set(['tcp', 'tcp6']);
const OTHER_PROTOS = new Set([
  'udp',
  'udp6',
  'udpl',
  'udpl6',
  'raw',
  'raw6',
  'unix',
  'sctp',
  'sctp6',
  'ipx',
  'ax25',
  'netrom',
  'rose',
  'x25',
  'bluetooth',
]);

const TIMER_NAME = /^(?:off|on|keepalive|timewait|unkn-\d+)$/;
const PID_PROGRAM = /^(\d{1,15})\/(.*)$/;
const NUMBER = /^\d+$/;

interface NetstatColumns {
  process: boolean;
  timer: boolean;
}

/**
 * Where the timer that -o prints as the last column starts (the blanks before it), or -1:
 * `off (0.00/0/0)`, `keepalive (7191.25/0/0)`. Found from the end: an unanchored `\s+name \(...\)$`
 * tries every blank of a long run of them.
 */
function timerStart(text: string): number {
  const t = text.trimEnd();
  const open = t.lastIndexOf(' (');
  if (open === -1 || t.indexOf(')', open) !== t.length - 1) return -1;
  let name = open;
  while (name > 0 && !isBlank(t, name - 1)) name--;
  if (name === 0 || !TIMER_NAME.test(t.slice(name, open))) return -1;
  let start = name;
  while (start > 0 && isBlank(t, start - 1)) start--;
  return start;
}

function isBlank(s: string, i: number): boolean {
  return /\s/.test(s[i]);
}

function headerColumns(text: string): NetstatColumns {
  // The PID/Program and Timer column titles are not translated in net-tools 2.10.
  return { process: text.includes('PID/Program'), timer: /\sTimer\s*$/.test(text) };
}

type TcpRow = { state: TcpState; owner?: SocketOwner; ends?: TcpEnds } | { problem: string };

/**
 * `tcp Recv-Q Send-Q local foreign state [user inode] [PID/Program] [timer]`. The program name
 * may hold spaces (it is argv[0]'s basename), so it runs to the timer or the end of the line.
 * Without a header (grep'd rows) the optional columns are recognised by their shape.
 */
export function netstatTcpRow(text: string, columns: NetstatColumns | undefined): TcpRow {
  const timer = timerStart(text);
  if (columns?.timer && timer === -1) return { problem: 'timer column missing: row cut off' };
  const t = (timer !== -1 ? text.slice(0, timer) : text).trim().split(/\s+/);
  if (t.length < 6) return { problem: `row cut off or not a netstat row (${t.length} columns)` };
  if (!NUMBER.test(t[1]) || !NUMBER.test(t[2])) return { problem: 'Recv-Q/Send-Q are not numbers' };
  let stateWords = 1;
  let state = tcpStateOf(t[5]);
  if (state === undefined && t[5] === TWO_WORD_STATE_FIRST && t.length > 6) {
    state = tcpStateOf(`${t[5]} ${t[6]}`);
    stateWords = 2;
  }
  if (state === undefined) return { problem: `unknown TCP state "${t[5]}" (cut off, or an unknown translation)` };
  // With -e, user and inode come before PID/Program.
  const rest = t.slice(5 + stateWords);
  const at = rest.findIndex((w) => w === '-' || PID_PROGRAM.test(w));
  if (at === -1) return columns?.process ? { problem: 'PID/Program column missing: row cut off' } : { state };
  const m = PID_PROGRAM.exec(rest.slice(at).join(' '));
  const ends = { local: t[3], remote: t[4] };
  return m ? { state, owner: owner(m), ends } : { state, ends };
}

function owner(m: RegExpExecArray): SocketOwner {
  const command = m[2].trim();
  return command ? { pid: Number(m[1]), command } : { pid: Number(m[1]) };
}

/** The socket types netstat prints for unix sockets (net-tools `unix_print`). */
const UNIX_TYPES = new Set(['STREAM', 'DGRAM', 'SEQPACKET', 'RAW', 'RDM', 'UNKNOWN']);

/**
 * `unix RefCnt [ Flags ] Type [State] I-Node [PID/Program] [Path]`:
 * `unix  2      [ ACC ]     STREAM     LISTENING     68288    2469/rpm-ostree      @/tmp/rpm-ostree/dbus-4T2FGwym`.
 * The state is blank for a socket in none (a datagram socket); the owner is `-` when netstat could
 * not read it, and absent without -p. null: not such a row.
 */
export function netstatUnixRow(text: string): { owner?: SocketOwner } | null {
  const t = text.trim().split(/\s+/);
  if (t[0] !== 'unix' || !NUMBER.test(t[1] ?? '') || t[2] !== '[') return null;
  const close = t.indexOf(']', 3);
  if (close === -1 || close > 8 || !UNIX_TYPES.has(t[close + 1] ?? '')) return null;
  let i = close + 2;
  if (!NUMBER.test(t[i] ?? '')) i++;
  if (!NUMBER.test(t[i] ?? '')) return null;
  const m = PID_PROGRAM.exec(t[i + 1] ?? '');
  return m ? { owner: owner(m) } : {};
}

/**
 * `udp Recv-Q Send-Q local foreign [state] [user inode] [PID/Program]` (the state is blank for an
 * unconnected socket): its owner, when the row shows one; null when it is no such row.
 */
export function netstatUdpRow(text: string): { owner?: SocketOwner } | null {
  const t = text.trim().split(/\s+/);
  if (!/^udp6?$/.test(t[0]) || t.length < 5 || !NUMBER.test(t[1]) || !NUMBER.test(t[2])) return null;
  const pidProgram = t.slice(5).find((w) => PID_PROGRAM.test(w));
  const m = pidProgram ? PID_PROGRAM.exec(pidProgram) : null;
  return m ? { owner: owner(m) } : {};
}

const ROW_START = /^(\S+)\s/;

/** A row that starts with a protocol netstat lists. */
function isNetstatRow(text: string): boolean {
  const m = ROW_START.exec(text);
  if (!m) return false;
  return TCP_PROTOS.has(m[1]) || OTHER_PROTOS.has(m[1]);
}

/**
 * The lines down to the first blank one under the last row: what follows a blank line there, none of
 * it a row, is the writer's text going on under a paste left outside a code block (ossrs/srs#2346's
 * `1. SRS版本(Version): …` and `4.0.106` under its grep'd rows) — netstat prints no blank line
 * between its rows.
 */
function withoutTextUnder(head: readonly string[]): readonly string[] {
  let last = -1;
  for (let i = 0; i < head.length; i++) if (isNetstatRow(head[i])) last = i;
  if (last === -1) return head;
  const blank = head.findIndex((l, i) => i > last && l.trim() === '');
  return blank === -1 ? head : head.slice(0, blank);
}

const TITLES = ['Active Internet connections', 'Active UNIX domain sockets', 'Active Bluetooth connections'];

export const netstat: SourceParser<ConnectionTableArtifact> = {
  id: 'netstat',
  title: 'Connection table (netstat)',
  detect({ head, command }) {
    // An elision (`......`) where rows were left out is no row and no stranger's line either.
    const lines = withoutTextUnder(head).filter(
      (l) => l.trim() !== '' && !isElision(l) && !isShellLine(l, ['netstat']) && !isStderrLine(l, command),
    );
    if (lines.length === 0) return 0;
    const header = lines.findIndex((l) => l.startsWith('Proto '));
    const rows = lines.filter(isNetstatRow);
    const tcpRows = rows.filter((l) => TCP_PROTOS.has(ROW_START.exec(l)![1]));
    const wellFormedTcp = tcpRows.filter((l) => 'state' in netstatTcpRow(l, undefined)).length;
    // Rows of the unix section that name their owner (`netstat -anp | grep x`: LISTENING sockets).
    const ownedUnix = rows.filter((l) => netstatUnixRow(l)?.owner !== undefined).length;
    // UDP rows that name their owner (`netstat -tulpn | grep dnsmasq`: one listener, the rest UDP).
    const ownedUdp = rows.filter((l) => netstatUdpRow(l)?.owner !== undefined).length;
    const byCommand = command !== undefined && /(^|[\s/])netstat\s/.test(command) && !command.includes('awk');
    if (header !== -1 && (rows.length > 0 || TITLES.some((t) => lines[0].startsWith(t)))) return 0.95;
    if (TITLES.some((t) => lines[0].startsWith(t))) return 0.9;
    // Rows without a header: `netstat -antp | grep 8080`.
    if (wellFormedTcp > 0 && wellFormedTcp >= lines.length * 0.8) return byCommand ? 0.9 : 0.75;
    const owned = ownedUnix + ownedUdp;
    if (owned > 0 && wellFormedTcp + owned >= lines.length * 0.8) return byCommand ? 0.9 : 0.7;
    return 0;
  },
  sink(ctx) {
    const table = new ConnectionTableBuilder(ctx.file, 'netstat', 'listing');
    let columns: NetstatColumns | undefined;
    /** A line that was neither row nor header; fine if a header follows (a section title). */
    let pending: { n: number; text: string } | undefined;
    const notices = new Set<string>();
    let sawRow = false;
    return {
      line(raw, n) {
        const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (isShellLine(text, ['netstat'])) return;
        const notice = netstatNotice(text);
        if (notice) {
          if (!notices.has(notice)) ctx.warn(n, notice);
          notices.add(notice);
          return;
        }
        // The notice's second line, and what netstat's own errors say (bundle/stderr-notices.ts).
        if (isStderrLine(text, ctx.command) || isElision(text)) return;
        table.countLine();
        if (text.startsWith('Proto ')) {
          columns = headerColumns(text);
          if (columns.process) table.hasProcessColumn = true;
          pending = undefined;
          return;
        }
        if (pending) ctx.warn(pending.n, `not a netstat line: ${pending.text.slice(0, 80)}`);
        pending = undefined;
        const m = ROW_START.exec(text);
        if (m && TCP_PROTOS.has(m[1])) {
          sawRow = true;
          const row = netstatTcpRow(text, columns);
          if ('problem' in row) {
            ctx.warn(n, row.problem);
            return;
          }
          if (row.owner) table.hasProcessColumn = true;
          table.tcp(row.state, 1, n, text, row.owner ? [row.owner] : [], row.ends);
          return;
        }
        if (m && OTHER_PROTOS.has(m[1])) {
          sawRow = true;
          const row = m[1] === 'unix' ? netstatUnixRow(text) : netstatUdpRow(text);
          if (row?.owner) {
            table.hasProcessColumn = true;
            table.otherRecord(m[1] === 'unix' ? 'unix' : 'udp', n, text, [row.owner]);
          } else table.otherRecord();
          return;
        }
        if (text.trim() !== '') pending = { n, text };
      },
      end() {
        if (pending) ctx.warn(pending.n, `not a netstat line: ${pending.text.slice(0, 80)}`);
        if (!sawRow) ctx.warn(undefined, 'no netstat rows found');
        else if (table.noOwnerSeen && notices.size === 0)
          ctx.warn(undefined, 'no row names its process: netstat -p was probably not run as root');
        return table.build();
      },
    };
  },
};
