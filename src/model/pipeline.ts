import { count } from '../sources/numbers.js';
import { COMMAND_WRAPPERS, STRACE_VALUE_OPTIONS, substitutionSpans } from '../command-words.js';
import { sh, shellJoin, splitPipeline } from '../shell.js';
import { containerExec, containerPid } from '../sources/container-exec.js';
import { lastScriptCommand } from '../sources/shell-script.js';
import { codeSpan } from '../rich.js';
import { CONTAINER_CLIS } from '../container-clis.js';
import { awkTally } from './awk-tally.js';
import { sedKeptFields } from './sed-fields.js';
import { packageRun } from './package-scripts.js';
import { countsNameWords, grepCounts } from '../bundle/known-commands.js';

// What a number printed by a shell pipeline measures. `lsof -p 25204 | grep sock | wc -l` prints
// one number; the command is what says it counts socket fds of pid 25204.

export interface CountMeaning {
  /** The first command of the pipeline (lsof, netstat, ss, ls ...). */
  tool: string;
  /** The process the pipeline is restricted to (`lsof -p PID`, `ls /proc/PID/fd`, `lsof | grep PID`). */
  pid?: number;
  /** The process name it is restricted to (`lsof -c NAME`, `lsof | grep NAME`, `/proc/$(pgrep NAME)/fd`). */
  name?: string;
  /** Patterns every counted line matched (`!x` = lines that did not match x, from grep -v). */
  grep?: string[];
  /** 'lines' = `wc -l`; 'rows-per-key' = `sort | uniq -c`. */
  measure: 'lines' | 'rows-per-key';
  /** For rows-per-key: what the key column is (pid, command, user, state, or `$N`). */
  key?: string;
  /** Every row counted is one fd of lsof's: an awk condition keeps the rows whose FD column is a number (cwd, txt and mem rows have none). */
  fdRows?: true;
}

/** Shell words of one command, quotes removed. */
export function words(segment: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(segment); m; m = re.exec(segment)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

function toolOf(segment: string[]): { tool: string; args: string[] } {
  // `cd /proc/PID/fd && ls -l`: the tool is ls; its folder stays among the arguments. In a process's
  // folder a relative path is one of its files: `cd /proc/30914 && ls -l fd` lists /proc/30914/fd.
  if (segment[0] === 'cd' && segment[2] === '&&') {
    const proc = /^\/proc\/\d{1,10}$/.test(segment[1].replace(/\/$/, '')) ? segment[1].replace(/\/$/, '') : null;
    const rest = segment.slice(3).map((w, i) => (proc && i > 0 && /^(?:fd|fdinfo|limits|status|task)\/?$/.test(w) ? `${proc}/${w}` : w));
    return toolOf([...rest, segment[1]]);
  }
  let i = 0;
  while (i < segment.length && (COMMAND_WRAPPERS.has(segment[i]) || /^-/.test(segment[i]) || /^\d+[smh]?$/.test(segment[i]))) i++;
  const tool = (segment[i] ?? '').replace(/^.*\//, '');
  return { tool, args: segment.slice(i + 1) };
}

function pidOf(tool: string, args: string[]): number | undefined {
  // BSD's `fstat -p PID` lists one process's fds too.
  if (tool === 'lsof' || tool === 'lsfd' || tool === 'ps' || tool === 'strace' || tool === 'fstat') {
    for (let i = 0; i < args.length; i++) {
      // -p 4730, -p4730, and short flags run together: strace -fp 4730, -fp4730.
      const joined = /^-[a-zA-Z]*p(\d+)$/.exec(args[i]);
      if (joined) return count(joined[1]);
      if (/^-[a-zA-Z]*p$/.test(args[i]) || args[i] === '--pid') return count(args[i + 1]);
    }
  }
  // FreeBSD's `procstat -f PID` (or `procstat files PID`) names its pid as a bare word.
  if (tool === 'procstat') {
    const n = args.filter((a) => /^\d{1,10}$/.test(a)).at(-1);
    if (n !== undefined) return count(n);
  }
  for (const a of args) {
    const m = /^\/proc\/(\d+)\//.exec(a);
    if (m) return count(m[1]);
  }
  return undefined;
}

function grepPattern(args: string[]): string | undefined {
  let invert = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-e') return (invert ? '!' : '') + (args[i + 1] ?? '');
    if (/^-[A-Za-z]+$/.test(a)) {
      if (a.includes('v')) invert = true;
      continue;
    }
    return (invert ? '!' : '') + a;
  }
  return undefined;
}

const LSOF_COLUMNS: Record<string, string> = { '1': 'command', '2': 'pid', '3': 'user', '5': 'type', '9': 'name' };
const NETSTAT_COLUMNS: Record<string, string> = { '4': 'local', '5': 'remote', '6': 'state', NF: 'state' };

/** The columns the first awk, cut or field-keeping sed keeps, by name: `pid`, or `command pid` for awk's `print $1 " " $2`. */
function keyOf(tool: string, segments: string[][]): string | undefined {
  for (const seg of segments) {
    const { tool: t, args } = toolOf(seg);
    // `sed -E 's/^([^ ]+[ ]+[^ ]+).*$/\1/'` keeps the first fields, as cut does (sed-fields.ts).
    const kept = t === 'sed' ? sedKeptFields(args) : [];
    if (t !== 'awk' && t !== 'cut' && kept.length === 0) continue;
    const text = args.join(' ');
    // awk: the columns it prints (`$5 == "IPv4" {print $2}` keys by pid), else the first it names.
    const printed = t === 'awk' ? /\bprint\s+([^;}]{1,200})/.exec(text)?.[1] : undefined;
    const cols = printed
      ? [...printed.matchAll(/\$(\d+|NF)/g)].map((m) => m[1])
      : t === 'cut'
        ? cutFields(text)
        : t === 'sed'
          ? kept
          : [/\$(\d+|NF)/.exec(text)?.[1]].filter((c) => c !== undefined);
    if (cols.length === 0) return undefined;
    const names = tool === 'lsof' ? LSOF_COLUMNS : tool === 'netstat' || tool === 'ss' ? NETSTAT_COLUMNS : {};
    return [...new Set(cols)].map((col) => names[col] ?? `$${col}`).join(' ');
  }
  return undefined;
}

