// A count written on its own command's line, the way people note results in a REPL session or a
// write-up: `# lsof -p 35957 | wc -l => 150` (a comment in an irb session), `ls /proc/4242/fd | wc -l
// → 1017`. The command is the part before the arrow, its output the number after it. (An assistant's
// write-up puts it on the line below, as a comment: commented-results.ts.) A write-up's Markdown list
// notes such results without a prompt, with `=` for the arrow (influxdata/influxdb#6185: `* lsof | wc -l
// = 26662`, `* lsof | grep socket | wc -l = 26315`): a list item whose whole text is a counting command
// and its count.

import { printsOneCount } from './known-commands.js';

/** ` => 150`, ` → 150` at the end of the line. */
const RESULT = /\s(?:=>|→)\s{0,8}(\d{1,15})\s*$/;

/** The command and the count written after it, when the line is a counting command with its result. */
export function inlineResult(command: string): { command: string; result: string } | null {
  const m = RESULT.exec(command);
  if (!m) return null;
  const head = command.slice(0, m.index).trim();
  return printsOneCount(head) ? { command: head, result: m[1] } : null;
}

/** A Markdown list item (`* `, `- `, `+ `) whose text is a command, ` = ` (or an arrow), then one count. */
const LISTED_RESULT = /^\s{0,8}[*+-] {1,4}(\S.{0,1000}?)\s(?:=|=>|→)\s{1,8}(\d{1,15})\s*$/;

/**
 * The same note with the command in a code span (one or two backticks), its count after `=`, an
 * arrow or a verb of printing, maybe bold or quoted, maybe over the limit it reached, maybe with a
 * remark in parentheses: a list item's `` `ls /proc/1/fd | wc -l` = **1024/1024** (limite soft
 * atingido). `` (ai-memory's container), a line's ``` ``ls -l /proc/32098/fd | wc -l`` prints "1024"
 * (32098 is traefik) ``` (traefik#5329), `` - `lsof -p <pid> | grep -c state.db` → 50 ``. The span
 * opens the line (after a list marker) and nothing but that follows it: a sentence around it is not read.
 */
const SPAN_RESULT =
  /^\s{0,8}(?:[*+-] {1,4})?(`{1,2})([^`\n]{1,1000})\1\s{1,8}(?:=|=>|→|prints|printed|returns|returned|gives|gave|shows|showed)\s{1,8}(?:\*\*|")?(\d{1,15})(?:\/\d{1,15})?(?:\*\*|")?(?:\s{1,8}\([^()\n]{0,200}\))?\.?\s*$/;

/** The command and its count of a list item (or a line) that notes a counting command's result; null for any other line. */
export function listedResult(line: string): { command: string; result: string } | null {
  const span = SPAN_RESULT.exec(line);
  if (span && printsOneCount(span[2].trim())) return { command: span[2].trim(), result: span[3] };
  const m = LISTED_RESULT.exec(line);
  return m && printsOneCount(m[1].trim()) ? { command: m[1].trim(), result: m[2] } : null;
}

/** `# 1024`: a comment line that holds one count and nothing else (commented-results.ts reads it as a result). */
const BARE_COMMENT = /^\s{0,4}#\s{1,2}(\d{1,3}(?:,\d{3}){1,4}|\d{1,15})\s*$/;

/** The count a comment line holds and nothing else, separators dropped: a result, not a caption; else undefined. */
export function commentedCount(line: string): string | undefined {
  return BARE_COMMENT.exec(line)?.[1].replaceAll(',', '');
}
