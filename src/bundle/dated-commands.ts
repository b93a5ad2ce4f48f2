// `date` typed at its own prompt just before a command (`$ date -u`, `Tue Dec  8 00:46:17 UTC
// 2026`, then `$ lsof -p 8379`): date's line says when the next command ran. The pair is read as
// one timed capture — the next command's output shown at date's time, as a `watch` screen's header
// times its screen — so two or more listings of one process, each under its own date, are timed
// samples of its fds rather than a date line no parser reads.
import { dateOutput } from './date-output.js';
import type { TranscriptItem } from './terminal-session.js';

/** `date`, `date -u`, `date --utc`, `sudo date`: date(1) in its default format, nothing else on the line. */
const DATE_COMMAND = /^(?:sudo )?date(?: -u| --utc)?$/;
/** The local ISO time of one line of date(1)'s default output alone (no count after it), or undefined. */
export function dateLineAt(line: string): string | undefined {
  const d = dateOutput(line);
  return d && d.count === undefined ? d.at : undefined;
}

/** The time a lone `date` command printed, when it is one and printed that line alone. */
function loneDateAt(item: TranscriptItem): string | undefined {
  if (item.command === null || !DATE_COMMAND.test(item.command.trim())) return undefined;
  const printed = item.output.filter((o) => o.text.trim() !== '');
  return printed.length === 1 ? dateLineAt(printed[0].text) : undefined;
}

/**
 * Each lone `date` followed by a command: the date item is folded into the next, which is shown at
 * its time (unless it already says its own). A date followed by no command stays as it was.
 */
export function datedCommands(items: readonly TranscriptItem[]): TranscriptItem[] {
  const out: TranscriptItem[] = [];
  let pending: { item: TranscriptItem; at: string } | null = null;
  for (const item of items) {
    if (pending && item.command !== null && item.shownAt === undefined) {
      out.push({ ...item, shownAt: pending.at });
      pending = null;
      continue;
    }
    if (pending) out.push(pending.item);
    const at = loneDateAt(item);
    pending = at === undefined ? null : { item, at };
    if (at === undefined) out.push(item);
  }
  if (pending) out.push(pending.item);
  return out;
}
