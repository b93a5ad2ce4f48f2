// How a command finds the pid it is about by a name: `$(pgrep x)`, `` `pidof x` ``, fish's `(pgrep x)`,
// a pid file it reads, `$(ps aux | grep [x] | awk '{print $2}')`, a process in a container; and how a
// report names such a lookup.
import { substitutionSpans } from '../command-words.js';
import { sh, shellJoin, splitPipeline } from '../shell.js';
import { containerExec, containerPid } from '../sources/container-exec.js';
import { codeSpan } from '../rich.js';
import { grepPattern, isProgramName, toolOf, words } from './command-segments.js';

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
  return pidFileLookup(command) ?? firstPidLookup(command) ?? psGrepLookup(command);
}

/** A filter that keeps the first pid of several: `head -1`, `head -n 1`, `cut -d' ' -f1`, `awk '{print $1}'`. */
const FIRST_PID = /^(?:head\s+(?:-1|-n\s?1)|cut\s+-d\s?(?:' '|" "|\\ )\s*-f\s?1|awk\s+'\{\s*print \$1;?\s*\}')$/;

/**
 * `$(pidof raiden|cut -d' ' -f1)`, `$(pgrep containerd | head -1)`: pidof prints every pid of the
 * program on one line, pgrep one a line, and the filter keeps the first — still a process of that
 * program, looked up as `$(pidof raiden)` is.
 */
function firstPidLookup(command: string): PidLookup | undefined {
  for (const inner of substitutions(command)) {
    const segments = splitPipeline(inner).map((s) => s.trim());
    if (segments.length !== 2 || !FIRST_PID.test(segments[1])) continue;
    const lookup = pidLookup(`$(${segments[0]})`);
    if (lookup && (lookup.by === 'pgrep' || lookup.by === 'pidof')) return lookup;
  }
  return undefined;
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
