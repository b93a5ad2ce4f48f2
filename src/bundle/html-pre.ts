// An HTML code block in a Markdown comment: GitHub renders `<pre>` … `</pre>` (also
// `<pre><code>` … `</code></pre>`) on lines of their own as a fenced block, and people paste
// outputs that way (opendkim#149: `ss -anp` rows between `<pre>` and `</pre>`). Each such tag line
// reads as a fence; the lines between are the block, with their own line numbers.

/** A line that is only an opening or closing `<pre>` (with `<code>` inside it, and blanks around). */
const PRE_TAG = /^\s{0,8}(?:<pre(?:\s[^<>]{0,100})?>(?:<code(?:\s[^<>]{0,100})?>)?|(?:<\/code>)?<\/pre>)\s{0,8}$/i;

/** The lines with each `<pre>` / `</pre>` tag line replaced by a Markdown fence, when they pair up. */
export function preTagsAsFences(lines: readonly string[]): readonly string[] {
  let tags = 0;
  for (const l of lines) if (PRE_TAG.test(l)) tags++;
  if (tags < 2) return lines;
  return lines.map((l) => (PRE_TAG.test(l) ? '```' : l));
}
