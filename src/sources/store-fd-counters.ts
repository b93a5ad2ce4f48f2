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
//   RabbitMQ `rabbitmqctl status` (also `service rabbitmq-server status`, `rabbitmq-diagnostics status`):
//     before 3.8, Erlang terms:  `[{pid,22152},` … `{file_descriptors,[{total_limit,924},{total_used,831},…]}`
//     3.8 and later, text:       `OS PID: 75325` … `File Descriptors` / `Total: 13508, limit: 1048479`
//   Its limit is the budget the broker keeps for itself — its open-files limit less a reserve (100 in
//   3.x) — where it refuses connections and files. A status whose fd section was not pasted still
//   names the broker's pid: the process is known, as the only one the bundle may be about.
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
  pidEv?: EvidenceRef;
}

const COUNT = /"(?:open_file_descriptors|fd_used)"\s{0,8}:\s{0,8}(-?\d{1,15})\b/;
const LIMIT = /"(?:max_file_descriptors|fd_total)"\s{0,8}:\s{0,8}(-?\d{1,15})\b/;
const OS_PID = /"os_pid"\s{0,8}:\s{0,8}"?(\d{1,9})\b/;
const PROCESS_OPEN = /"process"\s{0,8}:\s{0,8}\{/;
const ID = /"id"\s{0,8}:\s{0,8}(\d{1,9})\b/;
const TIMESTAMP = /"timestamp"\s{0,8}:\s{0,8}(\d{13})\b/;
const RMQ_USED = /\{total_used,\s{0,8}(\d{1,15})\}/;
const RMQ_LIMIT = /\{total_limit,\s{0,8}(\d{1,15})\}/;
const RMQ_FD_HEADER = /^\s{0,8}File Descriptors\s{0,8}$/;
const RMQ_TOTAL = /^\s{0,8}Total: (\d{1,15}), limit: (\d{1,15})\s{0,8}$/;
const RMQ_PID = /^\s{0,8}\[?\{pid,\s{0,8}(\d{1,9})\}|^\s{0,8}OS PID: (\d{1,9})\s{0,8}$/;
/** How many lines below `File Descriptors` its `Total:` line may come (a blank line between). */
const RMQ_TOTAL_GAP = 2;

/** `Total: N, limit: M` within RMQ_TOTAL_GAP lines under a `File Descriptors` header. */
function rabbitTotals(lines: readonly string[]): boolean {
  return lines.some((l, i) => RMQ_FD_HEADER.test(l) && lines.slice(i + 1, i + 2 + RMQ_TOTAL_GAP).some((t) => RMQ_TOTAL.test(t)));
}

export const storeFdCounters: SourceParser<StoreFdCountersArtifact> = {
  id: 'store-fd-counters',
  title: "A data store's own fd count and limit (Elasticsearch _nodes/stats, RabbitMQ /api/nodes and status)",
  detect({ head }) {
    const counted = head.some((l) => COUNT.test(l) || RMQ_USED.test(l)) || rabbitTotals(head);
    if (counted) return 0.9;
    // A RabbitMQ status whose fd section was cut: it names the broker's pid.
    if (head.some((l) => RMQ_PID.test(l)) && head.some((l) => /^Status of node |\{running_applications,|^Runtime\s*$/.test(l))) return 0.6;
    // Node info with the limit and the process's id, and no count: still the process's limit.
    return head.some((l) => LIMIT.test(l) && PROCESS_OPEN.test(l) && ID.test(l)) ? 0.8 : 0;
  },
  sink(ctx) {
    const out: StoreFdCountersArtifact = { records: 0, samples: [], limits: [] };
    let cur: StoreFdCounter | null = null;
    /** Lines since RabbitMQ's `File Descriptors` header (Infinity: none seen). */
    let sinceFdHeader = Number.POSITIVE_INFINITY;
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
      if (key === 'pid') {
        cur.pid = value;
        cur.pidEv = ev;
      } else cur[key] = value;
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
        rabbitLine(text, ev, sinceFdHeader, field);
        sinceFdHeader = RMQ_FD_HEADER.test(text) ? 0 : sinceFdHeader + 1;
      },
      end() {
        flush();
        if (out.records === 0) ctx.warn(undefined, 'no fd count or limit found');
        return out;
      },
    };
  },
};

/** The fields of one line of RabbitMQ's status; `sinceFdHeader` counts the lines since its `File Descriptors` header. */
function rabbitLine(
  text: string,
  ev: EvidenceRef,
  sinceFdHeader: number,
  field: (key: 'pid' | 'count' | 'limit', value: number, ev: EvidenceRef) => void,
): void {
  const pid = RMQ_PID.exec(text);
  if (pid) field('pid', Number(pid[1] ?? pid[2]), ev);
  const used = RMQ_USED.exec(text);
  if (used) field('count', Number(used[1]), ev);
  const limit = RMQ_LIMIT.exec(text);
  if (limit && Number(limit[1]) > 0) field('limit', Number(limit[1]), ev);
  const total = sinceFdHeader < RMQ_TOTAL_GAP + 1 ? RMQ_TOTAL.exec(text) : null;
  if (total) {
    field('count', Number(total[1]), ev);
    if (Number(total[2]) > 0) field('limit', Number(total[2]), ev);
  }
}

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
  // A status that names the process and shows none of its counters (the fd section cut off).
  else if (c.pid !== UNNAMED_PID && c.pidEv) {
    (out.processes ??= []).push({ pid: c.pid, ev: c.pidEv });
    out.records++;
  }
}
