// An awk program that counts rows per key itself, as `sort | uniq -c` would: which columns it
// keys by, and the condition its rows had to meet (read by interpretCount in pipeline.ts).

/** Past this an awk program is no one-line tally typed at a prompt. */
const MAX_AWK_CHARS = 2000;

/**
 * An awk that counts its rows per key itself, as `sort | uniq -c` would:
 * `$4 ~ /[0-9]+[rwu -].*\/{p[$1"\t"$2"\t"$3]=p[$1"\t"$2"\t"$3]+1}END{for (i in p) print p[i],i}`
 * (also `p[KEY]++`, `++p[KEY]`, `p[KEY]+=1`), its END printing each count before its key. The columns of the
 * key, and the `$N ~ /RE/` condition its rows had to meet, if any.
 */
export function awkTally(program: string): { cols: string[]; filter?: { col: string; pattern: string } } | undefined {
  if (program.length > MAX_AWK_CHARS) return undefined;
  const end = program.search(/\bEND\s*\{/);
  if (end < 0) return undefined;
  const body = program.slice(0, end);
  const inc = firstIncrement(body.replace(/\+\+\s+/g, '++'));
  if (!inc) return undefined;
  if (!new RegExp(`\\bprint\\s+${inc.name}\\[\\w{1,30}\\]`).test(program.slice(end))) return undefined;
  const cols = [...inc.key.matchAll(/\$(\d{1,3}|NF)/g)].map((m) => m[1]);
  if (cols.length === 0) return undefined;
  const cond = /^\s*\$(\d{1,3})\s*~\s*\/([^/]{1,200})\/\s*\{/.exec(body);
  return { cols, ...(cond ? { filter: { col: cond[1], pattern: cond[2] } } : {}) };
}

const ARRAY_NAME = /^[A-Za-z_]\w{0,30}$/;
const ADDS_ONE = /^\s*(?:\+\+|\+=\s*1\b)/;
const PLUS_ONE_OF = /^\s*=\s*([A-Za-z_]\w{0,30})\[[^\]]{1,200}\]\s*\+\s*1\b/;

/**
 * The first array element an awk program adds one to — `p[KEY]++`, `++p[KEY]`, `p[KEY]+=1`,
 * `p[KEY]=p[KEY]+1` —: its array's name and KEY. An element only read (a regex's `a[0-9]` in a
 * condition) is none. Walked in code: as one global pattern, an optional `++` before a name that
 * may start anywhere backtracks polynomially.
 */
function firstIncrement(body: string): { name: string; key: string } | undefined {
  for (let open = body.indexOf('['); open !== -1; open = body.indexOf('[', open + 1)) {
    let from = open;
    while (from > 0 && /\w/.test(body[from - 1])) from--;
    const name = body.slice(from, open);
    const close = body.indexOf(']', open + 1);
    if (!ARRAY_NAME.test(name) || close === -1 || close === open + 1 || close - open - 1 > 200) continue;
    const prefixed = body.slice(from - 2, from) === '++' && from >= 2;
    const after = body.slice(close + 1, close + 1 + 512);
    const plusOne = PLUS_ONE_OF.exec(after);
    const suffixed = ADDS_ONE.test(after) || plusOne !== null;
    if (prefixed !== suffixed && (plusOne === null || plusOne[1] === name)) return { name, key: body.slice(open + 1, close) };
  }
  return undefined;
}
