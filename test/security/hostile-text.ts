// Long hostile lines for the linear-time tests, and a real head of each parser's own output to put
// them after (so a detector's or a sink's later paths are reached, not only its first check).
import { fixtureCases } from '../sources/fixture-cases.js';
import { fixtureLines } from '../helpers.js';

export interface Pump {
  label: string;
  /** A line of about `size` characters (no LF: lines are split on it). */
  line(size: number): string;
}

function repeat(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.ceil(size / unit.length))).slice(0, size);
}

/** A run of `unit` between a prefix and a suffix. */
function run(label: string, unit: string, prefix = '', suffix = ''): Pump {
  return { label, line: (size) => prefix + repeat(unit, size) + suffix };
}

/** Every printable ASCII character, and tab, repeated. */
const CHARACTER_RUNS: Pump[] = [
  run('"\\t"', '\t'),
  ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).map((c) => run(JSON.stringify(c), c)),
];

/**
 * Common shapes, and the shapes that made this code's patterns backtrack (each a prefix the pattern
 * accepts, a run it can split many ways, and an end that makes it fail). A CR stands for the end of a
 * line where a pattern's `.` stops.
 */
const PATTERN_RUNS: Pump[] = [
  run('net + dots', '.', 'net'),
  run('-.- + dots', '..', '-.-'),
  run('net.a.a.a', 'a.', 'net.'),
  run('((((', '('),
  run('(((( + ) 1', '(', '', ') 1'),
  run('spaces', ' '),
  run('spaces + x', ' ', 'x', 'x'),
  run('digits', '0123456789'),
  run('digits + CR', '0', '1', '\r'),
  run('tabs + CR', '\t', 'a', '\r'),
  run('a b a b', 'a '),
  run('0 0 0 0', '0 '),
  run('"x" ', '"x" '),
  run('backslashes', '\\'),
  run('fs.file-nr + tabs', '\t', 'fs.file-nr=', 'r\t\t\r'),
  run('proc/sys/fs + tabs', '\t', 'proc/sys/fs/file-nr:', 'f\t\t\r'),
  run('sysctl key + dots', '.', 'kernel', ' ='),
  run('count row + spaces', ' ', '0 0', '\r0 \x00'),
  run('snapshot + digits', '0', '0000-00-00T0\tpid=0\ttotal=0', 't\r'),
  run('Thread.State + spaces', ' ', '\tjava.lang.Thread.State:  ', ' x\r'),
  run('at frame + tabs', '\t', '\tat a', '\t\x00'),
  run('lsfd header + ASSOC', 'ASSOC\t', 'COMMAND\tPID\t', 'I'),
  run('{ + tabs', '\t', '{', ':['),
  run('lsof header + FD TYPE', ' FD TYPE ', 'COMMAND PID', 'N'),
  run('netstat row + spaces + )', ' ', 'tcp 0 0 1.2.3.4:5 6.7.8.9:10 ESTABLISHED', ')'),
  run('Max + spaces', ' ', 'Max  '),
  run('Max open files + spaces', ' ', 'Max open files', '1 x'),
  run('sockets: + tabs', '\t', 'A:\t', '\tA:\r'),
  run('task/comm paths', '/0/task/0/comm:', '/', '\r'),
  run('zsh -m: + spaces', ' ', '-m:', '0 \rn'),
  run('dash d + spaces', ' ', 'd'),
  run('(-n) + spaces', ' ', 'open files (-n', ')'),
  run('proc fd link + " 1"', ' 1', 'lrwx------ 1 root root 64 ', '\r'),
  run('proc fd link + " ->"', ' 1 ->', 'lrwx------ 1 root root 64 '),
  run('strace call + ") "', ') ', '1 12:00:00.000000 write(1, ', '\r'),
  run('strace call + "<"', '<', '1 socket(', ''),
  // What recheck reported for the strace sniffer's syscall line when its attacks were timed on a busy
  // machine (`polynomial 4`); a false alarm this run keeps in sight.
  run('strace call + ")<"', ')<', 'p(', '\rexited'),
  run('quoted string + \\"', '\\"', 'write(1, "', ''),
  run('[pid + spaces', ' ', '[pid', '1] x'),
  run('log stamp + spaces', ' ', '2024-01-01 00:00:00,000 ERROR', 'x'),
  run('exception dots', 'a.', '', 'Exception'),
  run('ruby frame + digits', '0', 'a:', ':i'),
  run('python frame + x', 'x', '  File "', '", line x'),
  run('prompt user@host', 'a', 'a@b:', '$'),
  run('prompt #]', '#]', '-@-:'),
  run('ss users:(( ', '("a",pid=1,fd=1),', 'users:((', ''),
  run('ss quotes', '\\"', 'users:(("', ''),
  run('ps row + spaces', ' ', 'root 1 0.0 0.0 1 1 ? S', ''),
  run('markdown fence', '`', '', ''),
  run('password=" quotes', 'password="', 'x '),
  run('scheme:// + @', '@', 'a://'),
  run('a:// a://', 'a://'),
  run('hex and colons', ':a'),
  run('dotted quads', '1.1.'),
  run('ip-1-1-1-1', 'ip-1-1-1-1-'),
  run('--token --token', '--token '),
  run('/home/ names', '/home/a'),
  run('domain labels', 'a.com.'),
  run('name words', 'tomcat-'),
  run('escape sequences', '\x1b[1m'),
  run('File descriptor ( + File descriptor (', 'File descriptor 1 ('),
  run('File descriptor ( + ) leaked on', ') leaked on ', 'File descriptor 1 (', 'x invocation.'),
  run('leaked on + invocation', ') leaked on a invocation. Parent PID 1: ', 'File descriptor 1 (', '\r'),
];

