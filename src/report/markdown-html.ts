// Markdown (analyst notes, lessons, rule methods) to HTML that cannot carry markup of its own:
// raw HTML is shown as text, images become a text mention (never fetched), links keep only safe schemes.
import { Marked, type Tokens } from 'marked';
import { escapeHtml } from './escape.js';

const SAFE_LINK = /^(https?:|mailto:|#)/i;

function createMarked(headingShift: number): Marked {
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  marked.use({
    renderer: {
      html({ text }: Tokens.HTML | Tokens.Tag): string {
        return escapeHtml(text);
      },
      image({ href, text }: Tokens.Image): string {
        return `<span class="image-ref">[image: ${escapeHtml(text || href)}]</span>`;
      },
      link(this: { parser: { parseInline(t: Tokens.Generic[]): string } }, { href, tokens }: Tokens.Link): string {
        const label = this.parser.parseInline(tokens);
        if (!SAFE_LINK.test(href.trim())) return label;
        return `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${label}</a>`;
      },
      heading(this: { parser: { parseInline(t: Tokens.Generic[]): string } }, { tokens, depth }: Tokens.Heading): string {
        const level = Math.min(6, depth + headingShift);
        return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
    },
  });
  return marked;
}

const cache = new Map<number, Marked>();
/**
 * Rendered texts: every report renders the same lessons and rule methods. Short texts only, and a
 * bounded number of them: notes are the user's and may be anything.
 */
const rendered = new Map<string, string>();
const MEMO_CHARS = 4096;
const MEMO_ENTRIES = 1000;

/** Renders Markdown to sanitised HTML; headings are pushed down by `headingShift` levels. */
export function markdownToSafeHtml(markdown: string, headingShift = 2): string {
  const key = markdown.length <= MEMO_CHARS ? `${headingShift}\n${markdown}` : null;
  const memo = key === null ? undefined : rendered.get(key);
  if (memo !== undefined) return memo;
  let marked = cache.get(headingShift);
  if (!marked) {
    marked = createMarked(headingShift);
    cache.set(headingShift, marked);
  }
  const html = marked.parse(markdown) as string;
  if (key !== null) {
    if (rendered.size >= MEMO_ENTRIES) rendered.clear();
    rendered.set(key, html);
  }
  return html;
}
