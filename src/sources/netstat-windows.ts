// Windows netstat: `netstat -ano`, `-an`, `-abno`, and its rows picked by `find`/`findstr`/`grep`.
//   Active Connections
//
//     Proto  Local Address          Foreign Address        State           PID
//     TCP    0.0.0.0:3001           0.0.0.0:0              LISTENING       23940
//     TCP    [::1]:3001             [::1]:62122            TIME_WAIT       0
//     UDP    0.0.0.0:1037           *:*                                    13224
//    [chrome.exe]
// The protocol in capitals, no Recv-Q/Send-Q, the owner's pid alone as the last column (-o), UDP
// rows with no state. A connection in TIME_WAIT belongs to no process: Windows prints pid 0 (the
// System Idle Process) for it, so pid 0 owns nothing. With -b the owner's executable follows its
// row on a line of its own in brackets. Each socket is a handle of that process (the fd of Windows).
import type { ConnectionTableArtifact, TcpState } from './artifacts.js';
import { isElision } from './fd-kind.js';
import { ConnectionTableBuilder, isShellLine, tcpStateOf } from './netstat.js';
import type { SourceParser } from './parser.js';

/** Windows' spellings of the states netstat prints its own way (the rest are netstat's). */
const WINDOWS_STATES: Record<string, TcpState> = {
  LISTENING: 'LISTEN',
  SYN_RECEIVED: 'SYN_RECV',
  // A socket bound to a port and neither listening nor connected; DELETE_TCB, one being torn down.
  BOUND: 'UNKNOWN',
  DELETE_TCB: 'UNKNOWN',
};

function windowsState(word: string): TcpState | undefined {
  return WINDOWS_STATES[word] ?? tcpStateOf(word);
}

/** `C:\Users\me>netstat -ano | findstr 3001`, `PS C:\> netstat -ano`: a Windows prompt. */
const WINDOWS_PROMPT = /^(?:PS )?[A-Za-z]:\\[^>]{0,200}>/;
const COMMANDS = ['netstat', 'findstr', 'find'];
/** An address column: `0.0.0.0:3001`, `[::1]:62122`, `*:*`, `[fe80::1%12]:53`. */
const ADDRESS = /^(?:\[[0-9A-Fa-f:.%]{1,64}\]|[0-9.]{1,15}|\*|[\w.-]{1,253}):(?:\d{1,5}|\*|[\w-]{1,32})$/;
const PID = /^\d{1,10}$/;
/** `-b`'s line under a row: the owner's executable, or why it has none. */
const EXECUTABLE = /^\s{0,8}\[([^\]\n]{1,260})\]\s*$/;
const NO_OWNER_INFO = /^\s{0,8}Can not obtain ownership information/;
/** -b's service line under a row: ` RpcSs`, ` Dnscache`. */
const SERVICE_NAME = /^\s{1,8}\w{1,40}\s*$/;

type Row = { protocol: 'tcp'; state: TcpState; pid?: number } | { protocol: 'udp'; pid?: number } | { problem: string };

/**
 * `TCP local foreign STATE [PID]` or `UDP local foreign [PID]`; null when
 * the line is no Windows netstat row (Linux and BSD netstat rows start with `tcp` in lowercase; a paste
 * indented as a whole may lose its two leading blanks).
 */
export function windowsNetstatRow(text: string): Row | null {
  if (!/^\s{0,8}(?:TCP|UDP)\s/.test(text)) return null;
  const t = text.trim().split(/\s+/);
  if (t.length > 5 || !ADDRESS.test(t[1] ?? '') || !ADDRESS.test(t[2] ?? '')) return null;
  if (t[0] === 'UDP') {
    if (t.length > 4 || (t[3] !== undefined && !PID.test(t[3]))) return null;
    return t[3] === undefined ? { protocol: 'udp' } : { protocol: 'udp', pid: Number(t[3]) };
  }
  if (t.length < 4) return { problem: 'TCP row without its state: row cut off' };
  const state = windowsState(t[3]);
  if (state === undefined) return { problem: `unknown TCP state "${t[3]}" (cut off, or a translation)` };
  if (t[4] !== undefined && !PID.test(t[4])) return null;
  return t[4] === undefined ? { protocol: 'tcp', state } : { protocol: 'tcp', state, pid: Number(t[4]) };
}

