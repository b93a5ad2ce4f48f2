// A thread that closes none of the fds it makes piles them up, however few a short window shows.
// Real lines, c-notifyd-signalfd-eventfd-lsfd-strace (captured here, round 170):
//   timeout 4 strace -f -tt -p 16425 -o strace-f-tt.txt — seven eventfd2 and seven signalfd4 in
//   four seconds, no close; below the pile of ten a closing thread's pattern needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStraceSink } from '../../src/sources/strace/sink.js';
import { analyzeStrace } from '../../src/model/strace/analyze.js';

const LINES = [
  '16425 08:35:09.962942 restart_syscall(<... resuming interrupted read ...>) = 0',
  '16425 08:35:10.426115 eventfd2(0, EFD_NONBLOCK) = 483',
  '16425 08:35:10.433034 signalfd4(-1, [USR1], 8, SFD_NONBLOCK) = 484',
  '16425 08:35:10.440151 clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=500000000}, NULL) = 0',
  '16425 08:35:10.946761 eventfd2(0, EFD_NONBLOCK) = 485',
  '16425 08:35:10.946917 signalfd4(-1, [USR1], 8, SFD_NONBLOCK) = 486',
  '16425 08:35:10.947040 clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=500000000}, NULL) = 0',
  '16425 08:35:11.450842 eventfd2(0, EFD_NONBLOCK) = 487',
  '16425 08:35:11.450890 signalfd4(-1, [USR1], 8, SFD_NONBLOCK) = 488',
  '16425 08:35:11.450920 clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=500000000}, NULL) = 0',
  '16425 08:35:11.951137 eventfd2(0, EFD_NONBLOCK) = 489',
  '16425 08:35:11.951192 signalfd4(-1, [USR1], 8, SFD_NONBLOCK) = 490',
  '16425 08:35:11.951268 clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=500000000}, NULL) = 0',
  '16425 08:35:12.451450 eventfd2(0, EFD_NONBLOCK) = 491',
  '16425 08:35:12.451501 signalfd4(-1, [USR1], 8, SFD_NONBLOCK) = 492',
  '16425 08:35:12.451533 clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=500000000}, NULL) = 0',
  '16425 08:35:12.951730 eventfd2(0, EFD_NONBLOCK) = 493',
  '16425 08:35:12.951773 signalfd4(-1, [USR1], 8, SFD_NONBLOCK) = 494',
  '16425 08:35:12.951797 clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=500000000}, NULL) = 0',
  '16425 08:35:13.452010 eventfd2(0, EFD_NONBLOCK) = 495',
  '16425 08:35:13.452054 signalfd4(-1, [USR1], 8, SFD_NONBLOCK) = 496',
];

function analyze(lines: readonly string[]) {
  const sink = createStraceSink({ file: 'strace-f-tt.txt', warn: () => {} });
  for (const [i, l] of lines.entries()) sink.line(l, i + 1);
  return analyzeStrace([{ file: 'strace-f-tt.txt', artifact: sink.end() }]);
}

test('seven eventfd2 made and none closed across the window: the thread is the root cause', () => {
  const rc = analyze(LINES).rootCause;
  assert.ok(rc, 'a root cause');
  assert.equal(rc.tid, 16425);
  assert.equal(rc.pid, 16425);
});

test('the same few creations with a close for each are no pile', () => {
  const closing = LINES.flatMap((l) => {
    const m = / = (\d+)$/.exec(l);
    return m && /(eventfd2|signalfd4)\(/.test(l) ? [l, `${l.slice(0, 22)}close(${m[1]}) = 0`] : [l];
  });
  assert.equal(analyze(closing).rootCause, null);
});

test("a thread that accepts as many connections and closes none is a server's acceptor, not a pile: its clients close them", () => {
  // The same window's shape, the creations replaced by the accept4 of a server whose workers own the
  // connections (still open when the capture ended).
  let fd = 483;
  // Seven, below the pile of ten that a pattern of any thread needs already.
  const accepting = LINES.filter((l) => !l.includes('signalfd4(')).map((l) =>
    l.includes('eventfd2(')
      ? `${l.slice(0, 22)}accept4(3, {sa_family=AF_INET, sin_port=htons(40000), sin_addr=inet_addr("10.0.0.9")}, [16], SOCK_CLOEXEC) = ${fd++}`
      : l,
  );
  assert.equal(analyze(accepting).rootCause, null);
});
