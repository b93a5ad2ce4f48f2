// Rich text without markup: our sentences mark code spans with backticks, values from a bundle are
// inserted as they are (never read for backticks), and each renderer escapes what it shows.
import type { Rich } from './result.js';

/**
 * rich`Raise \`LimitNOFILE=\` (now ${limit})`: the literal parts split at backticks into text and
 * code; every interpolated value is one text (or, marked with code(), one code) part.
 */
export function rich(strings: TemplateStringsArray, ...values: (string | number | CodeValue)[]): Rich {
  const out: Rich = [];
  // A code span may hold a value: rich`run \`ps --ppid ${pid}\``.
  let inCode = false;
  strings.forEach((literal, i) => {
    literal.split('`').forEach((part, k) => {
      if (k > 0) inCode = !inCode;
      if (part !== '') out.push(inCode ? { code: part } : { text: part });
    });
    if (i < values.length) {
      const v = values[i];
      out.push(typeof v === 'object' || inCode ? { code: typeof v === 'object' ? v.code : String(v) } : { text: String(v) });
    }
  });
  return merge(out);
}

interface CodeValue {
  code: string;
}

/** A value shown as code (a path, a log line): rich`logs ${code(message)}`. */
export function code(value: string): CodeValue {
  return { code: value };
}

/**
 * Our own text with code spans, as Rich: `x`, or a value from a bundle delimited by codeSpan. As in
 * CommonMark, a span opens at a run of backticks and closes at the next run of the same length; a
 * run that none closes is text (a log line's `db`.`table`, a command's `pidof x` inside a span).
 */
export function richText(text: string): Rich {
  const out: Rich = [];
  // Run lengths that no run closes from some point on: none closes them later either.
  const unclosed = new Set<number>();
  let from = 0;
  let i = text.indexOf('`');
  while (i !== -1) {
    const n = runLength(text, i);
    const close = unclosed.has(n) ? -1 : closingRun(text, i + n, n);
    if (close === -1) {
      unclosed.add(n);
      i = text.indexOf('`', i + n);
      continue;
    }
    if (i > from) out.push({ text: text.slice(from, i) });
    const body = text.slice(i + n, close);
    const padded = body.length >= 2 && body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '';
    out.push({ code: padded ? body.slice(1, -1) : body });
    from = close + n;
    i = text.indexOf('`', from);
  }
  if (from < text.length) out.push({ text: text.slice(from) });
  return merge(out);
}

function runLength(text: string, at: number): number {
  let n = 0;
  while (text[at + n] === '`') n++;
  return n;
}

/** Where the next run of exactly n backticks from `from` starts, or -1. */
function closingRun(text: string, from: number, n: number): number {
  for (let j = text.indexOf('`', from); j !== -1; j = text.indexOf('`', j)) {
    const m = runLength(text, j);
    if (m === n) return j;
    j += m;
  }
  return -1;
}

/**
 * A value from a bundle (a command, a cmdline) as a code span of our text: delimited by one more
 * backtick than its longest run, padded when it starts or ends with one (`ls /proc/\`pidof x\`/fd`).
 */
export function codeSpan(value: string): string {
  let longest = 0;
  for (let i = value.indexOf('`'); i !== -1; ) {
    const n = runLength(value, i);
    longest = Math.max(longest, n);
    i = value.indexOf('`', i + n);
  }
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** The text of a Rich, without marks (for a terminal or a title). */
export function plain(r: Rich): string {
  return r.map((p) => ('text' in p ? p.text : p.code)).join('');
}

/** Adjacent parts of one kind joined: a code span split by a value is one span. */
function merge(parts: Rich): Rich {
  const out: Rich = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && 'text' in last && 'text' in p) out[out.length - 1] = { text: last.text + p.text };
    else if (last && 'code' in last && 'code' in p) out[out.length - 1] = { code: last.code + p.code };
    else out.push(p);
  }
  return out;
}
