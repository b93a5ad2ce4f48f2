// lsof rows whose widths are not the header's (consul#3018: the user name edited shorter, `dhv`,
// under lsof's `USER` column), and lsof 4.9x's lock after a mapped file's FD word (`mem-W`). The
// lines are the thread's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lsof } from '../../src/sources/lsof.js';
import { parseLines } from '../../src/sources/run.js';

const CONSUL = [
  'COMMAND   PID   USER   FD   TYPE DEVICE SIZE/OFF     NODE NAME',
  'consul  14999 dhv  cwd    DIR    8,2     4096 11534338 /home/dhv',
  'consul  14999 dhv  rtd    DIR    8,2     4096        2 /',
  'consul  14999 dhv  txt    REG    8,2 36750462 11539023 /home/dhv/consul',
  'consul  14999 dhv  mem-W  REG    8,2    65536 11928798 /home/dhv/tmp/raft/raft.db',
  'consul  14999 dhv    0u   CHR  136,2      0t0        5 /dev/pts/2',
  'consul  14999 dhv    1u   CHR  136,2      0t0        5 /dev/pts/2',
  'consul  14999 dhv    2u   CHR  136,2      0t0        5 /dev/pts/2',
  'consul  14999 dhv    3r   CHR    1,9      0t0     1034 /dev/urandom',
];

test('a row shorter than the NAME column whose TYPE is not under the header is read by its words, not taken for a cut row', () => {
  const r = parseLines(lsof, CONSUL);
  assert.deepEqual(r.warnings, []);
  assert.equal(r.artifact.rows, 8);
  assert.deepEqual(
    r.artifact.holders?.map((h) => [h.pid, h.fds, h.otherRows]),
    [[14999, 4, 4]],
  );
});

test('a row that fits the columns up to TYPE and stops before NAME is still a cut row', () => {
  const header = 'COMMAND   PID USER   FD   TYPE DEVICE SIZE/OFF    NODE NAME';
  const row = 'java    12345 app   12u   IPv4 123456      0t0';
  const r = parseLines(lsof, [header, row, 'java    12345 app   13u   IPv4 123457      0t0     TCP *:8080 (LISTEN)']);
  assert.ok(r.warnings.some((w) => w.message === 'lsof row stops before its NAME column'));
});
