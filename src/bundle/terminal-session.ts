// A terminal session's lines split into items, one per command: a prompt starts one, and what
// follows until the next prompt is its output — in a code block or a quote, also a block's first
// line without a prompt; in a paste of paragraphs, a paragraph headed by a command. transcript.ts
// finds the sessions in a paste (fences, quotes, code spans) and hands each here.

import { journalTailFollows } from './status-tail.js';
import { bareOutputs } from './code-spans.js';
import { isBoldHeading, isProseSentence, isThreadTurnHeader, isValediction, startsProseParagraph } from './prose-line.js';
import { isLeadIn, isProseLeadIn } from './lead-in.js';
import { bareFdRowsEnd, isBareFdLinkRow, isBareLsofFdRow } from './bare-fd-rows.js';
import { isCommandLine, isOneValue, printsOneCount, printsOneValue } from './known-commands.js';
import { isStderrLine } from './stderr-notices.js';
import { countLines } from './timed-count.js';
import { commentedCount, inlineResult, listedResult } from './inline-result.js';
import { listingUnderElidedCount } from './elided-count.js';
import { promptCommand } from './prompts.js';
import { inDir, isBareCdIntoProc, promptDir, underSilentCd } from './prompt-dir.js';
import { afterSeenPrompt, promptsSeen } from './seen-prompts.js';
import { watchedAt } from './watch-screens.js';
import { bannerFile, splitsAtBanner } from './banners.js';

export interface TranscriptItem {
  /** null for a code block with output but no command (an excerpt pasted on its own). */
  command: string | null;
  /** Line number of the command (or of the first output line when there is none). */
  commandLine: number;
  /** Output lines with their line numbers in the transcript. */
  output: { text: string; line: number }[];
  /** When the output was shown, when the item says so (a `watch` screen's header): local time, ISO. */
  shownAt?: string;
}

