// The write-up's state table: connections per TCP state, counted by awk over netstat -n.
//   netstat -n | awk '/^tcp/ {++state[$NF]} END {for(key in state) print key,"\t",state[key]}'
//   TIME_WAIT        221
//   ESTABLISHED      103
// awk prints the keys in no particular order. The same table from `ss -tan | awk ...` spells
// the states ss's way; `sort | uniq -c` puts the count first. With `netstat -antp` the last
// column is PID/Program, so `$NF` counts programs, not states: such keys are reported.
// `netstat -natp | awk '{print $6}' | sort | uniq -c` (engintron#840) also tallies netstat's two
// header lines: `1 established)` (of `Active Internet connections (servers and established)`) and
// `1 Foreign` (of `... Local Address Foreign Address State`); they are its header, not keys.
// Such a tally of the host's connections is this parser's, not count-table's: its keys are TCP
// states. One whose command can pick a program's rows (`ss -tanp | grep 'pid=6829,'`, `ss -p | awk
// '/tcp.*gpodder/ …'`) stays count-table's, which ties it to that process; a grep for a port
// (`netstat -nap | grep :3000`, signalbox#5) picks none.
import type { ConnectionTableArtifact, TcpState } from './artifacts.js';
import type { SourceParser } from './parser.js';
import { ConnectionTableBuilder, isShellLine, tcpStateOf } from './netstat.js';
import { tallyEnd, tallyLines } from './count-table.js';
import { argumentsOf, hasOption } from '../command-words.js';

// Counts of at most 15 digits (exact as numbers; see numbers.ts): a longer one makes the line no count line.
const KEY_COUNT = /^\s*(\S+)\s+(\d{1,15})\s*$/;
const COUNT_KEY = /^\s*(\d{1,15})\s+(\S+)\s*$/;
/** The word awk's `$6`/`$NF` takes from netstat's or ss's own header lines: no key. */
const HEADER_WORD = /^(?:established\)|servers\)|Foreign|State|Address)$/;
/** ss's spellings are the ones with a dash or ESTAB/UNCONN. */
const SS_SPELLING = /-|^ESTAB$|^UNCONN$/;

interface StateCount {
  state: TcpState;
  word: string;
  count: number;
}

/** `STATE  N` or `N STATE` (uniq -c); undefined when the line is neither, or the key is no state. */
function stateCount(text: string): StateCount | { key: string } | { header: string } | undefined {
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
  if (state === undefined) return HEADER_WORD.test(word) ? { header: word } : { key: word };
  return { state, word, count };
}

const COMMANDS = ['netstat', 'ss', 'awk'];

/** A pattern that picks rows by where they connect, not by who holds them: a protocol, a port, an address. */
const PLACE_PATTERN = /^(?:\^?(?:tcp|udp)6?|:\d{1,5}|\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?)$/i;
/** awk's row pattern at the start of its program (`/tcp.*gpodder/ { print $2}`). */
const AWK_PATTERN = /^\/([^/]{1,80})\//;

/** The grep and awk patterns of a command, quotes taken off. */
function rowPatterns(command: string): string[] {
  const out: string[] = [];
  for (const tool of ['grep', 'egrep', 'fgrep']) {
    const pattern = argumentsOf(command, tool)?.find((w) => !w.startsWith('-'));
    if (pattern !== undefined) out.push(pattern.replace(/^['"]|['"]$/g, ''));
  }
  const program = argumentsOf(command, 'awk')?.find((w) => !w.startsWith('-'));
  const m = program === undefined ? null : AWK_PATTERN.exec(program.replace(/^['"]/, ''));
  if (m) out.push(m[1]);
  return out;
}

/** Whether netstat/ss list each row's program (`-p`) and a grep or awk pattern may have picked a program's rows by it. */
function picksProgram(command: string): boolean {
  if (!hasOption(command, 'netstat', 'p', 'program') && !hasOption(command, 'ss', 'p', 'processes')) return false;
  return rowPatterns(command).some((p) => !PLACE_PATTERN.test(p) && tcpStateOf(p) === undefined);
}

/** A tally's line of a word netstat's or ss's header gave awk (`      1 Foreign`). */
function isHeaderLine(text: string): boolean {
  const c = stateCount(text);
  return c !== undefined && 'header' in c;
}

export const netstatStateCounts: SourceParser<ConnectionTableArtifact> = {
  id: 'netstat-state-counts',
  title: 'Connections per TCP state (netstat | awk)',
  detect({ head, command }) {
    const byCommand = command !== undefined && /netstat|ss\s/.test(command) && /awk|uniq/.test(command);
    // A `uniq -c` tally ends where its rows do: the paster's words after a blank line are no part of it.
    const lines = tallyLines(head, command).filter((l) => l.trim() !== '' && !isShellLine(l, COMMANDS) && !(byCommand && isHeaderLine(l)));
    if (lines.length === 0) return 0;
    const counts = lines.map(stateCount);
    const states = counts.filter((c) => c !== undefined && 'state' in c).length;
    if (states === 0) return 0;
    const keyFirst = lines.filter((l) => KEY_COUNT.test(l) && !/^\s*\d/.test(l)).length;
    // Above count-table's 0.95 for any `uniq -c`: a netstat/ss tally whose keys are all states is a state table.
    if (states === lines.length && byCommand && /uniq/.test(command) && !picksProgram(command)) return 0.96;
    if (states === lines.length) return keyFirst === lines.length || byCommand ? 0.9 : 0.6;
    // A few non-state keys (`$NF` over netstat -p) still make a state table when most are states.
    return states >= lines.length * 0.5 && counts.every((c) => c !== undefined) ? 0.5 : 0;
  },
  sink(ctx) {
    const table = new ConnectionTableBuilder(ctx.file, 'netstat', 'state-counts');
    if (ctx.command && /(^|[\s|/])ss\s/.test(ctx.command)) table.tool = 'ss';
    let sawCount = false;
    const ended = tallyEnd(ctx.command);
    return {
      line(raw, n) {
        const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (ended(text)) return;
        if (isShellLine(text, COMMANDS)) return;
        table.countLine();
        if (text.trim() === '') return;
        const c = stateCount(text);
        if (c === undefined) return ctx.warn(n, `not a "STATE count" line: ${text.slice(0, 80)}`);
        if ('header' in c) return;
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
