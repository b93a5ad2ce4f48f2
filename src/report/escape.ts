// Escaping for every place text from a bundle or from notes ends up: HTML, <script> JSON, Markdown.
// Markdown is read in terminals too (`cat report.md`): its control characters are shown, not kept.
import { formatNumber } from '../format.js';
import { terminalText } from '../terminal.js';
import { maxOf } from '../many-values.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * JSON that is safe inside `<script type="application/json">`: `<` cannot close the element or open
 * a comment, and U+2028/U+2029 cannot break a consumer that evals it as JavaScript.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const MD_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Markdown text that renders literally under any GFM renderer: no emphasis, links, table breaks or
 * line breaks, and no HTML. `<`, `>` and `&` are entities (a backslash before `<` is undone when a
 * renderer autolinks `http://x/a\><iframe ...>`), and what GFM would autolink (`://`, `www.`, an
 * e-mail's `@`) has one character written as an entity: the reader sees the same text, no link.
 */
export function mdText(text: string): string {
  return terminalText(text.replace(/\r\n|[\r\n]/g, ' '))
    .replace(/[&<>]/g, (c) => MD_ENTITIES[c])
    .replace(/[\\`*_[\]|~]/g, (c) => '\\' + c)
    .replace(/:\/\//g, '&#58;//')
    .replace(/(www)\./gi, '$1&#46;')
    .replace(/@/g, '&#64;');
}

/** One table cell: literal text on one line. */
export function mdCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return ' ';
  return typeof value === 'number' ? formatNumber(value) : mdText(String(value));
}

/** Inline code that survives backticks in the text (CommonMark: a longer fence, padded). */
export function mdCode(text: string): string {
  const flat = terminalText(text.replace(/\r?\n/g, ' '), { oneLine: true });
  const longest = Math.max(0, maxOf((flat.match(/`+/g) ?? []).map((r) => r.length)));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run inside. */
export function mdCodeBlock(lines: readonly string[], info = ''): string {
  const body = lines.map((l) => terminalText(l, { oneLine: true })).join('\n');
  const longest = Math.max(2, maxOf((body.match(/`{3,}/g) ?? []).map((r) => r.length)));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${body}\n${fence}`;
}

export { formatNumber };
