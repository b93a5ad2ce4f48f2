// One internet socket in the lsof rows of processes of two or more programs (its DEVICE, the
// socket's inode on Linux, the same in each): only a fork shares a socket, and only an fd not
// marked close-on-exec survives the execve into another program. FoldingAtHome/fah-client-bastet#361:
// `fah-client` 406867 and its cores FahCore_2 and FahCore_a all hold socket 1803652 on fd 27.
import type { EvidenceRef } from '../types.js';
import type { FdHolder } from '../sources/artifacts.js';

/** Sockets looked at per capture (the lsof reader keeps at most 1,024 a process, 20,000 a listing, each row cut). */
const MAX_SOCKETS = 100_000;
/** Shared sockets reported per capture. */
const MAX_SHARED = 64;

export interface SharedSocket {
  owners: { pid: number; command?: string }[];
  ev: EvidenceRef;
}

/** The sockets of one capture held by processes of two or more programs (by command name). */
export function sharedSockets(holders: readonly FdHolder[], file: string): SharedSocket[] {
  const byInode = new Map<number, { owners: Map<number, string | undefined>; line: number; text: string }>();
  let looked = 0;
  for (const h of holders) {
    for (const x of h.inetSockets ?? []) {
      if (++looked > MAX_SOCKETS) break;
      const seen = byInode.get(x.inode) ?? { owners: new Map(), line: x.line, text: x.text };
      seen.owners.set(h.pid, h.command ?? undefined);
      byInode.set(x.inode, seen);
    }
  }
  const out: SharedSocket[] = [];
  for (const x of byInode.values()) {
    if (new Set(x.owners.values()).size < 2) continue;
    out.push({ owners: [...x.owners].map(([pid, command]) => ({ pid, command })), ev: { file, line: x.line, text: x.text } });
    if (out.length >= MAX_SHARED) break;
  }
  return out;
}
