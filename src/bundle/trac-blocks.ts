// Trac's wiki code block, `{{{` … `}}}`: GitHub issues imported from a Trac ticket keep it, and
// GitHub renders the braces as text, so the block reads as prose (dmwm/DAS#529: `We have currently:
// {{{`, then `$ netstat -tanlp | grep ESTABLISHED | … | uniq -c` and its rows, then `}}}`). Each
// brace line reads as a fence, as `<pre>` does (html-pre.ts); the lines between are the block.

/** A line that opens a block: `{{{` alone (`{{{#!sh` names a processor), or ending a sentence. */
const OPENER = /(?:^|\s)\{\{\{(?:#!\w{1,20})?\s{0,8}$/;
/** A line that closes one: `}}}` alone. */
const CLOSER = /^\s{0,8}\}\}\}\s{0,8}$/;

/**
 * The lines with each Trac block's brace lines replaced by a Markdown fence, when an opener is
 * followed by a closer (the words before an opener at a line's end are prose, no output).
 */
export function tracBlocksAsFences(lines: readonly string[]): readonly string[] {
  let out: string[] | null = null;
  let open = -1;
  for (let i = 0; i < lines.length; i++) {
    if (open < 0) {
      if (OPENER.test(lines[i])) open = i;
    } else if (CLOSER.test(lines[i])) {
      out ??= [...lines];
      out[open] = '```';
      out[i] = '```';
      open = -1;
    }
  }
  return out ?? lines;
}
