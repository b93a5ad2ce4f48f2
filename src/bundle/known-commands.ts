// The commands a pasted transcript is read for: a line that starts with one of them is a command
// even with no prompt before it, and a paragraph or a quoted code span is one only when it names one.
import { hasOption } from '../command-words.js';
import { splitPipeline } from '../shell.js';

const KNOWN_COMMANDS = new Set([
  'netstat',
  'ss',
  'lsof',
  'lsfd',
  'cat',
  'ps',
  'ulimit',
  'strace',
  'ls',
  'grep',
  'egrep',
  'awk',
  'sysctl',
  'launchctl',
  'jstack',
  'jcmd',
  'head',
  'tail',
  'wc',
  'sort',
  'uniq',
  'echo',
  'sudo',
  'find',
  'for',
  'timeout',
  'pidof',
  'pgrep',
  'top',
  'free',
  'df',
  'uname',
  'date',
  'ip',
  'dmesg',
  'journalctl',
  'prlimit',
  // Solaris's and illumos's ptools: `plimit PID` prints that process's limits.
  'plimit',
  // `pfiles PID`: one entry per fd of that process, under a line naming it.
  'pfiles',
  'systemctl',
  'sos',
  // BSD's own fd listers: `fstat -p PID` (one line per fd, after a header and the wd/root/text rows), `procstat -f PID`.
  'fstat',
  // sysstat's per-process report: `pidstat -v` prints each process's fd count.
  'pidstat',
  'procstat',
  // A service's status (`service rabbitmq-server status`) and a broker's own (its fd budget and use).
  'service',
  'rabbitmqctl',
  'rabbitmq-diagnostics',
  'tail',
  'less',
  'more',
  'pwd',
  'cd',
  // LVM's tools: their output opens with a report of each fd they were started with.
  'lvm',
  'vgs',
  'lvs',
  'pvs',
  'vgscan',
  'lvscan',
  'pvscan',
  'vgdisplay',
  'lvdisplay',
  'pvdisplay',
]);

/**
 * The program a command runs: its first word, without a path (`/usr/sbin/lsof` is lsof). A shell
 * operator ends a word as a blank does: `lsof|grep dtags | wc -l` runs lsof.
 */
