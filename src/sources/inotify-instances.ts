// Per-process inotify instances, as the tools people run when "Too many open files" comes from the
// user's inotify instances (fs.inotify.max_user_instances) print them. Each instance is one fd of
// its process (`anon_inode:inotify`): a count of one kind of its fds, not all of them.
//   kde-inotify-survey (JSON, pretty-printed):
//     {
//         "cmdline": "porymap\u0000",
//         "instances": 175,
//         "pid": 34318,
//         "uid": 1000,
//         "watches": 555
//     }
//     "totals": { "instancePercent": 98, "instances": 251, "maxInstances": 256 }
//   inotify-info (mikesart/inotify-info), and any table whose header names its columns with these
//   words in any order (PID, UID/USER, APP/COMMAND/CMD/COMM/NAME, WATCHES, INSTANCES), as the scripts
//   people write print it, with a `TOTAL … instances=N` line and the sysctl of the cap:
//     INotify Limits:
//       max_user_instances   128
//            Pid Uid        App                            Watches  Instances
//           3065 1000       cosmic-settings-daemon              63          1
//     fs.inotify.max_user_instances = 128
//     TOTAL processes=20 instances=102 watches=16493
//     PID     UID     INSTANCES   WATCHES   COMMAND
//     9807    1027    75          16383     jellyfin
//   inotify-consumers (fatso83's dotfiles script; the last header line, then a rule, then rows):
//        COUNT     PROCESS   PID USER         COMMAND
//     ------------------------------------------------------------
//         1751        45      162774 awilkins    /home/…/.omnisharp/1.38.2/bin/mono /home/…
//   watches per inotify fd (a one-liner over /proc/PID/fdinfo; each row one instance of PID):
//     4565    /proc/4679/fdinfo/21    /usr/share/code/code
//   the same per inotify fd with the process first (a `watchers` script piped to `column -t`):
//     kubelet        /hyperkube     8851   /proc/8851/fdinfo/25   13932
import type { EvidenceRef } from '../types.js';
import { ref } from '../types.js';
import type { ArtifactBase, SourceParser } from './parser.js';

export interface InotifyInstancesArtifact extends ArtifactBase {
  /** The tool that printed them (`kde-inotify-survey`, `inotify-info`). */
  tool: string;
  rows: { pid: number; command?: string; instances: number; watches?: number; ev: EvidenceRef }[];
  /** The user's instances in all, and the cap on them (max_user_instances), when printed. */
  totalInstances?: { value: number; ev: EvidenceRef };
  maxInstances?: { value: number; ev: EvidenceRef };
}

