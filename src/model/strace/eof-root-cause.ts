// The root cause of sockets read to their end and never closed (`read(44<TCP:[…]>, "", 256) = 0`,
// no close of 44 after): the thread that met the end and skipped close(), read off the same lines as
// the strace-eof-kept signal. A capture of `%desc` calls shows no accept, so no creation pattern
// names the thread: this does.
import { ref } from '../../types.js';
import { formatNumber } from '../../format.js';
import { threadOfPid } from '../../process-label.js';
import { capitalise } from '../../text.js';
import type { StraceAnalysis, StraceRootCause } from './types.js';

/** From this many TCP sockets read to their end and kept, the capture shows a path that never closes them. */
export const EOF_KEPT = 3;

/**
 * The thread that kept the most sockets it read to their end, when the capture shows at least
 * EOF_KEPT of them (the signal's decisive weight); `pidOf` maps a tid to its process.
 */
export function eofKeptRootCause(
  eof: StraceAnalysis['eofKept'],
  pidOf: (tid: number) => number,
  nameOf: (tid: number) => string | null,
): StraceRootCause | null {
  if (eof.total < EOF_KEPT || eof.fds.length === 0) return null;
  const perTid = new Map<number, number>();
  for (const k of eof.fds) perTid.set(k.tid, (perTid.get(k.tid) ?? 0) + 1);
  const [tid, count] = [...perTid.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  const kept = eof.fds.filter((k) => k.tid === tid);
  const pid = pidOf(tid);
  const who = threadOfPid(tid, nameOf(tid), pid);
  const fds = kept.slice(0, 5).map((k) => k.fd);
  return {
    basis: 'leak',
    pid,
    tid,
    fd: null,
    path: null,
    message: null,
    statement:
      `${capitalise(who)} read ${formatNumber(count)} TCP socket${count === 1 ? '' : 's'} to ${count === 1 ? 'its' : 'their'} end ` +
      `(the peer closed: a read returned 0) and never closed ${count === 1 ? 'it' : 'them'} after (fd ${fds.join(', ')}${kept.length > 5 ? ' …' : ''}): ` +
      'the path that meets the end skips close(), and each socket stays in CLOSE_WAIT.',
    evidence: kept.slice(0, 4).map((k) => ref(k.file, k.line, k.text)),
  };
}
