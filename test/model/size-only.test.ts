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
