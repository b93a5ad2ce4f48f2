// A slow leak caught in a short window: timed counts that never drop and gain a few fds (one every
// 10-60 s) point at the process, as the same count rerun without a clock does (round 239).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { levelledOff } from '../../src/model/growth.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-12-07T15:00:00Z');
const analyzeLines = (lines: string[]) => analyzeTranscript(lines, 'transcript.md', now);

const dated = (prompt: string, pid: number, rows: [string, string][]) =>
  rows.flatMap(([at, n]) => [`${prompt} date; ls /proc/${pid}/fd | wc -l`, `Mon Dec  7 ${at} UTC 2026`, n]);

// py-stated-reopen-15s-date-counts-ls-tail: state.json reopened every 15 s, counted every 20 s.
const STATED = [
  '```',
  'root@vm:~# pidof -x stated.py; pgrep -f stated.py',
  '29244',
  ...dated('root@vm:~#', 29244, [
    ['14:42:50', '14'],
    ['14:43:10', '15'],
    ['14:43:30', '16'],
    ['14:43:50', '18'],
    ['14:44:10', '19'],
  ]),
  "root@vm:~# grep 'open files' /proc/29244/limits",
  'Max open files            20000                20000                files     ',
  '```',
];

// node-render-pool-worker-starts-step-date-counts-healthy: one step of three when a worker started.
const RENDER = [
  '```',
  '$ pgrep -f render.js',
  '29232',
  ...dated('$', 29232, [
    ['14:42:40', '21'],
    ['14:42:55', '21'],
    ['14:43:10', '24'],
    ['14:43:25', '24'],
    ['14:43:40', '24'],
  ]),
  '```',
];

test('a flat run that never drops and gains 3 or more is a slow climb, not a plateau', () => {
  const t = [0, 20, 40, 60, 80];
  assert.equal(levelledOff([14, 15, 16, 18, 19], t, 20000), null);
  // A pool that filled and holds its size, wobbling by one, still levelled off.
  assert.deepEqual(levelledOff([23, 67, 67, 68, 67], t, 1024), { samples: 4, seconds: 60, level: 67 });
  assert.deepEqual(levelledOff([23, 66, 67, 67, 67], t, 1024), { samples: 4, seconds: 60, level: 67 });
});

test('dated counts 14, 15, 16, 18, 19 over 80 s point at the process (fd-growth 1), no more', async () => {
  const result = await analyzeLines(STATED);
  assert.equal(result.verdict, 'inconclusive');
  const s = result.suspects[0];
  assert.equal(s.pid, 29244);
  const g = s.reasons.find((r) => r.signal === 'fd-growth');
  assert.equal(g?.weight, 1);
});

test('one step of three, then flat for three samples: a candidate, not health', async () => {
  const result = await analyzeLines(RENDER);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 29232);
});

test('dated counts that jitter (38, 38, 37, 38) raise nothing', async () => {
  const lines = [
    '```',
    ...dated('root@api1:~#', 29238, [
      ['14:42:42', '38'],
      ['14:42:57', '38'],
      ['14:43:12', '37'],
      ['14:43:27', '38'],
    ]),
    '```',
  ];
  const result = await analyzeLines(lines);
  assert.equal(result.suspects.length, 0);
});
