// Whether an entry is a program's log, and how sure: the shapes of its lines (stamped records with
// a level, syslog and journal lines, exception frames, lines that say the process ran out of fds, a
// tool's report of fds it was started with) and the command that printed it (`tail -n 20
// nohup.out`, `fdleak collect`'s copy of a log the process holds open). app-log.ts reads what it
// finds.
import { TERMINAL_WRAP_WIDTH } from '../text.js';
import type { DetectInput } from './parser.js';
import { npmLogLine } from './npm-debug-log.js';
import { someErrorReportRanOut } from './error-report-lines.js';
import { isKeptOutputPipeReport, isStrayFdReport, lxcClosedInheritedFd } from './stray-fd-report.js';
import { leakCheckReport } from './leak-check-report.js';
import { MONGOSH_WARNING, ownLimitReport } from './log-limits.js';
import { redisLogoLine } from './redis-log.js';
import { EXHAUSTION } from './exhaustion-text.js';
import { bracketPid, composeService, levelFirst, syslogShaped, syslogSource, withoutServicePrefix } from './log-pids.js';
import { isStackLine } from './stack-lines.js';
import { nginxOpenSocketLeft } from './nginx-open-sockets.js';
import { cxxTerminateRanOut, goPanicRanOut, nodeCrashEnd, nodeInspectedRanOut } from './crash-reports.js';
import { headerStamp, levelOf, parseStamp } from './log-stamps.js';
import { jsonRecordStamp } from './json-log-records.js';
import { ownFdCountReport } from './log-fd-counts.js';
import {
  beamReportRanOut,
  causeChainRanOut,
  componentTagged,
  diagnosticRanOut,
  diedAfterRanOut,
  errnoRanOut,
  exceptionRanOut,
  wrappedExceptionRanOut,
  firstRecordRanOut,
  lastOutputLine,
  magickExceptionRanOut,
  perrorLine,
} from './ran-out-shapes.js';

/** How much the first lines look like a log: stamped records with a level, syslog lines, exceptions, EMFILE reports. */
function detectFormat(lines: string[]): number {
  let records = 0;
  let exceptions = 0;
  let syslog = 0;
  let exhausted = 0;
  let stray = 0;
  for (const l of lines) {
    const s = parseStamp(l) ?? headerStamp(l);
    if (EXHAUSTION.test(l)) exhausted++;
    if (isStrayFdReport(l) || isKeptOutputPipeReport(l) || lxcClosedInheritedFd(l) >= 0 || nginxOpenSocketLeft(l) || leakCheckReport(l))
      stray++;
    // A structured logger's JSON record (slog, pino, winston) carries its time and level as fields;
    // a stamped stats line that reports the writer's own fd count is a record with no level word
    // (SGLang's debug print `08:46:46  batch_set_v1: open_fds=167   keys=16`, log-fd-counts.ts).
    if ((s && (s.level ?? levelOf(s.rest))) || (!s && jsonRecordStamp(l) !== undefined) || (s && ownFdCountReport(l))) records++;
    else if (syslogShaped(l) || levelFirst(l) || npmLogLine(l)) syslog++;
    // A relay's prefix (a Ray driver's `(pid=raylet) `, compose's `web_1  | `) is not the frame's.
    else if (isStackLine(withoutServicePrefix(l))) exceptions++;
  }
  // Redis's start-up logo sits among its records: no line of its own kind, none of another's.
  const counted = lines.length - lines.filter(redisLogoLine).length;
  const share = counted <= 0 ? 0 : (records + exceptions + syslog) / counted;
  if (records + syslog >= 2 && share >= 0.8) return 0.9;
  if (records + syslog >= 2 && share >= 0.5) return 0.6;
  // A few pasted lines that say "too many open files" (and the stack trace under one), or one
  // such record wrapped over the lines under it (none of them stamped): weaker than any parser
  // that knows the output.
  const wrapped = firstRecordRanOut(lines) && records + syslog <= 1;
  // A line that names the program that ran out (`systemd: x.service: … Too many open files`) says
  // it among any other output pasted with it; so does one `docker compose logs` relayed under its
  // service's prefix (`prosody-1  | socket  warn  server.lua: Disallowed FD number: 1024` among
  // nginx's lines of the `web` service).
  const tagged = lines.some((l) => EXHAUSTION.test(l) && ((syslogSource(l) ?? bracketPid(l)) !== null || composeService(l) !== null));
  // A stamped line with no level that says it ran out (Go's `log`: `2021/01/26 11:48:41 too many
  // open files`) among a program's other output; or a writer's record whose header holds its level
  // (i2pd's `21:33:19@911/info - NTCP: Connect error Too many open files` between a reporter's own
  // lines).
  // Also such a record wrapped at a terminal's width, its text under the line that holds the stamp.
  const stamped = lines.some((l, i) => EXHAUSTION.test(l) && (isStamped(l) || wrappedUnderStamp(lines, i)));
  // A program's output that ends with the error that stopped it (lepd's trace of the command it ran,
  // then `Cannot open /proc/stat: Too many open files`): the last line says it ran out — under
  // `docker compose up`, the last before compose's own `web exited with code 1`.
  const end = lastOutputLine(lines);
  const last = end !== undefined && EXHAUSTION.test(end);
  // A C daemon's stderr of perror() reports only, one saying it ran out (memcached's
  // `getpeername: Transport endpoint is not connected`, `accept4(): Too many open files`).
  const perrors = exhausted > 0 && lines.every(perrorLine);
  // A runtime's report of the error that stopped it (crash-reports.ts): Node's, ended by its version;
  // Go's panic with its goroutines' stacks.
  // Or one the shell said died on the line under its error (ran-out-shapes.ts).
  const crash =
    nodeCrashEnd(end) ||
    goPanicRanOut(lines, (l) => EXHAUSTION.test(l)) ||
    cxxTerminateRanOut(lines, (l) => EXHAUSTION.test(l)) ||
    diedAfterRanOut(lines, (l) => EXHAUSTION.test(l));
  if (
    exhausted > 0 &&
    (wrapped ||
      tagged ||
      stamped ||
      last ||
      perrors ||
      crash ||
      componentTagged(lines) ||
      beamReportRanOut(lines) ||
      lines.some(causeChainRanOut) ||
      lines.some(exceptionRanOut) ||
      lines.some(magickExceptionRanOut) ||
      wrappedExceptionRanOut(lines) ||
      lines.some(errnoRanOut) ||
      lines.some(diagnosticRanOut) ||
      lines.some((l) => nodeInspectedRanOut(l, (x) => EXHAUSTION.test(x))) ||
      someErrorReportRanOut(lines) ||
      exhausted + exceptions >= lines.length * 0.5)
  )
    return 0.35;
  // A tool's stderr with its report of the fds it was started with (LVM's warning), Jenkins's of
  // a step's pipe kept open, a leak checker's of fds a test left open: as weak.
  return stray > 0 ? 0.35 : 0;
}

