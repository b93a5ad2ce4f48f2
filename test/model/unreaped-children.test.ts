// Children ps shows <defunct> beside the parent's pipes: popen(3) without pclose(3). On the
// captured screen and lsfd of c-execinput (accuracy corpus): `ps --ppid 3171 -o pid,stat,cmd`
// prints no PPID column, its --ppid names the parent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ps } from '../../src/sources/ps.js';
import { parseLines } from '../../src/sources/run.js';
import { analyzeBundle } from '../../src/analysis.js';

const ROWS = ['  PID STAT CMD', ' 3174 Z    [sh] <defunct>', ' 3176 Z    [sh] <defunct>', ' 3178 S    sleep 5'];

test('ps --ppid N: every row is a child of N; STAT Z is a zombie', () => {
  const { artifact } = parseLines(ps, ROWS, { command: 'ps --ppid 3171 -o pid,stat,cmd | head -4' });
  assert.deepEqual(
    artifact.processes.map((p) => [p.pid, p.ppid, p.zombie ?? false]),
    [
      [3174, 3171, true],
      [3176, 3171, true],
      [3178, 3171, false],
    ],
  );
});

test('a list of parents names none; a PPID column wins', () => {
  assert.equal(parseLines(ps, ROWS, { command: 'ps --ppid 3171,3172 -o pid,stat,cmd' }).artifact.processes[0].ppid, undefined);
  const own = parseLines(ps, ['  PID  PPID STAT CMD', ' 3174  9 Z    [sh] <defunct>'], { command: 'ps --ppid 3171 -o pid,ppid,stat,cmd' });
  assert.equal(own.artifact.processes[0].ppid, 9);
});

test('execinput: 160 pipes beside <defunct> children and a rising count are a pipe leak', async () => {
  const r = (
    await analyzeBundle('test/accuracy/cases/c-execinput-popen-no-pclose-lsfd-ps-defunct/bundle', { now: new Date('2026-12-07T22:00:00Z') })
  ).result;
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0]?.pid, 3171);
  assert.equal(r.suspects[0]?.leak.kind, 'pipe');
  const s = r.suspects[0]?.reasons.find((x) => x.signal === 'unreaped-children');
  assert.equal(s?.count, 3);
  assert.equal(s?.weight, 1);
});

test('unreaped children beside no pipes are a missing wait(), no signal', async () => {
  const { analyzeTranscript } = await import('../analyze-transcript.js');
  const r = await analyzeTranscript(
    [
      '$ ls -l /proc/4100/fd',
      'total 0',
      'lr-x------ 1 root root 64 Dec  7 21:17 0 -> /dev/null',
      'l-wx------ 1 root root 64 Dec  7 21:17 1 -> /var/log/agent.log',
      'l-wx------ 1 root root 64 Dec  7 21:17 2 -> /var/log/agent.log',
      '$ ps --ppid 4100 -o pid,stat,cmd',
      '  PID STAT CMD',
      ' 4174 Z    [sh] <defunct>',
      ' 4176 Z    [sh] <defunct>',
      ' 4178 Z    [sh] <defunct>',
    ],
    'transcript.txt',
  );
  const signals = (r.processes ?? []).flatMap((p) => p.signals);
  assert.equal(signals.includes('unreaped-children'), false);
  assert.ok((r.processes ?? []).some((p) => p.pid === 4100));
});

// py-accessoryd-popen-per-poll-pipes-zombies-ps-ppid (captured): no listing, only a grep count of
// the parent's pipe links beside `ps --ppid`'s <defunct> rows.
test('accessoryd: pipes counted by `ls -l /proc/PID/fd | grep -c pipe` stand beside the unreaped children', async () => {
  const { analyzeTranscript } = await import('../analyze-transcript.js');
  const lines = [
    '$ ls /proc/7406/fd | wc -l',
    '303',
    '$ ls -l /proc/7406/fd | grep -c pipe',
    '300',
    "$ grep 'Max open files' /proc/7406/limits",
    'Max open files            20000                20000                files     ',
    '$ ps --ppid 7406 -o pid,stat,cmd | head -5',
    '  PID STAT CMD',
    ' 7448 Z    [sh] <defunct>',
    ' 7449 Z    [sh] <defunct>',
    ' 7450 Z    [sh] <defunct>',
    ' 7451 Z    [sh] <defunct>',
  ];
  const r = await analyzeTranscript(lines.join('\n'), 'transcript.md');
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0]?.pid, 7406);
  assert.equal(r.suspects[0]?.leak.kind, 'pipe');
  assert.equal(r.suspects[0]?.reasons.find((x) => x.signal === 'unreaped-children')?.count, 4);
  // Fewer pipes counted than children: no signal.
  const few = await analyzeTranscript(
    [...lines.slice(0, 2), '$ ls -l /proc/7406/fd | grep -c pipe', '2', ...lines.slice(4)].join('\n'),
    'transcript.md',
  );
  assert.equal(few.suspects[0]?.reasons.some((x) => x.signal === 'unreaped-children') ?? false, false);
});
