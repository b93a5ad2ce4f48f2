// Shell words for the commands fdleak shows a person to run (missing evidence, notebook, collect):
// every value that comes from a bundle or from the user (a log path from strace -y, a bundle path)
// is quoted as exactly one bash word that expands to itself. A path such as `app.log;curl x|sh;#.log`
// or `$(id)` pasted unquoted runs the attacker's command.
//
// Written here rather than taken from shell-quote: its `quote` leaves newlines and escape bytes raw
// (a command that spans lines, or rewrites the terminal it is shown in) and puts `\!` inside double
// quotes, where bash keeps the backslash. Single quotes make every byte literal in any POSIX shell;
// a value with a control or bidi character instead gets bash's `$'...'` form, so the command stays
// one visible line and still arrives intact.

/** Words that need no quotes: no character any shell treats specially, anywhere in a word. */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * What a terminal or a reader could take for something else: C0 and C1 controls, DEL, line and
 * paragraph separators, zero-width and bidirectional formatting characters, the byte-order mark.
 */
const INVISIBLE = /[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
const INVISIBLE_ALL_OR_BANG = new RegExp(`${INVISIBLE.source}|!`, 'g');

/** One bash word that expands to exactly `value`. */
export function shellWord(value: string | number): string {
  const s = String(value);
  if (s === '') return "''";
  if (PLAIN.test(s)) return s;
  if (INVISIBLE.test(s)) return ansiC(s);
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * bash's `$'...'`: backslash and quote escaped, every invisible character written as its UTF-8
 * bytes (`\xe2\x80\x8b`; bash's `\u` depends on the locale, bytes do not), and `!` as `\x21`
 * (an interactive bash may expand history inside `$'...'`).
 */
function ansiC(s: string): string {
  const body = s
    .replace(/[\\']/g, (c) => `\\${c}`)
    .replace(INVISIBLE_ALL_OR_BANG, (c) => [...Buffer.from(c, 'utf8')].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join(''));
  return `$'${body}'`;
}

/** argv as one command line: `shellJoin(['tail', '-n', '5', 'a b'])` → `tail -n 5 'a b'`. */
export function shellJoin(argv: readonly (string | number)[]): string {
  return argv.map(shellWord).join(' ');
}

/**
 * A command template whose interpolated values are quoted: sh`tail -- ${path}` → `tail -- 'a b'`.
 * The literal parts are written by fdleak and kept as they are (pipes, redirections, comments).
 */
export function sh(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  let out = strings[0];
  values.forEach((v, i) => {
    out += shellWord(v) + strings[i + 1];
  });
  return out;
}

/**
 * A command line shown to a person, read back as argv: the words of one simple command, its
 * trailing `# hint` dropped. Null when the line needs a shell (a pipe, list, redirection,
 * expansion or `$'...'` word): it is then run as `sh -c LINE`. Reads what `sh` writes.
 */
export function simpleArgv(line: string): string[] | null {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return null;
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === ' ' || c === '\t') {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === '#' && word === null) {
      break;
    } else if (c === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else if (/[|&;<>()$`"*?[\]{}~\n\\]/.test(c)) {
      return null;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== null) words.push(word);
  return words.length > 0 ? words : null;
}

/**
 * The parts of a command line between separators outside quotes, backticks and `$( … )`: `at(text,
 * i)` is the length of a separator that starts at i, 0 where none does. The pipes of a `$(pgrep …
 * | head -1)` or `` `ps | grep x` `` belong to the substitution, not to the line around it. At most
 * `max` parts; empty ones are left out.
 */
export function splitOutsideQuotes(text: string, at: (text: string, i: number) => number, max = Number.POSITIVE_INFINITY): string[] {
  const parts: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let depth = 0;
  let tick = false;
  for (let i = 0; i < text.length && parts.length < max; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '`') tick = !tick;
    else if (ch === '(' && (depth > 0 || text[i - 1] === '$')) depth++;
    else if (ch === ')' && depth > 0) depth--;
    else if (depth === 0 && !tick) {
      const n = at(text, i);
      if (n > 0) {
        parts.push(cur.trim());
        cur = '';
        i += n - 1;
        continue;
      }
    }
    cur += ch;
  }
  parts.push(cur.trim());
  return parts.filter((p) => p !== '').slice(0, max);
}

/**
 * Splits on `|` outside quotes and command substitutions: the pipes of `` `ps auxw | grep influxdb |
 * grep -v grep | awk '{print $2}'` `` or `$( … )` inside `ls /proc/…/fd | wc -l` are the pid
 * lookup's, not stages of the outer pipeline.
 */
export function splitPipeline(command: string): string[] {
  return splitOutsideQuotes(command, (text, i) => (text[i] === '|' ? 1 : 0));
}
