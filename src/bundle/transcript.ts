// Splits a pasted terminal session or a Markdown write-up into one item per command.
//   Terminal:  `$ cmd`, `# cmd`, `[user@host dir]$ cmd`, `user@host:~$ cmd` start an item.
//   Markdown:  only fenced code blocks count; a block's first line is a command when it has a
//              prompt or starts with a known command word; inside a block, a command line after a
//              blank line starts the next item (the seed write-up puts two commands in one block);
//              a block of output alone, a few lines below a block holding only a command, is its output;
//              a line that is one code span is a block of one line; a paragraph that is a
//              command at a prompt (`$ lsof -p 1 | wc -l`) is a block holding only that command;
//              an error quoted in a sentence (`... sidekiq: \`... Too many open files ...\``) is a
//              line of output of its own.
//   Plain:     neither prompts nor fences (outputs pasted as paragraphs): a paragraph whose first
//              line — or second, under a caption line — starts with a known command word and whose
//              next line is not blank is that command and its output.
// Item lines keep their line numbers in the original file, so citations point into it. Each
// terminal session found is split by terminal-session.ts.

import { bareFdRowsEnd } from './bare-fd-rows.js';
import { bareTraceEnd } from './bare-traces.js';
import { FENCE } from './fences.js';
import { withChainedCommands } from './chained-commands.js';
import {
  bareOutputs,
  brokenSpan,
  brokenSpanLines,
  emphasizedRecord,
  spannedRecord,
  withEmphasizedCounts,
  withEmphasizedTallyRows,
  hasCodeSpanRun,
  hasQuotedErrorLine,
  inlineCode,
  inlineCodeRun,
  saysRanOut,
  promptedSpan,
  isMarkdownHeading,
  quotedErrors,
  spanCommand,
} from './code-spans.js';
import { withCountedRows } from './counted-rows.js';
import { dedent, indentedCodeEnd, isIndentedWriteUp, pasteIndents, withoutCodeIndent } from './indented-code.js';
import { unrowConsoleTable } from './console-rows.js';
import { unindentGoTestLog } from './go-test-log.js';
import { unprefixBuildkitSteps } from './buildkit-progress.js';
import { isLeadIn } from './lead-in.js';
import { withCommentedResults } from './commented-results.js';
import { withJoinedGrepRows } from './joined-grep-row.js';
import { withLoopCounts } from './loop-counts.js';
import { isBareCommand, isKnown, printsOneCount } from './known-commands.js';
import { listedResult } from './inline-result.js';
import { withSavedOutputs } from './saved-outputs.js';
import { withShellVariables } from './shell-variables.js';
import { PROMPT, promptCommand, withoutStrongPrompt } from './prompts.js';
import { appendAll } from '../many-values.js';
import { preTagsAsFences } from './html-pre.js';
import { tracBlocksAsFences } from './trac-blocks.js';
import { hasSpanOutput, spanOutputEnd, spanOutputLines } from './span-output.js';
import { type Quotes, type TranscriptItem, captionAbove, looksLikeCommand, splitTerminal } from './terminal-session.js';
import { quotedTaskScript } from './task-report.js';

/**
 * Where reading a transcript stops: the line of its (max + 1)-th command line — a fence, a line at
 * a prompt, or a paragraph headed by a command, each of which may open an item —, null when it has
 * no more. The text is walked line by line, never split whole, so a file of a million one-line
 * commands costs what its first `max` do (the split after it builds objects for every line).
 */
export function commandLinesCut(text: string, max: number): { offset: number; line: number } | null {
  let seen = 0;
  let blankBefore = true;
  for (let start = 0, n = 1; start < text.length; n++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end > start && text[end - 1] === '\r' ? end - 1 : end);
    const opens = FENCE.test(line) || promptCommand(line) !== null || (blankBefore && looksLikeCommand(line));
    if (opens && ++seen > max) return { offset: start, line: n };
    blankBefore = line.trim() === '';
    start = end + 1;
  }
  return null;
}

