// The pre-filter alone, in front of a stand-in sink: which lines it counts from their bytes (calls
// the table does not list, table calls without their words, writes past their samples) and which
// it leaves to the text path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPrefilter, type PrefilterTarget } from '../../src/sources/strace/prefilter.js';
import type { FdWrites, StraceShape } from '../../src/sources/strace/types.js';

function setup(shape: Partial<StraceShape> = {}) {
  const counted: [number, number, boolean, number][] = [];
  const full = new Map<string, FdWrites>();
  const pending = new Map<number, { name: string; counted?: FdWrites; cut?: boolean }>();
  const target: PrefilterTarget = {
    shape: { pidPrefix: 'column', timeBase: 'clock', durations: false, fdPaths: false, truncatedStrings: false, ...shape },
    started: true,
    printed: new Float64Array(1),
    count: (tid, n, parsed) => counted.push([tid, n, parsed, target.printed[0]]),
    pending: (tid) => pending.get(tid),
    resume: (tid) => pending.delete(tid),
    fullWrites: (tid, fd) => full.get(`${tid}:${fd}`),
  };
  const pre = createPrefilter(target, undefined);
  let n = 0;
  const feed = (line: string): boolean => {
    const b = Buffer.from(line);
    return pre(b, 0, b.length, ++n);
  };
  const writes = (tid: number, fd: number, path?: string): FdWrites => {
    const w: FdWrites = {
      tid,
      fd,
      path,
      count: 8,
      bytes: 80,
      samples: [],
      first: { time: null, line: 1, lineText: '', text: '', bytes: 10, truncated: false },
    };
    full.set(`${tid}:${fd}`, w);
    return w;
  };
  return { target, counted, pending, feed, writes };
}

const T = 12 * 3600;

test('calls the table does not list are counted for their thread at their time; -T and -y are noted', () => {
  const { target, counted, feed } = setup();
  assert.equal(feed('100  12:00:00.000001 futex(0x7f00, FUTEX_WAKE_PRIVATE, 1) = 0 <0.000010>'), true);
  assert.equal(feed('101  12:00:00.250000 recvfrom(9<socket:[1]>, "GET /", 4096, 0, NULL, NULL) = 5'), true);
  assert.equal(feed('101  12:00:00.500000 epoll_wait(5, [], 300, 207 <unfinished ...>'), true);
  assert.deepEqual(counted, [
    [100, 1, false, T + 0.000001],
    [101, 2, false, T + 0.25],
    [101, 3, false, T + 0.5],
  ]);
  assert.deepEqual([target.shape.durations, target.shape.fdPaths], [true, true]);
});

test('calls of the table go to the text path, unless their line holds none of the words that make them matter', () => {
  const { counted, feed } = setup();
  assert.equal(feed('100  12:00:00.000001 close(9) = 0'), false);
  assert.equal(feed('100  12:00:00.000002 fcntl(9, F_SETFD, FD_CLOEXEC) = 0'), false);
  assert.equal(feed('100  12:00:00.000003 fcntl(9, F_GETFL) = 0x2 (flags O_RDWR)'), true);
  assert.equal(feed('100  12:00:00.000004 getsockopt(9, SOL_SOCKET, SO_LINGER, {l_onoff=0, l_linger=0}, [8]) = 0'), true);
  assert.equal(feed('100  12:00:00.000005 getsockopt(9, SOL_SOCKET, SO_ERROR, [0], [4]) = 0'), false);
  assert.equal(feed('100  12:00:00.000006 fcntl(9, F_GETFD <unfinished ...>'), false);
  assert.deepEqual(
    counted.map(([, n, parsed]) => [n, parsed]),
    [
      [3, true],
      [4, true],
    ],
  );
});

test('writes to an fd whose samples are full are counted (size, -s cut); others, and unfinished ones, go to the text path', () => {
  const { target, feed, writes } = setup();
  const w = writes(100, 3, '/var/log/a.log');
  assert.equal(feed('100  12:00:00.000001 write(3</var/log/a.log>, "a \\"quoted\\" = b\\n", 16) = 16 <0.000010>'), true);
  assert.equal(feed('100  12:00:00.000002 write(3, "long"..., 4096) = 4096'), true);
  assert.equal(feed('100  12:00:00.000003 write(3, "x", 1) = -1 EAGAIN (Resource temporarily unavailable)'), true);
  assert.deepEqual([w.count, w.bytes, target.shape.truncatedStrings], [11, 80 + 16 + 4096, true]);
  assert.equal(feed('100  12:00:00.000004 write(4, "x", 1) = 1'), false, 'samples not full');
  assert.equal(feed('100  12:00:00.000005 write(3, "x", 1 <unfinished ...>'), false, 'unfinished');
  assert.equal(feed('100  12:00:00.000006 write(3, "x", 1) = 2147483648'), false, 'a size no write returns');
  writes(100, 5);
  assert.equal(feed('100  12:00:00.000007 write(5</tmp/new.log>, "x", 1) = 1'), false, 'a -y path to learn');
});

test('resumptions: counted when nothing is pending, or when a write whose samples are full resumes', () => {
  const { counted, pending, feed, writes } = setup();
  assert.equal(feed('100  12:00:00.000001 <... futex resumed>) = 0'), true);
  pending.set(100, { name: 'close' });
  assert.equal(feed('100  12:00:00.000002 <... close resumed>) = 0'), false);
  const w = writes(101, 3);
  pending.set(101, { name: 'write', counted: w, cut: true });
  assert.equal(feed('101  12:00:00.000003 <... writev resumed>) = 7'), false, 'another call resumed');
  assert.equal(feed('101  12:00:00.000004 <... write resumed>) = 7 <0.000010>'), true);
  assert.deepEqual([w.count, w.bytes, pending.has(101)], [9, 87, false]);
  assert.deepEqual(
    counted.map(([tid, n, parsed]) => [tid, n, parsed]),
    [
      [100, 1, false],
      [101, 4, true],
    ],
  );
});

test('lines of another shape go to the text path: signals, exits, [pid N], other times, before the first line', () => {
  const { target, feed } = setup();
  for (const line of [
    '100  12:00:00.000001 --- SIGCHLD {si_signo=SIGCHLD} ---',
    '100  12:00:00.000002 +++ exited with 0 +++',
    '[pid   100] 12:00:00.000003 futex(0x1, FUTEX_WAKE_PRIVATE, 1) = 0',
    '100  1795633799.890537 futex(0x1, FUTEX_WAKE_PRIVATE, 1) = 0',
    '100  99:00:00.000000 futex(0x1, FUTEX_WAKE_PRIVATE, 1) = 0',
    '100  futex(0x1, FUTEX_WAKE_PRIVATE, 1) = 0',
    '100  12:00:00.000004 a_call_name_longer_than_thirty_two_bytes(1) = 0',
  ])
    assert.equal(feed(line), false, line);
  target.started = false;
  assert.equal(feed('100  12:00:00.000005 futex(0x1, FUTEX_WAKE_PRIVATE, 1) = 0'), false);
});

test('times other than -tt at fixed offsets: -ttt, and -tt with fewer digits', () => {
  const epoch = setup({ timeBase: 'epoch' });
  assert.equal(epoch.feed('100  1795633799.890537 futex(0x1, FUTEX_WAKE_PRIVATE, 1) = 0'), true);
  assert.equal(epoch.counted[0][3], 1795633799.890537);
  const clock = setup();
  assert.equal(clock.feed('100  12:00:00.5 futex(0x1, FUTEX_WAKE_PRIVATE, 1) = 0'), true);
  assert.equal(clock.counted[0][3], T + 0.5);
});
