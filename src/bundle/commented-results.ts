// The results an assistant's write-up gives as comments under each command, `# → 11,084`: the
// command's output, as a count on the command's own line is (inline-result.ts).
import type { TranscriptItem } from './terminal-session.js';

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

/** Items whose command's output is written as `# → …` comments, read as that output. */
export function withCommentedResults(items: TranscriptItem[]): TranscriptItem[] {
  return items.map((item) => {
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
  });
}
