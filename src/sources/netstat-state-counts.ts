// The write-up's state table: connections per TCP state, counted by awk over netstat -n.
//   netstat -n | awk '/^tcp/ {++state[$NF]} END {for(key in state) print key,"\t",state[key]}'
//   TIME_WAIT        221
//   ESTABLISHED      103
// awk prints the keys in no particular order. The same table from `ss -tan | awk ...` spells
// the states ss's way; `sort | uniq -c` puts the count first. With `netstat -antp` the last
// column is PID/Program, so `$NF` counts programs, not states: such keys are reported.
import type { ConnectionTableArtifact, TcpState } from './artifacts.js';
import type { SourceParser } from './parser.js';
import { ConnectionTableBuilder, isShellLine, tcpStateOf } from './netstat.js';

// Counts of at most 15 digits (exact as numbers; see numbers.ts): a longer one makes the line no count line.
const KEY_COUNT = /^\s*(\S+)\s+(\d{1,15})\s*$/;
const COUNT_KEY = /^\s*(\d{1,15})\s+(\S+)\s*$/;
/** ss's spellings are the ones with a dash or ESTAB/UNCONN. */
const SS_SPELLING = /-|^ESTAB$|^UNCONN$/;

interface StateCount {
  state: TcpState;
  word: string;
  count: number;
}

/** `STATE  N` or `N STATE` (uniq -c); undefined when the line is neither, or the key is no state. */
function stateCount(text: string): StateCount | { key: string } | undefined {
  let m = KEY_COUNT.exec(text);
  let word: string;
  let count: number;
  if (m && !/^\d+$/.test(m[1])) {
    word = m[1];
    count = Number(m[2]);
  } else if ((m = COUNT_KEY.exec(text))) {
    word = m[2];
    count = Number(m[1]);
  } else {
    return undefined;
  }
  const state = tcpStateOf(word);
  return state === undefined ? { key: word } : { state, word, count };
}

const COMMANDS = ['netstat', 'ss', 'awk'];

export const netstatStateCounts: SourceParser<ConnectionTableArtifact> = {
  id: 'netstat-state-counts',
  title: 'Connections per TCP state (netstat | awk)',
  detect({ head, command }) {
    const lines = head.filter((l) => l.trim() !== '' && !isShellLine(l, COMMANDS));
    if (lines.length === 0) return 0;
    const counts = lines.map(stateCount);
    const states = counts.filter((c) => c !== undefined && 'state' in c).length;
    if (states === 0) return 0;
    const keyFirst = lines.filter((l) => KEY_COUNT.test(l) && !/^\s*\d/.test(l)).length;
    const byCommand = command !== undefined && /netstat|ss\s/.test(command) && /awk|uniq/.test(command);
    if (states === lines.length) return keyFirst === lines.length || byCommand ? 0.9 : 0.6;
    // A few non-state keys (`$NF` over netstat -p) still make a state table when most are states.
    return states >= lines.length * 0.5 && counts.every((c) => c !== undefined) ? 0.5 : 0;
  },
  sink(ctx) {
    const table = new ConnectionTableBuilder(ctx.file, 'netstat', 'state-counts');
    if (ctx.command && /(^|[\s|/])ss\s/.test(ctx.command)) table.tool = 'ss';
    let sawCount = false;
    return {
      line(raw, n) {
        const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (isShellLine(text, COMMANDS)) return;
        table.countLine();
        if (text.trim() === '') return;
        const c = stateCount(text);
        if (c === undefined) return ctx.warn(n, `not a "STATE count" line: ${text.slice(0, 80)}`);
        if ('key' in c) return ctx.warn(n, `"${c.key}" is not a TCP state (awk's $NF on a listing with more columns?)`);
        sawCount = true;
        if (!ctx.command && SS_SPELLING.test(c.word)) table.tool = 'ss';
        table.tcp(c.state, c.count, n, text);
      },
      end() {
        if (!sawCount) ctx.warn(undefined, 'no state counts found');
        return table.build();
      },
    };
  },
};
