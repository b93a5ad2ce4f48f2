// ps -eLf lists a thread a row, its CMD the process's command line: each row still says which
// process the thread (LWP) is of — with its header or without it (`ps -eLf | grep prog`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLines } from '../../src/sources/run.js';
import { ps } from '../../src/sources/ps.js';
import { analyzeTranscript } from '../analyze-transcript.js';

// Round 257, test/accuracy/cases/py-feedpoll-poller-thread-sockets-strace-q.
const COMMAND = "ps -eLf | grep '[f]eedpoll'";
const ROWS = [
  'root     13265 13260 13265  0    4 16:24 ?        00:00:00 /root/.pyenv/versions/3.11.7/bin/python3 /tmp/r257/c2/feedpoll.py',
  'root     13265 13260 13339  0    4 16:24 ?        00:00:00 /root/.pyenv/versions/3.11.7/bin/python3 /tmp/r257/c2/feedpoll.py',
  'root     13265 13260 13340  0    4 16:24 ?        00:00:00 /root/.pyenv/versions/3.11.7/bin/python3 /tmp/r257/c2/feedpoll.py',
];
const HEADER = 'UID          PID    PPID     LWP  C NLWP STIME TTY          TIME CMD';

test('headerless ps -eLf rows are read as ps -eLf, not ps -ef: the process, and its threads as owners', () => {
  for (const rows of [ROWS, [HEADER, ...ROWS]]) {
    const r = parseLines(ps, rows, { command: COMMAND });
    assert.deepEqual(r.warnings, []);
    assert.equal(r.artifact.variant, 'eLf');
    assert.deepEqual(
      r.artifact.processes.map((p) => [p.pid, p.ppid, p.command, p.threads]),
      [[13265, 13260, 'python3', 4]],
    );
    assert.deepEqual(
      r.artifact.threadOwners?.map((o) => [o.tid, o.pid]),
      [
        [13339, 13265],
        [13340, 13265],
      ],
    );
    assert.deepEqual(r.artifact.threads, []);
  }
});

test('ps -ef rows keep their shape: no number stands where the TTY is', () => {
  const r = parseLines(ps, ['root         1     0  0 2025 ?        00:01:02 /sbin/init'], {});
  assert.equal(r.artifact.variant, 'ef');
  assert.deepEqual(
    r.artifact.processes.map((p) => [p.pid, p.ppid, p.command]),
    [[1, 0, 'init']],
  );
});

test('a strace that names no pid joins its tids to the process ps -eLf lists them under', async () => {
  const r = await analyzeTranscript(
    [
      `$ ${COMMAND}`,
      ...ROWS,
      '$ strace -q -f -tt -e trace=socket,openat,close -o poller.txt; cat poller.txt',
      ...[0, 1, 2, 3, 4, 5].map((i) => `[pid 13340] 16:25:0${i}.016999 socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = ${40 + i}`),
      '[pid 13339] 16:25:05.126748 openat(AT_FDCWD, "/tmp/r257/c2/feedpoll.conf", O_RDONLY|O_CLOEXEC) = 47',
      '[pid 13339] 16:25:05.126845 close(47)   = 0',
    ],
    'transcript.md',
  );
  assert.equal(r.suspects[0]?.pid, 13265);
});
