// A data store's own report of its process's fds, as its monitoring API prints it (JSON, pretty or
// on one line, pasted whole or in part):
//   Elasticsearch / OpenSearch `GET _nodes/stats/process`:  "open_file_descriptors": 260,
//                                                          "max_file_descriptors": 10240,
//     and `GET _nodes/process` (node info):  "process":{"id":14588,"max_file_descriptors":65535}
//   RabbitMQ management API `GET /api/nodes`:  "fd_used": 4070,  "fd_total": 1024,  "os_pid": "812"
// The count is the process's fd count and the limit its open-files limit (the store asks the kernel
// for both). Whose they are: the `id` in the same `"process"` object (Elasticsearch) or `os_pid`
// (RabbitMQ); else an unnamed process's, tied in the model to the process the bundle is about.
// A count above its own limit shows the "limit" is not the process's (RabbitMQ reports the
// select() fallback poll set's 1024 beside a real limit of 1048576): that limit is dropped.
import { UNNAMED_PID, type FdSnapshot, type StoreFdCountersArtifact } from './artifacts.js';
import { ref, type EvidenceRef } from '../types.js';
import type { SourceParser } from './parser.js';

/** One process's counters as the store printed them. */
interface StoreFdCounter {
  /** UNNAMED_PID when the output does not say. */
  pid: number;
  count?: number;
  limit?: number;
  /** Epoch milliseconds of the reading (Elasticsearch's `process.timestamp`). */
  at?: number;
  countEv?: EvidenceRef;
  limitEv?: EvidenceRef;
}

const COUNT = /"(?:open_file_descriptors|fd_used)"\s{0,8}:\s{0,8}(-?\d{1,15})\b/;
const LIMIT = /"(?:max_file_descriptors|fd_total)"\s{0,8}:\s{0,8}(-?\d{1,15})\b/;
const OS_PID = /"os_pid"\s{0,8}:\s{0,8}"?(\d{1,9})\b/;
const PROCESS_OPEN = /"process"\s{0,8}:\s{0,8}\{/;
const ID = /"id"\s{0,8}:\s{0,8}(\d{1,9})\b/;
const TIMESTAMP = /"timestamp"\s{0,8}:\s{0,8}(\d{13})\b/;

export const storeFdCounters: SourceParser<StoreFdCountersArtifact> = {
  id: 'store-fd-counters',
  title: "A data store's own fd count and limit (Elasticsearch _nodes/stats, RabbitMQ /api/nodes)",
  detect({ head }) {
    const counted = head.some((l) => COUNT.test(l));
    if (counted) return 0.9;
    // Node info with the limit and the process's id, and no count: still the process's limit.
    return head.some((l) => LIMIT.test(l) && PROCESS_OPEN.test(l) && ID.test(l)) ? 0.8 : 0;
  },
  sink(ctx) {
    const out: StoreFdCountersArtifact = { records: 0, samples: [], limits: [] };
    let cur: StoreFdCounter | null = null;
    /** Inside a `"process": {` object, before its first `}`: an `id` there is the pid. */
    let inProcess = false;
    const flush = () => {
      if (cur) emit(out, cur, (m) => ctx.warn(cur?.countEv?.line, m));
      cur = null;
    };
    const field = (key: 'pid' | 'count' | 'limit' | 'at', value: number, ev: EvidenceRef) => {
      // A field seen again starts the next process's counters (several nodes in one output).
      if (cur && (key === 'pid' ? cur.pid !== UNNAMED_PID : cur[key] !== undefined)) flush();
      if (!cur) cur = { pid: UNNAMED_PID };
      if (key === 'pid') cur.pid = value;
      else cur[key] = value;
      if (key === 'count') cur.countEv = ev;
      if (key === 'limit') cur.limitEv = ev;
    };
    return {
      line(text, n) {
        const ev = ref(ctx.file, n, text);
        const open = PROCESS_OPEN.exec(text);
        // On one line (`"process":{"id":14588,...}`) the object's fields follow its opening brace.
        const rest = open ? text.slice(open.index) : text;
        if (open) inProcess = true;
        if (inProcess) {
          const id = ID.exec(rest);
          if (id) field('pid', Number(id[1]), ev);
          const ts = TIMESTAMP.exec(rest);
          if (ts) field('at', Number(ts[1]), ev);
          if (rest.indexOf('}', open ? open[0].length : 0) !== -1) inProcess = false;
        }
        const pid = OS_PID.exec(text);
        if (pid) field('pid', Number(pid[1]), ev);
        const c = COUNT.exec(text);
        if (c && Number(c[1]) >= 0) field('count', Number(c[1]), ev);
        const l = LIMIT.exec(text);
        if (l && Number(l[1]) > 0) field('limit', Number(l[1]), ev);
      },
      end() {
        flush();
        if (out.records === 0) ctx.warn(undefined, 'no fd count or limit found');
        return out;
      },
    };
  },
};

function emit(out: StoreFdCountersArtifact, c: StoreFdCounter, warn: (message: string) => void): void {
  let limit = c.limit;
  if (limit !== undefined && c.count !== undefined && c.count > limit) {
    warn(`the fd count ${c.count} is above the printed limit ${limit}: that limit is not the process's open-files limit; not used`);
    limit = undefined;
  }
  if (c.count !== undefined && c.countEv) {
    const at = c.at !== undefined ? new Date(c.at).toISOString() : 'the time of the reading (not printed)';
    const sample: FdSnapshot = { at, pid: c.pid, total: c.count, byKind: {}, ev: c.countEv };
    if (limit !== undefined) sample.limit = limit;
    out.samples.push(sample);
  }
  if (limit !== undefined && c.limitEv) out.limits.push({ pid: c.pid, openFiles: { soft: limit, ev: c.limitEv } });
  if (c.count !== undefined || limit !== undefined) out.records++;
}
