// Sockets lsof finds in no table that the process's own ss -p rows place in one (accuracy round
// 302). A process in another network namespace (`unshare -n`, a pod's) shows every socket to the
// host's lsof as `sock … protocol: TCP`, its listener and live connections alike, and the host's
// `ss -s` counts them as closed (the kernel's TCP alloc is every namespace's, inuse the host's).
// `nsenter -t PID -n ss -tanp` reads that namespace's tables with host pids: the fds its rows name
// are sockets in a table. Lines from our captures (java-ingest-netns-…, py-cached-netns-…).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-12-07T22:00:00Z');
const PID = 15380;
const FDS = Array.from({ length: 70 }, (_, i) => 5 + i);

function lsof(): string[] {
  return [
    `root@node7:~# lsof -p ${PID}`,
    'COMMAND   PID USER   FD      TYPE DEVICE SIZE/OFF    NODE NAME',
    `python3 ${PID} root  cwd       DIR  254,0     4096 2337041 /tmp/r302-work`,
    `python3 ${PID} root    0r      CHR    1,3      0t0       3 /dev/null`,
    `python3 ${PID} root    1w      REG  254,0        0 2483901 /tmp/r302-work/p2/run.log`,
    `python3 ${PID} root    2w      REG  254,0        0 2483901 /tmp/r302-work/p2/run.log`,
    `python3 ${PID} root    3u  a_inode   0,16        0    1060 [eventpoll:4,5]`,
    `python3 ${PID} root    4u     sock    0,9      0t0  103470 protocol: TCP`,
    ...FDS.map((fd) => `python3 ${PID} root ${String(fd).padStart(4)}u     sock    0,9      0t0  ${103500 + fd} protocol: TCP`),
    `root@node7:~# grep 'open files' /proc/${PID}/limits`,
    'Max open files            20000                20000                files     ',
    'root@node7:~# ss -s',
    'Total: 298',
    'TCP:   792 (estab 283, closed 507, orphaned 0, timewait 366)',
  ];
}

function nsenterSs(state: 'ESTAB' | 'CLOSE-WAIT'): string[] {
  const filtered = state === 'CLOSE-WAIT';
  return [
    `root@node7:~# nsenter -t ${PID} -n ss -tanp${filtered ? ' state close-wait' : ''}`,
    filtered
      ? 'Recv-Q Send-Q      Local Address:Port       Peer Address:Port Process                          '
      : 'State  Recv-Q Send-Q Local Address:Port  Peer Address:Port Process                             ',
    ...(filtered ? [] : [`LISTEN 0      128        127.0.0.1:11311      0.0.0.0:*     users:(("python3",pid=${PID},fd=4)) `]),
    ...FDS.map((fd) =>
      filtered
        ? `0      0      [::ffff:127.0.0.1]:11311 [::ffff:127.0.0.1]:${40000 + fd} users:(("python3",pid=${PID},fd=${fd}))`
        : `ESTAB  0      0          127.0.0.1:11311    127.0.0.1:${40000 + fd} users:(("python3",pid=${PID},fd=${fd}))`,
    ),
  ];
}

const wrap = (lines: string[]) => ['```', ...lines, '```', ''];

test("the host's lsof alone: 71 sockets in no table, the host's ss -s agreeing — a leak of unconnected sockets", async () => {
  const r = await analyzeTranscript(wrap(lsof()), 'transcript.md', now);
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0].leak?.kind, 'socket-unconnected');
});

test('the namespace table places every one of them, listening or established: no pile, no leak', async () => {
  const r = await analyzeTranscript(wrap([...lsof(), ...nsenterSs('ESTAB')]), 'transcript.md', now);
  assert.equal(r.verdict, 'no-leak');
  assert.equal(r.suspects.length, 0);
});

test('placed in CLOSE-WAIT by `ss -tanp state close-wait` in its namespace: a CLOSE_WAIT leak, not unconnected sockets', async () => {
  const r = await analyzeTranscript(wrap([...lsof(), ...nsenterSs('CLOSE-WAIT')]), 'transcript.md', now);
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0].pid, PID);
  assert.equal(r.suspects[0].leak?.kind, 'socket-close-wait');
});
