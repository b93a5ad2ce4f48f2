// Inline code spans in a paste's prose: a sentence that quotes the command whose output follows,
// errors quoted in a sentence, a line that is one span, and a span a line break cut in two.
import { RAN_OUT, bareTraceEnd } from './bare-traces.js';
import { countsPerKey, isKnown, printsOneCount } from './known-commands.js';
import { isProseSentence } from './prose-line.js';

/** How a sentence ends that introduces the output below it: `… results in`, `… gives:`. */
const INTRODUCES = /(?:[:：]|\b(?:results? in|gives?|gave|shows?|showed|returns?|returned|outputs?|prints?|printed|got|yields?))\s*$/i;

/**
 * The command of a sentence that quotes one command this tool knows in a code span and ends
 * introducing what it printed (`stracing the pid with \`strace -f -p 1793\` (the php cmd) results
 * in`), or of a heading that quotes one (an issue template's ``### FD count (`lsof -p 88916`)``):
 * the block under it is that command's output. A sentence that goes on after the command (`I ran
 * \`ulimit -n\`. Here is the log:`) introduces something else.
 */
export function spanCommand(line: string): string | null {
  if (!line.includes('`') || !(INTRODUCES.test(line) || isMarkdownHeading(line))) return null;
  let found: { command: string; end: number } | null = null;
  for (const m of line.matchAll(CODE_SPAN)) {
    const span = m[1].trim();
    if (!/\s/.test(span) || !isKnown(span)) continue;
    if (found) return null;
    found = { command: span, end: (m.index ?? 0) + m[0].length };
  }
  if (!found || /[.!?]\s/.test(line.slice(found.end))) return null;
  return found.command;
}

/** An inline code span, at most a line's worth. */
export const CODE_SPAN = /`([^`\n]{1,1000})`/g;
/** At most this many spans of one line are read as quoted errors. */
const MAX_QUOTED_ERRORS = 4;

/** Words in double quotes (straight or curly), at most a line's worth. */
export const DOUBLE_QUOTED = /"([^"\n]{1,1000})"|“([^“”\n]{1,1000})”/g;

/**
 * Errors quoted in a sentence (`I am getting errors from sidekiq: \`Error fetching job: Too many open
 * files - getaddrinfo\``): each code span that says the process ran out, and says more than that
 * (the bare words, \`EMFILE\` alone, name the error, not a line of output), is a line of output of
 * its own. So is a log record quoted in double quotes — it opens with its time, which no sentence's
 * own words do (etcd#2743's `stops serving requests with "2015/04/22 03:59:10 http: Accept error:
 * accept tcp [::]:2379: too many open files; retrying in 1s"`). A line that is one quoted string and
 * nothing else (QUOTED_LINE), or one Markdown emphasis span and nothing else (apache/airflow#49887's
 * `**OSError: [Errno 24] Too many open files**` over the log it cut), or one Markdown list item of
 * plain text and nothing else (robfig/cron#269's `* pipe2 too many open files ` under the sentence
 * that says an error occurs), is that error whole, when it is no sentence of prose; so is the error a
 * Chinese, Japanese or Korean sentence ends with, glued to its words (cjkQuotedError).
 */
export function quotedErrors(line: string): string[] {
  // An emphasized line that quotes the error in a code span is a caption about it, not the error.
  const emphasized = emphasizedText(line);
  const whole = quotedLine(line) ?? (emphasized?.includes('`') ? undefined : emphasized) ?? listItem(line);
  if (whole !== undefined && quotesRanOut(whole) && !isProseSentence(whole)) return [whole];
  const cjk = cjkQuotedError(line);
  if (cjk !== undefined) return [cjk];
  const out: string[] = [];
  if (line.includes('`'))
    for (const m of line.matchAll(CODE_SPAN)) {
      const span = m[1].trim();
      if (!quotesRanOut(span)) continue;
      out.push(span);
      if (out.length >= MAX_QUOTED_ERRORS) return out;
    }
  if (line.includes('"') || line.includes('“'))
    for (const m of line.matchAll(DOUBLE_QUOTED)) {
      const quote = (m[1] ?? m[2]).trim();
      if (!timedLogRecord(quote)) continue;
      out.push(quote);
      if (out.length >= MAX_QUOTED_ERRORS) break;
    }
  return out;
}

/**
 * A line that is one quoted string and nothing else, in single or double quotes (straight or curly):
 * how a writer quotes an error without a code span — Locust's failure as Python's repr,
 * `'ConnectionError(MaxRetryError("HTTPConnectionPool(host=\'rewresnwww6ld\', port=80): … [Errno 24] Too
 * many open files)",),)'`. Its text is the quoted error; a quote inside it escaped or of the other kind.
 * Also in HTML's `&quot;` entities, as issues imported from Google Code keep them (gevent#18's
 * `&quot;[warn] accept_socket: bad accept: Too many open files&quot;`).
 */
// Matched against the line without its trailing blanks (a `\s*$` after the text's run would rescan it).
const QUOTED_LINE = /^\s{0,3}(?:'([^\n]{1,4000})'|"([^\n]{1,4000})"|“([^\n]{1,4000})”|‘([^\n]{1,4000})’|&quot;([^\n]{1,4000})&quot;)$/;

/**
 * A Markdown list item — `*`, `-` or `+` and a blank after it, indented three blanks at most — of
 * plain text: no code span (quotedErrors reads those) and no emphasis (a caption).
 */
const LIST_ITEM = /^ {0,3}[*+-] {1,4}([^\s*_`][^`\n]{0,3999})$/;

/** The text of a line that is one Markdown list item of plain text (see LIST_ITEM). */
function listItem(line: string): string | undefined {
  const m = LIST_ITEM.exec(line);
  if (!m) return undefined;
  const text = m[1].trim();
  return text === '' ? undefined : text;
}

/** The text of a line that is one quoted string and nothing else (see QUOTED_LINE). */
function quotedLine(line: string): string | undefined {
  const m = QUOTED_LINE.exec(line.trimEnd());
  if (!m) return undefined;
  const text = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]).trim();
  return text === '' ? undefined : text;
}

