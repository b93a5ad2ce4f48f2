// A Node cluster's workers are execed (`/usr/bin/node`, another name than the primary's `webd`),
// yet the pipes, unix socket and epoll/eventfd fds they hold are their own event loop's and IPC
// channel's: lsof's NODE shows other inodes than the primary's, and an anonymous inode's name
// (`[eventpoll]`) says its type, not which one it is. Real lines: the captured case
// node-cluster-six-workers-healthy (primary 5152, workers 5207 and 5210 of six).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

const PS = [
  'root@web-3:~# ps -o pid,ppid,nlwp,etime,cmd --ppid 5152',
  '  PID  PPID NLWP     ELAPSED CMD',
  ' 5207  5152    7       00:12 /usr/bin/node /tmp/main-186/test/accuracy/cases/node-cluster-six-workers-healthy/program/web.cjs /srv/acc186/web/web.json /srv/acc186/web/web.log',
  ' 5210  5152    7       00:12 /usr/bin/node /tmp/main-186/test/accuracy/cases/node-cluster-six-workers-healthy/program/web.cjs /srv/acc186/web/web.json /srv/acc186/web/web.log',
  ' 5214  5152    7       00:12 /usr/bin/node /tmp/main-186/test/accuracy/cases/node-cluster-six-workers-healthy/program/web.cjs /srv/acc186/web/web.json /srv/acc186/web/web.log',
  ' 5219  5152    7       00:12 /usr/bin/node /tmp/main-186/test/accuracy/cases/node-cluster-six-workers-healthy/program/web.cjs /srv/acc186/web/web.json /srv/acc186/web/web.log',
  ' 5222  5152    7       00:12 /usr/bin/node /tmp/main-186/test/accuracy/cases/node-cluster-six-workers-healthy/program/web.cjs /srv/acc186/web/web.json /srv/acc186/web/web.log',
  ' 5233  5152    7       00:12 /usr/bin/node /tmp/main-186/test/accuracy/cases/node-cluster-six-workers-healthy/program/web.cjs /srv/acc186/web/web.json /srv/acc186/web/web.log',
];

const LSOF_HEADER = 'COMMAND   PID USER   FD      TYPE             DEVICE SIZE/OFF     NODE NAME';

