// What the CLI bundle uses for the `string-width` package (scripts/bundle-cli.mjs): the width of a
// string in terminal columns, for yargs' help layout (cliui, wrap-ansi). The package builds an
// Intl.Segmenter and Unicode-property regular expressions as it loads, ~55 ms on every run of the
// CLI, help shown or not (yargs lays its help out after every command). fdleak's help is ASCII; this
// counts code points instead of grapheme clusters, with ANSI escapes, control, combining and
// zero-width characters as 0 and East Asian wide characters as 2, as the package does.
import stripAnsi from 'strip-ansi';
import { eastAsianWidth } from 'get-east-asian-width';

export default function stringWidth(string, options = {}) {
  if (typeof string !== 'string' || string.length === 0) return 0;
  const text = options.countAnsiEscapeCodes ? string : stripAnsi(string);
  const wideAmbiguous = options.ambiguousIsNarrow === false;
  let width = 0;
  for (const character of text) {
    const c = character.codePointAt(0);
    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f)) continue;
    if ((c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) || c === 0xfeff || (c >= 0xfe00 && c <= 0xfe0f)) continue;
    if (c >= 0xd800 && c <= 0xdfff) continue;
    width += c < 0x7f ? 1 : eastAsianWidth(c, { ambiguousAsWide: wideAmbiguous });
  }
  return width;
}
