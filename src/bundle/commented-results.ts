// The results a write-up gives as comments under each command: an assistant's `# → 11,084`, or a
// bare `# 1024` under a command that prints one value, block after block without prompts. Each is
// the command's output, as a count on the command's own line is (inline-result.ts).
import type { TranscriptItem } from './terminal-session.js';
import { printsOneValue } from './known-commands.js';
import { commentedCount } from './inline-result.js';

/**
 * `# → 11,084` under its command: the result an assistant writes as a comment below each command of
 * a block (openclaw#3708's `lsof -p $(pgrep -f moltbot-gateway) | wc -l`, `# → 11,084`; a tally's
 * rows `# → 11,055 REG (regular files)`, `# →    10 PIPE`). The run of such lines at the top of a
 * command's output is that output, the marks and the thousands separators of its leading count
 * dropped; the comments and blanks below it are prose, no output.
 */
const COMMENTED = /^\s{0,4}#\s{0,2}(?:→|=>)\s?(.{0,4000})$/;
/** A leading count written with thousands separators: `11,084`, `  11,055 REG`. */
const GROUPED = /^(\s*)(\d{1,3}(?:,\d{3}){1,4})(?=\s|$)/;

/**
 * `# 1024` under its command: a bare count written as a comment below a command that prints one
 * value, block after block of commands without prompts, each followed by its result
 * (minikube#14277's ```shell blocks: `ulimit -Sn`, `# 1024`, `ulimit -Hn`, `# 524288`;
 * `ls -1 /proc/*\/fd | wc -l`, `# 8953`). Only under a count or `ulimit -n`: a comment under any
 * other command is prose. The item split into one item per command and its `# N`, or null when
 * its output is not that run.
 */
function commentedCounts(item: TranscriptItem): TranscriptItem[] | null {
  if (item.command === null || !printsOneValue(item.command)) return null;
  const out = item.output;
  const items: TranscriptItem[] = [];
  let command = item.command;
  let commandLine = item.commandLine;
  let k = 0;
  for (;;) {
    while (k < out.length && out[k].text.trim() === '') k++;
    const count = k < out.length ? commentedCount(out[k].text) : undefined;
    if (count === undefined) return null;
    items.push({ ...item, command, commandLine, output: [{ ...out[k], text: count }] });
    k++;
    while (k < out.length && out[k].text.trim() === '') k++;
    if (k >= out.length) return items;
    const next = out[k].text.trim();
    if (!printsOneValue(next)) return null;
    command = next;
    commandLine = out[k].line;
    k++;
  }
}

/** Items whose command's output is written as `# → …` comments, read as that output. */
export function withCommentedResults(items: TranscriptItem[]): TranscriptItem[] {
  return items.flatMap((item) => commentedCounts(item) ?? [commentedResult(item)]);
}

function commentedResult(item: TranscriptItem): TranscriptItem {
  if (item.command === null) return item;
  const first = item.output.findIndex((o) => o.text.trim() !== '');
  if (first < 0 || !COMMENTED.test(item.output[first].text)) return item;
  const output: TranscriptItem['output'] = [];
  for (let k = first; k < item.output.length; k++) {
    const m = COMMENTED.exec(item.output[k].text);
    if (!m) break;
    const text = m[1].replace(GROUPED, (_, blank: string, n: string) => blank + n.replaceAll(',', ''));
    output.push({ ...item.output[k], text });
  }
  return { ...item, output };
}
