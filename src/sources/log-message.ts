// What a log line says, without who wrote it and when: the message fdleak quotes for where a
// process ran out (a journal's or a writer's prefix, a record's time and header left out; a
// sentence's quote of the error, when a reporter pasted it inside prose).
import type { ExhaustionLine } from './app-log.js';
import { exceptionRanOut } from './ran-out-shapes.js';
import { afterChromiumHeader } from './chromium-log.js';
import { EXHAUSTION } from './exhaustion-text.js';
import { CODE_SPAN, DOUBLE_QUOTED } from '../bundle/code-spans.js';
import { isProseSentence } from '../bundle/prose-line.js';
import {
  afterCephHeader,
  bracketPid,
  kernelRecord,
  cephDumpMark,
  syslogSource,
  withoutServicePrefix,
  withoutWriterPrefix,
} from './log-pids.js';
import { afterLogcatHeader } from './logcat-log.js';
import { afterEnvoyHeader, afterGlusterHeader, afterLogfmtHeader, headerStamp, parseStamp } from './log-stamps.js';

/**
 * The line to quote for where a log says it ran out: its first EMFILE line that opens a record (a
 * time, a syslog or writer prefix), else its first exception head line (`java.io.FileNotFoundException:
 * … (Too many open files)`: the runtime's own report, not a sentence about it), else its first line
 * that is no sentence of prose (a tutorial's `Scenario: Your application log displays the error
 * message “Too many Open Files“. …` only tells of the lines under it), else its first. A first line
 * another output ran into — a progress message printed without its newline, `Wallet: scanned to
 * height 95350...2017/05/01 22:47:38 http: Accept error: … too many open files` — quotes that output too.
 */
export function quotedExhaustion(samples: readonly ExhaustionLine[], errno: 'EMFILE' | 'ENFILE' = 'EMFILE'): ExhaustionLine | undefined {
  const lines = samples.filter((x) => x.errno === errno && x.ev.text);
  return (
    lines.find((x) => opensRecord(x.ev.text!)) ??
    lines.find((x) => exceptionRanOut(x.ev.text!)) ??
    lines.find((x) => !isProseSentence(x.ev.text!)) ??
    lines[0]
  );
}

/**
 * logrus's text format on a terminal: a four-letter level and the seconds since the program
 * started, `WARN[0052] Proxy[DIRECT] connect … socket: too many open files` (Go programs: clash,
 * docker's CLI, …).
 */
const LOGRUS_SHORT = /^(?:TRAC|DEBU|INFO|WARN|ERRO|FATA|PANI)\[\d{4,10}\] /;

/** The line opens a log record: a time, a syslog prefix, a bracketed pid or logrus's level before its message. */
export function opensRecord(text: string): boolean {
  return (
    syslogSource(text) !== null ||
    bracketPid(text) !== null ||
    kernelRecord(text) ||
    LOGRUS_SHORT.test(text) ||
    parseStamp(withoutServicePrefix(text)) !== null
  );
}

/** A log line without its leading timestamp: `[ERROR] [ChannelManager] Error when ...`. */
export function logMessage(text: string): string {
  // A journal's `Dec 01 10:00:01 host myapp[2211]: ` says who and when, not what.
  const { rest: whole, timeCut } = withoutWriterPrefix(quotedError(text) ?? text);
  // A logfmt record's `level=… ts=… caller=…` after it says the same.
  if (timeCut) return afterLogfmtHeader(whole.trim());
  // A Ceph crash dump's `   -7> ` before the record's own time.
  const rest = afterChromiumHeader(whole.slice(cephDumpMark(whole)));
  const s = parseStamp(rest) ?? headerStamp(rest);
  const header = s ? afterGlusterHeader(afterEnvoyHeader(afterCephHeader(afterLogcatHeader(s.rest)))) : afterLogcatHeader(rest);
  return beforeEscapedFrames(afterLogfmtHeader(header.trim()));
}

/** The escaped line break and tab a JSON log writer puts before each frame of a trace it stores as one string. */
const ESCAPED_FRAME_BREAK = '\\n\\t';

/**
 * A record a JSON log writer escaped (`java.io.FileNotFoundException: … (Too many open
 * files)\n\tat java.io.RandomAccessFile.open(Native Method)\n\t…`, RxNetty#316): its message is the
 * exception's line, up to the first escaped break — when that line already says it ran out.
 */
function beforeEscapedFrames(message: string): string {
  const cut = message.indexOf(ESCAPED_FRAME_BREAK);
  if (cut <= 0) return message;
  const head = message.slice(0, cut).trimEnd();
  return EXHAUSTION.test(head) ? head : message;
}

/** An inline code span, or words in double quotes (straight or curly): what a sentence quotes. */
const INLINE_SPAN = new RegExp(`${CODE_SPAN.source}|${DOUBLE_QUOTED.source}`, 'g');
/** logfmt's `key="value"`: a record's field, not a sentence's quote. */
const LOGFMT_FIELD = /\w="/;

/**
 * A sentence that quotes the error as inline code, the way issues report one (`Every ~2-3 days I
 * am getting … from `upssched`: `upssched[<pid>]: accept on unix fd failed: Too many open files`.`):
 * the first span that says it ran out. Undefined when none does (`upssched` alone names a program).
 */
function quotedError(text: string): string | undefined {
  // Double quotes in a record (stamped, or logfmt's fields) hold its parts (`(Errcode: 24 "Too many
  // open files")`); in a sentence, the error it reports (cinnamon#1635's `it says, "Failed to create
  // pipe … (Too many open files)"`), when the quote is more than the error's name.
  const sentence = !LOGFMT_FIELD.test(text) && (parseStamp(text) ?? headerStamp(text)) === null;
  for (const m of text.matchAll(INLINE_SPAN)) {
    const quoted = m[1] ?? (sentence ? (m[2] ?? m[3]) : undefined);
    if (quoted === undefined || (m[1] === undefined && quoted.trim().split(/\s+/).length < 5)) continue;
    if (m[0].length < text.trim().length && EXHAUSTION.test(quoted)) return quoted;
  }
  return undefined;
}
