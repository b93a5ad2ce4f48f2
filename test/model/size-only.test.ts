// Running out is not a kind (docs/diagnosis.md, "The verdict"): a bare count at a known limit, and
// the process saying it ran out (EMFILE), point at the process; what its fds are, or their growth,
// is what makes a leak.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

const analyzeText = (lines: string[]) => analyzeTranscript(lines, 'session.txt', now);

// gpustack/gpustack#5259: the worker holds exactly its limit; its s6 shell holds 4.
const GPUSTACK = [
  'root@ac-ewr1-pas1-gpu-1:/# ps -ef | grep -i gpustack',
  'root          28       1  0 May07 ?        00:00:00 /bin/sh -e /run/s6/basedir/scripts/rc.init top gpustack start --server-url http://192.168.3.21 --worker-ip 192.168.3.21',
  'root         126      28 13 May07 ?        06:23:50 /usr/bin/python /usr/local/bin/gpustack start --server-url http://192.168.3.21 --worker-ip 192.168.3.21',
  'root      142883  142874  0 23:01 pts/0    00:00:00 grep --color=auto -i gpustack',
  '',
  '--------',
  'root@ac-ewr1-pas1-gpu-1:/# cat /proc/126/limits | grep -i "open files"',
  'Max open files            65535                65535                files',
  '',
  '--------',
  'root@ac-ewr1-pas1-gpu-1:/# ls /proc/28/fd | wc -l',
  '4',
  '',
  'root@ac-ewr1-pas1-gpu-1:/# ls /proc/126/fd | wc -l',
  '65535',
];

test('a bare count at its own limit points at the process, but is no leak on its own (gpustack worker, 65,535 of 65,535)', async () => {
  const r = await analyzeText(GPUSTACK);
  assert.equal(r.verdict, 'inconclusive');
  const s = r.suspects[0];
  assert.equal(s.pid, 126);
  assert.equal(s.fdCount, 65535);
  assert.equal(s.fdLimit, 65535);
  assert.ok(s.reasons.some((x) => x.signal === 'at-fd-limit'));
  assert.ok(s.reasons.every((x) => ['at-fd-limit', 'near-fd-limit', 'high-fd-number', 'fds-unexplained'].includes(x.signal)));
  // The shell beside it, 4 fds, is nobody's suspect.
  assert.ok(!r.suspects.some((x) => x.pid === 28));
});

test('the same count with what it is made of is a leak', async () => {
  const listed = await analyzeText([
    ...GPUSTACK,
    '',
    'root@ac-ewr1-pas1-gpu-1:/# ls -l /proc/126/fd | tail -5',
    ...[65530, 65531, 65532, 65533, 65534].map((fd) => `lr-x------ 1 root root 64 May  8 23:02 ${fd} -> /dev/dri/card1`),
  ]);
  assert.equal(listed.verdict, 'leak');
  assert.equal(listed.suspects[0].pid, 126);
  assert.equal(listed.suspects[0].leak.kind, 'file');
  const said = await analyzeText([
    ...GPUSTACK,
    '',
    'root@ac-ewr1-pas1-gpu-1:/# docker logs gpustack-worker 2>&1 | tail -1',
    "2026-05-01 01:48:24.289087+08:00 - gpustack.utils.task - ERROR - Error running cleanup_orphan_workloads: [Errno 24] Too many open files: '/dev/null'",
  ]);
  // Running out, said twice (the count at the limit, EMFILE in its log), is still no kind: the
  // process is the first suspect, where it ran out is said, and what would settle it is asked for.
  assert.equal(said.verdict, 'inconclusive');
  const s = said.suspects[0];
  assert.equal(s.pid, 126);
  assert.match(s.ranOut?.message ?? '', /Too many open files/);
  assert.ok(s.reasons.some((x) => x.signal === 'emfile-in-log'));
  assert.ok(s.decide.length > 0);
});

// etcd-io/etcd#1959: lsof's last rows, each a live TCP connection of fds up to 1002. Rows of a kind
// no leak is (live TCP) say nothing of the ~1,000 fds not shown: the leak's count is unknown, not
// every fd the process holds.
test('live TCP rows at the top of a table leave the kind of the unshown fds unknown (etcd, fd 1002)', async () => {
  const result = await analyzeText([
    '```',
    '...',
    'etcd      19667 19671          root  998u     IPv4            2794667       0t0        TCP localhost:2379->localhost:36607 (ESTABLISHED)',
    'etcd      19667 19671          root  999u     IPv4            2794669       0t0        TCP localhost:36608->localhost:2379 (ESTABLISHED)',
    'etcd      19667 19671          root 1000u     IPv4            2794670       0t0        TCP localhost:2379->localhost:36608 (ESTABLISHED)',
    'etcd      19667 19671          root 1001u     IPv4            2794672       0t0        TCP localhost:36609->localhost:2379 (ESTABLISHED)',
    'etcd      19667 19671          root 1002u     IPv4            2794673       0t0        TCP localhost:2379->localhost:36609 (ESTABLISHED)',
    '```',
  ]);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 19667);
  assert.equal(result.suspects[0]?.leak?.count ?? null, null);
  const holders = result.findings.find((f) => f.id === 'fd-holders');
  assert.ok(holders);
  assert.doesNotMatch(`${holders.title} ${holders.detail}`, /1,003 of them/);
});