/** A table's row as a fence's info: a first field, then a run of blanks padding it to the next column. */
const TABLE_ROW_INFO = /^[^\s`]{1,64} {2,}\S/;
/** A log record as a fence's info: a time of day, first or after a first word (glog's `E1113 13:57:33.678032 …`, a date). */
const LOG_RECORD_INFO = /^(?:\S{1,40} )?\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:\s|$)/;

export function isMarkdown(lines: readonly string[]): boolean {
  let fences = 0;
  for (const l of lines) if (FENCE.test(l)) fences++;
  return fences >= 2;
}

/**
 * Splits a transcript into items. Lines quoted as a Markdown blockquote (`> ...`, how a reply on an
 * issue thread quotes a paste) are read without their `>`; the first line of a quote may be a
 * command without a prompt, as the first line of a code block may.
 */
export function splitTranscript(pasted: readonly string[]): TranscriptItem[] {
  // A web page's text keeps its non-breaking spaces (`&nbsp;`): blanks to every reader.
  const unspaced = tracBlocksAsFences(preTagsAsFences(pasted.map((l) => l.replace(NBSP, ' '))));
  // A count set in bold under its command (`**406**`) is the count.
  // So is a row of a `uniq -c` tally set in bold (`**818 sock**`) a row of it.
  const commandOf = (l: string) => promptCommand(l.replace(QUOTE, '')) ?? l.replace(QUOTE, '');
  const lines = withEmphasizedTallyRows(withEmphasizedCounts(unspaced, commandOf), commandOf);
  // Lazy continuation lines count only in a fenced write-up, where a line outside fences and quotes
  // is a paragraph; a paste without fences already reads the lines under a quoted command as its
  // output, prose and all (siddhi-io-http#92: `>lsof -p 7921 | wc -l`, `351`, `step3: …`).
  const fencedText = isMarkdown(lines.map((l) => l.replace(QUOTE, '')));
  const isQuoted = fencedText ? lazilyQuoted(lines, (l) => promptCommand(l) !== null) : lines.map((l) => QUOTE.test(l));
  const text = lines.map((l, i) => (isQuoted[i] ? l.replace(QUOTE, '') : l));
  const quotes: Quotes = {
    quoted: (i) => isQuoted[i],
    start: (i) => isQuoted[i] && (i === 0 || !isQuoted[i - 1] || text[i - 1].trim() === ''),
  };
  const isPrompt = (l: string) => promptCommand(l) !== null;
  const fenced = fencedText;
  // A line that is one code span quoting an error that says a process ran out is Markdown a writer
  // typed: the paste is a write-up, each other line that is one span an output of its own (Vault's
  // log line, then a paragraph, then the one lsof row it quotes: hashicorp/vault#3633).
  // A command typed as a one-line code span with its output pasted under it (span-output.ts) is Markdown too.
  const markdown =
    fenced ||
    isIndentedWriteUp(text, isPrompt) ||
    hasCodeSpanRun(text, isPrompt) ||
    hasQuotedErrorLine(text) ||
    hasSpanOutput(text, isPrompt);
  const plain = markdown ? null : withoutCodeIndent(text);
  const items =
    plain === null
      ? splitMarkdown(text, quotes, fenced ? undefined : pasteIndents(text, isPrompt))
      : splitTerminal(plain, 0, plain.length, false, quotes, !hasPrompt(plain) && hasBareCommands(plain));
  // The same reading of the items, however they were split: results written as comments, rows under
  // a count, a loop's several counts, shell variables, outputs saved to a file and read back, and a
  // grep's pattern a mirror site's copy joined to its first row, split back.
  return withSavedOutputs(
    withShellVariables(withLoopCounts(withCountedRows(withChainedCommands(withCommentedResults(withJoinedGrepRows(items)))))),
  );
}

/**
 * A paste without prompts or fences (a comment whose outputs were not put in a code block: the
 * command on a line of its own, its output under it, a blank line, the next command): a paragraph
 * whose first line reads as a command and whose next line is not blank.
 */
export function hasBareCommands(lines: readonly string[]): boolean {
  // A failed task's script quoted in a workflow engine's report (task-report.ts) is no command typed.
  const script = quotedTaskScript(lines);
  for (let i = 0; i + 1 < lines.length; i++) {
    if (script[i]) continue;
    const head = i === 0 || lines[i - 1].trim() === '' || (captionAbove(lines, 0, i) && !looksLikeCommand(lines[i - 1]));
    if (head && lines[i + 1].trim() !== '' && looksLikeCommand(lines[i])) return true;
  }
  return false;
}

/**
 * The lines of a write-up with its code spans' backticks dropped, line for line: a line that is one
 * code span reads as what it holds, and so does a span a line break cut in two
 * (laravel/framework#29756's lsof row `` `php     6282     root    5u     sock … can't identify
 * protocol `` with its closing backtick alone on the next line, which then reads as what it holds
 * before that backtick). A fenced write-up reads the same spans (splitMarkdown).
 */
