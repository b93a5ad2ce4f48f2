// A count and a few of the rows it counted, pasted one under the other:
//   # lsof|grep dtags | wc -l
//   4448
//   java  30882  tomcat7  42r  REG ... /OUR/data/index/dtags.eftar (deleted)
// The rows carry no command of their own; every one holds the word the count's grep picked, so
// they are rows of the same pipeline without its `| wc -l`: they are read as its output.

interface Item {
  command: string | null;
  commandLine: number;
  output: { text: string; line: number }[];
}

/**
 * How many lines below the count the rows may start: a blank line, a caption (`(Small snippet of
 * the output)`) and the fence of the block that holds them.
 */
const GAP = 4;

/** A word a grep picks rows by: bare or quoted, one word, no alternatives. */
const WORD = /^(?:'([^'|\s]{1,100})'|"([^"|\s]{1,100})"|([^\s'"|-][^\s'"|]{0,99}))$/;

/** Two plain words joined by `.*` (`'53.*opendkim'`): a row it picks holds both, in that order. */
const TWO_WORDS = /^'([\w:/=-]{1,50})\.\*([\w:/=-]{1,50})'$/;

/** `grep [-i] [-w] [-F] WORD` (or `grep 'A.*B'`): the words the stage picks rows by, and whether case is ignored. */
function grepWords(stage: string): { word: string; ignoreCase: boolean }[] | null {
  const words = stage.split(/\s+/);
  if (words[0] !== 'grep' || words.length < 2) return null;
  const options = words.slice(1, -1);
  if (!options.every((o) => /^-[iwF]{1,3}$/.test(o))) return null;
  const ignoreCase = options.some((o) => o.includes('i'));
  const pattern = words[words.length - 1];
  const two = options.some((o) => o.includes('F')) ? null : TWO_WORDS.exec(pattern);
  if (two) return [two[1], two[2]].map((word) => ({ word, ignoreCase }));
  const m = WORD.exec(pattern);
  return m ? [{ word: m[1] ?? m[2] ?? m[3], ignoreCase }] : null;
}

/** `sed 's/ *$//'`: a stage that only strips the blanks ending each row (it drops none). */
const TRIM_STAGE = /^sed (?:-e )?'s\/(?: \*|\[\[:space:\]\]\*|\\s\*)\$\/\/g?'$/;

interface Picked {
  listing: string;
  words: { word: string; ignoreCase: boolean }[];
}

/**
 * `lsof | grep X [| grep Y] | wc -l`: the listing the count counted (the command up to its last
 * `|`) and the words its greps pick rows by. Only plain greps (no `-v`, `-c`, no pattern of several
 * alternatives; `'A.*B'` is the two words): their rows are known to hold the words. A `sed` that
 * only trims trailing blanks may stand between them.
 */
export function pickedRows(command: string): Picked | null {
  const stages = command.split('|').map((s) => s.trim());
  if (stages.length < 3 || !/^wc\s+(?:-l|--lines)$/.test(stages[stages.length - 1])) return null;
  const words: Picked['words'] = [];
  for (const stage of stages.slice(1, -1)) {
    if (TRIM_STAGE.test(stage)) continue;
    const w = grepWords(stage);
    if (!w) return null;
    words.push(...w);
  }
  const cut = command.lastIndexOf('|');
  return { listing: command.slice(0, cut).trim(), words };
}

function holds(text: string, w: Picked['words'][number]): boolean {
  return w.ignoreCase ? text.toLowerCase().includes(w.word.toLowerCase()) : text.includes(w.word);
}

/**
 * Items of output with no command, right under a grep-and-count's one line, whose first paragraph's
 * every line holds each word the greps picked: the listing the count counted (a sample of its
 * rows), so read as the output of that listing's command. What follows a blank line under them
 * (a sentence about them) stays an item of its own.
 */
export function withCountedRows<T extends Item>(items: T[]): T[] {
  return items.flatMap((item, i) => {
    const count = items[i - 1];
    if (item.command !== null || !count?.command || count.output.length === 0) return [item];
    const picked = pickedRows(count.command);
    const last = count.output[count.output.length - 1].line;
    if (!picked || item.commandLine - last > GAP) return [item];
    const blank = item.output.findIndex((o) => o.text.trim() === '');
    const rows = blank < 0 ? item.output : item.output.slice(0, blank);
    if (rows.length === 0 || !rows.every((o) => picked.words.every((w) => holds(o.text, w)))) return [item];
    const after = item.output.slice(rows.length);
    const rest = after.slice(after.findIndex((o) => o.text.trim() !== ''));
    const listing = { ...item, command: picked.listing, output: rows };
    return after.every((o) => o.text.trim() === '') ? [listing] : [listing, { ...item, commandLine: rest[0].line, output: rest }];
  });
}