/**
 * Commands (from a manifest or a transcript's prompt line) of the shapes that made option patterns
 * go back over the line from every program name.
 */
const COMMAND_RUNS: Pump[] = [
  run('uniq -ci-uniq', 'q\t-ci-uniq\t-', 'uniq\t-', 'c0'),
  run('jstack -x', '\x00jstack\t-\x00', '', '\tjstack\tx'),
  run('grep -cl', '-cl\x00grep\t-', '', '-cp\x00wc\tl'),
  run('lsof lsof', 'lsof\t'),
  run('ulimit H-ulimit', 'H-ulimit-0', 'u', 'x'),
  run('ps -o', ' -o x', 'ps', ''),
  run('pipes', ' | ', 'lsof', ''),
  run('$( $( $(', '$(', 'ls ', ''),
  run('$( … ) nested', '$(ps aux | grep x | ', 'ls ', ')'),
  run('for … do echo $(', '$(ls $p/fd | wc -l', 'for p in x; do echo "', ''),
];

export const ALL_RUNS: Pump[] = [...CHARACTER_RUNS, ...PATTERN_RUNS, ...COMMAND_RUNS];

/** Real first lines of a parser's own output, and the command that made them. */
export interface Context {
  head: string[];
  command?: string;
}

/** Heads of the parsers with no folder in test/fixtures/sources. */
const OTHER_HEADS: Record<string, () => Context> = {
  strace: () => ({ head: fixtureLines('strace', 'java-cat-leak', 'f-tt-T-y.strace').slice(0, 8), command: 'strace -f -tt -T -y -p 1' }),
  'app-log': () => ({ head: fixtureLines('strace', 'java-cat-leak', 'cat_20261125.log').slice(0, 8) }),
};

export function contextOf(parserId: string): Context {
  const c = fixtureCases().find((x) => x.parserId === parserId);
  if (c) return { head: c.lines.filter((l) => l.trim() !== '').slice(0, 8), command: c.command };
  const other = OTHER_HEADS[parserId];
  if (!other) throw new Error(`no context head for parser ${parserId}: add a fixture or an entry in OTHER_HEADS`);
  return other();
}