function spanText(lines: string[]): string[] {
  for (let i = 0; i < lines.length; i++) {
    // A log pasted between two backticks that close lines later, its first record saying a process
    // ran out (ClickHouse#4355's `<Error> … Too many open files` records): its lines without them.
    const logged = promptedSpan(lines, i, saysRanOut);
    if (logged.length > 0) {
      lines.splice(i, logged.length, ...logged);
      i += logged.length - 1;
      continue;
    }
    const cut = brokenSpanLines(lines, i);
    if (cut) {
      [lines[i], lines[i + 1]] = cut;
      i++;
    } else lines[i] = inlineCode(lines[i]) ?? lines[i];
  }
  return lines;
}

/**
 * A write-up pasted as plain text (no prompts, no fences, no commands heading paragraphs: a web
 * page's text, where the command sat inside a sentence): each paragraph is an item of its own, an
 * output pasted without its command. Only for a file nothing reads as a whole.
 */
export function splitParagraphs(text: readonly string[]): TranscriptItem[] {
  // A log record set in italics or bold (`_2016-05-09 13:22:45.901 [error] …_`) is read as the record;
  // a line that is one code span, or a span a line break cut in two, as what it holds (spanText).
  // A line quoted as a Markdown blockquote is read without its `>`, as splitTranscript reads it: an
  // issue's text quoting the one lsof row it shows (aws-codebuild-jenkins-plugin#55's `> java 11801
  // jenkins 572w REG … source.zip (deleted)`).
  const lines = spanText(withoutCodeIndent(text.map((l) => l.replace(QUOTE, ''))).map((l) => emphasizedRecord(l) ?? spannedRecord(l) ?? l));
  const items: TranscriptItem[] = [];
  let current: TranscriptItem | null = null;
  for (let i = 0; i < lines.length; i++) {
    // A Markdown heading interrupts a paragraph, as it renders (a migrated tracker issue's `####
    // Environment` right under the lsof rows it ends): it is an item of its own, and so are the
    // lines under it.
    const heading = isMarkdownHeading(lines[i]);
    if (lines[i].trim() === '' || (heading && current)) {
      if (current) items.push(current);
      current = null;
    }
    if (lines[i].trim() === '') continue;
    if (current) current.output.push({ text: lines[i], line: i + 1 });
    else current = { command: null, commandLine: i + 1, output: [{ text: lines[i], line: i + 1 }] };
    if (heading) {
      items.push(current);
      current = null;
    }
  }
  if (current) items.push(current);
  // A sentence leading into the lines under it (`… is full of;`) is no line of their output.
  for (const it of items) if (it.output.length >= 2 && isLeadIn(it.output[0].text)) it.output.shift();
  // A Markdown heading alone in its paragraph (`# blackbox_exporter: "accept4: too many open files"`)
  // is the write-up's title, not an output line: a root prompt before a command is read above.
  return items.filter((it) => !(it.output.length === 1 && isMarkdownHeading(it.output[0].text)));
}

/** Whether any of the lines (quoted or not) is a command at a prompt. */
export function hasPrompt(lines: readonly string[]): boolean {
  return lines.some((l) => promptCommand(l) !== null || (QUOTE.test(l) && promptCommand(l.replace(QUOTE, '')) !== null));
}