/** A `"key": value` line of pretty-printed JSON (a number or a string). */
const JSON_FIELD = /^\s{0,64}"(\w{1,40})": {0,4}(\d{1,12}|"(?:[^"\\]|\\.){0,1024}")\s{0,8},?\s{0,8}$/;
const JSON_TOTALS = /^\s{0,64}"totals": {0,4}\{\s{0,8}$/;
/** A column header word of a per-process inotify table → what its column holds. */
const COLUMN: Record<string, Column> = {
  pid: 'pid',
  uid: 'user',
  user: 'user',
  app: 'command',
  command: 'command',
  cmd: 'command',
  comm: 'command',
  name: 'command',
  watches: 'watches',
  instances: 'instances',
};
type Column = 'pid' | 'user' | 'command' | 'watches' | 'instances';
const INFO_COLUMNS = 'pid user command watches instances';
/** A table has a handful of columns; a row's words past these are its command line's. */
const MAX_COLUMNS = 8;
const TABLE_TOTAL = /^\s{0,20}TOTAL\b[^\n]{0,200}?\binstances=([\d,]{1,15})\b/;
/**
 * The watches of each inotify fd, as the one-liner VS Code users pass around prints them: the
 * `inotify` lines of `/proc/PID/fdinfo/FD`, that path, the process's executable
 * (`4565    /proc/4679/fdinfo/21    /usr/share/code/code`). Each row is one instance of PID.
 */
const FDINFO_ROW = /^\s{0,20}(\d{1,12})\s{1,20}\/proc\/(\d{1,10})\/fdinfo\/\d{1,10}\s{1,20}(\S{1,1024})\s{0,20}$/;
/**
 * The same row with the process first: its name, its executable, its pid, the inotify fd's
 * fdinfo path (of that pid), the fd's watches (`kubelet  /hyperkube  8851  /proc/8851/fdinfo/25  13932`).
 */
const FDINFO_NAMED_ROW =
  /^\s{0,20}(\S{1,128})\s{1,40}\S{1,1024}\s{1,40}(\d{1,10})\s{1,20}\/proc\/(\d{1,10})\/fdinfo\/\d{1,10}\s{1,20}(\d{1,12})\s{0,20}$/;
/** inotify-consumers' header ends `COUNT PROCESS PID USER COMMAND`; a row is watches, instances, pid, user, command line. */
const CONSUMERS_HEADER = /^\s{0,40}COUNT\s{1,20}PROCESS\s{1,20}PID\s{1,20}USER\s{1,20}COMMAND\s{0,20}$/;
const CONSUMERS_ROW = /^\s{0,40}([\d,]{1,15})\s{1,20}(\d{1,12})\s{1,20}(\d{1,10})\s{1,20}\S{1,64}\s{1,20}(\S{1,1024})/;
const INFO_MAX = /^\s{0,20}(?:fs\.inotify\.)?max_user_instances(?:\s{1,40}|\s{0,8}=\s{0,8})([\d,]{1,15})\s{0,20}$/;
/** Rows kept (a host has a few hundred processes; a hostile file more): past it they are counted only. */
const MAX_ROWS = 100_000;
const INFO_TOTAL = /^\s{0,20}Total inotify Instances:\s{0,20}([\d,]{1,15})\s{0,20}$/;

export const inotifyInstances: SourceParser<InotifyInstancesArtifact> = {
  id: 'inotify-instances',
  title: 'Inotify instances per process (kde-inotify-survey, inotify-info)',
  detect({ head }) {
    if (head.some((l) => tableColumns(l) !== null || CONSUMERS_HEADER.test(l))) return 0.9;
    if (head.filter((l) => fdinfoWatches(l) !== null).length >= 2) return 0.8;
    const keys = new Set(head.map((l) => JSON_FIELD.exec(l)?.[1]).filter((k) => k !== undefined));
    if (keys.has('instances') && (keys.has('watches') || keys.has('maxInstances')) && (keys.has('pid') || keys.has('maxInstances')))
      return 0.9;
    return 0;
  },
  sink(ctx) {
    const out: InotifyInstancesArtifact = { records: 0, tool: 'kde-inotify-survey', rows: [] };
    let table = false;
    let columns: Column[] = [];
    let totals = false;
    const byPid = new Map<number, Row>();
    let fields = new Map<string, { value: string; n: number; text: string }>();
    const number = (s: string) => Number(s.replace(/,/g, ''));
    const flush = () => {
      const at = (k: string) => fields.get(k);
      const instances = at('instances');
      const pid = at('pid');
      if (totals) {
        const max = at('maxInstances');
        if (instances) out.totalInstances = { value: number(instances.value), ev: ref(ctx.file, instances.n, instances.text) };
        if (max) out.maxInstances = { value: number(max.value), ev: ref(ctx.file, max.n, max.text) };
      } else if (instances && pid && /^\d+$/.test(pid.value) && out.rows.length >= MAX_ROWS) {
        out.records++;
      } else if (instances && pid && /^\d+$/.test(pid.value)) {
        const row: InotifyInstancesArtifact['rows'][number] = {
          pid: number(pid.value),
          instances: number(instances.value),
          ev: ref(ctx.file, instances.n, instances.text),
        };
        const watches = at('watches');
        if (watches && /^\d+$/.test(watches.value)) row.watches = number(watches.value);
        const command = programOf(at('cmdline')?.value);
        if (command) row.command = command;
        out.rows.push(row);
        out.records++;
      }
      fields = new Map();
      totals = false;
    };
    return {
      line(text, n) {
        const header = tableColumns(text);
        if (header) {
          table = true;
          columns = header;
          out.tool = header.join(' ') === INFO_COLUMNS ? 'inotify-info' : 'inotify-table';
          return;
        }
        if (CONSUMERS_HEADER.test(text)) {
          table = true;
          out.tool = 'inotify-consumers';
          return;
        }
        const max = INFO_MAX.exec(text);
        if (max) out.maxInstances = { value: number(max[1]), ev: ref(ctx.file, n, text) };
        const total = INFO_TOTAL.exec(text) ?? TABLE_TOTAL.exec(text);
        if (total) out.totalInstances = { value: number(total[1]), ev: ref(ctx.file, n, text) };
        const fdinfo = fdinfoWatches(text);
        if (fdinfo) {
          fdinfoRow(out, byPid, fdinfo, ref(ctx.file, n, text));
          return;
        }
        const row = table ? (out.tool === 'inotify-consumers' ? consumersRow(text) : tableRow(text, columns)) : null;
        if (row && out.rows.length >= MAX_ROWS) {
          out.records++;
          return;
        }
        if (row) {
          out.rows.push({
            pid: number(row[1]),
            command: row[3],
            ...(row[4] === '' ? {} : { watches: number(row[4]) }),
            instances: number(row[5]),
            ev: ref(ctx.file, n, text),
          });
          out.records++;
          return;
        }
        if (JSON_TOTALS.test(text)) {
          fields = new Map();
          totals = true;
          return;
        }
        const f = JSON_FIELD.exec(text);
        if (f) {
          // A key seen twice starts another object (a paste that lost its braces); an object of
          // more keys than a survey prints is no survey's (memory stays flat on a hostile file).
          if (fields.has(f[1]) || fields.size >= 64) flush();
          fields.set(f[1], { value: f[2].replace(/^"|"$/g, ''), n, text });
          return;
        }
        if (/[}\]]/.test(text)) flush();
      },
      end() {
        flush();
        return out;
      },
    };
  },
};

