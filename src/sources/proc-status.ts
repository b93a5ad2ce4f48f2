// /proc/PID/status, whole or the lines a grep kept (`grep -E '^(Name|Pid|PPid|NSpid)' /proc/PID/status`):
//   Name:	spoold
//   Pid:	17597
//   PPid:	17595
//   NSpid:	17597	1
// NSpid lists the process's pid in each pid namespace it is in, the host's first, its own
// namespace's last: `17597 1` is pid 1 of a container or an `unshare -p` namespace. Its log
// (`spoold[1]: …`) and what is read inside that namespace (`nsenter -t 17597 -p -m ls -l
// /proc/1/fd`) name it by the last. The pid is the Pid line's, else the command's path's.
import type { ProcStatusArtifact } from './artifacts.js';
import type { SourceParser } from './parser.js';
import { ref } from '../types.js';
import { containerExec } from './container-exec.js';

/** `Key:<tab or spaces>value`: every line of the file is one (`VmPeak:`, `voluntary_ctxt_switches:` …; `Mems_allowed:` runs to 301 characters on a kernel built for 1,024 nodes). */
const FIELD = /^([A-Za-z][A-Za-z0-9_]{1,31}):\s{0,8}(.{0,1024})$/;
/** Keys that make such lines a process's status, not any `key: value` text. */
const KEYS = new Set(['Name', 'Pid', 'PPid', 'NSpid', 'Tgid', 'NStgid', 'TracerPid', 'FDSize', 'Threads']);
const PID_IN_COMMAND = /\/proc\/(\d{1,15})\/status\b/;
const NUMBER = /^\d{1,15}$/;

function fieldOf(text: string): { key: string; value: string } | undefined {
  const m = FIELD.exec(text);
  return m ? { key: m[1], value: m[2].trim() } : undefined;
}

export const procStatus: SourceParser<ProcStatusArtifact> = {
  id: 'proc-status',
  title: '/proc/PID/status',
  detect({ head, command }) {
    const lines = head.filter((l) => l.trim() !== '');
    if (lines.length === 0) return 0;
    const fields = lines.map(fieldOf);
    if (fields.some((f) => f === undefined)) return 0;
    const known = fields.filter((f) => f !== undefined && KEYS.has(f.key)).length;
    const byCommand = command !== undefined && PID_IN_COMMAND.test(command);
    if (byCommand && known >= 1) return 0.96;
    return known >= 3 ? 0.8 : 0;
  },
  sink(ctx) {
    const out: ProcStatusArtifact = { records: 0 };
    // Read inside a container (`docker exec web cat /proc/1/status`): pids of its namespace, not the host's.
    const inside = containerExec(ctx.command) !== undefined;
    const fromCommand = inside ? undefined : PID_IN_COMMAND.exec(ctx.command ?? '')?.[1];
    return {
      line(text, n) {
        const f = fieldOf(text);
        if (!f || !KEYS.has(f.key)) return;
        out.records++;
        out.ev ??= ref(ctx.file, n, text);
        if (f.key === 'Name' && out.name === undefined) out.name = f.value.slice(0, 64);
        else if (f.key === 'Pid' && NUMBER.test(f.value)) out.pid = Number(f.value);
        else if (f.key === 'PPid' && NUMBER.test(f.value)) out.ppid = Number(f.value);
        else if (f.key === 'NSpid') {
          const pids = f.value.split(/\s+/).slice(0, 32);
          if (pids.length > 0 && pids.every((w) => NUMBER.test(w))) {
            out.nspid = pids.map(Number);
            out.nsEv = ref(ctx.file, n, text);
          }
        }
      },
      end() {
        if (out.pid === undefined && fromCommand !== undefined) out.pid = Number(fromCommand);
        // Inside a container: neither its Pid nor its NSpid's first is a host pid.
        if (inside) return { records: out.records };
        // NSpid's first is the host's pid: it names the process when no Pid line does.
        if (out.pid === undefined && out.nspid) out.pid = out.nspid[0];
        return out;
      },
    };
  },
};
