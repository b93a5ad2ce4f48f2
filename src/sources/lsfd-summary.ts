// util-linux lsfd's summary of what it lists (`lsfd --summary=only -p PID`, 2.38 and later): no
// rows, a `VALUE COUNTER` table of counters —
//   VALUE COUNTER
//       1 processes
//      94 open files
//      89 fifos/pipes
//       0 sockets
//       3 character devices
//       2 unknown types
// Its per-type counters (`regular files`, `directories`, `sockets`, `fifos/pipes`, `character
// devices`, `block devices`, `unknown types`) count the open files (fds) only — not the exe, cwd,
// mem and namespace rows a listing shows —, so `open files` is the process's fd count and the
// others its fds by kind. A summary of one process (`1 processes`) is a sample of that process: the
// pid its command's `-p` names, else the process the bundle is about; when `date` ran first (`date;
// lsfd --summary=only -p 2820`), stamped with date's time. A summary of several processes (a `-p`
// list, or none) adds them up and is no one's: not read, with a warning.
import { UNNAMED_PID, type FdKind, type FdSnapshot, type StoreFdCountersArtifact } from './artifacts.js';
import { ref, type EvidenceRef } from '../types.js';
import type { SourceParser } from './parser.js';
import { datesFirst } from '../bundle/timed-count.js';
import { dateOutput } from '../bundle/date-output.js';

/** The summary's header line, trimmed. */
const HEADER = /^VALUE {1,8}COUNTER$/;
/** One counter, trimmed: its value, then its name (words, `/` and `-`). */
const COUNTER = /^(\d{1,15}) ([a-z][a-z/ -]{0,40}[a-z])$/;
/** lsfd's per-type counters, by the kind of fd each counts. */
const TYPE_COUNTERS: Readonly<Record<string, FdKind>> = {
  'regular files': 'file',
  directories: 'dir',
  sockets: 'socket-other',
  'fifos/pipes': 'pipe',
  'character devices': 'device',
  'block devices': 'device',
  'unknown types': 'other',
};
/** The one pid of lsfd's `-p PID` (`-p2820`, `--pid=2820`); a list (`-p 1,2`) names several. */
const ONE_PID = /(?:^|\s)(?:-p ?|--pid[= ])['"]?(\d{1,10})['"]?(?=\s|$)/;

/** The pid one `-p` of the command names, else undefined. */
function commandPid(command: string | undefined): number | undefined {
  const m = command ? ONE_PID.exec(command) : null;
  return m ? Number(m[1]) : undefined;
}

interface Summary {
  processes?: number;
  openFiles?: { value: number; ev: EvidenceRef };
  byKind: Partial<Record<FdKind, number>>;
}

export const lsfdSummary: SourceParser<StoreFdCountersArtifact> = {
  id: 'lsfd-summary',
  title: "lsfd's summary of a process's open files by type (lsfd --summary=only -p PID)",
  detect({ head }) {
    const at = head.findIndex((l) => HEADER.test(l.trim()));
    if (at === -1) return 0;
    return head.slice(at + 1).some((l) => COUNTER.exec(l.trim())?.[2] === 'open files') ? 0.95 : 0;
  },
  sink(ctx) {
    const summaries: Summary[] = [];
    const dated = datesFirst(ctx.command ?? '');
    let dateAt: string | undefined;
    let current: Summary | undefined;
    return {
      line(text, n) {
        const t = text.trim();
        if (HEADER.test(t)) {
          current = { byKind: {} };
          summaries.push(current);
          return;
        }
        const m = COUNTER.exec(t);
        if (!m || !current) {
          const d = dated && !current ? dateOutput(text) : undefined;
          if (d && d.count === undefined) dateAt = d.at;
          return;
        }
        const value = Number(m[1]);
        const name = m[2];
        if (name === 'processes') current.processes = value;
        else if (name === 'open files') current.openFiles = { value, ev: ref(ctx.file, n, text) };
        else if (Object.hasOwn(TYPE_COUNTERS, name) && value > 0) {
          const kind = TYPE_COUNTERS[name];
          current.byKind[kind] = (current.byKind[kind] ?? 0) + value;
        }
      },
      end() {
        const out: StoreFdCountersArtifact = { records: 0, samples: [], limits: [] };
        if (summaries.length > 1) ctx.warn(undefined, `${summaries.length} summaries: only the first is read`);
        const s = summaries[0];
        if (!s?.openFiles) {
          ctx.warn(undefined, 'no `open files` counter found');
          return out;
        }
        if (s.processes !== undefined && s.processes !== 1) {
          ctx.warn(s.openFiles.ev.line, `a summary of ${s.processes} processes adds their fds up: no one process's count`);
          return out;
        }
        const sample: FdSnapshot = {
          at: dateAt ?? ctx.shownAt ?? 'the time of the summary (not printed)',
          pid: commandPid(ctx.command) ?? UNNAMED_PID,
          total: s.openFiles.value,
          byKind: s.byKind,
          ev: s.openFiles.ev,
        };
        out.samples.push(sample);
        out.records = 1;
        return out;
      },
    };
  },
};
