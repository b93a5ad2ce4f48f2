// A count loop left running for hours pastes tens of thousands of numbers under one command. Reading
// them must take time linear in their number: asking at every line whether the item was a one-count
// command's finished output (re-reading all of it), and looking each sample's time up among all the
// process's samples, made such a paste take minutes (8,000 lines: 9 s; 300,000: never finished).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { analyzeTranscript } from '../analyze-transcript.js';

// The command of https://github.com/elastic/logstash/issues/4225 (comment of 2017-10-31), run for half a day.
const LOOP = '[root@es-broker logstash]# while [ -z $FOO ]; do lsof -p 2098 | wc -l;sleep 1;done';
const N = 40_000;
const lines = [LOOP, ...Array.from({ length: N }, (_, i) => String(316 + (i % 5)))];

test("a loop's 40,000 counts are one item, split in linear time", () => {
  const started = Date.now();
  const items = splitTranscript(lines);
  assert.equal(items.length, 1);
  assert.equal(items[0].output.length, N);
  // Quadratic, this took over a minute on the machine the tests run on.
  assert.ok(Date.now() - started < 20_000, `${Date.now() - started} ms`);
});

test("a loop's 40,000 counts are 40,000 samples of pid 2098, analysed in bounded time", async () => {
  const started = Date.now();
  const result = await analyzeTranscript(`${lines.join('\n')}\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.ok(Date.now() - started < 60_000, `${Date.now() - started} ms`);
  const p = result.processes?.find((x) => x.pid === 2098);
  assert.ok(p, 'pid 2098 is known');
});

test('a fenced block of 150,000 commands is split without overflowing the stack', () => {
  const lines = ['```'];
  for (let i = 0; i < 150_000; i++) lines.push(`$ ls /proc/${i}/fd | wc -l`, String(i % 50));
  lines.push('```');
  const items = splitTranscript(lines);
  assert.equal(items.length, 150_000);
  assert.equal(items[149_999].command, 'ls /proc/149999/fd | wc -l');
});

test('a long command over a long output is read once, not at each line', () => {
  // A 3,800-character `sh -c '…'` over 50,000 lines: re-reading the command at every line to ask
  // whether it prints one count took 10 s per 20,000 lines.
  const command = `$ docker exec web sh -c "${'a '.repeat(1900)}"`;
  const long = [command, ...Array.from({ length: 50_000 }, (_, i) => `==> /proc/${i}/limits <==`)];
  const started = Date.now();
  const items = splitTranscript(long);
  assert.equal(items.length, 1);
  assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
});
