// Shell variables set at a prompt of a transcript and used by the commands after it:
//   $ pid=12345
//   $ ls /proc/$pid/fd | wc -l
// reads the second command as `ls /proc/12345/fd | wc -l`, as the shell ran it.

/**
 * `NAME=VALUE` typed at a prompt (also `export NAME=VALUE`, or before `;` / `&&` and a command):
 * the value is a word (`pid=12345`) or a pid lookup (`PID=$(pgrep -f worker)`). Its name, a name
 * of at most 31 word characters, may be quoted in the value's place.
 */
const ASSIGNMENT =
  /^(?:export\s+)?([A-Za-z_]\w{0,30})=(\$\([^()`]{1,200}\)|`[^`]{1,200}`|"[\w./:@%+-]{1,200}"|'[\w./:@%+-]{1,200}'|[\w./:@%+-]{1,200})\s*(?:(?:;|&&)\s*(.*))?$/;
/** `$NAME`, `${NAME}`, and either in double quotes (the quotes kept only around a value of several words). */
const VARIABLE = /"?\$(?:\{([A-Za-z_]\w{0,30})\}|([A-Za-z_]\w{0,30}))"?/g;

/**
 * A shell variable set at a prompt and used in the commands after it (`pid=12345`, then `ls
 * /proc/$pid/fd | wc -l`): those commands read with its value in its place, as the shell ran them.
 * A variable set in no item of the transcript stays as typed.
 */
export function withShellVariables<T extends { command: string | null }>(items: T[]): T[] {
  const values = new Map<string, string>();
  return items.map((item) => {
    if (item.command === null || (!item.command.includes('=') && !item.command.includes('$'))) return item;
    let command = values.size > 0 ? expand(item.command, values) : item.command;
    const m = ASSIGNMENT.exec(command);
    if (m) {
      values.set(m[1], m[2].replace(/^(["'])(.*)\1$/, '$2'));
      if (m[3]) command = expand(m[3], values);
    }
    return command === item.command ? item : { ...item, command };
  });
}

/** How much longer than typed a command may grow by its variables: a hostile paste's `$a$a$a…` stays as typed. */
const MAX_GROWTH = 1_000;

function expand(command: string, values: ReadonlyMap<string, string>): string {
  const out = substitute(command, values);
  return out.length - command.length > MAX_GROWTH ? command : out;
}

function substitute(command: string, values: ReadonlyMap<string, string>): string {
  return command.replace(VARIABLE, (all, braced: string | undefined, bare: string | undefined) => {
    const value = values.get(braced ?? bare ?? '');
    if (value === undefined) return all;
    const quoted = all.startsWith('"') && all.endsWith('"') && all.length > 1;
    const lead = all.startsWith('"') && !quoted ? '"' : '';
    const tail = all.endsWith('"') && !quoted ? '"' : '';
    return quoted && /\s/.test(value) ? `"${value}"` : `${lead}${value}${tail}`;
  });
}