// fdleak's round 291, c-evpoolc-libevent-pool-eight-reused-lsof-full-healthy: a libevent client's
// whole lsof listing, 16 fds (its pool of 8 connections), one of them fd 251 — a pipe its launching
// shell passed down at that number — against a limit of 256.
const EVPOOLC = [
  'root@quote-5:~# pgrep -a evpoolc',
  '15476 /tmp/r291/bin/evpoolc',
  'root@quote-5:~# ls /proc/15476/fd | wc -l',
  '16',
  'root@quote-5:~# ls /proc/15476/fd | wc -l',
  '16',
  'root@quote-5:~# lsof -nP -p 15476',
  'COMMAND   PID USER   FD      TYPE   DEVICE SIZE/OFF     NODE NAME',
  'evpoolc 15476 root  cwd       DIR    254,0     4096  2894464 /tmp/r291/cap',
  'evpoolc 15476 root  rtd       DIR    254,0     4096        2 /',
  'evpoolc 15476 root  txt       REG    254,0    16800  2894371 /tmp/r291/bin/evpoolc',
  'evpoolc 15476 root  mem       REG    254,0  1926232   339380 /usr/lib/x86_64-linux-gnu/libc.so.6',
  'evpoolc 15476 root  mem       REG    254,0   346512  5595367 /usr/lib/x86_64-linux-gnu/libevent-2.1.so.7.0.1',
  'evpoolc 15476 root  mem       REG    254,0   215000   338944 /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2',
  'evpoolc 15476 root    0r      CHR      1,3      0t0        3 /dev/null',
  'evpoolc 15476 root    1w      CHR      1,3      0t0        3 /dev/null',
  'evpoolc 15476 root    2w      CHR      1,3      0t0        3 /dev/null',
  'evpoolc 15476 root    3u  a_inode     0,16        0     1038 [eventpoll:6,7,8,9,11,12,13,14]',
  'evpoolc 15476 root    4r     FIFO     0,15      0t0 17236494 pipe',
  'evpoolc 15476 root    5w     FIFO     0,15      0t0 17236494 pipe',
  'evpoolc 15476 root    6u     IPv4 17236495      0t0      TCP 127.0.0.1:53580->127.0.0.1:7404 (ESTABLISHED)',
  'evpoolc 15476 root    7u     IPv4 17236497      0t0      TCP 127.0.0.1:53586->127.0.0.1:7404 (ESTABLISHED)',
  'evpoolc 15476 root    8u     IPv4 17236498      0t0      TCP 127.0.0.1:53590->127.0.0.1:7404 (ESTABLISHED)',
  'evpoolc 15476 root    9u     IPv4 17236499      0t0      TCP 127.0.0.1:53600->127.0.0.1:7404 (ESTABLISHED)',
  'evpoolc 15476 root   10r      CHR      1,3      0t0        3 /dev/null',
  'evpoolc 15476 root   11u     IPv4 17236500      0t0      TCP 127.0.0.1:53608->127.0.0.1:7404 (ESTABLISHED)',
  'evpoolc 15476 root   12u     IPv4 17236501      0t0      TCP 127.0.0.1:53614->127.0.0.1:7404 (ESTABLISHED)',
  'evpoolc 15476 root   13u     IPv4 17236502      0t0      TCP 127.0.0.1:53626->127.0.0.1:7404 (ESTABLISHED)',
  'evpoolc 15476 root   14u     IPv4 17236503      0t0      TCP 127.0.0.1:53630->127.0.0.1:7404 (ESTABLISHED)',
  'evpoolc 15476 root  251w     FIFO     0,15      0t0 17231802 pipe',
  'root@quote-5:~# ss -tnp | grep evpoolc | head -3',
  'ESTAB      0      0          127.0.0.1:53580    127.0.0.1:7404  users:(("evpoolc",pid=15476,fd=6))  ',
  'ESTAB      0      0          127.0.0.1:53586    127.0.0.1:7404  users:(("evpoolc",pid=15476,fd=7))  ',
  'ESTAB      0      0          127.0.0.1:53590    127.0.0.1:7404  users:(("evpoolc",pid=15476,fd=8))  ',
  "root@quote-5:~# grep 'Max open files' /proc/15476/limits",
  'Max open files            256                  256                  files     ',
];

test('a whole listing far smaller than its highest fd shows the fds under it closed: no high-fd-number', async () => {
  const r = await analyzeText(EVPOOLC);
  assert.equal(r.verdict, 'no-leak');
  assert.equal(r.suspects.length, 0);
});

test('the same high fd in an excerpt of the table still says the fds under it may be open', async () => {
  const at = EVPOOLC.indexOf('root@quote-5:~# lsof -nP -p 15476');
  const excerpt = [
    ...EVPOOLC.slice(0, at),
    'root@quote-5:~# lsof -nP -p 15476 | tail -3',
    ...EVPOOLC.filter((l) => / (13u|14u|251w) /.test(l)),
    ...EVPOOLC.slice(EVPOOLC.findIndex((l) => l.startsWith('root@quote-5:~# ss -tnp'))),
  ];
  const r = await analyzeText(excerpt);
  assert.ok(r.suspects[0]?.reasons.some((x) => x.signal === 'high-fd-number'));
});
