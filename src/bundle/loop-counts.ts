// A shell loop that prints several counts a round, with other commands between them:
//   while true; do lsof | wc -l ;lsof | grep index | wc -l ;  curl -m 2 'localhost:9983/…' ; sleep 1; done
//   137630
//   56516
//   curl: (28) Operation timed out after 2001 milliseconds with 0 bytes received
//   138338
// Each count prints one number a round, in the order of the loop's body: the numbers are read as
// each count's samples, one item per sample, as if each command had been typed once a round; the
// other lines stay an output of their own. A loop of one count is fd-count-samples.ts's.

interface Item {
  command: string | null;
  commandLine: number;
  output: { text: string; line: number }[];
}

/** `while …; do BODY; done`, `for … do BODY done`: the body, between the first `do` and the last `done`. */
function loopBody(command: string): string | undefined {
  const c = command.trim();
  if (!/^(?:while|until|for)\s/.test(c) || !/(?:^|[;\s])done$/.test(c)) return undefined;
  const start = /[;\s]do\s/.exec(c);
  return start ? c.slice(start.index + start[0].length, c.length - 'done'.length) : undefined;
}
/** A command whose output is one line: `… | wc -l`. */
const COUNT = /\|\s*wc\s+(?:-l|--lines)\s*$/;
const NUMBER = /^\s*(\d{1,9})\s*$/;

/** The count commands of a loop's body, in order; none when it is no loop. */
export function loopCounts(command: string): string[] {
  const body = loopBody(command);
  if (body === undefined) return [];
  return body
    .split(';')
    .map((c) => c.trim())
    .filter((c) => COUNT.test(c));
}

/**
 * A loop item whose body runs two counts or more: its numbers dealt to the counts in turn (one
 * item per number, at the number's line); its other lines (errors, tables) an item with no command.
 */
export function withLoopCounts<T extends Item>(items: T[]): T[] {
  return items.flatMap((item) => {
    const counts = item.command === null ? [] : loopCounts(item.command);
    const numbers = item.output.filter((o) => NUMBER.test(o.text));
    if (counts.length < 2 || numbers.length < counts.length) return [item];
    const samples = numbers.map((o, k) => ({ ...item, command: counts[k % counts.length], commandLine: o.line, output: [o] }));
    const rest = item.output.filter((o) => !NUMBER.test(o.text) && o.text.trim() !== '');
    return rest.length === 0 ? samples : [...samples, { ...item, command: null, commandLine: rest[0].line, output: rest }];
  });
}
