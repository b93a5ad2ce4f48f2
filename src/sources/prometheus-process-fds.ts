// A Prometheus client library's process collector, as a program's /metrics page prints it (the text
// exposition format), pasted whole or grep'd:
//   # HELP process_max_fds Maximum number of open file descriptors.
//   # TYPE process_max_fds gauge
//   process_max_fds 1.048576e+06
//   # HELP process_open_fds Number of open file descriptors.
//   # TYPE process_open_fds gauge
//   process_open_fds 566
// Every official client (Go, Java, Python, Node's prom-client, Rust) exports both for the process
// that serves the page: the entries of its /proc/self/fd, and its soft RLIMIT_NOFILE — the same
// readings a data store's own counters are (store-fd-counters.ts), so they are the same artifact.
// A namespace may prefix the names (`promtail_process_open_fds`); a query of Prometheus itself adds
// labels (`process_open_fds{instance="10.0.0.5:9080",job="app"} 566`) and may end a sample with its
// time in epoch milliseconds; without one, a `watch` screen's header times the page (`watch -n 10
// 'curl -s localhost:9080/metrics | grep fds'`: each screen a timed sample), and so does date(1)'s line when
// the command runs `date` first (`date; curl -s localhost:9101/metrics | grep process_`, typed at each
// of several prompts a minute apart: each a timed sample). The page names no pid: the readings are of an unnamed process, tied in
// the model to the process the bundle is about. Readings of several label sets are several
// processes, none of them known: they are not read (a warning says so).
import { UNNAMED_PID, type FdSnapshot, type StoreFdCountersArtifact } from './artifacts.js';
import { ref, type EvidenceRef } from '../types.js';
import type { SourceParser } from './parser.js';
import { datesFirst } from '../bundle/timed-count.js';
import { dateOutput } from '../bundle/date-output.js';

/** `[ns_]process_open_fds|process_max_fds[{labels}] VALUE [TIMESTAMP_MS]`: a sample line. */
const SAMPLE =
  /^\s{0,8}(?:[A-Za-z_:][\w:]{0,63}_)?process_(open|max)_fds(\{[^{}]{0,512}\})?[ \t]{1,8}([-+]?(?:\d{1,20}(?:\.\d{1,20})?(?:[eE][-+]?\d{1,3})?|Inf|NaN))(?:[ \t]{1,8}(\d{10,16}))?\s{0,8}$/;
/** How many label sets are followed before the output is taken for many processes'. */
const MAX_SERIES = 16;

/** One series' latest readings (one process's, by its labels). */
interface Series {
  count?: { value: number; at?: number; dateAt?: string; ev: EvidenceRef };
  limit?: { value: number; ev: EvidenceRef };
}

/** A sample's value as a count of fds: a whole number (`1.048576e+06` is 1048576), else null. */
function fdNumber(text: string): number | null {
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

export const prometheusProcessFds: SourceParser<StoreFdCountersArtifact> = {
  id: 'prometheus-process-fds',
  title: "A Prometheus client's process collector (process_open_fds, process_max_fds)",
  detect({ head }) {
    return head.some((l) => SAMPLE.test(l)) ? 0.9 : 0;
  },
  sink(ctx) {
    const series = new Map<string, Series>();
    let tooMany = false;
    const dated = datesFirst(ctx.command ?? '');
    /** The time date(1) printed before the page, when the command ran `date` first. */
    let dateAt: string | undefined;
    return {
      line(text, n) {
        const m = SAMPLE.exec(text);
        if (!m) {
          const d = dated ? dateOutput(text) : undefined;
          if (d && d.count === undefined) dateAt = d.at.replace(' ', 'T');
          return;
        }
        const value = fdNumber(m[3]);
        if (value === null) return;
        const key = m[2] ?? '';
        let s = series.get(key);
        if (!s) {
          if (series.size >= MAX_SERIES) {
            tooMany = true;
            return;
          }
          s = {};
          series.set(key, s);
        }
        const ev = ref(ctx.file, n, text);
        // The latest reading of each: a page scraped again and again is the process's count now.
        if (m[1] === 'open') s.count = { value, at: m[4] === undefined ? undefined : Number(m[4]), ...(dateAt ? { dateAt } : {}), ev };
        else if (value > 0) s.limit = { value, ev };
      },
      end() {
        const out: StoreFdCountersArtifact = { records: 0, samples: [], limits: [] };
        if (series.size > 1 || tooMany) {
          ctx.warn(
            undefined,
            `readings of ${tooMany ? 'more than ' + MAX_SERIES : series.size} label sets: several processes, none named; not read`,
          );
          return out;
        }
        const s = [...series.values()][0];
        if (s) emit(out, s, ctx.shownAt, (m) => ctx.warn(s.count?.ev.line, m));
        if (out.records === 0) ctx.warn(undefined, 'no process_open_fds or process_max_fds sample found');
        return out;
      },
    };
  },
};

function emit(out: StoreFdCountersArtifact, s: Series, shownAt: string | undefined, warn: (message: string) => void): void {
  let limit = s.limit;
  if (limit && s.count && s.count.value > limit.value) {
    warn(`process_open_fds ${s.count.value} is above process_max_fds ${limit.value}: that is not the process's open-files limit; not used`);
    limit = undefined;
  }
  if (s.count) {
    const at =
      s.count.at !== undefined ? new Date(s.count.at).toISOString() : (s.count.dateAt ?? shownAt ?? 'the time of the scrape (not printed)');
    const sample: FdSnapshot = { at, pid: UNNAMED_PID, total: s.count.value, byKind: {}, ev: s.count.ev };
    if (limit) sample.limit = limit.value;
    out.samples.push(sample);
  }
  if (limit) out.limits.push({ pid: UNNAMED_PID, openFiles: { soft: limit.value, ev: limit.ev } });
  if (s.count || limit) out.records = 1;
}