/** A prompt with nothing typed after it (the shell waiting, pasted at the end of a block): it ends the command's output. */
const BARE_PROMPT =
  /^(?:\^C)?(?:\([\w.-]{1,40}\) )?(?:\[[^\]\n]{1,80}\][$#]|(?:I have no name!|[\w.-]{1,40})@[\w.-]{1,64}(?::[^\s$#]{0,200})?\s?[$#]|❯|±|\$)\s*$/;

/** A line that reads as a command without a prompt (Markdown code blocks only). */
export function looksLikeCommand(line: string): boolean {
  // Output is indented; a command pasted with a space or two before it is still one.
  if (/^(?:\s{3}|\t)/.test(line)) return false;
  if (!isCommandLine(line)) return false;
  // top's own header (`top - 10:00:01 up 3 days, ...`) is output.
  if (/^top - \d/.test(line)) return false;
  // "ps auxww | grep 4684" yes; "cat: /x: No such file" no; nor a table's row whose first column
  // names a program and whose second, after the gap of aligned columns, is a number (lsof's
  // `top     26575 default    5r  REG ...`, top's own pid rows).
  return !/^\S+:/.test(line.trimStart()) && !/^\S+ {2,}\d+\s/.test(line.trimStart());
}

/**
 * The line above `i` is a paragraph's first line: a caption of what follows (`Process ID of the
 * dockerd  - 31550`, then the command and its output under it, no blank line between).
 */
export function captionAbove(lines: readonly string[], from: number, i: number): boolean {
  return i - 1 >= from && lines[i - 1].trim() !== '' && (i - 1 === from || lines[i - 2].trim() === '');
}

export interface Quotes {
  quoted(i: number): boolean;
  /** The first line of a quote (or of a paragraph in one). */
  start(i: number): boolean;
}

/**
 * Items of a terminal session: a prompt starts one. In a code block or a quote, a block's first
 * line may be a command without a prompt, and lines before any command are an item of their own
 * (an output pasted without its command); a quote's item ends with the quote.
 */
export function splitTerminal(
  lines: readonly string[],
  from: number,
  to: number,
  inCodeBlock: boolean,
  quotes: Quotes,
  paragraphs = false,
): TranscriptItem[] {
  const items: TranscriptItem[] = [];
  let current: TranscriptItem | null = null;
  let inQuote = false;
  let previousBlank = true;
  let dir: string | null = null;
  /** The item a banner naming a file opened: the next banner of any text ends it. */
  let bannered: TranscriptItem | null = null;
  const seen = promptsSeen(lines.slice(from, to), promptCommand);
  let loose: ReturnType<typeof bareOutputs> = null;
  for (let i = from; i < to; i++) {
    const text = lines[i];
    const line = i + 1;
    const quoted = quotes.quoted(i);
    // A command quoted alone keeps the unquoted output after it.
    if (inQuote && !quoted && current && current.output.length > 0) {
      items.push(current);
      current = null;
    }
    inQuote = quoted;
    // A paste of paragraphs (see hasBareCommands): a paragraph's first line may be a command, and
    // its output ends with the paragraph (the prose after it is no output) — not a `systemctl
    // status` whose journal tail follows the blank.
    const tail = current !== null && journalTailFollows(current.command, lines[i + 1]);
    if (paragraphs && !quoted && text.trim() === '' && current && current.output.length > 0 && !tail) {
      items.push(current);
      current = null;
    }
    // A terminal paste left outside a code block ends at a blank line under which prose goes on
    // (prose-line.ts; a sentence a mail wrapped over lines too; a lead-in of plain words captioning
    // the next prompt, `A few seconds later:`), a mail's closing (`Regards,`, the name under it), or the
    // header of an issue thread's next turn (`rgerhards · comment · 2022-05-25`), or a bold heading of
    // an imported issue's template (`<b>What version of the product are you using? …</b>`): none of it
    // is the command's output.
    if (
      !inCodeBlock &&
      !quoted &&
      previousBlank &&
      current &&
      current.output.length > 0 &&
      (startsProseParagraph(lines, i, to) ||
        captionsNextCommand(lines, i, to) ||
        isValediction(lines[i]) ||
        isThreadTurnHeader(lines[i]) ||
        isBoldHeading(lines[i]))
    ) {
      items.push(current);
      current = null;
    }
    // A mail's or a tracker comment's whole text pasted as one block (OpenGrok Bugzilla #19215:
    // `Each search is leaking 6 additional … descriptors …`, `The opened file descriptors look like
    // this:`, then the `ls -l` rows): its paragraphs of sentences end at the blank line under them,
    // an item of their own, and the lines below are an output of theirs.
    if (inCodeBlock && previousBlank && text.trim() !== '' && current?.command === null && isProseOnly(current)) {
      items.push(current);
      current = null;
    }
    // In a paste of paragraphs, a command may also sit under a caption line that opened no item.
    const underCaption: boolean = paragraphs && !quoted && current === null && captionAbove(lines, from, i);
    const blockStart: boolean = ((inCodeBlock || paragraphs) && (i === from || previousBlank)) || quotes.start(i) || underCaption;
    const heading: string | null = paragraphs && !quoted && previousBlank && i + 1 < to ? fileHeading(text, lines[i + 1]) : null;
    // A `cd` typed without a prompt, and the command typed under it (prompt-dir.ts); in a paste of
    // paragraphs, a command right under another's one value (`ulimit -Hn`, `4096`, `ulimit -Sn`);
    // in a code block, likewise under the one value of a command that prints one (tmux#1356's
    // fence of `ulimit -Sn`, `65535`, `ulimit -Hn`, ` 65535`, no prompts).
    const open = current as TranscriptItem | null;
    const bare: boolean =
      blockStart ||
      isBareCdIntoProc(text) ||
      (open !== null &&
        (underSilentCd(open.command, open.output.length) ||
          (paragraphs && isOneValue(open.output)) ||
          (inCodeBlock && open.command !== null && printsOneValue(open.command) && isOneValue(open.output))));
    const command: string | null =
      promptCommand(text) ?? afterSeenPrompt(text, seen) ?? (bare && looksLikeCommand(text) ? text.trim() : heading);
    const listed: { command: string; result: string } | null = command === null && !inCodeBlock ? listedResult(text) : null;
    if (listed !== null) {
      // `* lsof | wc -l = 26662`: a list item noting a counting command and its count (inline-result.ts).
      if (current) items.push(current);
      current = { command: inDir(listed.command, dir), commandLine: line, output: [{ text: listed.result, line }] };
    } else if (command !== null) {
      if (current) items.push(current);
      dir = promptDir(text) ?? dir;
      const cd: string | undefined = /^cd\s+(\/\S{0,200})$/.exec(command)?.[1];
      if (cd) dir = cd;
      current = { command: inDir(command, dir), commandLine: line, output: [] };
      // `# lsof -p 35957 | wc -l => 150`: the count written on the command's line is its output.
      const noted = inlineResult(current.command!);
      if (noted) current = { command: noted.command, commandLine: line, output: [{ text: noted.result, line }] };
      const shownAt = watchedAt(text.trimStart());
      if (shownAt) current.shownAt = shownAt;
    } else if (BARE_PROMPT.test(text)) {
      if (current) items.push(current);
      current = null;
    } else if (current && current.output.length === 0 && openLoop(current.command)) {
      // A loop typed over several lines (`$ while true; do`, then its body, then `done`): one command.
      current.command = `${current.command}${current.command!.endsWith('do') ? ' ' : '; '}${text.trim()}`;
    } else if (current && current.output.length === 0 && /^sudo\s/.test(current.command ?? '') && SUDO_PASSWORD.test(text.trim())) {
      // sudo's password prompt, printed before what the command printed, is none of its output.
    } else if (current && splitsAtBanner(current, bannered, text)) {
      // A script's banner over a file's content (banners.ts): `cat FILE` until the next banner; a
      // command whose whole output is such files (`head /proc/1/limits /proc/2/limits`) is theirs.
      if (current.output.some((o) => o.text.trim() !== '')) items.push(current);
      const file = bannerFile(text);
      current = { command: file === null ? null : `cat ${file}`, commandLine: line, output: [] };
      bannered = file === null ? null : current;
    } else if (current && listingUnderElidedCount(current.command, current.output, text) !== null) {
      // `ls -l /proc/1405/fd | wc -l`, `...`, then rows: the listing the count counted (elided-count.ts).
      current.command = listingUnderElidedCount(current.command, current.output, text);
      current.output.push({ text, line });
    } else if (current && !counted(current)) {
      current.output.push({ text, line });
      // `pwd` says where the shell stands: an `ls` of no path after it lists that folder.
      if (current.command === 'pwd' && /^\/proc\/\d+(?:\/fd)?\/?$/.test(text.trim())) dir = text.trim();
    } else if (current === null && !inCodeBlock && !quoted && (loose = bareOutputs(lines, i)) !== null) {
      // A log line, a stack trace or an error quoted in a code span, pasted as plain text before the
      // commands (no prompt, no block): an output of its own.
      for (const output of loose.outputs) items.push({ command: null, commandLine: line, output });
      i = loose.end - 1;
    } else if (current === null && !inCodeBlock && !quoted && isBareLsofFdRow(text)) {
      // lsof rows pasted as plain text under no command (rockstor-core#1656: `lsof give this`, then
      // one gunicorn row of a host-wide lsof): a listing of their own, up to the first line that is none.
      const end = Math.min(to, bareFdRowsEnd(lines, i));
      items.push({ command: null, commandLine: line, output: lines.slice(i, end).map((t, k) => ({ text: t, line: line + k })) });
      i = end - 1;
    } else if (current === null && !inCodeBlock && !quoted && isBareFdLinkRow(text)) {
      // `ls -l` rows of an fd folder pasted as plain text under no command: a listing of their own.
      current = { command: null, commandLine: line, output: [{ text, line }] };
    } else if ((inCodeBlock || quoted || current) && text.trim() !== '') {
      // After a count's one line, the lines below are another output pasted without its command.
      if (current) items.push(current);
      current = { command: null, commandLine: line, output: [{ text, line }] };
    }
    // A shell comment over a block's first command (`# 4.3.2.1 is a backend server`, then `sudo ss
    // -tp state CLOSE-WAIT dst 4.3.2.1`) is its caption: the command under it still opens the block.
    previousBlank = text.trim() === '' || (blockStart && command === null && COMMENT.test(text));
  }
  if (current) items.push(current);
  return items.map(trimTrailingBlank);
}

/** A mail's opening paragraphs above its output are a few lines; past this many the block is all prose. */
const MAX_OPENING_PROSE = 60;

/**
 * Whether `lines[i]` is a lead-in of plain words (lead-in.ts) right over a prompted command: a
 * caption of the next command (supervisor#1704's `A few seconds later:` over its second `ls`),
 * none of the output above it. A lead-in over more output (`and said the listing was full of
 * entries like these:` over lsof rows) introduces lines that belong with that output.
 */
function captionsNextCommand(lines: readonly string[], i: number, to: number): boolean {
  return i + 1 < to && isProseLeadIn(lines[i]) && promptCommand(lines[i + 1]) !== null;
}

/**
 * Whether an item's lines are all sentences of prose or sentences leading into what follows (blank
 * lines aside). Asked at every blank line of a block: a long item is never checked again (a hostile
 * block of sentences and blanks would cost its length at each).
 */
function isProseOnly(item: TranscriptItem): boolean {
  if (item.output.length > MAX_OPENING_PROSE) return false;
  const lines = item.output.filter((o) => o.text.trim() !== '');
  return lines.length > 0 && lines.every((o) => isProseSentence(o.text) || isLeadIn(o.text));
}

/** A line that is one absolute path and nothing else (a colon may end it, as a sentence's would). */
const PATH_LINE = /^(\/[\w.@+/-]{1,400}):?$/;

/**
 * In a paste of paragraphs, a file's name on a line of its own with lines under it heads that
 * file's content (`/usr/logtool/shared/log/sidekiq.log`, then the log's lines): the paragraph reads
 * as `cat` of it, so its lines are read and the file is known by its path. Not a folder of the
 * kernel's (/proc, /sys, /dev: what `pwd` prints), nor a path with nothing under it.
 */
function fileHeading(line: string, next: string): string | null {
  const path = PATH_LINE.exec(line)?.[1];
  if (!path || next.trim() === '' || /^\/(?:proc|sys|dev)(?:\/|$)/.test(path) || path.endsWith('/')) return null;
  return `cat ${path}`;
}

/**
 * A command that prints one count (`... | wc -l`, `... | wc`, `grep -c PATTERN FILE`) and has printed it: its
 * output is that one line (after date's, when it runs `date` first), so the lines after it are not its output.
 */
function counted(item: TranscriptItem): boolean {
  // What its programs wrote to stderr (netstat's notice, `ls: cannot access …`) is printed beside the count.
  // Asked at every line of an output: the command first, and no further than the count's lines
  // (a loop's long output read again at each line took time quadratic in its length).
  if (item.command === null || !printsOneCount(item.command)) return false;
  const lines = countLines(item.command);
  let printed = 0;
  for (const o of item.output) if (o.text.trim() !== '' && !isStderrLine(o.text, item.command) && ++printed >= lines) return true;
  return false;
}

/**
 * Blank lines end no output; nor do shell comments (`# 看哪个对端连接没关`) typed after it, before
 * the next command: a caption of what comes next. A comment alone stays (it may be all there is),
 * and so does one that holds a count alone (`# 524288`): the result written under its command.
 */
function trimTrailingBlank(item: TranscriptItem): TranscriptItem {
  const out = item.output.slice();
  const trailing = (t: string) => t.trim() === '' || (COMMENT.test(t) && promptCommand(t) === null && commentedCount(t) === undefined);
  const trim = () => {
    while (out.length > 0 && trailing(out[out.length - 1].text) && out.some((o) => !trailing(o.text))) out.pop();
  };
  trim();
  // A line of marks set apart by a blank line (`--------` between a reporter's commands) divides
  // the paste; it is no row of the output. Marks right under the rows may say rows were cut.
  if (out.length >= 2 && SEPARATOR.test(out[out.length - 1].text) && out[out.length - 2].text.trim() === '') {
    out.pop();
    trim();
  }
  return { ...item, output: out };
}

/** sudo's prompt for the user's password: `Password:` (macOS, BSD), `[sudo] password for ann:` (Linux). */
const SUDO_PASSWORD = /^(?:\[sudo\] password for [^\s:]{1,64}|Password):$/;

/** A line of one mark repeated (`--------`, `=====`, `*****`): a divider. Not dots (an elision). */
const SEPARATOR = /^\s{0,8}(?:-{3,80}|={3,80}|_{3,80}|\*{3,80}|~{3,80})\s{0,8}$/;

/** A shell comment on a line of its own. */
const COMMENT = /^\s*#(?:\s|$)/;

/**
 * A loop whose first line was typed (`while true; do`, `for i in 1 2 3; do`) and whose `done` was
 * not yet — also one a pipeline feeds (`lsof -n | awk '{print $2}' | sort | uniq -c | while read
 * count pid; do`, its body and `done` on the lines under it).
 */
function openLoop(command: string | null): boolean {
  return command !== null && /(?:^|\|\s{0,8})(?:while|for|until)\s/.test(command) && !/(?:^|[;\s])done\b/.test(command);
}
