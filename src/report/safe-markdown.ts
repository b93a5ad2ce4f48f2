// Markdown written by people (notes.md, which comes in the bundle, lessons, rule methods) as Markdown
// that carries no HTML under any GFM renderer. It is parsed and written out again from a known subset
// (headings, paragraphs, emphasis, code, lists, quotes, tables, http(s)/mailto links), every piece of
// text through mdText: raw HTML becomes text, images become a text mention (never fetched), a link
// with another scheme keeps only its label, and nothing can be autolinked.
import { Lexer, type Token, type Tokens } from 'marked';
import { mdCode, mdCodeBlock, mdText } from './escape.js';

const SAFE_LINK = /^(https?:|mailto:)/i;
/** A code block's info string: a language name, nothing a renderer could take for an attribute. */
const INFO = /^[\w+-]{0,32}$/;

export function safeMarkdown(markdown: string): string {
  return blocks(new Lexer({ gfm: true }).lex(markdown));
}

function blocks(tokens: readonly Token[]): string {
  return tokens
    .map(block)
    .filter((s) => s !== '')
    .join('\n\n');
}

function block(t: Token): string {
  switch (t.type) {
    case 'space':
    case 'def':
      return '';
    case 'code':
      return mdCodeBlock(t.text.split('\n'), INFO.test(t.lang ?? '') ? (t.lang ?? '') : '');
    case 'heading':
      return `${'#'.repeat(t.depth)} ${inline(t.tokens ?? [])}`;
    case 'hr':
      return '---';
    case 'paragraph':
    case 'text':
      return t.tokens ? inline(t.tokens) : mdText(t.text);
    case 'blockquote':
      return blocks(t.tokens ?? [])
        .split('\n')
        .map((l) => (l ? `> ${l}` : '>'))
        .join('\n');
    case 'list':
      return (t as Tokens.List).items
        .map((item, i) => listItem(item, t.ordered ? `${(Number(t.start) || 1) + i}.` : '-'))
        .join(t.loose ? '\n\n' : '\n');
    case 'table':
      return table(t as Tokens.Table);
    default:
      // Raw HTML blocks and anything this subset does not know: shown as text.
      return mdText(t.raw ?? '');
  }
}

function listItem(item: Tokens.ListItem, marker: string): string {
  const tokens = item.tokens.filter((t) => t.type !== 'checkbox');
  const box = item.task ? `[${item.checked ? 'x' : ' '}] ` : '';
  const pad = ' '.repeat(marker.length + 1);
  const body = blocks(tokens)
    .split('\n')
    .map((l, i) => (i === 0 || l === '' ? l : pad + l))
    .join('\n');
  return `${marker} ${box}${body}`;
}

function table(t: Tokens.Table): string {
  // A pipe inside a cell (a code span included) must be escaped or it splits the cell (GFM).
  const cell = (c: Tokens.TableCell) => inline(c.tokens).replace(/(?<!\\)\|/g, '\\|') || ' ';
  const rule = t.align.map((a) => (a === 'left' ? ':--' : a === 'right' ? '--:' : a === 'center' ? ':-:' : '---'));
  return [`| ${t.header.map(cell).join(' | ')} |`, `|${rule.join('|')}|`, ...t.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join(
    '\n',
  );
}

function inline(tokens: readonly Token[]): string {
  return tokens.map(inlineToken).join('');
}

function inlineToken(t: Token): string {
  switch (t.type) {
    case 'text':
      return t.tokens ? inline(t.tokens) : mdText(t.text);
    case 'escape':
      return mdText(t.text);
    case 'strong':
      return `**${inline(t.tokens ?? [])}**`;
    case 'em':
      return `*${inline(t.tokens ?? [])}*`;
    case 'del':
      return `~~${inline(t.tokens ?? [])}~~`;
    case 'codespan':
      return mdCode(t.text);
    case 'br':
      return '\\\n';
    case 'link': {
      const label = inline(t.tokens ?? []);
      return !t.autolink && SAFE_LINK.test(t.href.trim()) ? `[${label}](<${encodeDestination(t.href.trim())}>)` : label;
    }
    case 'image':
      return mdText(`[image: ${t.text || t.href}]`);
    default:
      // Inline HTML and anything else: text.
      return mdText(t.raw ?? '');
  }
}

/** A link destination inside `<...>`: no character that could end it or start markup. */
function encodeDestination(href: string): string {
  return href.replace(/[<>\s\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
}
