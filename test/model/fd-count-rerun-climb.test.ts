// One count command typed again and again at the prompt, no clock: ten runs that never drop and
// gain thousands read as fd-growth's decisive climb does (order and size, not times).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { steadyRerun } from '../../src/model/signals/fd-growth.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

// signalwire/freeswitch#670: FreeSWITCH 8 s after its start, its event-socket port taken.
const RUNS = ['476', '492', '506', '518', '529', '542', '559', '759', '777', '3311'];
const FREESWITCH = [
  '```',
  '[root@aio test3]# systemctl status freeswitch',
  '● freeswitch.service - FreeSWITCH',
  '   Loaded: loaded (/usr/lib/systemd/system/freeswitch.service; enabled; vendor preset: disabled)',
  '   Active: active (running) since Wed 2020-06-03 04:03:24 UTC; 8s ago',
  ' Main PID: 29732 (freeswitch)',
  '    Tasks: 42',
  '',
  ...RUNS.flatMap((n) => ['[root@aio test3]# lsof -p 29732 | wc -l', n]),
  '```',
];

const analyzeLines = (lines: string[]) => analyzeTranscript(lines, 'transcript.md', now);

test('steadyRerun: four runs or more, up by 50 or more', () => {
  assert.equal(steadyRerun(10, 2835), true);
  assert.equal(steadyRerun(4, 50), true);
  assert.equal(steadyRerun(3, 2835), false, 'three runs: a rise, not a climb');
  assert.equal(steadyRerun(10, 49), false, 'a few fds');
});

test('ten untimed runs of lsof -p PID | wc -l, 476 up to 3311, never dropping: a leak of that pid', async () => {
  const result = await analyzeLines(FREESWITCH);
  assert.equal(result.verdict, 'leak');
  const s = result.suspects[0];
  assert.equal(s.pid, 29732);
  const rose = s.reasons.find((r) => r.signal === 'fd-count-rose');
  assert.equal(rose?.weight, 3);
  assert.equal(rose?.count, 2835);
});

test('the same runs with one drop, or only three of them, stay a pointer', async () => {
  const dropped = FREESWITCH.map((l) => (l === '777' ? '520' : l));
  const three = [
    ...FREESWITCH.slice(0, 8),
    ...['476', '559', '3311'].flatMap((n) => ['[root@aio test3]# lsof -p 29732 | wc -l', n]),
    '```',
  ];
  for (const lines of [dropped, three]) {
    const result = await analyzeLines(lines);
    assert.notEqual(result.verdict, 'leak');
    assert.ok(!result.suspects[0]?.reasons.some((r) => r.signal === 'fd-count-rose' && r.weight === 3));
  }
});

// https://github.com/JuliaSmoothOptimizers/NLPModelsIpopt.jl/issues/100: a host-wide lsof tallied by
// COMMAND and PID (a sed keeps the first two fields), pasted before and after the next run.
const TALLY = "$ lsof -n +c 0 | sed -E 's/^([^ ]+[ ]+[^ ]+).*$/\\1/' | uniq -c | sort | tail";
const tally = (julia: string, dock = ' 320 Dock                                376') => [
  '```',
  TALLY,
  ' 206 cloudd                              425',
  julia,
  ' 282 UserEventAgent                      370',
  dock,
  ' 485 firefox                             668',
  '```',
  '',
];

test("a pid's row of a host-wide lsof tally, the tally pasted again: the rerun of its count rose", async () => {
  const result = await analyzeLines([
    ...tally(' 280 julia                              1676'),
    ...tally(' 313 julia                              1676'),
  ]);
  assert.equal(result.suspects[0]?.pid, 1676);
  const rose = result.suspects[0].reasons.find((r) => r.signal === 'fd-count-rose');
  assert.equal(rose?.weight, 1, 'two runs: a pointer');
  assert.equal(rose?.count, 33);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 1, 'the other pids are flat');
});

test('a tally pasted again whose pid row dropped, or stayed, says nothing of it', async () => {
  const result = await analyzeLines([
    ...tally(' 313 julia                              1676', ' 320 Dock                                376'),
    ...tally(' 280 julia                              1676', ' 320 Dock                                376'),
  ]);
  assert.equal(result.suspects.length, 0);
});

// https://github.com/storj-archived/core/issues/667: the farmer's fd links naming its data folder,
// counted five times while contract offers arrive.
const STORJ = (runs: string[], grep = "grep 'storjshare'") => [
  '```',
  ...runs.flatMap((n) => [`root@storj:~# ls -l /proc/416/fd | ${grep} | wc -l`, n]),
  '```',
];

test('reruns of ls -l /proc/PID/fd | grep WORD | wc -l, 350 up to 469: the picked fds climbed, a leak', async () => {
  const result = await analyzeLines(STORJ(['350', '398', '427', '450', '469']));
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0]?.pid, 416);
  const rose = result.suspects[0].reasons.find((r) => r.signal === 'fd-count-rose');
  assert.equal(rose?.weight, 3);
  assert.equal(rose?.count, 119);
});

test('reruns after a grep -v count every other row: no climb of the picked fds is read', async () => {
  const result = await analyzeLines(STORJ(['350', '398', '427', '450', '469'], "grep -v 'storjshare'"));
  assert.ok(!result.suspects[0]?.reasons.some((r) => r.signal === 'fd-count-rose'));
});

// Round 218's captured Rust queue (rust-thumbq-children-vec-lsof-grep-c-fifo): lsof's FIFO rows of
// one pid counted twice, six seconds apart, untimed.
const THUMBQ = [
  '```',
  '$ lsof -p 24110 | grep -c FIFO',
  '100',
  '$ lsof -p 24110 | grep -c FIFO',
  '249',
  '$ ls /proc/24110/fd | wc -l',
  '253',
  "$ grep 'open files' /proc/24110/limits",
  'Max open files            1024                 1024                 files     ',
  '```',
];

test('lsof rows a grep picked by a kind (FIFO), counted again: the rerun of its count rose', async () => {
  const result = await analyzeLines(THUMBQ);
  const s = result.suspects[0];
  assert.equal(s.pid, 24110);
  const rose = s.reasons.find((r) => r.signal === 'fd-count-rose');
  // Two untimed runs up by 149, more than half the first: a clear rise (2), its pipes the kind beside it.
  assert.equal(rose?.weight, 2, 'two untimed runs up by 100 and by half: clear, not decisive');
  assert.equal(rose?.count, 149);
});

test('lsof rows a grep picked by anything but a kind stay no rerun of its fds', async () => {
  const byName = THUMBQ.map((l) => l.replace('grep -c FIFO', 'grep -c thumbq'));
  const result = await analyzeLines(byName);
  assert.ok(!result.suspects[0]?.reasons.some((r) => r.signal === 'fd-count-rose'));
});