/**
 * The fields a cut keeps, in order: `-f2`, `-f1,2`, `-f 1-2`, `--fields=1,2` (after `tr -s ' '`,
 * lsof's COMMAND and PID). A range open at its end (`-f2-`) keeps fields no name says: none then.
 */
function cutFields(text: string): string[] {
  const list = /(?:^|\s)(?:-f\s*|--fields=)(\d{1,3}(?:-\d{1,3})?(?:,\d{1,3}(?:-\d{1,3})?){0,9})(?:\s|$)/.exec(text)?.[1];
  if (!list) return [];
  const out: string[] = [];
  for (const part of list.split(',')) {
    const [from, to = from] = part.split('-').map(Number);
    for (let f = from; f <= Math.min(to, from + 9); f++) out.push(String(f));
  }
  return out;
}

/**
 * A command's pipeline as the words of each segment, a leading prompt sign dropped; a command run
 * inside a container (`docker exec web ls /proc/1/fd | wc -l`) as the command run there.
 */
function segmentsOf(command: string): string[][] {
  const inside = containerExec(command)?.command ?? command;
  return splitPipeline(inside.trim().replace(/^[$#]\s+/, '')).map(words);
}

/** The process a command is about: `-p PID` of lsof/lsfd/ps/strace, or a /proc/PID/ path. */
export function commandPid(command: string | undefined): number | undefined {
  if (!command) return undefined;
  const first = segmentsOf(command)[0];
  if (!first) return undefined;
  const { tool, args } = toolOf(first);
  // Inside a container its /proc/N/ is the container's pid N, no pid of the host.
  return containerExec(command) ? undefined : pidOf(tool, args);
}

/**
 * The program a strace command runs (`strace -o x tio /dev/null` → tio): its name, when the command
 * starts one (no -p) and the words before it are all options this reading knows.
 */
export function tracedProgram(command: string | undefined): string | undefined {
  if (!command) return undefined;
  const first = splitPipeline(command.trim().replace(/^[$#]\s+/, '')).map(words)[0];
  if (!first) return undefined;
  const { tool, args } = toolOf(first);
  if (tool !== 'strace') return undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return programName(args[i + 1]);
    if (!a.startsWith('-')) return programName(a);
    if (a.startsWith('--')) {
      if (!a.includes('=')) return undefined;
      continue;
    }
    const letters = a.slice(1);
    if (letters.includes('p')) return undefined;
    const k = [...letters].findIndex((c) => STRACE_VALUE_OPTIONS.includes(c));
    if (k === letters.length - 1) i++;
  }
  return undefined;
}

function programName(word: string | undefined): string | undefined {
  const name = word?.replace(/^.*\//, '');
  return name && /^[\w.+-]{1,64}$/.test(name) ? name : undefined;
}

/**
 * Tools whose output is another program's (a file, a journal, a container's log) or the system's,
 * not their own; a container CLI's (`k logs POD`, `docker-compose logs`) is its container's.
 */
const READERS = new Set([
  ...'cat tac zcat head tail less more grep egrep fgrep zgrep awk sed cut sort uniq wc tee xargs echo printf journalctl dmesg systemctl service ssh strace ltrace lsof lsfd ls find ps ss netstat sysctl ulimit prlimit'.split(
    ' ',
  ),
  ...CONTAINER_CLIS,
]);

/**
 * The program a command starts at the prompt, whose own output (its log to the terminal) the
 * command's output is: `matterbridge -debug` → matterbridge. Not a tool that reads another's output.
 */
export function programRun(command: string | undefined): string | undefined {
  if (!command) return undefined;
  // `sudo bash -c 'ulimit -n 8; vector …'`: the script's last command printed it.
  const first = segmentsOf(lastScriptCommand(command))[0];
  if (!first) return undefined;
  const { tool, args } = toolOf(first);
  // `npm run start-frontend` printed its script's programs' words; `npx jest`, jest's.
  const run = packageRun(tool, args);
  if (run) return programName(run.program);
  return READERS.has(tool) ? undefined : programName(tool);
}

/** The program a command runs first, wrappers (`sudo`, `timeout 5`) skipped: `lvm` of `lvm vgs`. */
export function commandTool(command: string): string {
  const first = segmentsOf(command)[0];
  return first ? toolOf(first).tool : '';
}

/** The patterns of the greps after a pipeline's first command (`!x` for grep -v x). */
function grepsOf(segments: string[][]): string[] {
  const out: string[] = [];
  for (const seg of segments.slice(1)) {
    const t = toolOf(seg);
    if (t.tool === 'grep' || t.tool === 'egrep' || t.tool === 'fgrep') {
      const p = grepPattern(t.args);
      if (p !== undefined) out.push(p);
    }
  }
  return out;
}

/**
 * The greps of a listing's command that pick rows, not the process: after a host-wide `lsof`,
 * `| grep 4684` or `| grep java` picks the process; any other grep (`| grep tmp` after
 * `ls -l /proc/PID/fd`) picks rows.
 */
export function rowFilters(command: string | undefined): string[] {
  if (!command) return [];
  const segments = segmentsOf(command);
  if (segments.length === 0) return [];
  const { tool, args } = toolOf(segments[0]);
  const grep = grepsOf(segments);
  const byProcess = tool === 'lsof' && !lsofPicksProcess(args) ? processGrep(grep).pattern : undefined;
  return grep.filter((g) => g !== byProcess);
}

/** The first command of a pipeline as its words (`lsof -n` of `lsof -n | grep 1147 | wc -l`): what produced the rows. */
export function firstCommand(command: string | undefined): string {
  if (!command) return '';
  return (segmentsOf(command)[0] ?? []).join(' ');
}

/** Reads a pipeline that ends in `wc -l` (or fish's and elvish's `count`) or `uniq -c`; null when it is neither. */
export function interpretCount(command: string | undefined): CountMeaning | null {
  if (!command || readsFdinfoFile(command)) return null;
  const segments = segmentsOf(command);
  if (segments.length === 0) return null;
  const last = segments[segments.length - 1];
  const lastTool = toolOf(last).tool;
  const { tool, args } = toolOf(segments[0]);
  const pid = containerExec(command) ? undefined : pidOf(tool, args);
  const grep = grepsOf(segments);
  const base: CountMeaning = { tool, measure: 'lines' };
  const byGrep = tool === 'lsof' && pid === undefined && !lsofPicksProcess(args) ? processGrep(grep) : {};
  if (pid !== undefined) base.pid = pid;
  else if (byGrep.pid !== undefined) base.pid = byGrep.pid;
  const name = nameOf(command, tool, segments[0]) ?? byGrep.name;
  if (name !== undefined && base.pid === undefined) base.name = name;
  const kindGreps = grep.filter((g) => g !== byGrep.pattern);
  if (kindGreps.length) base.grep = kindGreps;
  // `wc` with no option prints the lines first (the parser keeps them), then words and bytes.
  const wcLines = lastTool === 'wc' && (last.includes('-l') || last.length === 1);
  if (wcLines || countsNameWords(command) || (lastTool === 'count' && last.length === 1)) return base;
  if (segments.some((s) => toolOf(s).tool === 'uniq' && s.includes('-c'))) {
    return { ...base, measure: 'rows-per-key', key: keyOf(tool, segments.slice(1)) };
  }
  const tally = segments
    .slice(1)
    .map(toolOf)
    .find((t) => t.tool === 'awk');
  const counted = tally && awkTally(tally.args.join(' '));
  if (counted) {
    const names = tool === 'lsof' ? LSOF_COLUMNS : tool === 'netstat' || tool === 'ss' ? NETSTAT_COLUMNS : {};
    const key = [...new Set(counted.cols)].map((col) => names[col] ?? `$${col}`).join(' ');
    // lsof's FD column is the fourth of a row without a TID: `$4 ~ /[0-9]+[rwu -]/` keeps fd rows only.
    const fdRows = tool === 'lsof' && counted.filter?.col === '4' && /^\^?(?:\[0-9\]|\\d)/.test(counted.filter.pattern);
    return { ...base, measure: 'rows-per-key', key, ...(fdRows ? { fdRows: true as const } : {}) };
  }
  // `grep -c X` alone counts lines too.
  const g = toolOf(last);
  if ((g.tool === 'grep' || g.tool === 'egrep') && grepCounts(g.args)) return base;
  return null;
}

/**
 * A file inside `/proc/PID/fdinfo/` (`/proc/31813/fdinfo/18`, `fdinfo/$(…)`, `fdinfo/*`) holds one fd's
 * details: its lines (`grep -c '^inotify'` — the watches of one inotify fd; `tfd:` — an epoll's
 * targets) count no fds. `ls /proc/PID/fdinfo | wc -l` (the folder, one entry per fd) is not one.
 */
const FDINFO_FILE = /\/proc\/\d{1,10}\/fdinfo\/[^\s/|;&)]/;
function readsFdinfoFile(command: string): boolean {
  return FDINFO_FILE.test(command);
}

/**
 * `lsof -p PID`, `lsof -p $(pidof NAME)`, `lsof -c NAME`: lsof picks the process itself, so a grep
 * after it picks rows (`| grep cve.db` is a file's name, not a process's). Only `-p`/`-c` standing
 * alone or after flags that take no argument (`-np`); `-iudp`, `-sTCP:LISTEN` carry their own.
 */
function lsofPicksProcess(args: readonly string[]): boolean {
  return args.some((a) => /^-[abhlnNOPRtUVwX]{0,6}[pc]$/.test(a) || /^-[pc][^\s-]/.test(a));
}

/** Words lsof prints in its TYPE, NODE and NAME columns: a grep for one filters rows by kind, not by process. */
const LSOF_COLUMN_WORD =
  /^(sock|socket|tcp|udp|ipv4|ipv6|reg|dir|chr|fifo|pipe|unix|a_inode|eventpoll|eventfd|inotify|deleted|\(deleted\)|close_wait|established|listen|time_wait|protocol|identify|can't identify protocol|mem|txt|cwd|del)$/i;

/**
 * The first word of a grep whose pattern is a pid lookup, `grep $(pgrep zdns)`, `` grep `pidof nginx` ``
 * (also with the backticks escaped for Markdown, `` \`pgrep zdns\` ``): the shell splits the
 * substitution's words apart, and the lookup itself is read off the whole command (pidLookup).
 */
const PID_LOOKUP_WORD = /^\\?(?:\$\(|`)(?:pgrep|pidof)$/;

/** `lsof | grep 1147` restricts to a pid, `lsof | grep java` to a process name (the first such grep). */
function processGrep(grep: string[]): { pid?: number; name?: string; pattern?: string } {
  for (const g of grep) {
    if (g.startsWith('!')) continue;
    // `lsof -n | … | uniq -c | grep $(pgrep zdns)`: the process's pid picks its rows; its name is the lookup's.
    if (PID_LOOKUP_WORD.test(g)) return { pattern: g };
    const anchored = anchoredName(g);
    // `^gaiacli.*CLOSE_WAIT` picks the program's rows and, among them, some: the pattern stays a row filter.
    if (anchored) return anchored.more ? { name: anchored.name } : { name: anchored.name, pattern: g };
    if (/^\d{1,9}$/.test(g)) return { pid: Number(g), pattern: g };
    if (/^[A-Za-z][\w.-]{1,63}$/.test(g) && !LSOF_COLUMN_WORD.test(g)) return { name: g, pattern: g };
  }
  return {};
}

/**
 * `^gaiacli`, `^gaiacli.*TCP.*CLOSE_WAIT`: lsof's first column is COMMAND, so a grep anchored at the
 * line's start picks the rows of the program it names (and, with `.*` and more after it, some of
 * them: `more`). Read in code: a pattern with `.*` twice costs a regex its backtracking.
 */
export function anchoredName(pattern: string): { name: string; more: boolean } | undefined {
  if (!pattern.startsWith('^') || pattern.length > 300) return undefined;
  const body = pattern.slice(1);
  const cut = body.indexOf('.*');
  const name = cut === -1 ? body : body.slice(0, cut);
  if (!/^[A-Za-z][\w-]{1,63}$/.test(name) || LSOF_COLUMN_WORD.test(name)) return undefined;
  return { name, more: cut !== -1 && body.length > cut + 2 };
}

/**
 * The program a host-wide lsof's rows were picked by, at the line's start (`lsof | grep -e
 * '^gaiacli.*TCP.*CLOSE_WAIT' | wc -l`): lsof's COMMAND column names their owner, as netstat -p's
 * process column does.
 */
export function lsofRowsOwner(command: string | undefined): string | undefined {
  if (!command) return undefined;
  const segments = segmentsOf(command);
  const { tool, args } = toolOf(segments[0] ?? []);
  if (tool !== 'lsof' || lsofPicksProcess(args) || pidOf(tool, args) !== undefined) return undefined;
  for (const g of grepsOf(segments)) {
    const anchored = g.startsWith('!') ? undefined : anchoredName(g);
    if (anchored) return anchored.name;
  }
  return undefined;
}

/** `lsof -c NAME`, or the name of a pid lookup (`$(pgrep NAME)`, `$(cat NAME.pid)`). */
function nameOf(command: string, tool: string, first: string[]): string | undefined {
  if (tool === 'lsof') {
    const i = first.indexOf('-c');
    if (i >= 0 && first[i + 1]) return first[i + 1];
  }
  return pidLookup(command)?.name;
}

/** How a command finds the pid it is about, by name: a pid file it reads, or pgrep / pidof. */
export type PidLookup = { name: string } & (
  | { by: 'pid-file'; file: string }
  | { by: 'pgrep' | 'pidof'; args: string[] }
  /** The program a syslog tag names (`octo_parser: ...`), on lines of this file. */
  | { by: 'syslog-tag'; file: string }
  /** The program the command started at a prompt, whose own output holds the lines (`matterbridge -debug`). */
  | { by: 'command'; command: string; file: string }
  /** The program a connection listing's process column names, its rows picked by that name (`netstat -nvuap | grep node-red`). */
  | { by: 'socket-owner'; command: string; file: string }
  /** The program a log file under /var/log is named after (`/var/log/parity.log`), on lines of this file. */
  | { by: 'log-file'; path: string; file: string }
  /** `$(ps aux | grep [c]ylc | awk '{print $2}')`: the processes whose command line holds the name, as `pgrep -f` finds them. */
  | { by: 'ps-grep'; command: string }
  /** Pid N of a container, read by a command run in it (`docker exec web cat /proc/1/limits`): never the host's pid N. */
  | { by: 'container'; runtime: string; target: string; pid: number }
);

/**
 * `$(pgrep rsyslogd)`, `` `pidof -s nginx` `` (its closing backtick also escaped for Markdown, as an
 * issue's text shows it: `` \`pgrep zdns\` ``), `$(cat /run/elasticsearch/elasticsearch.pid)`: the
 * lookup, with the name it gives. fish substitutes a command in bare parentheses: its
 * `ls -l /proc/(pgrep sleep)/fd` and `lsof -p (pidof sway)` are the same lookups (a bare `(`
 * there is no subshell: bash rejects it in a word).
 */
export function pidLookup(command: string | undefined): PidLookup | undefined {
  if (!command) return undefined;
  // Run in a container, a `/proc/N/` path is pid N there; a `$(pgrep x)` ran in the host's shell, whose pids the container does not see.
  if (containerExec(command)) return containerLookup(command);
  const m = /(?:\$\(|`|(?<=\/proc\/|\s-p\s{1,4})\()(pgrep|pidof)\s+((?:-\w+\s+)*)(['"]?)(\^?)([\w.-]{1,64})(\$?)\3\s*(?:\)|\\?`)/.exec(
    command,
  );
  if (m) return { name: m[5], by: m[1] as 'pgrep' | 'pidof', args: [...m[2].split(/\s+/).filter((a) => a !== ''), pgrepPattern(m)] };
  return pidFileLookup(command) ?? psGrepLookup(command);
}

/**
 * The program a pgrep or pidof lookup names; undefined for another lookup, and for `pgrep -f`,
 * whose pattern is a piece of a command line, no program's name.
 */
export function lookedUpProgram(lookup: PidLookup | undefined): string | undefined {
  if (!lookup || (lookup.by !== 'pgrep' && lookup.by !== 'pidof')) return undefined;
  return lookup.args.some((a) => /^-\w*f/.test(a)) ? undefined : lookup.name;
}

/**
 * The pattern of a lookup as typed: pgrep matches a regex, and `^lnd$` — the name anchored at both
 * ends, as people type it to keep `lncli` out — names the program `lnd` exactly (`pgrep -x lnd`).
 */
function pgrepPattern(m: RegExpExecArray): string {
  const [, , , quote, start, name, end] = m;
  return start || end ? `${quote}${start}${name}${end}${quote}` : name;
}

/**
 * `$(ps aux | grep [c]ylc-singleuser | awk '{ print $2 }')`, `` `ps -ef | grep java | grep -v grep | awk '{print $2}'` ``:
 * ps's second column is the pid, of the rows whose line holds the name (`[c]` keeps grep's own row out).
 */
function psGrepLookup(command: string): PidLookup | undefined {
  for (const inner of substitutions(command)) {
    const segments = splitPipeline(inner).map(words);
    if (segments.length < 3 || toolOf(segments[0]).tool !== 'ps') continue;
    const last = toolOf(segments[segments.length - 1]);
    if (last.tool !== 'awk' || !/\{\s*print \$2\s*(?:;\s*)?\}/.test(last.args.join(' '))) continue;
    const names = segments
      .slice(1, -1)
      .map(toolOf)
      .filter((t) => t.tool === 'grep' || t.tool === 'egrep')
      .map((t) => grepPattern(t.args))
      .filter((g): g is string => g !== undefined && !g.startsWith('!'))
      .map(psGrepName);
    if (names.length === 1 && isProgramName(names[0])) return { name: names[0], by: 'ps-grep', command: inner };
  }
  return undefined;
}

/**
 * The program a ps grep's pattern names: `[c]ylc` is `cylc` (the bracket keeps grep's own row out);
 * a path, `[b]in/multipassd` or `/usr/sbin/[n]ginx`, names its last part, as ps prints the
 * executable's path in its command column.
 */
function psGrepName(pattern: string): string {
  const plain = pattern.replace(/\[(\w)\]/g, '$1');
  return plain.includes('/') ? plain.slice(plain.lastIndexOf('/') + 1) : plain;
}

const MAX_LOOKUP_CHARS = 500;

/**
 * The commands inside `$( … )` and `` ` … ` `` of a command line, outermost first. A pid lookup is
 * one short pipeline: longer substitutions are something else (and, nested, would cost a hostile
 * line its length squared).
 */
function substitutions(command: string): string[] {
  const out = substitutionSpans(command, MAX_LOOKUP_CHARS).map((s) => command.slice(s.from + 2, s.to - 1));
  const ticks = command.split('`');
  for (let i = 1; i < ticks.length; i += 2) if (ticks[i].length <= MAX_LOOKUP_CHARS) out.push(ticks[i]);
  return out;
}

/** `pid 1 in container web`: the name of a container's process, which no program on the host has. */
function containerLookup(command: string): PidLookup | undefined {
  const c = containerPid(command);
  if (!c) return undefined;
  const target = c.container ? `${c.target} (container ${c.container})` : c.target;
  const where = c.runtime === 'kubectl' || c.runtime === 'oc' ? `pod ${target}` : `container ${target}`;
  return { name: `pid ${c.pid} in ${where}`, by: 'container', runtime: c.runtime, target: c.target, pid: c.pid };
}

/** How a lookup names its process in a report, and the command (quoted) that prints the pid. */
export function lookupText(l: PidLookup): { namedBy: string; pidCommand?: string } {
  if (l.by === 'container') {
    // `docker inspect` prints the host pid of a container's first process; of a pod's, only the node's runtime does.
    const inspect = l.pid === 1 && l.runtime !== 'kubectl' && l.runtime !== 'oc' && l.runtime !== 'crictl';
    const namedBy = `${l.name}, read with \`${l.runtime} exec ${l.target} …\``;
    return inspect ? { namedBy, pidCommand: shellJoin([l.runtime, 'inspect', '-f', '{{.State.Pid}}', l.target]) } : { namedBy };
  }
  if (l.by === 'pid-file') return { namedBy: `the pid file ${l.file}`, pidCommand: sh`cat ${l.file}` };
  if (l.by === 'ps-grep') return { namedBy: codeSpan(l.command), pidCommand: shellJoin(['pgrep', '-f', l.name]) };
  if (l.by === 'syslog-tag')
    return { namedBy: `its log lines in ${l.file}, which name their writer`, pidCommand: shellJoin(['pidof', l.name]) };
  if (l.by === 'log-file') return { namedBy: `its log ${l.path}, read in ${l.file}`, pidCommand: shellJoin(['pidof', l.name]) };
  if (l.by === 'command')
    return { namedBy: `${codeSpan(l.command)} in ${l.file}, whose output it printed`, pidCommand: shellJoin(['pidof', l.name]) };
  if (l.by === 'socket-owner')
    return { namedBy: `${codeSpan(l.command)} in ${l.file}, whose process column names it`, pidCommand: shellJoin(['pidof', l.name]) };
  const pidCommand = shellJoin([l.by, ...l.args]);
  return { namedBy: pidCommand, pidCommand };
}

/**
 * `$(cat /run/elasticsearch/elasticsearch.pid)`: a pid file names its program. One not named
 * `NAME.pid` — rootlesskit's `child_pid`, Play's `RUNNING_PID`, a `pidfile` — names no program: the
 * process is known by the file's own name.
 */
function pidFileLookup(command: string): PidLookup | undefined {
  const file = /(?:\$\(|`)\s*cat\s+([^\s)`]{1,300})\s*(?:\)|`)/.exec(command)?.[1];
  if (!file) return undefined;
  const base = file.slice(file.lastIndexOf('/') + 1);
  const name = base.endsWith('.pid') ? base.slice(0, -'.pid'.length) : PID_FILE_NAME.test(base) ? base : undefined;
  return name && isProgramName(name) ? { name, by: 'pid-file', file } : undefined;
}

/** A pid file's name without `.pid`: `child_pid`, `RUNNING_PID`, `pidfile`, `pid`. */
const PID_FILE_NAME = /^(?:[\w-]{0,60}[._-])?pid(?:file)?$/i;

/** The host's own logs under /var/log: syslog's files and the system's, no one program's. */
const SYSTEM_LOGS = new Set(
  'syslog messages kern daemon auth user debug dmesg boot secure cron maillog mail lastlog wtmp btmp faillog journal audit installer alternatives dpkg apt yum dnf sa sysstat private'.split(
    ' ',
  ),
);

/**
 * The program a log file under /var/log is named after, as a pid file names its (`/var/log/parity.log`,
 * `/var/log/parity.log.1`, `/var/log/nginx/error.log`): not syslog's files (`/var/log/syslog`,
 * `/var/log/messages`) nor the system's.
 */
export function logFileProgram(path: string | undefined): string | undefined {
  const m = /^\/var\/log\/([\w.-]{1,64}?)(?:\.log(?:\.\d{1,4})?)?(?:\/|$)/.exec(path ?? '');
  const name = m?.[1];
  return name && isProgramName(name) && !SYSTEM_LOGS.has(name) ? name : undefined;
}

/** The process a command names without a pid: `ls -l /proc/$(pgrep rsyslogd)/fd`, `lsof -c java`. */
export function commandName(command: string | undefined): string | undefined {
  if (!command) return undefined;
  const first = segmentsOf(command)[0];
  if (!first) return undefined;
  return nameOf(command, toolOf(first).tool, first);
}

/** A word that can be a program's name as a lookup or a syslog tag gives it (`rsyslogd`, `octo_parser`). */
export function isProgramName(name: string): boolean {
  return /^[\w.-]{1,64}$/.test(name);
}
