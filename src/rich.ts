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

/** Our own text with backtick code spans, as Rich. */
export function richText(text: string): Rich {
  return rich(Object.assign([text], { raw: [text] }) as TemplateStringsArray);
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
