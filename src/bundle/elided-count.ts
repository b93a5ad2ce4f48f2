// A count whose number its writer replaced by an elision, with the listing it counted pasted under
// it (grantemsley/viewsonictvrs232#2):
//   ls -l /proc/1405/fd | wc -l
//   ...
//   l-wx------ 1 aaronpk aaronpk 64 Jan  2 18:48 900 -> 'pipe:[854726]'
// The rows are what the pipeline printed before `wc -l` counted them: they are the output of the
// pipeline without its last stage, an excerpt (the elision says rows were left out).

import { printsOneCount } from './known-commands.js';

/** `...`, `…`, `[...]`, `[…]` alone on a line: the writer left something out. */
const ELISION = /^\s{0,8}(?:\.{3,8}|…|\[(?:\.{3}|…)\])\s{0,8}$/;

/** A line that only says something was left out. */
export function isElision(text: string): boolean {
  return ELISION.test(text);
}

/** The last stage of a pipeline that only counts lines: `wc -l`, `wc --lines`, `wc`. */
const WC_STAGE = /^wc(?: {1,8}(?:-l|--lines))?$/;

/** The pipeline a `… | wc -l` counted the output of; null for any other command. */
export function countedPipeline(command: string): string | null {
  if (!printsOneCount(command)) return null;
  const bar = command.lastIndexOf('|');
  if (bar <= 0 || !WC_STAGE.test(command.slice(bar + 1).trim())) return null;
  const head = command.slice(0, bar).trim();
  return head !== '' ? head : null;
}

/**
 * The command whose output `text` is, when it follows a `… | wc -l` whose only output so far is an
 * elision: the pipeline before `wc` (its rows pasted in place of the count); null otherwise — a
 * count that printed a number, a count with nothing under it, a blank line. Cheap on long outputs:
 * any command but a count returns at once, and at most two printed lines are looked at.
 */
export function listingUnderElidedCount(command: string | null, printed: readonly { text: string }[], text: string): string | null {
  if (command === null || text.trim() === '' || isElision(text) || !printsOneCount(command)) return null;
  let shown: string | null = null;
  for (const p of printed) {
    if (p.text.trim() === '') continue;
    if (shown !== null) return null;
    shown = p.text;
  }
  if (shown === null || !isElision(shown)) return null;
  // A number under the elision is the count itself, not a listing.
  if (/^\s{0,8}\d{1,15}\s{0,8}$/.test(text)) return null;
  return countedPipeline(command);
}