function isStamped(line: string): boolean {
  return (parseStamp(line) ?? headerStamp(line)) !== null;
}

/**
 * Whether line i is the rest of a stamped record the paste wrapped at its terminal's width
 * (pyflow's `[2020-11-12T11:15:24.094486Z] [host] [4015_1] [makeLocusGraph_…-(end)` over
 * `00] /…/hs37d5_all_chr.fasta.fai: Too many open files`): no stamp of its own, no indent (a
 * frame's), and the line above stamped and at least a terminal's width long.
 */
export function wrappedUnderStamp(lines: readonly string[], i: number): boolean {
  const above = lines[i - 1];
  const line = lines[i];
  if (i < 1 || above === undefined || line === undefined || /^\s/.test(line)) return false;
  return above.length >= TERMINAL_WRAP_WIDTH && !isStamped(line) && isStamped(above);
}

/** `fdleak collect`'s copy of a log the process holds open: `tail -c 16384 -- /tmp/app/app.log`. */
const COLLECTED_LOG = /^tail -c \d{1,12} -- \S/;

/**
 * A command that prints a program's output file: `tail -n 20 nohup.out`, `cat server.log`,
 * `less /var/log/app/error.log` — its last word a file named `.log`, `.out` (nohup's `nohup.out`),
 * `.err`; no pipe or redirection.
 */
export function readsLogFile(command: string | undefined): boolean {
  if (command === undefined || /[|;&<>]/.test(command)) return false;
  const words = command.trim().split(/\s+/);
  const at = words[0] === 'sudo' ? 1 : 0;
  const file = words[words.length - 1];
  return words.length > at + 1 && PRINTERS.has(words[at]) && !file.startsWith('-') && LOG_NAME.test(file);
}
const PRINTERS = new Set(['tail', 'cat', 'head', 'less', 'more']);
/**
 * Elasticsearch's line over the checks it failed at start: on the console `ERROR: [1] bootstrap checks
 * failed`, in its log (5.5+, under `node validation exception`) `[1] bootstrap checks failed`.
 */
const BOOTSTRAP_FAILED = /^\s{0,8}(?:ERROR: (?:\[\d{1,4}\] )?|\[\d{1,4}\] )bootstrap checks failed\b/;
const LOG_NAME = /\.(?:log|out|err)$/;

/** How much an entry looks like a program's log (detect of app-log.ts): its lines, and the command that printed them. */
export function appLogScore({ head, command }: DetectInput): number {
  const lines = head.filter((l) => l.trim() !== '');
  const score = detectFormat(lines);
  // What `fdleak collect` copied as a log the process holds open (`tail -c N -- /x/app.log`) is
  // its log, whatever its lines look like (`1796571673.064 thumbd[26293] render[26297]: …`,
  // no level word): weaker than any parser that knows the format.
  if (lines.length > 0 && command !== undefined && COLLECTED_LOG.test(command)) return Math.max(score, 0.4);
  // A program's output file printed at a prompt (`tail -n 20 nohup.out`): a log, when a line of it says it ran out.
  if (score === 0 && readsLogFile(command) && lines.some((l) => EXHAUSTION.test(l))) return 0.35;
  // A program's own report of its limit quoted alone (Elasticsearch's stamped `max file descriptors [4096] …`,
  // or unstamped under the `ERROR: bootstrap checks failed` it prints to the console before it stops): its log,
  // also relayed by `docker compose` under its `elastic_1   | ` prefix.
  const bare = lines.map(withoutServicePrefix);
  const stated = (l: string) => ownLimitReport(l) && (parseStamp(l) || bare.some((b) => BOOTSTRAP_FAILED.test(b)));
  if (score === 0 && bare.length <= 3 && bare.some(stated)) return 0.3;
  // mongosh's display of mongod's startup warnings, one stamped warning a line, its limit among them.
  const mongosh = lines.every((l) => MONGOSH_WARNING.test(l)) && lines.some((l, i) => ownLimitReport(l, lines[i - 1]));
  return score === 0 && mongosh ? 0.3 : score;
}