const ROWS = [
  'webd     5152 root    0r      CHR                1,3      0t0        3 /dev/null',
  'webd     5152 root    1w      CHR                1,3      0t0        3 /dev/null',
  'webd     5152 root    2w      CHR                1,3      0t0        3 /dev/null',
  'webd     5152 root    3u  a_inode               0,16        0     1038 [eventpoll]',
  'webd     5152 root    4r     FIFO               0,15      0t0 10423879 pipe',
  'webd     5152 root    5w     FIFO               0,15      0t0 10423879 pipe',
  'webd     5152 root    6r     FIFO               0,15      0t0 10423880 pipe',
  'webd     5152 root    7w     FIFO               0,15      0t0 10423880 pipe',
  'webd     5152 root    8u  a_inode               0,16        0     1038 [eventfd:15]',
  'webd     5152 root    9u  a_inode               0,16        0     1038 [eventpoll:10,12]',
  'webd     5152 root   10r     FIFO               0,15      0t0 10424494 pipe',
  'webd     5152 root   11w     FIFO               0,15      0t0 10424494 pipe',
  'webd     5152 root   12u  a_inode               0,16        0     1038 [eventfd:20]',
  'webd     5152 root   13u  a_inode               0,16        0     1038 [eventpoll:14,16,18,19,20,21,22,23,24]',
  'webd     5152 root   14r     FIFO               0,15      0t0 10424503 pipe',
  'webd     5152 root   15w     FIFO               0,15      0t0 10424503 pipe',
  'webd     5152 root   16u  a_inode               0,16        0     1038 [eventfd:22]',
  'webd     5152 root   17r      CHR                1,3      0t0        3 /dev/null',
  'webd     5152 root   18u     unix 0x00000000097703d2      0t0 10424616 type=STREAM (CONNECTED)',
  'webd     5152 root   19u     unix 0x000000006dd79cc2      0t0 10424628 type=STREAM (CONNECTED)',
  'webd     5152 root   20u     unix 0x0000000037d9348e      0t0 10424644 type=STREAM (CONNECTED)',
  'webd     5152 root   21u     unix 0x00000000eae1e72f      0t0 10424664 type=STREAM (CONNECTED)',
  'webd     5152 root   22u     unix 0x0000000090187b06      0t0 10424677 type=STREAM (CONNECTED)',
  'webd     5152 root   23u     unix 0x000000002f794a30      0t0 10424712 type=STREAM (CONNECTED)',
  'webd     5152 root   24u     IPv4           10424974      0t0      TCP 127.0.0.1:18787 (LISTEN)',
  'node     5207 root    0r      CHR                1,3      0t0        3 /dev/null',
  'node     5207 root    1w      CHR                1,3      0t0        3 /dev/null',
  'node     5207 root    2w      CHR                1,3      0t0        3 /dev/null',
  'node     5207 root    3u     unix 0x00000000f81c62d1      0t0 10424617 type=STREAM (CONNECTED)',
  'node     5207 root    4u  a_inode               0,16        0     1038 [eventpoll]',
  'node     5207 root    5r     FIFO               0,15      0t0 10424990 pipe',
  'node     5207 root    6w     FIFO               0,15      0t0 10424990 pipe',
  'node     5207 root    7r     FIFO               0,15      0t0 10424991 pipe',
  'node     5207 root    8w     FIFO               0,15      0t0 10424991 pipe',
  'node     5207 root    9u  a_inode               0,16        0     1038 [eventfd:113]',
  'node     5207 root   10u  a_inode               0,16        0     1038 [eventpoll:11,13]',
  'node     5207 root   11r     FIFO               0,15      0t0 10424992 pipe',
  'node     5207 root   12w     FIFO               0,15      0t0 10424992 pipe',
  'node     5207 root   13u  a_inode               0,16        0     1038 [eventfd:114]',
  'node     5207 root   14u  a_inode               0,16        0     1038 [eventpoll:3,15,17]',
  'node     5207 root   15r     FIFO               0,15      0t0 10424993 pipe',
  'node     5207 root   16w     FIFO               0,15      0t0 10424993 pipe',
  'node     5207 root   17u  a_inode               0,16        0     1038 [eventfd:115]',
  'node     5207 root   18r      CHR                1,3      0t0        3 /dev/null',
  'node     5210 root    0r      CHR                1,3      0t0        3 /dev/null',
  'node     5210 root    1w      CHR                1,3      0t0        3 /dev/null',
  'node     5210 root    2w      CHR                1,3      0t0        3 /dev/null',
  'node     5210 root    3u     unix 0x000000000971af28      0t0 10424629 type=STREAM (CONNECTED)',
  'node     5210 root    4u  a_inode               0,16        0     1038 [eventpoll]',
  'node     5210 root    5r     FIFO               0,15      0t0 10424975 pipe',
  'node     5210 root    6w     FIFO               0,15      0t0 10424975 pipe',
  'node     5210 root    7r     FIFO               0,15      0t0 10424976 pipe',
  'node     5210 root    8w     FIFO               0,15      0t0 10424976 pipe',
  'node     5210 root    9u  a_inode               0,16        0     1038 [eventfd:107]',
  'node     5210 root   10u  a_inode               0,16        0     1038 [eventpoll:11,13]',
  'node     5210 root   11r     FIFO               0,15      0t0 10424977 pipe',
  'node     5210 root   12w     FIFO               0,15      0t0 10424977 pipe',
  'node     5210 root   13u  a_inode               0,16        0     1038 [eventfd:108]',
  'node     5210 root   14u  a_inode               0,16        0     1038 [eventpoll:3,15,17]',
  'node     5210 root   15r     FIFO               0,15      0t0 10424978 pipe',
  'node     5210 root   16w     FIFO               0,15      0t0 10424978 pipe',
  'node     5210 root   17u  a_inode               0,16        0     1038 [eventfd:109]',
  'node     5210 root   18r      CHR                1,3      0t0        3 /dev/null',
];

const analyzeText = (lines: string[]) => analyzeTranscript(lines, 'transcript.md', now);
const lsof = (rows: string[]) => ['root@web-3:~# lsof -n -P -p 5152,5207,5210', LSOF_HEADER, ...rows];

test("cluster workers' own loop pipes, IPC socket and epoll are not their primary's: no inherited-fds-held", async () => {
  const r = await analyzeText([...PS, ...lsof(ROWS)]);
  const reasons = r.suspects.flatMap((s) => s.reasons.map((x) => x.signal));
  assert.ok(!reasons.includes('inherited-fds-held'), reasons.join(', '));
});

test('a worker holding a pipe of the primary by its inode (NODE) still kept it: inherited-fds-held', async () => {
  // The primary's pipe 10423879 (its fds 4 and 5) also at the worker's fd 5.
  const rows = ROWS.map((l) => (l.startsWith('node     5207') && /\s5r\s/.test(l) ? l.replace('10424990', '10423879') : l));
  const r = await analyzeText([...PS, ...lsof(rows)]);
  const held = r.suspects.find((s) => s.pid === 5152)?.reasons.find((x) => x.signal === 'inherited-fds-held');
  assert.ok(held, 'inherited-fds-held for 5152');
  assert.equal(held.count, 1);
});

test("an excerpt of the primary's listing does not show which inodes it lacks: the workers' pipes still count", async () => {
  const parent = ROWS.filter((l) => l.startsWith('webd')).slice(-8);
  const workers = ROWS.filter((l) => l.startsWith('node'));
  const r = await analyzeText([
    ...PS,
    'root@web-3:~# lsof -n -P -p 5152 | tail -8',
    LSOF_HEADER,
    ...parent,
    'root@web-3:~# lsof -n -P -p 5207,5210',
    LSOF_HEADER,
    ...workers,
  ]);
  const held = r.suspects.find((s) => s.pid === 5152)?.reasons.find((x) => x.signal === 'inherited-fds-held');
  assert.ok(held, 'inherited-fds-held for 5152');
});