/** A line no reader should call a stranger's: the title, the header, `-b`'s lines, a prompt, `...`. */
function isFurniture(text: string): boolean {
  const t = text.trim();
  return (
    t === '' ||
    t === 'Active Connections' ||
    /^Proto\s+Local Address\s/.test(t) ||
    EXECUTABLE.test(text) ||
    isElision(text) ||
    WINDOWS_PROMPT.test(text) ||
    NO_OWNER_INFO.test(text) ||
    SERVICE_NAME.test(text) ||
    isShellLine(text, COMMANDS)
  );
}

export const netstatWindows: SourceParser<ConnectionTableArtifact> = {
  id: 'netstat-windows',
  title: 'Connection table (Windows netstat -ano)',
  detect({ head, command }) {
    const lines = head.filter((l) => !isFurniture(l));
    if (lines.length === 0) return 0;
    const rows = lines.filter((l) => {
      const r = windowsNetstatRow(l);
      return r !== null && !('problem' in r);
    }).length;
    if (rows === 0 || rows < lines.length * 0.8) return 0;
    const headed = head.some((l) => /^\s{0,8}Proto\s+Local Address\s/.test(l));
    const byCommand = command !== undefined && /(^|[\s\\/])netstat(?:\.exe)?\s/i.test(command);
    return headed || byCommand ? 0.95 : 0.8;
  },
  sink(ctx) {
    const table = new ConnectionTableBuilder(ctx.file, 'netstat', 'listing');
    let sawRow = false;
    /** The last row, kept until the next line: with -b, its owner's `[name.exe]` may follow it. */
    let held: { row: ReadRow; n: number; text: string } | undefined;
    const flush = (command?: string) => {
      if (held) record(table, held.row, held.n, held.text, command);
      held = undefined;
    };
    return {
      line(raw, n) {
        const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (WINDOWS_PROMPT.test(text) || isShellLine(text, COMMANDS) || isElision(text)) return;
        table.countLine();
        const exe = EXECUTABLE.exec(text);
        if (exe) return flush(exe[1]);
        // -b's service name (` RpcSs`) between a row and its executable.
        if (held && SERVICE_NAME.test(text)) return;
        flush();
        if (/^\s{0,8}Proto\s/.test(text)) {
          if (/\sPID\s*$/.test(text)) table.hasProcessColumn = true;
          return;
        }
        const row = windowsNetstatRow(text);
        if (row === null) {
          if (!isFurniture(text) && !NO_OWNER_INFO.test(text)) ctx.warn(n, `not a Windows netstat line: ${text.slice(0, 80)}`);
          return;
        }
        if ('problem' in row) return ctx.warn(n, row.problem);
        sawRow = true;
        if (row.pid !== undefined) table.hasProcessColumn = true;
        held = { row, n, text };
      },
      end() {
        flush();
        if (!sawRow) ctx.warn(undefined, 'no Windows netstat rows found');
        return table.build();
      },
    };
  },
};

type ReadRow = Exclude<Row, { problem: string }>;

/** One row into the table; pid 0 (the System Idle Process) is Windows' owner of connections no process holds (TIME_WAIT). */
function record(table: ConnectionTableBuilder, row: ReadRow, n: number, text: string, command?: string): void {
  const owners = row.pid !== undefined && row.pid > 0 ? [command ? { pid: row.pid, command } : { pid: row.pid }] : [];
  if (row.protocol === 'tcp') table.tcp(row.state, 1, n, text, owners);
  else if (owners.length > 0) table.otherRecord('udp', n, text, owners);
  else table.otherRecord();
}