/**
 * Which lines a blockquote holds: those marked `>`, and Markdown's lazy continuation lines — a
 * line of text right under a quoted line of text, without its own `>`, still belongs to the quote
 * (envoy#2685's reply `>ulimit -n` with `65536` under it: GitHub shows both quoted, the command and
 * its output). A blank line, a fence or a heading ends the quote.
 */
function lazilyQuoted(lines: readonly string[], isPrompt: (line: string) => boolean): boolean[] {
  const quoted: boolean[] = [];
  // Inside a code fence Markdown quotes nothing: a `> ` before a command this tool knows is typed
  // there, a prompt's sign (passenger#1325's `> lsof | grep -i passenger-error | wc -l`, `495` under
  // it, after `> ab -n 1000 …`), read as a prompt; other `> ` lines stay a pasted mail's quote.
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (FENCE.test(l)) fenced = !fenced;
    else if (fenced && isPrompt(l)) {
      quoted.push(false);
      continue;
    }
    const lazy =
      i > 0 &&
      quoted[i - 1] &&
      lines[i - 1].replace(QUOTE, '').trim() !== '' &&
      !FENCE.test(lines[i - 1].replace(QUOTE, '')) &&
      l.trim() !== '' &&
      !FENCE.test(l) &&
      !/^#{1,6} /.test(l);
    quoted.push(QUOTE.test(l) || lazy);
  }
  return quoted;
}

/** `> text` (and `>text`, but not `>>`): one level of blockquote. A bare `> cmd` prompt stays a prompt. */
const QUOTE = /^> ?(?!>)/;
/** U+00A0, the no-break space an HTML page writes for `&nbsp;`. */
const NBSP = /\u00a0/g;

/**
 * What a tool or a paste wrapped around a code block's lines, taken off in place before they are
 * split into commands: a common indent, a console table's row frame, `go test`'s record indent,
 * BuildKit's step prefix.
 */
function unwrapBlock(view: string[], from: number, to: number): void {
  dedent(view, from, to);
  unrowConsoleTable(view, from, to);
  unindentGoTestLog(view, from, to);
  unprefixBuildkitSteps(view, from, to);
}

/** Fenced code blocks, and quotes outside them (a fence inside a quote is read as a fence). */
/**
 * A quote's lines, read as a paste; a quoted line that is one code span quoting an error that says a
 * process ran out is a block of one line, as the same line unquoted is, the quote split around it
 * (a reply quoting a sentence wrapped around the error: `> … sayakaさんを動かしていたら`,
 * ``> `show_image: fetch_image failed: Too many open files` ``, `> で失敗し続けている…`; read whole, the
 * sentence's first line took the quote as its command's output).
 */
function splitQuote(lines: readonly string[], unspanned: readonly string[], from: number, to: number, quotes: Quotes): TranscriptItem[] {
  const out: TranscriptItem[] = [];
  let start = from;
  for (let k = from; k < to; k++) {
    if (inlineCode(lines[k]) === undefined || quotedErrors(lines[k]).length === 0) continue;
    if (k > start) appendAll(out, splitTerminal(unspanned, start, k, false, quotes));
    appendAll(
      out,
      splitTerminal([unspanned[k]], 0, 1, true, { quoted: () => false, start: () => false }).map((it) => at(it, k)),
    );
    start = k + 1;
  }
  if (to > start) appendAll(out, splitTerminal(unspanned, start, to, false, quotes));
  return out;
}

