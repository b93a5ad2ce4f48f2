// Whether an fd listing of a process is its whole table or an excerpt of it, by what its rows and
// its command show: a pick of lsof (a grep, `-d`, `| head`), rows that start high, rows far below
// the highest fd they show, rows without lsof's own rows for the process.
import type { FdHolder, FdTableArtifact } from '../sources/artifacts.js';
import { count } from '../sources/numbers.js';
import { lsofSelectsFiles, withoutSubstitutions } from '../command-words.js';

/**
 * lsof rows of a process that show neither lsof's own rows for it (cwd, rtd, txt: printed first for
 * every process lsof lists, unless `-d` or a grep picks fds) nor any of its standard streams 0-2:
 * rows picked out of its listing — a patch mail quoting python3 6500's libsolv fds 7 and 8 — not
 * its table, however whole the paste under lsof's header looks. Per-thread rows (a TID column) are
 * left to startsHigh and farBelowItsHighestFd: lsof prints a thread's rows under the process's own.
 */
export function pickedLsofRows(tool: FdTableArtifact['tool'], h: FdHolder): boolean {
  if (tool !== 'lsof' || h.otherRows > 0 || h.threadRows > 0 || h.fds === 0) return false;
  for (let i = 0; i < h.entries.length; i++) {
    const fd = Number.parseInt(h.entries.fd(i), 10);
    if (fd >= 0 && fd <= 2) return false;
  }
  return true;
}

/**
 * A listing that looks whole but shows none of the standard streams 0-2 while another listing of
 * the same process shows fds it lacks (libvips#3768: `/proc/1346/fd` pasted with fds 40 and 41 under
 * an `lsof | grep delete` of fds 40-48): rows copied out of the table, not the table. Tallies name
 * no fd number and say nothing either way.
 */
export function lacksFdsShownElsewhere(
  view: { holder: FdHolder; tally?: string },
  others: readonly { holder: FdHolder; tally?: string }[],
): boolean {
  if (view.tally) return false;
  const own = new Set(fdNumbers(view.holder));
  if (own.size === 0 || own.has(0) || own.has(1) || own.has(2)) return false;
  return others.some((o) => o !== view && !o.tally && fdNumbers(o.holder).some((fd) => fd >= 0 && !own.has(fd)));
}

/** The fd numbers of a holder's rows (lsof's cwd, txt and mem rows have none: NaN, left out). */
export function fdNumbers(h: FdHolder): number[] {
  const out: number[] = [];
  for (let i = 0; i < h.entries.length; i++) {
    const fd = Number.parseInt(h.entries.fd(i), 10);
    if (!Number.isNaN(fd)) out.push(fd);
  }
  return out;
}

/**
 * A process's rows that are one run of consecutive fds, three or more, none below 10 (dotnet's
 * 173-177: one thread's rows pasted under lsof's header): a window cut out of its table. fd 173 was
 * handed out while 0-172 were open; a process that has since closed them all, stdio with them, and
 * kept exactly a run above them is not what the rows show — a process's survivors are scattered (an
 * old haproxy worker's 125 and 128).
 */
export function startsHigh(h: FdHolder): boolean {
  if (h.fds < 3 || h.entries.length < h.fds) return false;
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  const seen = new Set<number>();
  for (let i = 0; i < h.entries.length; i++) {
    const fd = Number(h.entries.fd(i));
    if (!(fd >= FIRST_HIGH_FD)) return false;
    seen.add(fd);
    min = Math.min(min, fd);
    max = Math.max(max, fd);
  }
  return max - min + 1 === seen.size;
}

const FIRST_HIGH_FD = 10;

/**
 * A process whose rows show under a tenth of the fds its highest fd number says it held, that fd
 * 512 or more — half the usual default soft limit, where a process holds many fds —
 * (kube-apiserver's one row `*770u`: fd 10,770 or higher, alone under lsof's header; vault's fds
 * 0-8 and 977-992 under one header, 25 rows): fd N was handed out while N lower fds were open, so
 * the rows are an example picked out of its table, not its table — however whole the paste looks.
 * (bash's terminal on fd 255 is far below 512.)
 */
export function farBelowItsHighestFd(h: FdHolder): boolean {
  const highest = Math.max(h.maxFd ?? -1, h.maxFdAtLeast ?? -1);
  return highest >= FAR_FD && h.fds * 10 <= highest;
}

const FAR_FD = 512;

/**
 * `lsof -p 1 | grep x` (egrep, fgrep: `| egrep -v '(DIR|REG)'`), `lsof -d 369`, `... | head`, and
 * lsof's own selections (`lsof +L1`, `lsof -i`): views of part of a table.
 */
export function isFilteredCommand(command?: string): { pid?: number; fd?: string; cut: boolean } {
  if (!command) return { cut: false };
  const pid = /(?:^|\s)-p\s*(\d+)/.exec(command)?.[1];
  // A pid lookup's own words and pipes (`$(pgrep -d, -f web.cjs)`) select nothing of the listing.
  const outer = withoutSubstitutions(command);
  const fd = /(?:^|\s)-d\s*(\S+)/.exec(outer)?.[1];
  const cut = /\|\s*(?:[ef]?grep|head|tail|sed|awk)\b/.test(outer) || lsofSelectsFiles(outer);
  return { pid: count(pid), fd, cut };
}
