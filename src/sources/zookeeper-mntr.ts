// ZooKeeper's own report of its process's fds, as its `mntr` command prints it — the four-letter
// word over the client port (`echo mntr | nc localhost 2181`), one `key<TAB>value` line a counter
// (tabs a copy may turn into spaces):
//   zk_open_file_descriptor_count	117
//   zk_max_file_descriptor_count	4096
// The server reads both from the
// JVM's UnixOperatingSystemMXBean: the entries of its /proc/self/fd and its soft open-files limit —
// the readings a data store's own counters are (store-fd-counters.ts), so they are the same
// artifact. The reply names no pid: the readings are of an unnamed process, tied in the model to the
// process the bundle is about. A second count in one paste is another reply — another server of the
// ensemble, or the same one asked again, the output does not say which —: only the first reply is
// read, with a warning.
import { UNNAMED_PID, type FdSnapshot, type StoreFdCountersArtifact } from './artifacts.js';
import { ref, type EvidenceRef } from '../types.js';
import type { SourceParser } from './parser.js';

/** `zk_open_file_descriptor_count<ws>N` / `zk_max_…`: a mntr line. */
const MNTR = /^\s{0,8}zk_(open|max)_file_descriptor_count[ \t]{1,32}(\d{1,15})\s{0,8}$/;

interface Reading {
  value: number;
  ev: EvidenceRef;
}

/** The kind (open/max) and value of a line's counter, else null. */
function counter(text: string): { key: string; value: number } | null {
  const m = MNTR.exec(text);
  return m ? { key: m[1], value: Number(m[2]) } : null;
}

export const zookeeperMntr: SourceParser<StoreFdCountersArtifact> = {
  id: 'zookeeper-mntr',
  title: "ZooKeeper's own fd count and limit (mntr: zk_open_file_descriptor_count, zk_max_file_descriptor_count)",
  detect({ head }) {
    return head.some((l) => MNTR.test(l)) ? 0.9 : 0;
  },
  sink(ctx) {
    let count: Reading | undefined;
    let limit: Reading | undefined;
    let replies = 0;
    return {
      line(text, n) {
        const c = counter(text);
        if (!c) return;
        if (c.key === 'open') {
          replies++;
          if (replies > 1) return;
          count = { value: c.value, ev: ref(ctx.file, n, text) };
        } else if (replies <= 1 && !limit && c.value > 0) limit = { value: c.value, ev: ref(ctx.file, n, text) };
      },
      end() {
        const out: StoreFdCountersArtifact = { records: 0, samples: [], limits: [] };
        if (replies > 1)
          ctx.warn(undefined, `${replies} mntr replies: which server each is, the output does not say; only the first is read`);
        let max = limit;
        if (max && count && count.value > max.value) {
          ctx.warn(
            count.ev.line,
            `the fd count ${count.value} is above the printed limit ${max.value}: that limit is not the process's; not used`,
          );
          max = undefined;
        }
        if (count) {
          const at = ctx.shownAt ?? 'the time of the reply (not printed)';
          const sample: FdSnapshot = { at, pid: UNNAMED_PID, total: count.value, byKind: {}, ev: count.ev };
          if (max) sample.limit = max.value;
          out.samples.push(sample);
        }
        if (max) out.limits.push({ pid: UNNAMED_PID, openFiles: { soft: max.value, ev: max.ev } });
        if (count || max) out.records = 1;
        else ctx.warn(undefined, 'no zk_open_file_descriptor_count or zk_max_file_descriptor_count found');
        return out;
      },
    };
  },
};
