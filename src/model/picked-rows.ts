import type { FdHolder, FdTableArtifact } from '../sources/artifacts.js';

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
