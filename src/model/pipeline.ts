import { count } from '../sources/numbers.js';
import { STRACE_VALUE_OPTIONS } from '../command-words.js';
import { splitPipeline } from '../shell.js';
import { containerExec } from '../sources/container-exec.js';
import { lastScriptCommand } from '../sources/shell-script.js';
import { CONTAINER_CLIS } from '../container-clis.js';
import { awkTally } from './awk-tally.js';
import { sedKeptFields } from './sed-fields.js';
import { packageRun } from './package-scripts.js';
import { countsNameWords, grepCounts } from '../bundle/known-commands.js';
import { grepPattern, isProgramName, segmentsOf, toolOf, words } from './command-segments.js';
import { pidLookup } from './pid-lookups.js';
import { lsfdColumnsAsked } from '../sources/lsfd.js';
import { RUNTIME_NAMES } from './runtime-names.js';

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

/** lsfd's rows keyed by the columns its `-o` asked for, when nothing after it cuts them (`lsfd -o COMMAND,PID,TYPE | sort | uniq -c`: `command pid type`). */
function lsfdKey(tool: string, command: string): string | undefined {
  return tool === 'lsfd' ? lsfdColumnsAsked(command)?.join(' ').toLowerCase() : undefined;
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
 * The shell's own words that open a compound command (`for i in …; do touch $i; done`): no program
 * of that name runs; the loop runs others, each many times, so its output is no one program's.
 */
const SHELL_COMPOUNDS = new Set(['for', 'while', 'until', 'if', 'case', 'select', 'function', '{', '(', '((', '[[']);

/**
 * The program a command starts at the prompt, whose own output (its log to the terminal) the
 * command's output is: `matterbridge -debug` → matterbridge. Not a tool that reads another's output,
 * nor a shell loop or test (`for i in \`seq 0 20000\` ; do touch $i ; done`: no program `for`).
 */
export function programRun(command: string | undefined): string | undefined {
  if (!command) return undefined;
  // `sudo bash -c 'ulimit -n 8; vector …'`: the script's last command printed it.
  const first = segmentsOf(lastScriptCommand(command))[0];
  if (!first) return undefined;
  const { tool, args } = toolOf(first);
  if (SHELL_COMPOUNDS.has(tool)) return undefined;
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
    return { ...base, measure: 'rows-per-key', key: keyOf(tool, segments.slice(1)) ?? lsfdKey(tool, command) };
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

/**
 * The program lsof's own `-c NAME` picked (`lsof -c mxrelay | grep CLOSE_WAIT | wc -l`): its
 * COMMAND column names every row's owner, as netstat -p's process column does. Not a name a grep
 * picked (`lsof | grep rundeck`, a word anywhere in the row) nor one a pid lookup gave.
 */
export function lsofPickedCommand(command: string | undefined): string | undefined {
  if (!command) return undefined;
  const first = segmentsOf(command)[0] ?? [];
  const { tool } = toolOf(first);
  const i = first.indexOf('-c');
  const name = tool === 'lsof' && i >= 0 ? first[i + 1] : undefined;
  return name && isProgramName(name) && !pidLookup(command) ? name : undefined;
}

/** `lsof -c NAME`, or the name of a pid lookup (`$(pgrep NAME)`, `$(cat NAME.pid)`). */
function nameOf(command: string, tool: string, first: string[]): string | undefined {
  if (tool === 'lsof') {
    const i = first.indexOf('-c');
    if (i >= 0 && first[i + 1]) return first[i + 1];
  }
  return pidLookup(command)?.name;
}

/** The host's own logs under /var/log: syslog's files and the system's, no one program's. */
const SYSTEM_LOGS = new Set(
  'syslog messages kern daemon auth user debug dmesg boot secure cron maillog mail lastlog wtmp btmp faillog journal audit installer alternatives dpkg apt yum dnf sa sysstat private'.split(
    ' ',
  ),
);

/**
 * The program a log file under /var/log is named after, as a pid file names its (`/var/log/parity.log`,
 * `/var/log/parity.log.1`, `/var/log/nginx/error.log`; a supervisor's log of one stream of it,
 * `/var/log/cfgwatch.err.log`, `cfgwatch.out.log`, `app-stderr.log` — supervisord's documented
 * `stderr_logfile=/var/log/long.err.log` —, or that stream's file with no `.log` after it,
 * `/var/log/fetchd.err`, `app.stdout`, as a unit's `StandardError=append:` or a shell's `2>` names
 * it): not syslog's files (`/var/log/syslog`, `/var/log/messages`) nor the system's.
 */
const LOG_FILE_PROGRAM =
  /^\/var\/log\/([\w.-]{1,64}?)(?:(?:\.(?:err|out)|[._-]std(?:err|out))?\.log(?:\.\d{1,4})?|\.(?:err|out)|[._-]std(?:err|out))?(?:\/|$)/;

export function logFileProgram(path: string | undefined): string | undefined {
  const m = LOG_FILE_PROGRAM.exec(path ?? '');
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

/**
 * The programs that run a script named on their command line: the runtimes that read source files
 * (runtime-names.ts; not java, dotnet or mono, which run compiled code) and the shells.
 */
const SCRIPT_RUNNERS = [RUNTIME_NAMES.python, RUNTIME_NAMES.perl, RUNTIME_NAMES.node, RUNTIME_NAMES.ruby, RUNTIME_NAMES.php, 'bash', 'sh'];
/** An interpreter running a script: `/usr/bin/python3 -u /srv/cfgwatch/cfgwatch.py`, `node app.js`, `perl statsd.pl`. */
const SCRIPT_RUN = new RegExp(
  `^(?:\\S{0,200}\\/)?(?:${SCRIPT_RUNNERS.join('|')})(?:\\s+-\\S{1,20}){0,3}\\s+(?:\\S{0,200}\\/)?([\\w-]{1,64})\\.(?:py|pl|js|cjs|mjs|rb|php|sh)(?:\\s|$)`,
);

/** The program a process is when its command line is an interpreter running a script: the script's name less its extension. */
export function scriptProgram(cmdline: string | null | undefined): string | undefined {
  return SCRIPT_RUN.exec(cmdline ?? '')?.[1];
}