/**
 * Han, kana, Hangul, CJK punctuation and fullwidth forms: the letters of Chinese, Japanese and Korean
 * prose, which quotes a program's message with no quotes and no blank around it.
 */
const CJK = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]/;
/** A CJK sentence's full stop (or an ASCII one) after the quoted message. */
const CJK_STOP = /\s{0,3}[。．.]?\s{0,3}$/;
/** Longer lines are no sentence (as prose-line.ts's). */
const MAX_CJK_LINE = 600;

/**
 * The error a Chinese, Japanese or Korean sentence quotes at its end, glued to its words
 * (trumanwl.com: `今天在服务器用tail查看日志的时候,提示tail: inotify cannot be used, reverting to polling:
 * Too many open files。`): the text after the sentence's last CJK character, its full stop dropped,
 * when that text is a line of output of its own (bareLogRecord: perror's shape, or a timed record)
 * — a CJK sentence says its own words in CJK, so the ASCII run that ends it is the program's.
 */
export function cjkQuotedError(line: string): string | undefined {
  if (line.length > MAX_CJK_LINE) return undefined;
  const text = line.replace(CJK_STOP, '');
  let last = -1;
  for (let k = text.length - 1; k >= 0; k--) {
    if (CJK.test(text[k])) {
      last = k;
      break;
    }
  }
  if (last < 0) return undefined;
  const quoted = text.slice(last + 1).trim();
  return quoted !== '' && RAN_OUT.test(quoted) && bareLogRecord(quoted) ? quoted : undefined;
}

/**
 * The BEAM's (Erlang's, Elixir's) error term for it, the errno's atom in a tuple: `{error,emfile}`,
 * `{shutdown, emfile}`, `{:error, :emfile}` — the words an Erlang program's line quotes
 * (emqtt-bench's `client 98959 EXIT: {shutdown,emfile}`, emqx/emqtt-bench#46).
 */
