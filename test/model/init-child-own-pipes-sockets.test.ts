// A child's pipes and sockets are its parent's only when the parent could have passed them: a whole
// listing of the parent that shows no pipe or socket at all says it holds none. Real lines: the
// captured case node-dumb-init-pid1-api-healthy-lsof (dumb-init 10662 as pid 1, node 10667 its child).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

const PS = [
  'root@web-4:/# ps -o pid,ppid,cmd -p 10658,10662,10667',
  '  PID  PPID CMD',
  '10658 10625 unshare --fork --pid --mount-proc dumb-init node /srv/acc267/api/api.js',
  '10662 10658 dumb-init node /srv/acc267/api/api.js',
  '10667 10662 node /srv/acc267/api/api.js',
];

const INIT = [
  'root@web-4:/# lsof -p 10662',
  'COMMAND     PID USER   FD   TYPE DEVICE SIZE/OFF    NODE NAME',
  'dumb-init 10662 root  cwd    DIR  254,0     4096       2 /',
  'dumb-init 10662 root  rtd    DIR  254,0     4096       2 /',
  'dumb-init 10662 root  txt    REG  254,0    18552 2171102 /usr/bin/dumb-init',
  'dumb-init 10662 root  mem    REG  254,0  1926232  339380 /usr/lib/x86_64-linux-gnu/libc.so.6',
  'dumb-init 10662 root  mem    REG  254,0   215000  338944 /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2',
  'dumb-init 10662 root    0r   CHR    1,3      0t0       3 /dev/null',
  'dumb-init 10662 root    1w   CHR    1,3      0t0       3 /dev/null',
  'dumb-init 10662 root    2w   CHR    1,3      0t0       3 /dev/null',
];

const NODE = [
  'root@web-4:/# lsof -p 10667',
  'COMMAND   PID USER   FD      TYPE   DEVICE SIZE/OFF     NODE NAME',
  'node    10667 root  cwd       DIR    254,0     4096  2736412 /tmp/w267',
  'node    10667 root  rtd       DIR    254,0     4096        2 /',
  'node    10667 root  txt       REG    254,0 98932688   260689 /usr/bin/node',
  'node    10667 root    0r      CHR      1,3      0t0        3 /dev/null',
  'node    10667 root    1w      CHR      1,3      0t0        3 /dev/null',
  'node    10667 root    2w      CHR      1,3      0t0        3 /dev/null',
  'node    10667 root    3u  a_inode     0,16        0     1038 [eventpoll]',
  'node    10667 root    4r     FIFO     0,15      0t0 15429029 pipe',
  'node    10667 root    5w     FIFO     0,15      0t0 15429029 pipe',
  'node    10667 root    6r     FIFO     0,15      0t0 15429030 pipe',
  'node    10667 root    7w     FIFO     0,15      0t0 15429030 pipe',
  'node    10667 root    8u  a_inode     0,16        0     1038 [eventfd:30]',
  'node    10667 root    9u  a_inode     0,16        0     1038 [eventpoll:10,12]',
  'node    10667 root   10r     FIFO     0,15      0t0 15429031 pipe',
  'node    10667 root   11w     FIFO     0,15      0t0 15429031 pipe',
  'node    10667 root   12u  a_inode     0,16        0     1038 [eventfd:31]',
  'node    10667 root   13u  a_inode     0,16        0     1038 [eventpoll:14,16,18]',
  'node    10667 root   14r     FIFO     0,15      0t0 15429032 pipe',
  'node    10667 root   15w     FIFO     0,15      0t0 15429032 pipe',
  'node    10667 root   16u  a_inode     0,16        0     1038 [eventfd:32]',
  'node    10667 root   17r      CHR      1,3      0t0        3 /dev/null',
  'node    10667 root   18u     IPv4 15429068      0t0      TCP localhost:18268 (LISTEN)',
];

const analyzeText = (lines: string[]) => analyzeTranscript(lines, 'transcript.md', now);
const heldBy = (r: Awaited<ReturnType<typeof analyzeText>>, pid: number) =>
  r.suspects.find((s) => s.pid === pid)?.reasons.find((x) => x.signal === 'inherited-fds-held');

test("an init whose whole lsof holds no pipe or socket passed none of its child's: no inherited-fds-held", async () => {
  const r = await analyzeText([...PS, ...INIT, ...NODE]);
  assert.equal(heldBy(r, 10662), undefined);
  assert.ok(!r.suspects.some((s) => s.pid === 10662));
});

test("an excerpt of the init's listing does not show what it lacks: the child's pipes still count", async () => {
  const excerpt = ['root@web-4:/# lsof -p 10662 | tail -3', ...INIT.slice(1, 2), ...INIT.slice(-3)];
  const r = await analyzeText([...PS, ...excerpt, ...NODE]);
  assert.ok(heldBy(r, 10662), 'inherited-fds-held for 10662');
});
