// A command typed as a one-line code span, its output pasted under it as a paragraph of its own,
// outside any block: containerd#5670's ```` ```$ find /proc/*/fd -lname anon_inode:inotify | … |
// uniq -c | sort -nr | grep root``` ```` (GitHub renders a span whose backticks close on the same
// line as inline code, not as a fenced block), a blank line, then the tally it printed (a header
// the writer typed, `COUNT PID USER …`, and its rows). The paragraph is that command's output, as
// the lines under a prompt are.
import { inlineCode } from './code-spans.js';
import { FENCE_MARK } from './fences.js';
import { isLeadIn } from './lead-in.js';
import { isProseSentence } from './prose-line.js';

/** At most this many lines of a paragraph are read as one command's output. */
const MAX_OUTPUT_LINES = 200;
/** A fence, a heading, a quote, a list item: Markdown's own lines, never a program's output line. */
const MARKDOWN_LINE = new RegExp(`^\\s{0,3}(?:${FENCE_MARK}|#{1,6}\\s|>|[-*+]\\s)`);

/**
 * When line i is one code span holding a command at a prompt and a paragraph follows it (right
 * under it, or after one blank line) whose every line reads as output (no sentence, no lead-in
 * ending in a colon, no Markdown line, no code span, no other command at a prompt): the index just
 * past that paragraph. Else -1.
 */
export function spanOutputEnd(lines: readonly string[], i: number, prompted: (line: string) => boolean): number {
  const code = inlineCode(lines[i]);
  if (code === undefined || !prompted(code)) return -1;
  const start = lines[i + 1]?.trim() === '' ? i + 2 : i + 1;
  let end = start;
  while (end < lines.length && end - start < MAX_OUTPUT_LINES && lines[end].trim() !== '') {
    const line = lines[end];
    if (MARKDOWN_LINE.test(line) || inlineCode(line) !== undefined || prompted(line) || isProseSentence(line) || isLeadIn(line)) return -1;
    end++;
  }
  return end > start ? end : -1;
}

/** The lines from i to end as a terminal paste: the span's command, then what it printed. */
export function spanOutputLines(lines: readonly string[], i: number, end: number): string[] {
  const run = lines.slice(i, end);
  run[0] = inlineCode(lines[i]) ?? lines[i];
  return run;
}

/** Whether some line of the paste is such a command with its output under it. */
export function hasSpanOutput(lines: readonly string[], prompted: (line: string) => boolean): boolean {
  return lines.some((_, i) => spanOutputEnd(lines, i, prompted) > i);
}
