// Event loops in a listing: the epoll fds and wake-up pipes or eventfds that selectors are made of.
import type { EvidenceRef } from '../../types.js';
import type { FdHolder } from '../../sources/artifacts.js';
import { CUT_FD_BASE } from '../../sources/fd-holders.js';
import type { LeakKind } from '../../result.js';
import { formatNumber as fmt } from '../../format.js';

/**
 * A selector (Java NIO, netty, libevent) is one object of several fds: an `[eventpoll]` and its
 * wake-up pipe pair or eventfd. Where a listing shows epoll fds, its pipes and anonymous inodes are
 * counted together, as the selectors they make up, under the kind most of them are. Only those on
 * fd 50 and above (`fromFd`): a program makes its own event loop as it starts, on its
 * lowest fds (libuv's epoll, signal pipes and eventfds sit on fds 3-13); fd 50 was handed out
 * when 50 lower ones were open. An older lsof names no anonymous inode's type (`REG 0,9 … anon_inode`,
 * `0000 … anon_inode`): where a listing names none of them, an untyped one beside the pipes there
 * may be the epoll, and is counted as one (netty#5653's `73r FIFO pipe`, `74w FIFO pipe`,
 * `75u REG 0,9 0 4032 anon_inode`, a selector repeated 28K times).
 */
export function eventLoops(
  h: FdHolder,
  fromFd: number,
): { count: number; ofKind: number; kind: LeakKind; what: string; evidence: EvidenceRef[] } | null {
  const list = h.entries;
  let epoll = false;
  let typed = false;
  let untyped = false;
  let pipes = 0;
  let anon = 0;
  const evidence: EvidenceRef[] = [];
  for (const i of list.ofKind('pipe', 'anon')) {
    const kind = list.kind(i);
    if (!(fdNumber(list.fd(i)) >= fromFd)) continue;
    if (kind === 'pipe') pipes++;
    else {
      anon++;
      const name = list.name(i);
      if (name.includes('eventpoll')) epoll = true;
      if (name.trim() === UNTYPED) untyped = true;
      else typed = true;
    }
    if (evidence.length < 3) evidence.push(list.ev(i));
  }
  if (!epoll && !(untyped && !typed && pipes > 0)) return null;
  return {
    count: pipes + anon,
    ofKind: Math.max(pipes, anon),
    kind: pipes > anon ? 'pipe' : 'anon-inode',
    what:
      `the fds of event loops (${fmt(pipes)} pipe${pipes === 1 ? '' : 's'} and ${fmt(anon)} epoll or other anonymous inode${anon === 1 ? '' : 's'}: ` +
      'a selector is an epoll fd with its wake-up pipe or eventfd)',
    evidence,
  };
}

/** The NAME an older lsof prints for an anonymous inode whose type it does not read. */
const UNTYPED = 'anon_inode';

/** An fd as a listing prints it: `763`, lsof's `*207` (10,000 or more); NaN for none. */
function fdNumber(fd: string): number {
  if (fd.startsWith('*')) return CUT_FD_BASE;
  return /^\d{1,9}$/.test(fd) ? Number(fd) : Number.NaN;
}