function splitMarkdown(lines: readonly string[], quotes: Quotes, indents?: ReadonlySet<string>): TranscriptItem[] {
  const items: TranscriptItem[] = [];
  // Blocks are read dedented: one copy of the lines, changed block by block.
  const view = lines.slice();
  let open: { start: number; marker: string } | null = null;
  let quoteFrom = -1;
  // A quoted line that is one code span (a reply quoting a log line: `` > `[…][WARN ][env] …` ``)
  // reads as what the span holds, as the same line unquoted does.
  const unspanned = lines.map((l, i) => (quotes.quoted(i) ? (inlineCode(l) ?? l) : l));
  const endQuote = (i: number) => {
    if (quoteFrom >= 0) appendAll(items, splitQuote(lines, unspanned, quoteFrom, i, quotes));
    quoteFrom = -1;
  };
  for (let i = 0; i < lines.length; i++) {
    const m = FENCE.exec(lines[i]);
    if (!m) {
      if (!open && quotes.quoted(i) && quoteFrom < 0) quoteFrom = i;
      else if (!open && !quotes.quoted(i)) {
        endQuote(i);
        // Markdown's other code block, four blanks or a tab before every line of a paragraph (a
        // thread mixes both: `    OSError: [Errno 24] Too many open files` under a sentence).
        const indented = indentedCodeEnd(lines, i, (l) => promptCommand(l) !== null, indents);
        if (indented > i) {
          unwrapBlock(view, i, indented);
          items.push(...splitTerminal(view, i, indented, true, quotes));
          i = indented - 1;
          continue;
        }
        // A counting command noted with its count on its line (`` - `ls /proc/1/fd | wc -l` = 1024 ``: inline-result.ts).
        const noted = listedResult(lines[i]);
        if (noted) {
          items.push({ command: noted.command, commandLine: i + 1, output: [{ text: noted.result, line: i + 1 }] });
          continue;
        }
        // A command typed as a one-line code span, its output a paragraph under it (span-output.ts).
        const pasted = spanOutputEnd(lines, i, (l) => promptCommand(l) !== null);
        if (pasted > i) {
          const run = spanOutputLines(lines, i, pasted);
          for (const it of splitTerminal(run, 0, run.length, true, { quoted: () => false, start: () => false }))
            items.push(shifted({ ...it, output: it.output.filter((o) => o.text.trim() !== '') }, i));
          i = pasted - 1;
          continue;
        }
        const spanned = promptedSpan(lines, i, (l) => promptCommand(l) !== null);
        const broken = spanned.length === 0 ? brokenSpan(lines, i) : undefined;
        const run = spanned.length > 0 ? spanned : broken === undefined ? inlineCodeRun(lines, i) : [];
        if (run.length > 0) {
          for (const it of splitTerminal(run, 0, run.length, true, { quoted: () => false, start: () => false })) items.push(shifted(it, i));
          i += run.length - 1;
          continue;
        }
        const code = broken ?? inlineCode(lines[i]) ?? emphasizedRecord(lines[i]) ?? spannedRecord(lines[i]);
        // A line that is one code span (`OSError: [Errno 24] Too many open files`) is a block of one line;
        // so is a span a line break cuts in two (Markdown renders the break as a blank), and a log
        // record set in italics or bold.
        if (code !== undefined) {
          appendAll(
            items,
            splitTerminal([code], 0, 1, true, { quoted: () => false, start: () => false }).map((it) => at(it, i)),
          );
          if (broken !== undefined) i++;
          continue;
        }
        // fd rows left outside the fences (lsof's or `ls -l`'s, under a sentence): a listing of their own.
        const rows = bareFdRowsEnd(lines, i);
        if (rows > i) {
          items.push({ command: null, commandLine: i + 1, output: lines.slice(i, rows).map((text, k) => ({ text, line: i + k + 1 })) });
          i = rows - 1;
          continue;
        }
        // A Java or .NET stack trace left outside the fences (the trace unfenced, the code under it fenced).
        const trace = bareTraceEnd(lines, i);
        if (trace > i) {
          const output = lines.slice(i, trace).map((text, k) => ({ text, line: i + k + 1 }));
          items.push({ command: null, commandLine: i + 1, output });
          i = trace - 1;
          continue;
        }
        // A paragraph that is a command at a prompt (`$ lsof -p 6245 | grep CLOSE_WAIT | wc -l`) is a
        // block holding only that command: the block of output under it is its output.
        const prompted = proseCommand(lines[i]);
        const end = prompted !== null && !lines[i].trimEnd().endsWith(':') ? pasteEnd(lines, i, quotes) : i + 1;
        // A terminal paste left outside the fences (`$ lsof -u admin | wc -l`, then `358` on the
        // next line): the paragraph reads as a session, its output under its command.
        if (end > i + 1) {
          appendAll(items, splitTerminal(lines, i, end, false, quotes));
          i = end - 1;
          continue;
        }
        // A count left under the fence of its command (```` ```bash ````, `find … | wc -l`, ```` ``` ````, then `182`).
        const count = countUnderCommand(items, lines, i);
        if (count) {
          items.push(count);
          continue;
        }
        const command = prompted ?? spanCommand(lines[i]) ?? bareCommandAboveBlock(lines, i);
        if (command !== null) items.push({ command, commandLine: i + 1, output: [] });
        // A log record left outside the fences (the log unfenced, the code under it fenced), or errors
        // a sentence quotes: each a line of output of its own.
        else
          appendAll(
            items,
            (bareOutputs(lines, i)?.outputs ?? []).map((output) => ({ command: null, commandLine: i + 1, output })),
          );
      }
      continue;
    }
    endQuote(i);
    if (!open) {
      // A prompt typed on the fence line itself (```` ```root@host:/app# lsof | wc -l ````, no line
      // break after the backticks; Markdown hides it as the block's language): the block's first line.
      // So is a table's row typed there, its first column padded to the next (lsof's ```` ```sccache
      // 6576            ubuntu    3u  REG … ````, mozilla/sccache#1855): no language tag has such a run.
      // So is a log record typed there, a time of day after its first word (yugabyte-db#2932's
      // ```` ```E1113 13:57:33.678032 141832192 ts_tablet_manager.cc:1137] … ````): no tag holds a time.
      const info = lines[i].slice(m[0].length).trim();
      const typed = info !== '' && (promptCommand(info) !== null || TABLE_ROW_INFO.test(info) || LOG_RECORD_INFO.test(info));
      if (typed) view[i] = info;
      open = { start: typed ? i : i + 1, marker: m[1] };
    } else if (m[1] === open.marker) {
      unwrapBlock(view, open.start, i);
      appendAll(items, splitTerminal(view, open.start, i, true, quotes));
      open = null;
    }
  }
  endQuote(lines.length);
  if (open) {
    unwrapBlock(view, open.start, lines.length);
    appendAll(items, splitTerminal(view, open.start, lines.length, true, quotes));
  }
  return joinCommandBlocks(items);
}

