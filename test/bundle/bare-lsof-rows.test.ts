// lsof rows left outside the fences of a Markdown write-up (accuracy round 240), keepalived#1374's
// real lines: a log fenced in one comment, then in the next `Here is the lsof output of keepalived
// process:`, `After stated:` and the rows as a paragraph, no fence — lsof's wide blank TID column kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { bareFdRowsEnd, isBareLsofFdRow } from '../../src/bundle/bare-fd-rows.js';

const ROWS = [
  'keepalive 19382                            root    0u      CHR                1,3       0t0       1028 /dev/null',
  'keepalive 19382                            root    1u      CHR                1,3       0t0       1028 /dev/null',
  'keepalive 19382                            root    2u      CHR                1,3       0t0       1028 /dev/null',
  'keepalive 19382                            root    3u     unix 0x000000008c472cab       0t0   52055277 type=DGRAM',
  'keepalive 19382                            root    4u  netlink                          0t0   52055278 CONNECTOR',
  'keepalive 19382                            root    5u  a_inode               0,13         0      10961 [eventpoll]',
  'keepalive 19382                            root    6u  a_inode               0,13         0      10961 [timerfd]',
];

const THREAD = [
  'Since the vrrp process is reporting an error with fd 65, it looks as though keepalived is losing file descriptors when reloading. Also the error messages:',
  '```',
  'Keepalived_vrrp[16938]: scheduler: Error performing control on EPOLL instance (File exists)',
  'Keepalived_vrrp[16938]: scheduler: Cant register read event for fd [8](File exists)',
  '```',
  'look as though something is going wring with file descriptors.',
  '',
  'Here is the lsof output of keepalived process:',
  'After stated:',
  ...ROWS,
];

test('unfenced lsof rows of a Markdown write-up are a listing of their own', () => {
  const items = splitTranscript(THREAD);
  const listing = items.find((it) => it.output.some((o) => o.text.startsWith('keepalive 19382')));
  assert.ok(listing, 'the rows are an item');
  assert.equal(listing.command, null);
  assert.deepEqual(
    listing.output.map((o) => o.line),
    ROWS.map((_, k) => 10 + k),
  );
});

test('a run of rows ends at the first line that is none; a sentence opens none', () => {
  assert.equal(bareFdRowsEnd(THREAD, 9), 16);
  assert.equal(bareFdRowsEnd(THREAD, 7), 7);
  assert.equal(bareFdRowsEnd(THREAD, 8), 8);
  assert.ok(isBareLsofFdRow(ROWS[3]));
  // daemontools-encore#8's one row in prose, no TID column.
  assert.ok(
    isBareLsofFdRow('jsvc.amd6 25438 root    5w   REG                8,1       20  3802558 /var/lib/service/datanode/supervise/status'),
  );
  assert.equal(isBareLsofFdRow('There are still more than one thousand lines excluding mem,cwd,rtd,txt entries.'), false);
  assert.equal(isBareLsofFdRow('keepalive 325339 root  cwd       DIR              253,0      235      128 /'), false);
});

// rockstor-core#1656 (accuracy round 263): an issue written without any fence — limits.d lines, a
// systemd override, then `lsof give this` and one row of a host-wide lsof (TID column) under no
// command, then a sentence. The row is a listing of its own there too, as `ls -l` link rows are.
const ROCKSTOR = [
  'The php frontend crash even with 10000 files. It just take longer.',
  'There is a FD leak on /tmp/exports',
  'lsof give this',
  'gunicorn   13354 13367                     root  615u      REG               0,40          592    9875127 /tmp/exports (deleted)',
  '',
  '3700+ files after few days',
];

test('an lsof row pasted as plain text in a paste with no fences is a listing of its own', () => {
  const items = splitTranscript(ROCKSTOR);
  const listing = items.find((it) => it.output.some((o) => o.text.startsWith('gunicorn   13354')));
  assert.ok(listing, 'the row is an item');
  assert.equal(listing.command, null);
  assert.deepEqual(
    listing.output.map((o) => o.line),
    [4],
  );
});