function firstWord(command: string): string {
  const w = command.trim().split(/[\s|;&]/)[0] ?? '';
  return w.replace(/^.*\//, '');
}

/** A word that is one of the commands this tool knows. */
function isCommandWord(word: string): boolean {
  return KNOWN_COMMANDS.has(word);
}

/** `for p in /proc/[0-9]*; do`, `for ((i = 0; …))`: a shell loop, not prose (`# for containers run by docker`). */
const FOR_LOOP = /^for\s+(?:[A-Za-z_]\w{0,40}\s+in\b|\(\()/;

/** A line that starts with a command this tool knows, in the shape of a command (a `for` is a loop). */
export function isCommandLine(line: string): boolean {
  const word = firstWord(line);
  return (isCommandWord(word) && (word !== 'for' || FOR_LOOP.test(line.trim()))) || loopRunsKnown(line);
}

/**
 * `while true; do lsof -p 42 | wc -l; sleep 1; done` (also `until`): a loop on one line whose body
 * opens with a command this tool knows — what root's `# ` prompt types as often as a bare count.
 */
const WHILE_LOOP = /^(?:while|until)\s[^;]{1,200};\s*do\s+(\S.*)$/;

function loopRunsKnown(line: string): boolean {
  const m = WHILE_LOOP.exec(line.trim());
  return m !== null && isCommandWord(firstWord(m[1]));
}

/** A command this tool knows, or any (an alias such as `ll` or `lsa`) run on a process's fd folder. */
export function isKnown(command: string): boolean {
  return (
    KNOWN_COMMANDS.has(firstWord(command)) ||
    loopRunsKnown(command) ||
    /\/proc\/(?:[^\s/]{1,80}|`[^`]{1,80}`|\$\([^()$]{1,80}\))\/fd\b/.test(command)
  );
}

/**
 * The last command asked about and its answer: the transcript asks at every line of a command's
 * output, and a long command over a long output would be read again at each line.
 */
let asked: { command: string; counts: boolean } | null = null;

/** grep's options that take the next word (or the rest of their cluster) as their argument. */
const GREP_TAKES_ARGUMENT = 'efmABCdD';

/**
 * Whether grep prints a count: `-c`, `--count`, or `c` in a cluster of short options before one
 * that takes an argument (`grep -ic sock`: matterircd's `lsof -p \`pidof matterircd\` | grep -ic
 * sock`; not `-ec`, whose `c` is the pattern).
 */
export function grepCounts(args: readonly string[]): boolean {
  for (const a of args) {
    if (a === '--count') return true;
    if (!/^-[A-Za-z]{1,12}$/.test(a)) continue;
    for (const ch of a.slice(1)) {
      if (ch === 'c') return true;
      if (GREP_TAKES_ARGUMENT.includes(ch)) break;
    }
  }
  return false;
}

/** A command that prints one count: `… | wc -l`, `… | wc` (lines, words and bytes on one line), `grep -c PATTERN [FILE]`. */
/** An output that is so far one number (or `unlimited`): what `ulimit -n` or `cat /proc/sys/fs/file-max` prints. */
export function isOneValue(output: readonly { text: string }[]): boolean {
  return output.length === 1 && /^\s{0,8}(?:\d{1,20}|unlimited)\s{0,8}$/.test(output[0].text);
}

/** `ulimit -n`, `-Sn`, `-Hn`: prints the one open-files limit. */
const ONE_LIMIT = /^ulimit\s{1,4}-[SH]?n$/;

/** Whether a command prints one value: a count (printsOneCount) or the one open-files limit (`ulimit -Hn`). */
export function printsOneValue(command: string): boolean {
  return ONE_LIMIT.test(command.trim()) || printsOneCount(command);
}

export function printsOneCount(command: string): boolean {
  if (asked?.command !== command) asked = { command, counts: readsOneCount(command) };
  return asked.counts;
}

/** Whether a pipeline counts its lines per key: one of its stages is `uniq -c` (`--count`, or in a cluster: `uniq -dc`). */
export function countsPerKey(command: string): boolean {
  return hasOption(command, 'uniq', 'c', 'count');
}

function readsOneCount(command: string): boolean {
  const last = command.split('|').pop()!.trim().split(/\s+/);
  const program = last[0].replace(/^.*\//, '');
  const options = last.slice(1).filter((w) => w.startsWith('-'));
  const operands = last.length - 1 - options.length;
  if (program === 'wc') {
    const lines = options.every((o) => o === '-l' || o === '--lines') && operands <= (options.length > 0 ? 1 : 0);
    return lines || countsNameWords(command);
  }
  if (program === 'grep') return grepCounts(options) && operands <= 2;
  return false;
}

/** ls's options that print nothing but the names: one word each (fd names, `0` … `1023`). */
const NAMES_ONLY_LS = /^-[1aAfUCx]{1,8}$/;

/**
 * `ls /proc/PID/fd | wc -w`: a bare ls prints each fd's name, one word, so the words it counts are
 * the fds, as `wc -l` would count them (flux-core's `ls /proc/192510/fd | wc -w` → 80, 383, 686).
 * Not after `ls -l` (a row is many words) nor any other listing.
 */
export function countsNameWords(command: string): boolean {
  const segments = splitPipeline(command).map((s) => s.split(/\s+/));
  if (segments.length !== 2) return false;
  const [first, last] = segments;
  const ls = first[0] === 'sudo' ? first.slice(1) : first;
  if (ls[0]?.replace(/^.*\//, '') !== 'ls' || last[0]?.replace(/^.*\//, '') !== 'wc') return false;
  if (last.length !== 2 || (last[1] !== '-w' && last[1] !== '--words')) return false;
  const operands = ls.slice(1).filter((w) => !NAMES_ONLY_LS.test(w));
  return operands.length === 1 && /^\/proc\/[^\s/]{1,80}\/fd\/?$/.test(operands[0]);
}

/**
 * A line that is a command typed without a prompt, as people write one above the fenced block of
 * its output (`ps -ef |grep 8588`, then the block): a command this tool knows, in a command's shape
 * — a pipe or a `;`, an option or an absolute path among its words — and not a sentence's end.
 */
export function isBareCommand(line: string): boolean {
  const text = line.trim();
  if (text.length > MAX_BARE_COMMAND || !isCommandLine(text) || /[.:?!,]$/.test(text)) return false;
  return /[|;]|(?:^|\s)--?[A-Za-z]|(?:^|\s)\/[\w[]/.test(text);
}

/** A command typed on one line (a loop included) is a few hundred characters at most. */
const MAX_BARE_COMMAND = 1_000;