/**
 * A number alone on its line, a paragraph of its own just under a block holding only a command that
 * prints one count (k0s#8113: ```` ```bash ```` `find /proc/…/fd -lname 'anon_inode:inotify' | wc -l`
 * ```` ``` ````, then `182`): that command's output, left outside its fence.
 */
function countUnderCommand(items: readonly TranscriptItem[], lines: readonly string[], i: number): TranscriptItem | null {
  if (!/^\s{0,3}\d{1,15}\s{0,8}$/.test(lines[i])) return null;
  if (i + 1 < lines.length && lines[i + 1].trim() !== '' && !FENCE.test(lines[i + 1])) return null;
  const previous = items[items.length - 1];
  if (!previous?.command || previous.output.length > 0 || !printsOneCount(previous.command)) return null;
  if (i + 1 - previous.commandLine > OUTPUT_BLOCK_GAP) return null;
  return { command: null, commandLine: i + 1, output: [{ text: lines[i], line: i + 1 }] };
}

/** Where the paragraph a prompt line starts ends: at a blank line, a fence or a quote. */
function pasteEnd(lines: readonly string[], start: number, quotes: Quotes): number {
  let end = start + 1;
  while (end < lines.length && lines[end].trim() !== '' && !FENCE.test(lines[end]) && !quotes.quoted(end)) end++;
  return end;
}

/** How far below a block holding only a command the block of its output may start (a sentence or two between). */
const OUTPUT_BLOCK_GAP = 8;

/**
 * A write-up often shows the command in one block and, after a line of prose ("and got:"), its
 * output in the next: the output block, which names no command of its own, is that command's.
 */
