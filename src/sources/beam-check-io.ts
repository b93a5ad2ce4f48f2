// An Erlang VM's own report of its poller, as EMQX's admin CLI prints it (`emqx_ctl vm io`, before
// 3.0 `emqttd_ctl vm io`; also among `emqx_ctl vm`'s other sections):
//   io/max_fds              : 1024
//   io/active_fds           : 1
// Both come from `erlang:system_info(check_io)`. `max_fds` is how many fds the VM's I/O poller may
// hold: the open-files limit the VM read when it started (its soft RLIMIT_NOFILE) — the broker's own
// limit, whatever limits.conf says for a login (emqx/emqx#1126: 1024 under an init script, beside a
// limits.conf of 1048576). `active_fds` counts only the fds the poller watches now (sockets, the
// listener), not the files and pipes the VM holds besides: no count of its fds, so it is not read as
// one. The report names no pid: the limit is an unnamed process's, tied in the model to the process
// the bundle is about, as a data store's own counters are (store-fd-counters.ts).
import { UNNAMED_PID, type StoreFdCountersArtifact } from './artifacts.js';
import { ref } from '../types.js';
import type { SourceParser } from './parser.js';

/** `io/max_fds              : 1024` (the CLI pads the key to a column). */
const MAX_FDS = /^\s{0,8}io\/max_fds[ \t]{0,40}:[ \t]{0,8}(\d{1,10})\s{0,8}$/;
/** `io/active_fds           : 1`: the poller's watched fds; read only to recognise the report. */
const ACTIVE_FDS = /^\s{0,8}io\/active_fds[ \t]{0,40}:[ \t]{0,8}\d{1,10}\s{0,8}$/;

export const beamCheckIo: SourceParser<StoreFdCountersArtifact> = {
  id: 'beam-check-io',
  title: "An Erlang VM's poller report (EMQX's `vm io`: io/max_fds, io/active_fds)",
  detect({ head }) {
    return head.some((l) => MAX_FDS.test(l)) && head.some((l) => ACTIVE_FDS.test(l)) ? 0.9 : 0;
  },
  sink(ctx) {
    const out: StoreFdCountersArtifact = { records: 0, samples: [], limits: [] };
    return {
      line(text, n) {
        const m = MAX_FDS.exec(text);
        if (!m) return;
        const soft = Number(m[1]);
        if (soft <= 0) return;
        // The latest report is the VM's limit now (a restarted broker may have another).
        out.limits = [{ pid: UNNAMED_PID, openFiles: { soft, ev: ref(ctx.file, n, text) } }];
        out.records = 1;
      },
      end() {
        if (out.records === 0) ctx.warn(undefined, 'no io/max_fds reading found');
        return out;
      },
    };
  },
};
