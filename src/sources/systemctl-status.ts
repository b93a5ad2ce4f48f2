// `systemctl status UNIT`: the unit's header, then (after a blank line) its last journal lines.
//   ● mastodon-sidekiq.service - mastodon-sidekiq
//        Loaded: loaded (/etc/systemd/system/mastodon-sidekiq.service; enabled; …)
//        Active: active (running) since Wed 2022-04-20 05:15:05 UTC; 1 day 20h ago
//      Main PID: 811 (bundle)
//        CGroup: /system.slice/mastodon-sidekiq.service
//                └─811 sidekiq 6.4.1 live [11 of 25 busy]
// Read into ps's artifact: the main process with its task name, and each process of the CGroup tree
// (`├─PID command line`, nested under `│`; `|-` / `` `- `` without UTF-8) with its command line.
// The journal lines are the log readers': this parser claims a block only at the lowest confidence,
// listed after app-log, so a block whose journal says a process ran out stays app-log's.
import { ref } from '../types.js';
import type { PsArtifact, PsProcess } from './artifacts.js';
import type { SourceParser } from './parser.js';
import { shortName } from './ps.js';

/** `systemctl status …` (behind sudo or options), not `systemctl show` or another verb. */
const STATUS_COMMAND = /(?:^|[\s;&|(])systemctl(?:\s+-{1,2}[\w=-]{1,40}){0,6}\s+status(?:\s|$)/;
/** The unit's first line: its state dot (`●`, `○`, `×`, `*` without UTF-8), its name, its description. */
const UNIT_LINE = /^[●○×*↻] [\w.:@\\-]{1,256}(?: - |$)/;
const LOADED = /^\s{0,20}Loaded: /;
const MAIN_PID = /^\s{0,20}Main PID: (\d{1,10}) \(([^()\s]{1,64})\)/;
/** A CGroup tree row that is a process: its branch (under its ancestors' bars), the pid, the command line. */
const TREE_ROW = /^\s{0,40}(?:[│|] {1,4}){0,16}(?:[├└]─|[|`]-)(\d{1,10}) (\S.{0,4095})$/;
/** At most this many processes are kept (a cgroup of a thousand workers is still read whole). */
const MAX_PROCESSES = 10_000;

export const systemctlStatus: SourceParser<PsArtifact> = {
  id: 'systemctl-status',
  title: 'systemctl status UNIT (its main pid and CGroup processes)',
  detect({ head, command }) {
    const lines = head.filter((l) => l.trim() !== '');
    const unit = lines.findIndex((l) => UNIT_LINE.test(l));
    if (unit === -1 || unit > 2 || !lines.slice(unit + 1, unit + 4).some((l) => LOADED.test(l))) return 0;
    if (!lines.some((l) => MAIN_PID.test(l) || TREE_ROW.test(l))) return 0;
    // The lowest confidence a parser may claim at, whatever the command: app-log, listed before, wins ties.
    return command === undefined || STATUS_COMMAND.test(command) ? 0.3 : 0;
  },
  sink(ctx) {
    const byPid = new Map<number, PsProcess>();
    let header = true;
    let started = false;
    return {
      line(text, n) {
        if (!header) return;
        if (text.trim() === '') {
          header = !started;
          return;
        }
        started = true;
        const main = MAIN_PID.exec(text);
        const row = main ? undefined : TREE_ROW.exec(text);
        const pid = Number((main ?? row)?.[1]);
        if (!(main || row) || (!byPid.has(pid) && byPid.size >= MAX_PROCESSES)) return;
        const ev = ref(ctx.file, n, text);
        const had = byPid.get(pid);
        // The main pid's line gives its task name; the tree's row its command line.
        const command = main ? main[2] : (had?.command ?? shortName(row?.[2] ?? ''));
        const cmdline = row ? row[2] : (had?.cmdline ?? '');
        byPid.set(pid, { pid, command, cmdline, ev: had?.ev ?? ev });
      },
      end() {
        const processes = [...byPid.values()];
        return { records: processes.length, variant: 'other', processes, threads: [] };
      },
    };
  },
};
