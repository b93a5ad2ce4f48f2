// An application log: lines that start with a timestamp and carry a level.
//   [07-21 23:13:21.204] [ERROR] [ChannelManager] Error when try connecting to /host:2280
//   2019-07-22 10:00:01,123 ERROR [main] c.d.c.ChannelManager - Error when try connecting
//   2019-07-22T10:00:01.123+08:00 [worker-1] WARN  o.a.Foo - slow
// Keeps ERROR/WARN/FATAL records and exception lines (`java.net.ConnectException: ...`,
// `\tat ...`, `Caused by: ...`) with their line numbers and parsed times, bounded; counts the rest.
import type { ArtifactBase, EvidenceRef, SourceParser } from '../types.js';
import { ref } from '../types.js';

export type LogLevel = 'FATAL' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG' | 'TRACE';

export interface AppLogLine {
  line: number;
  text: string;
  /** The record's level; exception lines carry the level of the record they follow. */
  level: LogLevel | null;
  exception: boolean;
  /** As printed: `2019-07-22` or `07-21` (month-day, no year), when present. */
  date: string | null;
  /** Seconds since midnight in the log's own (local) time. */
  seconds: number | null;
  /** An offset printed in the timestamp (`+08:00`, `Z`), when any. */
  zone: string | null;
  ev: EvidenceRef;
}

export interface AppLogArtifact extends ArtifactBase {
  /** Every line of the file (what `wc -l` prints). */
  totalLines: number;
  /** Lines that start a record (timestamp + level). */
  recordLines: number;
  byLevel: Partial<Record<LogLevel, number>>;
  /** ERROR/WARN/FATAL lines and exception lines, in order, at most MAX_KEPT. */
  kept: AppLogLine[];
  truncated: boolean;
  firstRecord: { date: string | null; seconds: number | null; ev: EvidenceRef } | null;
  lastRecord: { date: string | null; seconds: number | null; ev: EvidenceRef } | null;
}

export const MAX_KEPT = 20000;

// Timestamp at the start, optionally bracketed; date optional (month-day or full date).
const STAMP =
  /^\[?((?:\d{4}[-/])?\d{2}[-/]\d{2})?[ T]?(\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?\]?\s/;
const LEVEL = /(?:^|[\s[|])(FATAL|ERROR|WARN|WARNING|INFO|DEBUG|TRACE)(?=[\s\]|:])/;
const EXCEPTION = /^(?:\s+at [\w$.<>]+\(|Caused by: |\s*\.\.\. \d+ more$|(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error)(?::|$))/;

export interface Stamp {
  date: string | null;
  seconds: number;
  zone: string | null;
  rest: string;
}

/** A timestamp at the start of the line, or null: none, or one no clock shows (25:61, month 13). */
export function parseStamp(text: string): Stamp | null {
  const m = STAMP.exec(text);
  if (!m || !possible(m)) return null;
  const frac = m[5] ? Number(`0.${m[5]}`) : 0;
  return {
    date: m[1] ? m[1].replace(/\//g, '-') : null,
    seconds: Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]) + frac,
    zone: m[6] ?? null,
    rest: text.slice(m[0].length),
  };
}

/** Hours 0-23, minutes 0-59, seconds 0-60 (a leap second); a month 1-12 and a day 1-31 when there is a date. */
function possible(m: RegExpExecArray): boolean {
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4]) > 60) return false;
  if (!m[1]) return true;
  const [month, day] = m[1].split(/[-/]/).slice(-2).map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** The level within the first few tokens after the timestamp. */
export function levelOf(rest: string): LogLevel | null {
  const m = LEVEL.exec(rest.slice(0, 80));
  if (!m) return null;
  return m[1] === 'WARNING' ? 'WARN' : (m[1] as LogLevel);
}

export const appLog: SourceParser<AppLogArtifact> = {
  id: 'app-log',
  title: 'Application log',
  capture: 'cp /path/to/app/logs/*.log bundle/   # the logs the suspect writes (see lsof -p PID | grep log)',
  detect({ head }) {
    const lines = head.filter((l) => l.trim() !== '');
    if (lines.length < 2) return 0;
    let records = 0;
    let exceptions = 0;
    for (const l of lines) {
      const s = parseStamp(l);
      if (s && levelOf(s.rest)) records++;
      else if (EXCEPTION.test(l)) exceptions++;
    }
    if (records < 2) return 0;
    const share = (records + exceptions) / lines.length;
    return share >= 0.8 ? 0.9 : share >= 0.5 ? 0.6 : 0;
  },
  sink(ctx) {
    const out: AppLogArtifact = {
      records: 0, totalLines: 0, recordLines: 0, byLevel: {}, kept: [], truncated: false, firstRecord: null, lastRecord: null,
    };
    let current: { level: LogLevel | null; date: string | null; seconds: number | null; zone: string | null } | null = null;
    let impossible = 0;
    const keep = (l: AppLogLine) => {
      if (out.kept.length >= MAX_KEPT) {
        out.truncated = true;
        return;
      }
      out.kept.push(l);
      out.records++;
    };
    return {
      line(text, n) {
        out.totalLines++;
        if (text.trim() === '') return;
        const s = parseStamp(text);
        if (!s && STAMP.test(text) && ++impossible <= 10) ctx.warn(n, `a timestamp no clock shows: ${text.slice(0, 40)}; not read as a record`);
        const level = s ? levelOf(s.rest) : null;
        if (s && level) {
          out.recordLines++;
          out.byLevel[level] = (out.byLevel[level] ?? 0) + 1;
          current = { level, date: s.date, seconds: s.seconds, zone: s.zone };
          const ev = ref(ctx.file, n, text);
          if (!out.firstRecord) out.firstRecord = { date: s.date, seconds: s.seconds, ev };
          out.lastRecord = { date: s.date, seconds: s.seconds, ev };
          if (level === 'ERROR' || level === 'WARN' || level === 'FATAL') {
            keep({ line: n, text: ev.text ?? text, level, exception: false, date: s.date, seconds: s.seconds, zone: s.zone, ev });
          }
          return;
        }
        if (EXCEPTION.test(text)) {
          const ev = ref(ctx.file, n, text);
          keep({
            line: n, text: ev.text ?? text, level: current?.level ?? null, exception: true, date: current?.date ?? null,
            seconds: current?.seconds ?? null, zone: current?.zone ?? null, ev,
          });
        }
        // Other lines (continuations, INFO records) are counted only.
      },
      end() {
        if (out.recordLines === 0) ctx.warn(undefined, 'no timestamped log records found');
        return out;
      },
    };
  },
};
