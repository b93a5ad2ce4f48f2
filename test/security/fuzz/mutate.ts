// A seeded mutator for captures: real outputs (fixtures, samples) changed the way a hostile or
// mangled bundle is, line by line and token by token. Our own rather than fast-check: the inputs are
// real files, not generated structures, and what matters is which tokens are replaced (numbers that
// overflow, times that do not exist, control bytes, payloads); a case is fully determined by
// (seed, target, case number), so a failure is reproduced by that triple, without shrinking.
// Mutations never write the words NaN, Infinity or "Invalid Date": when they appear in an output,
// fdleak made them.

export type Random = () => number;

/** mulberry32: small, fast, good enough to pick mutations. */
export function random(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One seed per (run seed, target, case): cases do not depend on how many ran before. */
export function caseSeed(seed: number, target: string, n: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const c of `${target}#${n}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** Numbers a parser may turn into NaN, Infinity, a negative count or an unsafe integer. */
const NUMBERS = [
  '9'.repeat(400),
  '18446744073709551616',
  '9007199254740993',
  '-1',
  '-0',
  '0',
  '1e999',
  '1e309',
  '0x7fffffff',
  '-0x7fffffff',
  '0x',
  '1.5',
  '.',
  '',
  '٣',
  '１２',
  '+1',
  '00000000000000000000001',
  '4294967296',
  '2147483648',
  '-2147483649',
];

/** Times and dates that look plausible and do not exist. */
const TIMES = [
  '2026-13-45T99:99:99',
  '2026-02-30T25:61:61.5+99:99',
  '0000-00-00T00:00:00',
  '99:99:99.999999',
  '24:00:60',
  '18446744073709551616.000000',
  '9999999999999.999999',
  '-1.5',
  '1e308',
  '07-32 25:00:00.000',
  '2019-07-22 24:60:60,999',
];

/** Text that must stay text wherever it lands. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=http://127.0.0.1:9/f>',
  'http://127.0.0.1:9/a><iframe src=x>',
  '\x1b]0;t\x07\x1b[2J',
  '$(id)',
  '`id`',
  ';curl x|sh;#',
  '"',
  "'",
  '\\',
  '\u202e',
  '\u2028',
  '\0',
  '\ufffd',
  'é',
  '中文',
  ' '.repeat(50),
  '\t',
  '\r',
  '__proto__',
  'constructor',
  'toString',
  '{',
  '[',
  ']',
  '}',
  ')',
  '(',
  '<unfinished ...>',
  '<... x resumed>',
  ' = -1 E',
  '+++ exited with 1 +++',
];

type LineMutation = (lines: string[], r: Random) => void;

const at = (lines: string[], r: Random) => Math.floor(r() * Math.max(1, lines.length));

/** Replaces one token of a line matching `token` with `by`. */
function replaceToken(line: string, token: RegExp, by: string, r: Random): string {
  const hits = [...line.matchAll(token)];
  if (hits.length === 0) return line;
  const h = pick(r, hits);
  return line.slice(0, h.index) + by + line.slice(h.index! + h[0].length);
}

const MUTATIONS: LineMutation[] = [
  (l, r) => {
    const i = at(l, r);
    l[i] = replaceToken(l[i] ?? '', /\d+/g, pick(r, NUMBERS), r);
  },
  (l, r) => {
    const i = at(l, r);
    l[i] = replaceToken(l[i] ?? '', /\d+/g, pick(r, NUMBERS), r);
  },
  (l, r) => {
    const i = at(l, r);
    l[i] = replaceToken(l[i] ?? '', /\d[\d:.T-]*\d/g, pick(r, TIMES), r);
  },
  (l, r) => {
    const i = at(l, r);
    l[i] = replaceToken(l[i] ?? '', /\S+/g, pick(r, PAYLOADS), r);
  },
  (l, r) => {
    const i = at(l, r);
    const s = l[i] ?? '';
    const p = Math.floor(r() * (s.length + 1));
    l[i] = s.slice(0, p) + pick(r, PAYLOADS) + s.slice(p);
  },
  (l, r) => {
    const i = at(l, r);
    l[i] = (l[i] ?? '').slice(0, Math.floor(r() * (l[i]?.length ?? 0)));
  },
  (l, r) => {
    l.splice(at(l, r), 1);
  },
  (l, r) => {
    const i = at(l, r);
    l.splice(i, 0, l[i] ?? '');
  },
  (l, r) => {
    const i = at(l, r);
    const j = at(l, r);
    [l[i], l[j]] = [l[j], l[i]];
  },
  (l, r) => {
    l.splice(at(l, r), 0, '');
  },
  (l, r) => {
    const i = at(l, r);
    l[i] = (l[i] ?? '').replace(/ +/g, () => pick(r, [' ', '', '\t', '   ']));
  },
  (l, r) => {
    const i = at(l, r);
    l[i] = (l[i] ?? '').repeat(1 + Math.floor(r() * 50));
  },
  (l, r) => {
    const i = at(l, r);
    l.splice(i, 0, ...Array.from({ length: 1 + Math.floor(r() * 200) }, () => l[i] ?? ''));
  },
  (l, r) => {
    const i = at(l, r);
    l[i] = [...(l[i] ?? '')].map((c) => (r() < 0.05 ? String.fromCharCode(Math.floor(r() * 0x110)) : c)).join('');
  },
  (l, r) => {
    l.length = Math.floor(r() * l.length);
  },
];

/** The lines with 1 to `most` mutations applied (a fresh array). */
export function mutateLines(lines: readonly string[], r: Random, most = 4): string[] {
  const out = [...lines];
  const n = 1 + Math.floor(r() * most);
  for (let k = 0; k < n; k++) pick(r, MUTATIONS)(out, r);
  // Lines never hold LF: the reader splits on it.
  return out.map((l) => (l ?? '').replace(/\n/g, ' '));
}

/** The words fdleak must never print: mutations above never write them. */
export const FORBIDDEN = /NaN|Infinity|Invalid Date/;

/** Paths of the numbers in `value` that are not finite (NaN, ±Infinity), and strings that say NaN/Infinity/Invalid Date. */
export function badValues(value: unknown, path = '$', out: string[] = [], seen = new Set<object>()): string[] {
  if (typeof value === 'number' && !Number.isFinite(value)) out.push(`${path} = ${value}`);
  else if (typeof value === 'string' && FORBIDDEN.test(value)) out.push(`${path} = ${JSON.stringify(value.slice(0, 200))}`);
  else if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    if (value instanceof Map) for (const [k, v] of value) badValues(v, `${path}.get(${String(k)})`, out, seen);
    else for (const [k, v] of Object.entries(value)) badValues(v, `${path}.${k}`, out, seen);
  }
  return out;
}