function joinCommandBlocks(items: TranscriptItem[]): TranscriptItem[] {
  const out: TranscriptItem[] = [];
  for (const item of items) {
    const previous = out[out.length - 1];
    if (
      item.command === null &&
      previous?.command !== null &&
      previous?.output.length === 0 &&
      item.commandLine - previous.commandLine <= OUTPUT_BLOCK_GAP
    ) {
      out[out.length - 1] = { ...previous, output: item.output };
    } else {
      out.push(item);
    }
  }
  return out;
}

/**
 * The command of a paragraph that is one command at a prompt (`$ netstat -an | ... | uniq -c:`),
 * without the colon a sentence puts before what it introduces. Only a command this tool knows: a
 * paragraph is prose first.
 */
function proseCommand(text: string): string | null {
  // Outside a block, `# ` opens a heading and `> ` a quote; a prompt set in bold is read without its asterisks.
  if (/^[#>]/.test(text)) return null;
  const line = withoutStrongPrompt(text);
  const command = promptCommand(line);
  if (command === null || !isKnown(command)) return null;
  // A prompt of another shape counts when its sign ends it (macOS bash's `localhost:~ $ `): a word
  // before the command is a sentence (`Run lsof -p 1`), not a prompt.
  const at = line.indexOf(command);
  return PROMPT.test(line) || (at > 0 && /[$#%>❯]\s{0,4}$/.test(line.slice(0, at))) ? withoutColon(command) : null;
}

/**
 * A paragraph of one line that is a command without a prompt, right above a fenced block
 * (`ps -ef |grep 8588`, then ```` ``` ````): the command whose output the block is.
 */
function bareCommandAboveBlock(lines: readonly string[], i: number): string | null {
  if (i > 0 && lines[i - 1].trim() !== '') return null;
  if (!FENCE.test(lines[i + 1] ?? '') || !isBareCommand(lines[i])) return null;
  return lines[i].trim();
}

/** A block read from lines cut out at index: its line numbers put back where they were. */
function shifted(item: TranscriptItem, index: number): TranscriptItem {
  return { ...item, commandLine: item.commandLine + index, output: item.output.map((o) => ({ ...o, line: o.line + index })) };
}

/** An item split from one line alone, moved to that line's place in the transcript. */
function at(item: TranscriptItem, index: number): TranscriptItem {
  return { ...item, commandLine: index + 1, output: item.output.map((o) => ({ ...o, line: index + 1 })) };
}

/**
 * A writer's mark pointing back at what precedes it: `←`, `<<<<<`, `＜＜＜`, `<----`, `<==`; and the
 * one-dash `<-` after two blanks or more, before a blank (`65536      <- what compose set`): a note
 * set apart from the value (a log's `a <- b` keeps its one blank).
 */
const BACK_MARK = /[\s\u3000](?:←|<{3,}|＜|<[-=]{2,})|\s{2}<-(?=\s)/;

/**
 * A note a writer added after an output line (`12000 12345 ← 主要是 PID 12345`, `"fd_used": 4070,
 * <<<<<<`, `10:00:30 58241 # 半分钟涨 7 个`): the line without it. Not a line that starts with the
 * mark (koa's `  <-- GET /`). No tool prints such a mark after a value; a ` # ` is a note only
 * after a count or a timed sample (numbers, times, dates), never inside a row or a log line
 * (`worker # 3 failed: Too many open files` keeps its message).
 */
export function withoutAnnotation(text: string): string {
  const mark = BACK_MARK.exec(text);
  const cut = mark && text.slice(0, mark.index).trim() !== '' ? text.slice(0, mark.index) : text;
  const hash = / # \S/.exec(cut);
  const before = hash ? cut.slice(0, hash.index) : '';
  return (hash && /^[\d\s:.,/-]{1,60}$/.test(before) && /\d/.test(before) ? before : cut).trimEnd();
}

/** `$ lsof -p 6245 | wc -l:` as a sentence ends it: the command without its colon. */
function withoutColon(command: string): string {
  return command.endsWith(':') ? command.slice(0, -1).trimEnd() : command;
}
