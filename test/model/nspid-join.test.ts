// A process in a pid namespace of its own, read from the host (accuracy round 302): its
// /proc/PID/status NSpid line (`NSpid:	17597	1`) says it is pid 1 there. Its own log names it
// `spoold[1]`, and `nsenter -t 27044 -p -m ls -l /proc/1/fd` lists pid 1 of 27044's namespace: both
// are the host pid's, never the host's pid 1. Lines from our captures (c-spoold-pidns-…,
// py-jobrunner-pidns-…).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nsenterPidTarget } from '../../src/model/ns-pids.js';
import { procStatus } from '../../src/sources/proc-status.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-12-07T22:00:00Z');

test("/proc/PID/status grep'd: name, parent, and the pid in each namespace", () => {
  const sink = procStatus.sink({ file: 't.md', command: "grep -E '^(Name|Pid|PPid|NSpid)' /proc/17597/status", warn: () => {} });
  ['Name:\tspoold', 'Pid:\t17597', 'PPid:\t17595', 'NSpid:\t17597\t1'].forEach((l, i) => {
    sink.line(l, i + 1);
  });
  const a = sink.end();
  assert.deepEqual([a.pid, a.name, a.ppid, a.nspid], [17597, 'spoold', 17595, [17597, 1]]);
  assert.ok(procStatus.detect({ head: ['NSpid:\t22071\t1'], name: 't.md', command: 'grep NSpid /proc/22071/status' }) > 0.9);
  // Read inside a container: its pids are not the host's.
  const inside = procStatus.sink({ file: 't.md', command: 'docker exec web cat /proc/1/status', warn: () => {} });
  inside.line('NSpid:\t1', 1);
  assert.equal(inside.end().pid, undefined);
});

test("nsenter's pid and mount namespaces entered: /proc/N is the target's namespace's", () => {
  assert.equal(nsenterPidTarget('nsenter -t 27044 -p -m ls -l /proc/1/fd'), 27044);
  assert.equal(nsenterPidTarget('sudo nsenter --target=27044 -a cat /proc/1/limits'), 27044);
  assert.equal(nsenterPidTarget('nsenter -pmt 27044 ls /proc/1/fd | wc -l'), 27044);
  // The network namespace only, or the pid namespace without its /proc: the host's pids.
  assert.equal(nsenterPidTarget('nsenter -t 27044 -n ss -tanp'), undefined);
  assert.equal(nsenterPidTarget('nsenter -t 27044 -p ls /proc/1/fd'), undefined);
  assert.equal(nsenterPidTarget('ls -l /proc/1/fd'), undefined);
});

const PIPES = Array.from(
  { length: 600 },
  (_, i) => `l${i % 2 ? '-w' : 'r-'}x------ 1 root root 64 Dec  7 21:18 ${i + 3} -> pipe:[${123000 + (i >> 1)}]`,
);

test('nsenter -t H -p -m … /proc/1/… with NSpid `H 1`: the listing and limits are pid H’s', async () => {
  const r = await analyzeTranscript(
    [
      '```',
      '[root@batch-1 ~]# grep NSpid /proc/27044/status',
      'NSpid:\t27044\t1',
      '[root@batch-1 ~]# nsenter -t 27044 -p -m grep "open files" /proc/1/limits',
      'Max open files            20000                20000                files     ',
      '[root@batch-1 ~]# nsenter -t 27044 -p -m ls -l /proc/1/fd',
      'total 0',
      'lr-x------ 1 root root 64 Dec  7 21:18 0 -> /dev/null',
      'l-wx------ 1 root root 64 Dec  7 21:18 1 -> /tmp/r302-work/p8/jobrunner.log',
      'l-wx------ 1 root root 64 Dec  7 21:18 2 -> /tmp/r302-work/p8/jobrunner.log',
      ...PIPES,
      '```',
      '',
    ],
    'transcript.md',
    now,
  );
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0].pid, 27044);
  assert.equal(r.suspects[0].leak?.kind, 'pipe');
  assert.equal(
    r.suspects.some((s) => s.pid === 1),
    false,
  );
});

const SPOOL = Array.from(
  { length: 509 },
  (_, i) => `l-wx------ 1 root root 64 Dec  7 21:15 ${i + 3} -> /tmp/r302-work/c3/spool/req-${String(i + 1).padStart(6, '0')}.json`,
);

test('the log of pid 1 inside its namespace, `spoold[1]: … Too many open files`, is the host pid’s that NSpid names', async () => {
  const r = await analyzeTranscript(
    [
      '```',
      "[root@worker-2 ~]# grep -E '^(Name|Pid|PPid|NSpid)' /proc/17597/status",
      'Name:\tspoold',
      'Pid:\t17597',
      'PPid:\t17595',
      'NSpid:\t17597\t1',
      "[root@worker-2 ~]# grep 'open files' /proc/17597/limits",
      'Max open files            512                  512                  files     ',
      '[root@worker-2 ~]# ls -l /proc/17597/fd',
      'total 0',
      'lr-x------ 1 root root 64 Dec  7 21:15 0 -> /dev/null',
      'l-wx------ 1 root root 64 Dec  7 21:15 1 -> /tmp/r302-work/c3/spoold.log',
      'l-wx------ 1 root root 64 Dec  7 21:15 2 -> /tmp/r302-work/c3/spoold.log',
      ...SPOOL,
      '[root@worker-2 ~]# tail -2 /tmp/r302-work/c3/spoold.log',
      '2026-12-07T21:15:46Z spoold[1]: spooled /tmp/r302-work/c3/spool/req-000500.json',
      '2026-12-07T21:15:46Z spoold[1]: spool /tmp/r302-work/c3/spool/req-000510.json: Too many open files',
      '```',
      '',
    ],
    'transcript.md',
    now,
  );
  assert.equal(r.verdict, 'leak');
  const s = r.suspects[0];
  assert.equal(s.pid, 17597);
  assert.equal(s.leak?.kind, 'file');
  assert.match(s.ranOut?.message ?? r.rootCause?.message ?? '', /Too many open files/);
});

test('a whole /proc/PID/status is read too (lxqt/qps#447’s, every key of it)', () => {
  const head = [
    'Name:\tnvidia',
    'Umask:\t0022',
    'State:\tS (sleeping)',
    'Tgid:\t30959',
    'Ngid:\t0',
    'Pid:\t30959',
    'PPid:\t2',
    'NStgid:\t30959',
    'NSpid:\t30959',
    'voluntary_ctxt_switches:\t2',
  ];
  assert.ok(procStatus.detect({ head, name: 't.md', command: 'cat /proc/30959/status' }) > 0.9);
  const sink = procStatus.sink({ file: 't.md', command: 'cat /proc/30959/status', warn: () => {} });
  for (const [i, l] of head.entries()) sink.line(l, i + 1);
  const a = sink.end();
  assert.deepEqual([a.pid, a.name, a.ppid, a.nspid], [30959, 'nvidia', 2, [30959]]);
  // `key: value` text that names no process is no status.
  assert.equal(procStatus.detect({ head: ['Host: example.com', 'Accept: */*', 'Connection: close'], name: 't.md' }), 0);
});
