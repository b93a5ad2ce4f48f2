// What a capture's command line says about its output, read word by word. The command comes from a
// manifest or a transcript (untrusted text): a regular expression over it that repeats a group
// (`uniq\s+(?:-\S+\s+)*-c`) goes back over the whole line from every `uniq`; splitting first is
// linear.

import { splitPipeline } from './shell.js';

/**
 * Words that run the command after them — as another user, timed, detached, under a limit or a
 * priority: `sudo`, `timeout 5`, `nice -n 10`, `nohup`. The program is the first word after them
 * and their options. The other privilege tools run a command as sudo does: doas, systemd's run0,
 * polkit's pkexec, chiark-utils' really (`really lsof -p 15081|grep -c pipe`, rsbackup#83).
 */
export const COMMAND_WRAPPERS: ReadonlySet<string> = new Set([
  'sudo',
  'doas',
  'run0',
  'pkexec',
  'really',
  'env',
  'time',
  'nice',
  'ionice',
  'timeout',
  'nohup',
  'stdbuf',
  'exec',
  'command',
]);

/**
 * A wrapper's options whose value is the next word (`timeout -s INT 2 strace …`, `sudo -u postgres
 * lsof …`): that word is the option's, not the program. Joined forms (`-sINT`, `--signal=INT`) are
 * one word already.
 */
export const WRAPPER_VALUE_OPTIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['timeout', new Set(['-s', '--signal', '-k', '--kill-after'])],
  ['sudo', new Set(['-u', '--user', '-g', '--group', '-C', '--close-from', '-h', '--host', '-p', '--prompt'])],
  ['doas', new Set(['-u', '-C'])],
  [
    'run0',
    new Set(['-u', '--user', '-g', '--group', '-D', '--chdir', '--unit', '--description', '--slice', '--nice', '--setenv', '--property']),
  ],
  ['pkexec', new Set(['--user'])],
  ['really', new Set(['-u', '--user', '-i', '--useronly', '-g', '--group'])],
  ['nice', new Set(['-n', '--adjustment'])],
  ['ionice', new Set(['-c', '--class', '-n', '--classdata', '-p', '--pid'])],
  ['env', new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string'])],
  ['stdbuf', new Set(['-i', '--input', '-o', '--output', '-e', '--error'])],
]);

