// `lsof -n -P -p $(pgrep -d, -f web.cjs)`: the `-d,` is pgrep's delimiter inside the pid lookup,
// not lsof's `-d` fd selection, so the listing is each process's table in full (a pipe or a grep
// inside a lookup is the lookup's own too). Real lines: the captured case
// node-cluster-six-workers-healthy (primary 5152 and worker 5207, their counts, the worker's limit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';
import { withoutSubstitutions } from '../../src/command-words.js';

const now = new Date('2026-01-01T00:00:00Z');

const COUNTS = [
  'root@web-3:~# for p in $(pgrep -f web.cjs); do echo "$p $(ls /proc/$p/fd | wc -l)"; done',
  '5152 25',
  '5207 19',
  '5210 19',
  '5214 19',
  '5219 19',
  '5222 19',
  '5233 19',
  '6952 4',
];

const LSOF = [
  'root@web-3:~# lsof -n -P -p $(pgrep -d, -f web.cjs)',
  'COMMAND   PID USER   FD      TYPE             DEVICE SIZE/OFF     NODE NAME',
  'webd     5152 root  cwd       DIR              254,0     4096  1458746 /srv/acc186/web',
  'webd     5152 root  rtd       DIR              254,0     4096        2 /',
  'webd     5152 root  txt       REG              254,0 98932688   260689 /usr/bin/node',
  'webd     5152 root  mem       REG              254,0  1926232   339380 /usr/lib/x86_64-linux-gnu/libc.so.6',
  'webd     5152 root  mem       REG              254,0  2190440   339903 /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30',
  'webd     5152 root  mem       REG              254,0    14480   339845 /usr/lib/x86_64-linux-gnu/libpthread.so.0',
  'webd     5152 root  mem       REG              254,0   125312   339525 /usr/lib/x86_64-linux-gnu/libgcc_s.so.1',
  'webd     5152 root  mem       REG              254,0   911904   339704 /usr/lib/x86_64-linux-gnu/libm.so.6',
  'webd     5152 root  mem       REG              254,0    14480   339442 /usr/lib/x86_64-linux-gnu/libdl.so.2',
  'webd     5152 root  mem       REG              254,0   215000   338944 /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2',
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
  'node     5207 root  cwd       DIR              254,0     4096  1458746 /srv/acc186/web',
  'node     5207 root  rtd       DIR              254,0     4096        2 /',
  'node     5207 root  txt       REG              254,0 98932688   260689 /usr/bin/node',
  'node     5207 root  mem       REG              254,0  1926232   339380 /usr/lib/x86_64-linux-gnu/libc.so.6',
  'node     5207 root  mem       REG              254,0   911904   339704 /usr/lib/x86_64-linux-gnu/libm.so.6',
  'node     5207 root  mem       REG              254,0  2190440   339903 /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30',
  'node     5207 root  mem       REG              254,0    14480   339845 /usr/lib/x86_64-linux-gnu/libpthread.so.0',
  'node     5207 root  mem       REG              254,0   125312   339525 /usr/lib/x86_64-linux-gnu/libgcc_s.so.1',
  'node     5207 root  mem       REG              254,0    14480   339442 /usr/lib/x86_64-linux-gnu/libdl.so.2',
  'node     5207 root  mem       REG              254,0   215000   338944 /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2',
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
];

const LIMIT = [
  "root@web-3:~# grep 'Max open files' /proc/5207/limits",
  'Max open files            1024                 1024                 files     ',
];

test('a pid lookup with pgrep -d, selects no fds: the listing shows the processes in full, healthy', async () => {
  const r = await analyzeTranscript([...COUNTS, ...LSOF, ...LIMIT], 'transcript.md', now);
  assert.equal(r.verdict, 'no-leak', r.summary);
});

test('withoutSubstitutions takes out $( … ) and backtick lookups, keeping the words around them', () => {
  assert.equal(withoutSubstitutions('lsof -n -P -p $(pgrep -d, -f web.cjs)'), 'lsof -n -P -p $()');
  assert.equal(withoutSubstitutions("lsof -p $(ps aux | grep [c]ylc | awk '{print $2}') | wc -l"), 'lsof -p $() | wc -l');
  assert.equal(withoutSubstitutions('lsof -p `pidof nginx` -d 3'), 'lsof -p $() -d 3');
});