const BEAM_TERM = /\{:?[a-z_]{1,30}, ?:?e[mn]file\}/;
const QUOTED_RAN_OUT = new RegExp(`${RAN_OUT.source}|${BEAM_TERM.source}`);

/** Whether a line says a process ran out: a log between backticks that close lines later opens so (transcript.ts). */
export function saysRanOut(line: string): boolean {
  return RAN_OUT.test(line);
}

/** A quoted error that says the process ran out, and says more than that (not `EMFILE` alone). */
function quotesRanOut(span: string): boolean {
  return QUOTED_RAN_OUT.test(span) && /[A-Za-z]{3}/.test(span.replace(QUOTED_RAN_OUT, ''));
}

/** One output pasted outside any block: its lines, numbered from 1. */
type BareOutput = { text: string; line: number }[];

/**
 * What a paste left outside any block says at line i, and the line after it (null: nothing): a log
 * record or a stack trace (bareLogRecord, bareTraceEnd) — its lines one output —, else the errors
 * quoted in code spans, each an output of its own: in a sentence or alone on the line (quotedErrors),
 * or in one span a line break cut in two (brokenSpan: Icinga's `` `[2014-08-14 12:22:16 +0200]
 * critical/ExternalCommandListener: … failed with error code 24, "Too many open files" `` with its
 * closing backtick alone on the next line). A fenced write-up reads the same spans (transcript.ts).
 */
export function bareOutputs(lines: readonly string[], i: number): { outputs: BareOutput[]; end: number } | null {
  const trace = bareTraceEnd(lines, i);
  if (bareLogRecord(lines[i]) || trace > i) {
    const end = Math.max(i + 1, trace);
    return { outputs: [lines.slice(i, end).map((text, k) => ({ text, line: i + k + 1 }))], end };
  }
  const broken = brokenSpan(lines, i);
  const quotes = broken === undefined ? quotedErrors(lines[i]) : [broken].filter(quotesRanOut);
  if (quotes.length === 0) return null;
  return { outputs: quotes.map((text) => [{ text, line: i + 1 }]), end: i + (broken === undefined ? 1 : 2) };
}

/**
 * A log record's time where a line opens: ISO (`2016-08-25 10:14:38`, compact `20160825T101438`; Go's
 * `log` writes its date with slashes, `2015/04/22 03:59:10`), or syslog's (`Aug 25 10:14:38`), or a time alone before a blank (Kodi's `12:55:52 T:140662057989888   ERROR: …`) or
 * before i2pd's thread and level (`21:33:19@911/info - NTCP: Connect error Too many open files`), after at most a bracket — also one that pads it, with a level
 * letter before the time (Phusion Passenger's `[ 2013-05-21 08:17:10.6723 25145/7fa8… ]: `, `[ E 2025-12-14 …`);
 * or glog's, its level's letter, the month and day, the time to the microsecond (`I0704 02:52:01.009138`).
 * A terminal program's frame may stand before it: k9s shows a pod's log inside a box, each line after
 * its border and a blank (fission#1858's `│ 2020/11/06 09:37:26 http: Accept error: … accept4: too many
 * open files; retrying in 5ms`, copied off the screen).
 */