/** The words of each simple command: `lsof -n | wc -l` → [['lsof', '-n'], ['wc', '-l']]. */
function commandSegments(command: string): string[][] {
  return command
    .split(/[|;&()`]/)
    .map((segment) => segment.split(/\s+/).filter((w) => w !== ''))
    .filter((words) => words.length > 0);
}

/** `/usr/bin/uniq` → `uniq`. */
function programName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/**
 * The option words (`-c`, `-nr`, `--count`) that follow `program` in any of the command's
 * segments, up to the first word that is not an option; `sudo`/`timeout 5` before it are fine.
 */
function optionsOf(command: string | undefined, program: string): string[] {
  if (!command) return [];
  const out: string[] = [];
  for (const words of commandSegments(command)) {
    const at = words.findIndex((w) => programName(w) === program);
    if (at === -1) continue;
    for (let i = at + 1; i < words.length && words[i].startsWith('-'); i++) out.push(words[i]);
  }
  return out;
}

/** The words after `program` (options and operands), in the first segment that runs it. */
export function argumentsOf(command: string | undefined, program: string): string[] | undefined {
  if (!command) return undefined;
  for (const words of commandSegments(command)) {
    const at = words.findIndex((w) => programName(w) === program);
    if (at !== -1) return words.slice(at + 1);
  }
  return undefined;
}

/** Whether `program` runs with the short option `letter` (alone or in a cluster: `-c`, `-ci`, `-ic`) or `--long`. */
export function hasOption(command: string | undefined, program: string, letter: string, long?: string): boolean {
  return optionsOf(command, program).some((w) =>
    w.startsWith('--') ? long !== undefined && (w === `--${long}` || w.startsWith(`--${long}=`)) : w.slice(1).includes(letter),
  );
}

/** strace's short options that take a value: the next word, or the rest of the cluster (`-o out`, `-ofile`, `-e trace=open`). */
export const STRACE_VALUE_OPTIONS = 'abeEIoOpPsSuUX';

/**
 * Whether strace runs with -f (`-ff`, in a cluster `-fttT`, `--follow-forks`), read up to the traced
 * program, whose options are its own. A single-threaded process traced with `strace -f -p PID`
 * prints no `[pid N]` prefix, so its lines alone cannot tell -f was given.
 */
export function straceFollowsForks(command: string | undefined): boolean {
  const words = argumentsOf(command, 'strace');
  if (!words) return false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '--follow-forks' || w === '--follow-forks=true') return true;
    if (!w.startsWith('-')) {
      // an option's value (`-p 1234`, `-o out`), else the traced program
      if (/^-[A-Za-z]{1,20}$/.test(words[i - 1] ?? '') && STRACE_VALUE_OPTIONS.includes(words[i - 1].slice(-1))) continue;
      return false;
    }
    if (!/^-[A-Za-z]{1,20}$/.test(w)) continue;
    for (const letter of w.slice(1)) {
      if (letter === 'f') return true;
      if (STRACE_VALUE_OPTIONS.includes(letter)) break;
    }
  }
  return false;
}

/** strace's trace sets that hold close(2): the descriptor class and everything. */
const CLOSE_SETS = /^(?:close|close_range|desc|%desc|all|%all)$/;
/** Most expressions a command line gives strace (`-e trace=open -e trace=close`). */
const MAX_TRACE_EXPRESSIONS = 16;

/**
 * Whether strace's `-e` / `--trace` filter leaves close(2) out (`-e accept`, `-e trace=open,socket`,
 * `-e file`, `--trace=network`): such a capture prints no close, so an fd it shows made is not shown
 * kept. False with no filter, a negated one (`-e trace=!write`), a regex (`/clo`), or a set that holds
 * close (`desc`, `%desc`, `all`, `close`). Read up to the traced program, whose options are its own.
 * True also when it prints failed calls only (`-Z`, `--failed-only`, `-e status=failed`,
 * `--status=failed,unfinished`, `-e status=!successful`): a close that succeeded (`= 0`) is never
 * printed then, whatever the trace set.
 */
export function straceHidesClose(command: string | undefined): boolean {
  const words = argumentsOf(command, 'strace');
  if (!words) return false;
  if (command && grepDropsClose(command)) return true;
  const sets: string[] = [];
  let failedOnly = false;
  for (let i = 0; i < words.length && sets.length < MAX_TRACE_EXPRESSIONS; i++) {
    const w = words[i];
    const long = /^--(trace|status)=(.+)$/.exec(w);
    if (long) sets.push(`${long[1]}=${long[2]}`);
    else if (w === '-e' || w === '--trace') sets.push(w === '--trace' ? `trace=${words[++i] ?? ''}` : (words[++i] ?? ''));
    else if (/^-e./.test(w)) sets.push(w.slice(2));
    else if (w === '--failed-only' || failedOnlyCluster(w)) failedOnly = true;
    else if (!w.startsWith('-')) {
      if (/^-[A-Za-z]{1,20}$/.test(words[i - 1] ?? '') && STRACE_VALUE_OPTIONS.includes(words[i - 1].slice(-1))) continue;
      break;
    }
  }
  if (failedOnly || sets.some(hidesSuccessful)) return true;
  const traced = sets
    .map((e) => e.replace(/^['"]|['"]$/g, ''))
    .filter((e) => !/^(?:signal|signals|s|abbrev|a|verbose|v|raw|x|read|r|write|w|fault|inject|status|quiet|q|decode-fds|kvm)=/.test(e))
    .map((e) => e.replace(/^(?:trace|t)=/, ''));
  if (traced.length === 0) return false;
  return traced.every((e) => {
    if (e.startsWith('!') || e === '') return false;
    const names = e.split(',').map((n) => n.replace(/^\?/, ''));
    return !names.some((n) => n.startsWith('/') || CLOSE_SETS.test(n));
  });
}

/** A close as strace prints it under -f: a grep's word found in no such line keeps no close. */
const CLOSE_LINE = '[pid 1] close(3) = 0';
/** grep's options that still print whole matching lines: ignore case, words, fixed, text, colour. */
const GREP_LINE_OPTIONS = /^(?:-[iwFa]{1,4}|--color(?:=\w{1,8})?|--colour(?:=\w{1,8})?|--line-buffered)$/;
/** Stages of a pipeline read after strace's. */
const MAX_STAGES = 8;

/**
 * Whether a `| grep WORD` after strace keeps no close line (`strace -f -p 36851 -e
 * trace=network,socket,open,close 2>&1 | grep socket`): close is traced, but the grep drops every
 * `close(N) = 0` line, so the capture shows no close. Only a plain word of letters (no regex, no
 * `-v`, `-e`, `-E`), not one a close line holds (`clo`, `pid`); never when strace writes to a file
 * (`-o`: the grep reads the program's output) or decodes fds (`-y`, `--decode-fds`: a close line
 * then names what the fd was, `close(5<socket:[1]>)`).
 */
function grepDropsClose(command: string): boolean {
  const stages = splitPipeline(command);
  const at = stages.findIndex((stage) => argumentsOf(stage, 'strace') !== undefined);
  if (at === -1) return false;
  const own = argumentsOf(stages[at], 'strace') ?? [];
  if (own.some((w) => /^-[A-Za-z]{0,20}[oy]/.test(w) || w.startsWith('--decode-fds') || w.startsWith('--output'))) return false;
  return stages.slice(at + 1, at + 1 + MAX_STAGES).some((stage) => {
    const words = stage.split(/\s+/).filter((w) => w !== '');
    if (programName(words[0] ?? '') !== 'grep') return false;
    const options = words.slice(1).filter((w) => w.startsWith('-'));
    const operands = words.slice(1).filter((w) => !w.startsWith('-'));
    if (operands.length !== 1 || !options.every((o) => GREP_LINE_OPTIONS.test(o))) return false;
    const word = operands[0].replace(/^(['"])(.*)\1$/, '$2');
    if (!/^[A-Za-z_]{1,64}$/.test(word)) return false;
    const ignoreCase = options.some((o) => /^-[^-]*i/.test(o));
    return ignoreCase ? !CLOSE_LINE.toLowerCase().includes(word.toLowerCase()) : !CLOSE_LINE.includes(word);
  });
}

/** `-Z` alone or in a cluster (`-fZ`), before any letter that takes a value. */
function failedOnlyCluster(word: string): boolean {
  if (!/^-[A-Za-z]{1,20}$/.test(word)) return false;
  for (const letter of word.slice(1)) {
    if (letter === 'Z') return true;
    if (STRACE_VALUE_OPTIONS.includes(letter)) return false;
  }
  return false;
}

/**
 * A `status=` expression (`-e status=failed`, `status=!successful`) under which a call that
 * succeeded is not printed: its set names neither `successful` nor `all`, or a negated set names one.
 */
function hidesSuccessful(expression: string): boolean {
  const e = expression.replace(/^['"]|['"]$/g, '');
  if (!e.startsWith('status=')) return false;
  const value = e.slice('status='.length);
  const negated = value.startsWith('!');
  const shows = (negated ? value.slice(1) : value).split(',').some((n) => n === 'successful' || n === 'all');
  return negated ? shows : !shows;
}

/** lsof options whose next word (or the rest of the cluster) is their value: `-p 1`, `-cjava`, `-d 1-3`. */
const LSOF_VALUE_OPTIONS = 'pugcdsFTkrSAmoxeK';

/**
 * What an lsof command selects files by, so that a process's rows are only some of its fds: `-i`
 * (network files; `-iTCP`, `-i :80`, in a cluster `-nPi`), `-U` (unix sockets), `-N` (NFS files),
 * `+L1` (files with fewer than 1 link: unlinked ones), `+D`/`+d DIR` (files under a folder), or a
 * file named (`lsof /var/log/app.log`, any word no option takes). `+L` alone only adds the link
 * count column. The first selection found, or null when lsof lists every file of what it picked.
 */
export type LsofSelection = 'network' | 'unix' | 'nfs' | 'unlinked' | 'place';

export function lsofSelection(command: string | undefined): LsofSelection | null {
  const selection = firstLsofSelection(command);
  // `-i`, `-U`, `-N` beside a process picked by `-p`/`-c` and no `-a`: lsof ORs them — every such
  // file of the host and every file of the process (Kurento/bugtracker#507's `lsof -N -p `pidof
  // kurento-media-server``): the process's rows are all of its fds.
  if ((selection === 'network' || selection === 'unix' || selection === 'nfs') && picksProcess(command) && !lsofAnds(command)) return null;
  return selection;
}

/** Whether an lsof command picks processes by pid or command name (`-p 1260`, `-cjava`, `-nPp 12`). */
function picksProcess(command: string | undefined): boolean {
  return (argumentsOf(command, 'lsof') ?? []).some((w) => {
    if (!/^-[A-Za-z]{1,12}/.test(w)) return false;
    for (let i = 1; i < w.length; i++) {
      if (w[i] === 'p' || w[i] === 'c') return true;
      if (LSOF_VALUE_OPTIONS.includes(w[i])) return false;
    }
    return false;
  });
}

function firstLsofSelection(command: string | undefined): LsofSelection | null {
  const words = argumentsOf(command, 'lsof');
  if (!words) return null;
  let valueNext = false;
  for (const w of words) {
    const isValue = valueNext && !/^[-+]/.test(w);
    valueNext = false;
    if (isValue) continue;
    if (/^\+L\d+$/.test(w)) return 'unlinked';
    if (w === '+D' || w === '+d') return 'place';
    // `+c 15`, `+r 2`, `+m FILE` take the next word.
    if (w === '+c' || w === '+r' || w === '+m') {
      valueNext = true;
      continue;
    }
    // A redirection (`2>/dev/null`, `> out.txt` and its file) is the shell's, not a name.
    if (/^\d?[<>]/.test(w)) {
      valueNext = /^\d?[<>]{1,2}&?$/.test(w);
      continue;
    }
    // `lsof /var/log/app.log`, `lsof tmp-1834-ZNmAtHpuYkrt`: any word no option takes names a file,
    // and lsof lists that file's users.
    if (!/^[-+]/.test(w)) return 'place';
    if (w.startsWith('--')) continue;
    for (let i = 1; i < w.length; i++) {
      const letter = w[i];
      if (letter === 'i') return 'network';
      if (letter === 'U') return 'unix';
      if (letter === 'N') return 'nfs';
      if (LSOF_VALUE_OPTIONS.includes(letter)) {
        valueNext = i === w.length - 1;
        break;
      }
    }
  }
  return null;
}

/**
 * Whether lsof ANDs its selections (`-a`, alone or in a cluster before any option that takes a
 * value: `-aU`, `-nPa`): `lsof -U -a -p 9037` lists pid 9037's unix sockets; without it, every
 * unix socket of the host and every file of pid 9037.
 */
export function lsofAnds(command: string | undefined): boolean {
  return (argumentsOf(command, 'lsof') ?? []).some((w) => {
    const at = /^-[A-Za-z]{1,12}$/.test(w) ? w.indexOf('a') : -1;
    return at > 0 && ![...w.slice(1, at)].some((letter) => LSOF_VALUE_OPTIONS.includes(letter));
  });
}

/** Whether an lsof command selects files by kind or attribute (lsofSelection), so that a process's rows are only some of its fds. */
export function lsofSelectsFiles(command: string | undefined): boolean {
  return lsofSelection(command) !== null;
}

/**
 * The `$( … )` command substitutions of a command line no longer than `maxChars` each, in the order
 * they open (outermost first): `from` is the `$`, `to` the index after the `)`. One pass with a stack
 * of open parentheses: a hostile line may open thousands, nested or not.
 */
export function substitutionSpans(command: string, maxChars: number): { from: number; to: number }[] {
  const opens: number[] = [];
  const spans: { from: number; to: number }[] = [];
  for (let i = 0; i < command.length; i++) {
    if (command[i] === '(') opens.push(command[i - 1] === '$' ? i - 1 : -1);
    else if (command[i] === ')') {
      const at = opens.pop();
      if (at !== undefined && at >= 0 && i + 1 - at <= maxChars) spans.push({ from: at, to: i + 1 });
    }
  }
  return spans.sort((a, b) => a.from - b.from);
}

/** Longest lookup `withoutSubstitutions` takes out (a pid lookup is one short pipeline). */
const MAX_SUBSTITUTION_CHARS = 400;

/**
 * The command line with its outermost `$( … )` and `` ` … ` `` substitutions replaced by `$()`: the
 * words and pipes inside a pid lookup are its own (`lsof -p $(pgrep -d, -f web.cjs)`: `-d,` is
 * pgrep's delimiter, not lsof's fd selection; `$(ps aux | grep x | awk …)` cuts no listing).
 */
export function withoutSubstitutions(command: string): string {
  let out = '';
  let at = 0;
  for (const s of substitutionSpans(command, MAX_SUBSTITUTION_CHARS)) {
    if (s.from < at) continue;
    out += `${command.slice(at, s.from)}$()`;
    at = s.to;
  }
  out += command.slice(at);
  return out.replace(/`[^`]{0,400}`/g, '$()');
}
