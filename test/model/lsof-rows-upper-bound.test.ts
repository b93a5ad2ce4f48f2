// lsof rows that cannot tell fds apart — a bare `| wc -l`, a host-wide lsof tallied by pid — are an
// upper bound of a process's fds (cwd, txt and mem rows, each fd once per thread): under its limit
// they say only that it holds fewer, so they are weighed against it only once they reach it. Lines
// from captures on Linux with lsof 4.95 (a JVM of 35 threads: 6 fds, 37 rows of `lsof -p`, 1,260
// host-wide rows).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const LIMIT = ["$ grep 'open files' /proc/21437/limits", 'Max open files            4096                 4096                 files     '];

test('host-wide lsof rows of a pooled JVM under its limit name nobody: 3,526 rows are no 86% of 4,096', async () => {
  const r = await analyzeTranscript(
    [
      '$ lsof -n | grep java | wc -l',
      '3526',
      "$ lsof -n | grep java | awk '{print $1, $2}' | sort | uniq -c",
      '   3526 java 21437',
      '$ ulimit -n',
      '20000',
      ...LIMIT,
    ],
    'session.txt',
  );
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects.length, 0, r.suspects.map((s) => s.reasons.map((x) => x.signal).join(',')).join(' / '));
  const p = (r.processes ?? []).find((x) => x.pid === 21437);
  assert.equal(p?.fdCountMeasure, 'rows');
});

test('lsof rows past the limit still point (weight 1), and a climb of them beside it makes the leak', async () => {
  const r = await analyzeTranscript(
    [
      "root@app-07:~# lsof -n | awk '{print $1, $2}' | sort | uniq -c | sort -rn | head",
      '   2278 node 108',
      '   1071 python3 3',
      '    897 java 104',
      "root@app-07:~# lsof -n | awk '{print $1, $2}' | sort | uniq -c | sort -rn | head",
      '   4926 node 108',
      '   1071 python3 3',
      '    897 java 104',
      "root@app-07:~# cat /proc/108/limits | grep -i 'open files'",
      'Max open files            4096                 4096                 files     ',
    ],
    'session.txt',
  );
  assert.equal(r.verdict, 'leak');
  const s = r.suspects[0];
  assert.equal(s.pid, 108);
  const at = s.reasons.find((x) => x.signal === 'at-fd-limit');
  assert.equal(at?.weight, 1);
  assert.match(at?.statement ?? '', /lsof rows \(rows, not distinct fds\)/);
});

test("a host-wide lsof's thread rows count each fd once, without its cwd, rtd and txt rows", async () => {
  const r = await analyzeTranscript(
    [
      'COMMAND     PID   TID TASKCMD   USER   FD      TYPE             DEVICE  SIZE/OFF     NODE NAME',
      'java      10612                 root  cwd       DIR              254,0      4096  2163025 /tmp/r319-work/thr',
      'java      10612                 root  rtd       DIR              254,0      4096        2 /',
      'java      10612                 root  txt       REG              254,0     14392   327901 /usr/lib/jvm/java-17-openjdk-amd64/bin/java',
      'java      10612                 root    0r      CHR                1,3       0t0        3 /dev/null',
      'java      10612                 root    1w      CHR                1,3       0t0        3 /dev/null',
      'java      10612                 root    2w      CHR                1,3       0t0        3 /dev/null',
      'java      10612                 root    3r      REG              254,0 128651445   328249 /usr/lib/jvm/java-17-openjdk-amd64/lib/modules',
      'java      10612                 root   10r      CHR                1,3       0t0        3 /dev/null',
      'java      10612 10614 java      root  cwd       DIR              254,0      4096  2163025 /tmp/r319-work/thr',
      'java      10612 10614 java      root  txt       REG              254,0     14392   327901 /usr/lib/jvm/java-17-openjdk-amd64/bin/java',
      'java      10612 10614 java      root    0r      CHR                1,3       0t0        3 /dev/null',
      'java      10612 10614 java      root    1w      CHR                1,3       0t0        3 /dev/null',
      'java      10612 10614 java      root    2w      CHR                1,3       0t0        3 /dev/null',
      'java      10612 10614 java      root    3r      REG              254,0 128651445   328249 /usr/lib/jvm/java-17-openjdk-amd64/lib/modules',
      'java      10612 10614 java      root   10r      CHR                1,3       0t0        3 /dev/null',
    ],
    'lsof.txt',
  );
  const p = (r.processes ?? []).find((x) => x.pid === 10612);
  assert.equal(p?.fdCount, 5);
  assert.equal(p?.fdCountMeasure, 'fds');
});
