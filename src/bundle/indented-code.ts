// Markdown's indented code blocks: a paragraph whose every line starts with four blanks or a tab
// renders as code, as a fenced block does. Read without the indent.
import { FENCE } from './fences.js';

/**
 * A paste without fences whose blocks are Markdown's indented code (every line of a paragraph
 * indented four blanks or a tab, as Stack Exchange posts keep them): each such paragraph read
 * without its indent.
 */
export function withoutCodeIndent(lines: readonly string[]): string[] {
  const out = lines.slice();
  for (let i = 0; i < out.length; ) {
    let j = i;
    while (j < out.length && out[j].trim() !== '') j++;
    if (j > i && out.slice(i, j).every((l) => CODE_INDENT.test(l))) dedent(out, i, j);
    i = j + 1;
  }
  return out;
}

/** A paragraph whose lines all start with the blanks its first line, a command at a prompt, starts with. */
function pastedWithIndent(paragraph: readonly string[], isPrompt: (line: string) => boolean): boolean {
  const indent = PASTE_INDENT.exec(paragraph[0])?.[0];
  if (indent === undefined || !isPrompt(paragraph[0].slice(indent.length))) return false;
  return paragraph.every((l) => l.startsWith(indent));
}

/**
 * A write-up whose code is all Markdown's indented blocks (no fence anywhere): its prompts sit in
 * those blocks and its unindented paragraphs are prose around them, as in a fenced write-up — not a
 * terminal session, where prompts start at the margin and every line after a command is output.
 * Read so, a sentence after a block is no output of the block's last command, and a block of log
 * lines with no command stays an output of its own. `isPrompt` says whether a line (without its
 * indent) is a command at a prompt.
 */
export function isIndentedWriteUp(lines: readonly string[], isPrompt: (line: string) => boolean): boolean {
  let prompts = 0;
  let prose = false;
  for (let i = 0; i < lines.length; ) {
    const end = indentedCodeEnd(lines, i, isPrompt);
    if (end > i) {
      for (let j = i; j < end; j++) if (isPrompt(lines[j].replace(CODE_INDENT, '').trimStart())) prompts++;
      i = end;
      continue;
    }
    const line = lines[i];
    if (FENCE.test(line)) return false;
    if (line.trim() !== '') {
      if (isPrompt(line.trimStart())) return false;
      prose = true;
    }
    i++;
  }
  return prompts > 0 && prose;
}

const CODE_INDENT = /^(?: {4}|\t)/;
/** One to three blanks before a line's first word. */
const PASTE_INDENT = /^ {1,3}(?=\S)/;
/** A list item's first line (`- x`, `* x`, `1. x`): the indented paragraph under it continues the item. */
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]/;

/**
 * Where the indented code block that starts at line `i` of a Markdown write-up ends (the index
 * after its last line), or -1 when none starts there: a paragraph after a blank line (or at the
 * top) whose every line is indented four blanks or a tab and holds no fence. Not under a list
 * item, whose indented paragraphs continue the item's prose. With `isPrompt`, also a terminal
 * session pasted with the same one to three blanks before every line (the blank a selection
 * started with, kept on each line): a paragraph whose first line, without them, is a command at a
 * prompt — a block of its own, as an indented one is, with the prose around it.
 */
export function indentedCodeEnd(
  lines: readonly string[],
  i: number,
  isPrompt?: (line: string) => boolean,
  indents?: ReadonlySet<string>,
): number {
  if (i > 0 && lines[i - 1].trim() !== '') return -1;
  let j = i;
  while (j < lines.length && lines[j].trim() !== '') j++;
  if (j === i) return -1;
  const paragraph = lines.slice(i, j);
  if (paragraph.some((l) => FENCE.test(l))) return -1;
  const pasted = (isPrompt !== undefined && pastedWithIndent(paragraph, isPrompt)) || keepsPasteIndent(paragraph, indents);
  if (!paragraph.every((l) => CODE_INDENT.test(l)) && !pasted) return -1;
  let above = i - 1;
  while (above >= 0 && lines[above].trim() === '') above--;
  if (above >= 0 && LIST_ITEM.test(lines[above])) return -1;
  return j;
}

/**
 * The one to three blanks the write-up's pastes carry: those before every line of a paragraph
 * that opens with a command at a prompt (`pastedWithIndent`). A perlbug ticket migrated from
 * rt.perl.org indents each pasted block so (its `&nbsp;` read as a blank), the prompts' blocks and
 * the output pasted on its own under a caption alike (`At strace level:`, then the strace lines).
 */
export function pasteIndents(lines: readonly string[], isPrompt: (line: string) => boolean): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && lines[j].trim() !== '') j++;
    if (j > i && pastedWithIndent(lines.slice(i, j), isPrompt)) out.add(PASTE_INDENT.exec(lines[i])![0]);
    i = j + 1;
  }
  return out;
}

/** Every line of the paragraph starts with exactly one of the write-up's paste indents, the same one. */
function keepsPasteIndent(paragraph: readonly string[], indents: ReadonlySet<string> | undefined): boolean {
  if (!indents || indents.size === 0) return false;
  const indent = PASTE_INDENT.exec(paragraph[0])?.[0];
  return indent !== undefined && indents.has(indent) && paragraph.every((l) => PASTE_INDENT.exec(l)?.[0] === indent);
}

/**
 * A block pasted with an indent on every line (a Markdown indented block, fenced later) reads as
 * the same block without it: the blanks every non-empty line starts with are dropped, in place.
 */
export function dedent(lines: string[], from: number, to: number): void {
  let common: string | null = null;
  for (let i = from; i < to; i++) {
    if (lines[i].trim() === '') continue;
    const indent = /^[ \t]*/.exec(lines[i])![0];
    if (common === null || !indent.startsWith(common)) common = common === null ? indent : sharedPrefix(common, indent);
    if (common === '') return;
  }
  if (!common) return;
  for (let i = from; i < to; i++) lines[i] = lines[i].slice(Math.min(common.length, lines[i].length));
}

function sharedPrefix(a: string, b: string): string {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return a.slice(0, n);
}