/** One inotify fd's row, either shape: its process, the process's program, the fd's watches. */
interface FdinfoWatches {
  pid: number;
  command: string;
  watches: number;
}

/** A row of watches per inotify fd (watches first, or the process first), else null. */
function fdinfoWatches(text: string): FdinfoWatches | null {
  const m = FDINFO_ROW.exec(text);
  if (m) return { pid: Number(m[2]), command: m[3].slice(m[3].lastIndexOf('/') + 1).slice(0, 128), watches: Number(m[1]) };
  const named = FDINFO_NAMED_ROW.exec(text);
  // The pid column and the path's pid are the same process, or the row is no such table's.
  if (!named || named[2] !== named[3]) return null;
  return { pid: Number(named[2]), command: named[1], watches: Number(named[4]) };
}

/** One inotify fd of a process and its watches: one more instance of that process's row. */
function fdinfoRow(out: InotifyInstancesArtifact, byPid: Map<number, Row>, fd: FdinfoWatches, ev: EvidenceRef): void {
  out.tool = 'fdinfo-watches';
  const { pid, watches } = fd;
  const row = byPid.get(pid);
  if (row) {
    row.instances++;
    row.watches = (row.watches ?? 0) + watches;
  } else if (out.rows.length < MAX_ROWS) {
    const added: Row = { pid, command: fd.command, instances: 1, watches, ev };
    out.rows.push(added);
    byPid.set(pid, added);
  }
  out.records++;
}
type Row = InotifyInstancesArtifact['rows'][number];

/**
 * An inotify-consumers row in inotify-info's order (pid, uid, app, watches, instances): its
 * watches, instances, pid, then the program of its command line (`/…/bin/mono` → `mono`).
 */
function consumersRow(text: string): string[] | null {
  const m = CONSUMERS_ROW.exec(text);
  if (!m) return null;
  const argv0 = m[4];
  return [m[0], m[3], '', argv0.slice(argv0.lastIndexOf('/') + 1).slice(0, 128), m[1], m[2]];
}

/** The columns a per-process inotify table's header names (PID and INSTANCES among them), else null. */
function tableColumns(text: string): Column[] | null {
  const words = text.trim().split(/\s{1,40}/, MAX_COLUMNS + 1);
  if (words.length > MAX_COLUMNS) return null;
  const columns = words.map((w) => (Object.hasOwn(COLUMN, w.toLowerCase()) ? COLUMN[w.toLowerCase()] : undefined));
  if (columns.some((c) => c === undefined) || new Set(columns).size !== columns.length) return null;
  const known = columns as Column[];
  return known.includes('pid') && known.includes('instances') ? known : null;
}

/**
 * A row of such a table, in inotify-info's order (the row, pid, user, program, watches,
 * instances), else null: one word a column, the command's last column taking the rest of the line.
 */
function tableRow(text: string, columns: Column[]): string[] | null {
  const words = text.trim().split(/\s{1,80}/, MAX_COLUMNS * 4);
  const last = columns[columns.length - 1] === 'command';
  if (words.length < columns.length || (!last && words.length !== columns.length)) return null;
  const at = (c: Column) => {
    const i = columns.indexOf(c);
    if (i === -1) return '';
    return c === 'command' && last ? words.slice(i).join(' ') : words[i];
  };
  const [pid, instances, watches] = [at('pid'), at('instances'), at('watches')];
  if (!/^\d{1,10}$/.test(pid) || !/^[\d,]{1,12}$/.test(instances) || !/^[\d,]{0,15}$/.test(watches)) return null;
  return [text, pid, at('user'), at('command').slice(0, 128), watches, instances];
}

/** The program of a /proc/PID/cmdline as JSON quotes it (`porymap\u0000`, `/usr/bin/code\u0000--type=…`). */
function programOf(cmdline: string | undefined): string | undefined {
  const argv0 = cmdline?.split(/\\u0000|\s/)[0];
  const name = argv0?.slice(argv0.lastIndexOf('/') + 1);
  return name && /^[\w.+@-]{1,64}$/.test(name) ? name : undefined;
}