const RECORD_TIME =
  /^\s{0,3}(?:[│┃] )?(?:\[ ?(?:[A-Z] )?)?(?:\d{4}(?:-?\d\d-?\d\d|\/\d\d\/\d\d)[T ]?\d\d:?\d\d:?\d\d|[A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d:\d\d|\d\d:\d\d:\d\d(?:[.,]\d{1,6})?(?: |@\d{1,12}\/)|[IWEF]\d{4} \d\d:\d\d:\d\d\.\d{6,9} )/;

/**
 * A log record pasted as plain text outside any block, above the commands of a paste (proxysql's
 * `20160825T101438.805110: [err] evsig_init: socketpair: Too many open files`): it opens with a
 * time, which prose never does, and says the process ran out. Or, with no time, perror(3)'s shape —
 * what failed, a colon, then strerror's text ending the line (webrtc-streamer's stderr, `Failed to
 * DESCRIBE: unable to create stream socket: Too many open files`, libevent's `[err]
 * evsignal_init: socketpair: Too many open files`), not indented and no sentence (prose-line.ts):
 * a sentence quotes the error inside it, or ends with its own full stop. Or node 0.x's error line
 * (NODE_UV_ERROR), or ZeroMQ's assertion (ZMQ_ERRNO_ASSERT). It is a line of output of its own.
 */
export function bareLogRecord(line: string): boolean {
  if (RECORD_TIME.test(line) || CLICKHOUSE_ERRNO.test(line)) return RAN_OUT.test(line);
  if (NODE_UV_ERROR.test(line) || ZMQ_ERRNO_ASSERT.test(line)) return true;
  if (line.length > MAX_PERROR || !PERROR_END.test(line) || isProseSentence(line)) return false;
  const at = line.search(/: [Tt]oo many open files/);
  // Go's lower-case text ends a chain of its wrapped errors (`accept unix …: accept4: too many open
  // files`): one colon alone is as likely a sentence (`we get this error: too many open files`).
  if (line[at + 2] === 't' && line.split(': ').length < 3) return false;
  // What failed is named in words (`socketpair`, `unable to create stream socket`), not a clock alone.
  return /[A-Za-z]{2}/.test(line.slice(0, at));
}

/**
 * ClickHouse's exception as its client, server log and HTTP replies print it, the error code first:
 * `Code: 76. DB::Exception: Received from localhost:9000, 127.0.0.1. DB::Exception: Cannot open file
 * /data/…/column.bin, errno: 24, strerror: Too many open files.` (also `DB::ErrnoException`); older
 * servers write the code with a comma and `e.displayText() = ` (`Code: 76, e.displayText() =
 * DB::ErrnoException: Cannot open file …`), and a message copied without its code opens with the
 * class (ClickHouse#8121's `DB::Exception: Cannot open file …/TI_verification_status.mrk, errno: 24,
 * strerror: Too many open files.`); prose never opens so. Read when it says the process ran out.
 */
const CLICKHOUSE_ERRNO = /^\s{0,3}(?:Code: \d{1,4}(?:\. |, e\.displayText\(\) = ))?DB::[A-Za-z]{0,40}Exception: /;

/**
 * Node 0.x's error for a failed call (libuv's code, a comma, its message or the call, the path in
 * quotes), the line its uncaught-exception report ends with: express#734's `Error: EMFILE, Too
 * many open files '/home/…/static/css/default.css'`, under `stream.js:99`, `throw er; …` and the
 * caret; `Error: EMFILE, open '/opt/…/package.json'`. Prose never opens with `Error: EMFILE,`.
 */
const NODE_UV_ERROR = /^(?:Uncaught )?Error: E[MN]FILE, [A-Za-z][A-Za-z ]{0,60}(?: '[^']{1,500}')?$/;

/**
 * ZeroMQ's `errno_assert`, the line it prints to stderr before it aborts: strerror's text, then the
 * source file and line that checked it (`Too many open files (src/epoll.cpp:38)`, docker-valhalla#176;
 * also `(src/signaler.cpp:…)`, `(bundled/zeromq/src/ip.cpp:…)`). Prose never names a C++ file in parentheses after it.
 */
const ZMQ_ERRNO_ASSERT = /^\s{0,3}Too many open files \([\w./-]{1,200}\.(?:cpp|hpp|cc|c):\d{1,6}\)\s{0,8}$/;

/** A log record that opens with its time and says the process ran out (prose never opens with a time). */
function timedLogRecord(line: string): boolean {
  return RECORD_TIME.test(line) && RAN_OUT.test(line);
}

/**
 * perror(3)'s line: a word or a bracketed tag first (`Failed`, `[err]`; not a blank, a digit — a
 * clock that opens no record —, a Markdown heading's `#` or a quote: a title quoting the error),
 * then `: ` and strerror(EMFILE or ENFILE) at its end — as C's libc words it, or Go's (lower case),
 * with net/http's `; retrying in 1s` after it when its server's accept fails (`http: Accept error:
 * accept unix /run/docker/plugins/vmdk.sock: accept4: too many open files; retrying in 1s`), or
 * the errno in parentheses, as OpenSIPS logs `strerror(errno)` and `errno` together. A syslog
 * record the paster cut before its tag opens with the program's path (opensips#3830's
 * `/sbin/opensips[2378548]: ERROR:rtpproxy:rtpproxy_io_new_callback: socket accept failed: Too
 * many open files(24)`).
 */
const PERROR_END = /^[A-Za-z[/].{0,300}\S: [Tt]oo many open files(?: in system)?(?:; retrying in \d{1,4}(?:\.\d{1,9})?m?s|\(\d{1,3}\))?$/;
const MAX_PERROR = 360;

/** A line that is one inline code span and nothing else (its delimiters one to three backticks). */
const INLINE_CODE_LINE = /^\s*(`{1,3})([^`]{1,4000})\1\s*$/;

/** The text of a line that is one inline code span and nothing else. */
export function inlineCode(line: string): string | undefined {
  return INLINE_CODE_LINE.exec(line)?.[2];
}

/**
 * Whether a line of the paste is one inline code span quoting an error that says a process ran out
 * (emissary#1317's `` `[2019-03-15 00:14:11.730][000182][critical][assert] … panic: listener accept
 * failure: Too many open files` `` between two lines of prose): Markdown a writer typed, so the file
 * is a write-up to split, not a log to read whole.
 */
export function hasQuotedErrorLine(lines: readonly string[]): boolean {
  return lines.some((line) => inlineCode(line) !== undefined && quotedErrors(line).length > 0);
}

/** At most this many lines of one run of code-span lines are read as one block. */
const MAX_SPAN_RUN = 200;

/**
 * Consecutive lines that are each one inline code span, from line i: a command and what it printed,
 * each set in its own span (`` `$ lsof | grep 31434 |wc -l` `` then `` `327756` ``), read as one
 * block. Fewer than two such lines is no run (empty).
 */
export function inlineCodeRun(lines: readonly string[], i: number): string[] {
  const run: string[] = [];
  for (let j = i; j < lines.length && run.length < MAX_SPAN_RUN; j++) {
    const code = inlineCode(lines[j]);
    if (code === undefined) break;
    run.push(code);
  }
  return run.length >= 2 ? run : [];
}

/**
 * Whether two consecutive lines are each one inline code span, or a span holds a prompt's command
 * and its output (`promptedSpan`): a write-up in Markdown, with no fence.
 */
export function hasCodeSpanRun(lines: readonly string[], prompted: (line: string) => boolean): boolean {
  for (let i = 0; i + 1 < lines.length; i++) {
    if (inlineCode(lines[i]) !== undefined && inlineCode(lines[i + 1]) !== undefined) return true;
    if (promptedSpan(lines, i, prompted).length > 0) return true;
  }
  return false;
}
/** Markdown's emphasis delimiters, longest first. */
const EMPHASIS = ['**', '__', '*', '_'] as const;

/**
 * The record of a line that is one Markdown emphasis span and nothing else, when what it holds
 * opens with a log record's time (ejabberd's line set in italics in an issue: `_2016-05-09
 * 13:22:45.901 [error] <0.397.0>@ejabberd_listener:accept:317 … Failed TCP accept: emfile_`):
 * the writer quoted a log line, and Markdown hid its delimiters. Prose in italics opens with no time.
 */
export function emphasizedRecord(line: string): string | undefined {
  const inner = emphasizedText(line);
  return inner !== undefined && RECORD_TIME.test(inner) ? inner : undefined;
}

/** What a line holds that is one Markdown emphasis span and nothing else (no blank inside its delimiters). */
function emphasizedText(line: string): string | undefined {
  const t = line.trim();
  const d = EMPHASIS.find((e) => t.length > 2 * e.length && t.startsWith(e) && t.endsWith(e));
  if (d === undefined) return undefined;
  const inner = t.slice(d.length, t.length - d.length);
  return inner.trim() === inner ? inner : undefined;
}

/** At most this many code spans of one line are read away as Markdown's. */
const MAX_LINE_SPANS = 8;

/**
 * The record of a line whose writer set words of a log record in inline code and left the rest
 * plain (gost#45's `` `I0704` 02:52:01.009138   26262 conn.go:79] accept tcp [::]:25: accept4: too
 * many open `files` ``): what Markdown renders, the backticks gone, when it opens with a log record's
 * time and says the process ran out. A sentence that quotes words in code opens with no time; a line
 * that is one span is read by inlineCode.
 */
export function spannedRecord(line: string): string | undefined {
  if (!line.includes('`') || inlineCode(line) !== undefined) return undefined;
  let spans = 0;
  const rendered = line.replace(CODE_SPAN, (_, inner: string) => {
    spans++;
    return inner;
  });
  if (spans === 0 || spans > MAX_LINE_SPANS || rendered.includes('`')) return undefined;
  const text = rendered.trim();
  return timedLogRecord(text) ? text : undefined;
}

/** A number and nothing else set in bold or italics (`**406**`, `_2_`): at most 15 digits. */
const EMPHASIZED_NUMBER = /^(\*\*|__|\*|_)(\d{1,15})\1$/;

/**
 * The lines with a count its writer set in bold or italics read as the count (moby#22117's `lsof |
 * grep java | grep typesafe.akka.akka-http-core | wc -l`, then `**406**` on the next line): a line
 * that is one emphasized number, right under a command that prints one count (at a prompt or not).
 * A number in bold anywhere else (a list's, a heading's) is left as it is.
 */
export function withEmphasizedCounts(lines: readonly string[], commandOf: (line: string) => string): string[] {
  return lines.map((line, i) => {
    const m = i > 0 ? EMPHASIZED_NUMBER.exec(line.trim()) : null;
    return m && printsOneCount(commandOf(lines[i - 1]).trim()) ? m[2] : line;
  });
}

/** A `uniq -c` row set in bold or italics (`**818 sock**`): a count, blanks, a key; bounded. */
const EMPHASIZED_ROW = /^(\*\*|__|\*|_)(\d{1,15} {1,8}\S.{0,300}?)\1$/;
/** A row as `uniq -c` prints it, its padding kept or lost by the paste (`    132 FIFO`, `68 unix`). */
const TALLY_ROW = /^\s*\d{1,15} +\S/;

/**
 * The rows of a `uniq -c` tally its writer set in bold or italics, read as rows (opensips#3830's
 * `lsof -p 2378548 | awk '{print $5}' | sort | uniq -c | sort -nr`, then `**818 sock**` above
 * `132 FIFO`, the row the writer wanted seen): a line that is one emphasized `count key`, in the
 * run of rows right under a command that runs `uniq -c`. A line in bold anywhere else is left as it is.
 */
export function withEmphasizedTallyRows(lines: readonly string[], commandOf: (line: string) => string): string[] {
  let inTally = false;
  return lines.map((line) => {
    const m = inTally ? EMPHASIZED_ROW.exec(line.trim()) : null;
    if (m) return m[2];
    if (inTally && TALLY_ROW.test(line)) return line;
    inTally = countsPerKey(commandOf(line).trim());
    return line;
  });
}

/** A code span opened on one line and left open, and the line that closes it and ends. */
const SPAN_OPENS = /^\s*`([^`]{1,4000})$/;
const SPAN_CLOSES = /^([^`]{0,4000})`\s*$/;

/**
 * A paragraph of two lines that is one code span cut by a line break (`` `lsof -n | … | head -1 ``,
 * then `` ` `` alone): the span's text, the break read as the blank Markdown renders.
 */
export function brokenSpan(lines: readonly string[], i: number): string | undefined {
  const cut = brokenSpanLines(lines, i);
  return cut === undefined ? undefined : `${cut[0]} ${cut[1]}`.trim();
}

/** The two lines of a span a line break cut in two (see brokenSpan), each without its backtick. */
export function brokenSpanLines(lines: readonly string[], i: number): [string, string] | undefined {
  const open = SPAN_OPENS.exec(lines[i]);
  const close = open && i + 1 < lines.length ? SPAN_CLOSES.exec(lines[i + 1]) : null;
  return open && close && `${open[1]}${close[1]}`.trim() !== '' ? [open[1], close[1]] : undefined;
}

/** What opens a span that holds a terminal's lines: a code span, or Markdown's strong emphasis. */
const SPAN_DELIMITERS = ['`', '**', '__'] as const;

/** The text after `d` when line opens a span with it and does not close it on the same line. */
function spanOpened(line: string, d: string): string | undefined {
  if (d === '`') return SPAN_OPENS.exec(line)?.[1];
  const t = line.trimStart();
  const rest = t.slice(d.length);
  return t.startsWith(d) && rest !== '' && !rest.includes(d) && rest.length <= 4000 ? rest : undefined;
}

/** The text before `d` when line closes a span with it and ends there. */
function spanClosed(line: string, d: string): string | undefined {
  if (d === '`') return SPAN_CLOSES.exec(line)?.[1];
  const t = line.trimEnd();
  const body = t.slice(0, t.length - d.length);
  return t.endsWith(d) && !body.includes(d) && body.length <= 4000 ? body : undefined;
}

/**
 * A code span that opens on a line holding a command at a prompt and closes on a later line
 * (jellyfin#965's `` `[root@Jellyfin ~]# netstat -punta | grep jellyfin | grep CLOSE_WAIT | wc -l ``,
 * then `` 84` ``): a terminal's lines pasted between two backticks. Markdown renders them as one
 * line, but the breaks are the terminal's — the command's line, then what it printed —, so they are
 * read as a block. So are lines set in bold the same way (zdns#151's `**[root@localhost tscan]# pgrep
 * zdns`, … `  47608 28114**`). The span's lines without its delimiters; empty when line i opens no such span.
 */
export function promptedSpan(lines: readonly string[], i: number, prompted: (line: string) => boolean): string[] {
  for (const d of SPAN_DELIMITERS) {
    const open = spanOpened(lines[i], d);
    // A command the break cuts after a pipe, a `\` or `&&` goes on on the next line: a wrap, not output.
    if (open === undefined || !prompted(open) || /(?:\||\\|&&)\s*$/.test(open)) continue;
    const out = [open];
    for (let j = i + 1; j < lines.length && out.length < MAX_SPAN_RUN; j++) {
      const close = spanClosed(lines[j], d);
      if (close !== undefined) return [...out, close];
      if (lines[j].includes(d)) return [];
      // A blank line ends a paragraph, and with it any span left open: Markdown shows a delimiter
      // nobody closed as it is, so the lines are the terminal's all the same, a stray mark before
      // the prompt (beats#673's `` `[root]# ls -l /proc/30458/fd `` over its rows, the copy ending
      // before any closing backtick).
      if (lines[j].trim() === '') return leftOpen(out);
      out.push(lines[j]);
    }
    return out.length < MAX_SPAN_RUN ? leftOpen(out) : [];
  }
  return [];
}

/** The lines of a span at a prompt that its paragraph ended without closing: the prompt's line and what it printed. */
function leftOpen(out: string[]): string[] {
  return out.length >= 2 ? out : [];
}

/** `# Title`, `### Section`: a Markdown ATX heading — a write-up's title or section, never a tool's output line. */
const MARKDOWN_HEADING = /^#{1,6} \S/;

export function isMarkdownHeading(line: string): boolean {
  return MARKDOWN_HEADING.test(line);
}
