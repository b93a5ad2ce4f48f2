// Commands chained on one command line, each printing its output in turn:
//   $ date && sudo lsof -i -a -p 1927 | wc -l && sudo lsof -i -a -p 1927 | tail -n 1
//   Thursday 5 April  16:03:39 AEST 2018
//   727
//   loraserve 1927 loraserver  729u  IPv4  73013      0t0  TCP localhost:40698->localhost:6379 (ESTABLISHED)
// A count prints one line (after date's, when `date` runs first: timed-count.ts), and so does a query
// of the one open-files limit (`ulimit -Hn && ulimit -Sn`, `98304`, `98304`), so the lines are
// dealt to the commands in order: one item per count, the last command's item the rest. Only when
// every command but the last prints a known number of lines; else the item is left whole.

import { splitOutsideQuotes } from '../shell.js';
import { printsOneValue } from './known-commands.js';
import { isStderrLine } from './stderr-notices.js';
import { countLines, datesFirst } from './timed-count.js';

interface Item {
  command: string | null;
  commandLine: number;
  output: { text: string; line: number }[];
}

/**
 * `sleep 5; ls /proc/643/fd | wc -l`, `sleep 10 && lsof -p 42 | wc -l`: a pause typed before the
 * command, to run it again a while later. sleep prints nothing, so the output is the command's.
 */
const SLEEP_FIRST = /^sleep\s{1,4}\d{1,6}(?:\.\d{1,3})?[smhd]?\s{0,4}(?:;|&&)\s{0,4}(?=\S)/;

/** The command typed after a `sleep N;` before it; the command itself when there is none. */
export function withoutSleepFirst(command: string): string {
  const trimmed = command.trimStart();
  const m = SLEEP_FIRST.exec(trimmed);
  return m ? trimmed.slice(m[0].length) : command;
}

/** More commands than this on one line are read as one item. */
const MAX_CHAINED = 8;

/** `;` or `&&`: the length of the one at i, else 0 (`||` is found as its own mark: no chain then). */
function chainMark(text: string, i: number): number {
  if (text[i] === ';') return 1;
  return text[i] === '&' && text[i + 1] === '&' ? 2 : 0;
}

/**
 * The commands of a chain, `date` kept with the command it times (`date && lsof -p 1 | wc -l`):
 * each but the last a count or a query of the one open-files limit (`ulimit -Hn`). Null when the line
 * is one command, or a command's lines are unknown.
 */
export function chainedCounts(command: string): string[] | null {
  if (command.includes('||')) return null;
  const parts = splitOutsideQuotes(command, chainMark, MAX_CHAINED + 1).map((p) => p.trim());
  if (parts.length < 2 || parts.length > MAX_CHAINED || parts.some((p) => p === '')) return null;
  const groups: string[] = [];
  let pending = '';
  for (const part of parts) {
    const joined = pending === '' ? part : `${pending} && ${part}`;
    if (!part.includes('|') && datesFirst(`${part};`)) pending = joined;
    else {
      groups.push(joined);
      pending = '';
    }
  }
  if (pending !== '' || groups.length < 2) return null;
  return groups.slice(0, -1).every(printsOneValue) ? groups : null;
}

/**
 * Items whose command chains counts before a last command, split into one item per command. When
 * every command is a count, the item ends at the first count's line and the next counts' lines
 * were split off as an output of no command (`ls /proc/1/fd | wc -l && lsof -p 1 | wc -l`, `812`,
 * `840`): that item's lines are the chain's too.
 */
export function withChainedCommands<T extends Item>(items: T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const typed = items[i];
    const command = typed.command === null ? null : withoutSleepFirst(typed.command);
    const item = command === typed.command ? typed : { ...typed, command };
    const groups = command === null ? null : chainedCounts(command);
    if (groups === null) {
      out.push(item);
      continue;
    }
    const next = items[i + 1];
    const allCounts = printsOneValue(groups[groups.length - 1]);
    const joined = allCounts && next !== undefined && next.command === null ? { ...item, output: [...item.output, ...next.output] } : item;
    const split = dealLines(joined, groups, allCounts);
    if (split === null) out.push(item);
    else {
      out.push(...split);
      if (joined !== item) i++;
    }
  }
  return out;
}

/**
 * The item's lines dealt to its commands, a count's lines to it, the rest to the last command — or,
 * when it is a count too, to an item of no command. Null when a count's lines are not all there.
 */
function dealLines<T extends Item>(item: T, groups: string[], allCounts: boolean): T[] | null {
  const out: T[] = [];
  let at = 0;
  for (const [i, command] of groups.entries()) {
    if (i === groups.length - 1 && !allCounts) {
      out.push({ ...item, command, output: item.output.slice(at) });
      return out;
    }
    // What the count's programs write to stderr (lsof's warnings) is printed beside its number.
    const lines: { text: string; line: number }[] = [];
    const want = countLines(command);
    let printed = 0;
    while (at < item.output.length && printed < want) {
      const o = item.output[at++];
      if (o.text.trim() === '') continue;
      lines.push(o);
      if (!isStderrLine(o.text, command)) printed++;
    }
    if (printed < want) return null;
    out.push({ ...item, command, output: lines });
  }
  const rest = item.output.slice(at);
  if (rest.some((o) => o.text.trim() !== '')) out.push({ ...item, command: null, commandLine: rest[0].line, output: rest });
  return out;
}
