// Counts timed by date(1)'s own output (accuracy round 19), the real lines:
// - sysown/proxysql#663: `date && lsof -p 26768 |wc -l` typed at two prompts, an hour apart;
// - cylc/cylc-uiserver#44: a loop printing `date | tr '\n' ' '` and the count on one line;
// - locust/locust#1519: `lsof |wc -l` counts with a label typed before each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PARSERS } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';
import { dateOutput } from '../../src/bundle/date-output.js';
import { fdCountSamples } from '../../src/sources/fd-count-samples.js';
import { growthOf } from '../../src/model/growth.js';
import { lineCount } from '../../src/sources/line-count.js';

function winner(head: string[], command: string): string {
  const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect({ head, name: 'transcript.md', command }) })).sort(
    (a, b) => b.score - a.score,
  );
  return scores[0].score > 0 ? scores[0].id : 'none';
}

test("date(1)'s format is read as a local time, with or without a count after it", () => {
  assert.deepEqual(dateOutput('Thu Aug 25 08:53:01 EDT 2016'), { at: '2016-08-25T08:53:01' });
  assert.deepEqual(dateOutput('Tue Jul  9 00:54:24 NZST 2019 100'), { at: '2019-07-09T00:54:24', count: 100 });
  assert.deepEqual(dateOutput('Sun Dec  6 17:31:12 2026'), { at: '2026-12-06T17:31:12' });
  assert.equal(dateOutput('Thu Aug 25 08:53:01 EDT 2016 proxysql started'), undefined);
  assert.equal(dateOutput('Foo Bar 25 08:53:01 EDT 2016'), undefined);
});

test('`date && lsof -p PID |wc -l` once: one sample of pid 26768, timed by the date; two of them rise', () => {
  const command = 'date && lsof -p 26768 |wc -l';
  const first = ['Thu Aug 25 08:53:01 EDT 2016', '9107'];
  const second = ['Thu Aug 25 10:00:30 EDT 2016', '13142'];
  assert.equal(winner(first, command), 'fd-count-samples');
  const a = parseLines(fdCountSamples, first, { command }).artifact.samples;
  const b = parseLines(fdCountSamples, second, { command }).artifact.samples;
  assert.deepEqual(
    [...a, ...b].map((s) => [s.pid, s.at, s.total, s.rows]),
    [
      [26768, '2016-08-25T08:53:01', 9107, true],
      [26768, '2016-08-25T10:00:30', 13142, true],
    ],
  );
  const g = growthOf([...a, ...b]);
  assert.equal(g?.gained, 4035);
  assert.equal(g?.spanSeconds, 4049);
  // Without `date` first, a time line and a count are no sample of their own.
  assert.notEqual(winner(first, 'lsof -p 26768 |wc -l'), 'fd-count-samples');
});

test("a loop of `date | tr '\\n' ' '` and a count: one timed sample a line", () => {
  const command =
    "while true; do date | tr '\\n' ' ' && lsof -a -p $(ps aux  | grep [c]ylc-singleuser | awk '{ print $2 }') | wc -l && sleep 5; done";
  const lines = [
    'Tue Jul  9 00:53:54 NZST 2019 91',
    'Tue Jul  9 00:53:59 NZST 2019 91',
    'Tue Jul  9 00:54:04 NZST 2019 91',
    'Tue Jul  9 00:54:09 NZST 2019 91',
    'Tue Jul  9 00:54:14 NZST 2019 91',
  ];
  assert.equal(winner(lines, command), 'fd-count-samples');
  const r = parseLines(fdCountSamples, lines, { command });
  assert.deepEqual(
    r.artifact.samples.map((s) => [s.at, s.total]),
    ['00:53:54', '00:53:59', '00:54:04', '00:54:09', '00:54:14'].map((t) => [`2019-07-09T${t}`, 91]),
  );
});

// locust/locust#1519: the reporter typed a label before each count.
test('a count with the words its writer typed before it is that count', () => {
  const command = 'lsof |wc -l';
  for (const [line, value] of [
    ['  Before start of a program   : 4473', 4473],
    ['After the start of a program 6989', 6989],
  ] as const) {
    assert.equal(winner([line], command), 'line-count');
    assert.equal(parseLines(lineCount, [line], { command }).artifact.value, value);
  }
  // Not without a counting command, nor with a path or a number in the words.
  assert.equal(lineCount.detect({ head: ['After the start of a program 6989'], name: 'transcript.md', command: 'lsof' }), 0);
  assert.equal(lineCount.detect({ head: ['/var/log/app.log 6989'], name: 'transcript.md', command: 'ls | wc -l' }) >= 0.9, false);
});

// go-sessiond-unix-dial-per-15s-counts-ss-x (round 239): the loop's echo typed at four prompts.
test('`echo $(date +%H:%M:%S) $(ls /proc/PID/fd | wc -l)` once: one sample; four of them rise', () => {
  const command = 'echo $(date +%H:%M:%S) $(ls /proc/29202/fd | wc -l)';
  const runs = [['14:42:40 9'], ['14:43:10 13'], ['14:43:41 17'], ['14:44:11 21']];
  assert.equal(winner(runs[0], command), 'fd-count-samples');
  const samples = runs.flatMap((r) => parseLines(fdCountSamples, r, { command }).artifact.samples);
  assert.deepEqual(
    samples.map((s) => [s.pid, s.total]),
    [
      [29202, 9],
      [29202, 13],
      [29202, 17],
      [29202, 21],
    ],
  );
  assert.equal(growthOf(samples)?.gained, 12);
  // Not a count: an echo of a time and a number without `wc -l`, or a pid the command does not name.
  assert.notEqual(winner(['14:42:40 9'], 'echo $(date +%T) 9'), 'fd-count-samples');
});
