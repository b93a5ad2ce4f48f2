// psutil's `Process.open_files()` printed as Python prints it (a list of named tuples), how Python
// users paste a process's open files:
//   `[popenfile(path='/dev/shm/psm_2c9208ae', fd=4037, position=0, mode='r+', flags=688130), …]`
//   `PID P2: 302665 [popenfile(path='/media/…/print_fd_out.txt', fd=1, position=417089, mode='w', flags=32769), …`
// (older psutil: `openfile(path='/tmp/x', fd=3)`). psutil reads /proc/PID/fd and keeps the regular
// files only — no socket, pipe or anonymous inode is ever in the list — so the rows are fd → path,
// read into the fd table as an ls -l /proc/PID/fd excerpt is: never a table shown whole.
// Whose files they are: the pid a `psutil.Process(pid=N, …)` repr on the line names, else the number
// printed just before the list on its line (`print(pid, p.open_files())`, `PID P2: 302665 [`), for
// that line and the lines a long list wraps onto; with neither, an unnamed process's.
import type { FdTableArtifact } from './artifacts.js';
import type { SourceParser } from './parser.js';
import { UNNAMED_PID } from './artifacts.js';
import { FdHolderTable, emptyFdTable } from './fd-holders.js';
import { linkTargetKind } from './fd-kind.js';

/** One entry of the list: its path (no quote inside: psutil's repr of such a path uses the other quote) and its fd. */
const ENTRY = /\b(?:p?openfile)\(path=(['"])([^'"\n]{1,4096})\1, fd=(\d{1,9})\b/g;
const PROCESS_REPR = /\bpsutil\.Process\(pid=(\d{1,9})\b/;
/** The number printed right before the list: `302665 [popenfile(`, `302665: [popenfile(`. */
const PID_BEFORE_LIST = /\b(\d{1,9}):? \[p?openfile\(/;
const DETECT = /\bp?openfile\(path=['"]/;

/** The pid a line of the printed list names, or undefined. */
export function psutilListPid(text: string): number | undefined {
  const m = PROCESS_REPR.exec(text) ?? PID_BEFORE_LIST.exec(text);
  const pid = m ? Number(m[1]) : 0;
  return pid > 0 ? pid : undefined;
}

/** The entries (fd, path) of one line of the printed list. */
export function psutilEntries(text: string): { fd: number; path: string }[] {
  const out: { fd: number; path: string }[] = [];
  for (const m of text.matchAll(ENTRY)) out.push({ fd: Number(m[3]), path: m[2] });
  return out;
}

export const psutilOpenFiles: SourceParser<FdTableArtifact> = {
  id: 'psutil-open-files',
  title: "A process's open regular files as psutil's open_files() prints them",
  detect({ head }) {
    return head.some((l) => DETECT.test(l)) ? 0.9 : 0;
  },
  sink(ctx) {
    const table = new FdHolderTable(ctx.file);
    const out: FdTableArtifact = emptyFdTable('psutil');
    // psutil lists regular files only: whatever else the process holds is not shown.
    out.truncated = true;
    let pid: number | undefined;
    let warned = false;
    return {
      line(text, n) {
        if (!text.includes('openfile(')) return;
        pid = psutilListPid(text) ?? pid;
        const entries = psutilEntries(text);
        if (entries.length === 0) return;
        if (pid === undefined && !warned) {
          warned = true;
          ctx.warn(
            n,
            "whose open files these are is not said (no pid before the list, no psutil.Process repr): read as an unnamed process's",
          );
        }
        const holderPid = pid ?? UNNAMED_PID;
        const h = table.find(holderPid) ?? table.add(holderPid, '', undefined, n, text);
        for (const e of entries) {
          out.rows++;
          // Regular files only (psutil drops the rest): a path of no other kind is a file.
          const kind = linkTargetKind(e.path) === 'deleted-file' ? 'deleted-file' : 'file';
          table.fd(h, kind, 'REG', e.fd, undefined, n, text);
          if (table.wantsEntry(h)) table.entry(h, String(e.fd), kind, 'REG', e.path, undefined, undefined, n);
        }
      },
      end() {
        out.holders = table.holders();
        out.records = out.rows;
        if (out.rows === 0) ctx.warn(undefined, "no entry of psutil's open_files() found");
        return out;
      },
    };
  },
};
