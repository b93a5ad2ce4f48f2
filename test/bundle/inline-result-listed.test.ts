// A write-up's Markdown list noting counting commands with their results after `=` (accuracy round
// 265), the real lines of influxdata/influxdb#6185:
//   * lsof | wc -l = 26662
//   * lsof | grep socket | wc -l = 26315
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listedResult } from '../../src/bundle/inline-result.js';
import { splitTranscript } from '../../src/bundle/transcript.js';

const NOTES = [
  'My server has been running for about an hour so far.  This is with version 0.11.1',
  '* lsof | wc -l = 26662',
  '* lsof | grep socket | wc -l = 26315',
  '',
  "After almost 2 hours I'm up to ",
  '* lsof | wc -l = 52315',
  '* lsof | grep socket | wc -l = 52047',
];

test('`* lsof | wc -l = 26662`: a list item noting a counting command and its count', () => {
  assert.deepEqual(listedResult('* lsof | wc -l = 26662'), { command: 'lsof | wc -l', result: '26662' });
  assert.deepEqual(listedResult('- ls /proc/4242/fd | wc -l → 1017'), { command: 'ls /proc/4242/fd | wc -l', result: '1017' });
});

test('a list item that is no counting command with its count is none', () => {
  assert.equal(listedResult('* lsof | wc -l'), null);
  assert.equal(listedResult('* the limit = 1024'), null);
  assert.equal(listedResult('* lsof -p 42 = 26662'), null);
  assert.equal(listedResult('lsof | wc -l = 26662'), null);
});

test("the thread's notes split into four commands, each with its count", () => {
  const items = splitTranscript(NOTES).filter((i) => i.command !== null);
  assert.deepEqual(
    items.map((i) => [i.command, i.output.map((o) => o.text)]),
    [
      ['lsof | wc -l', ['26662']],
      ['lsof | grep socket | wc -l', ['26315']],
      ['lsof | wc -l', ['52315']],
      ['lsof | grep socket | wc -l', ['52047']],
    ],
  );
});

// The command in a code span (accuracy round 297), the real lines of two threads: a Portuguese
// write-up's bullet (ai-memory's container, pid 1) and traefik#5329's line under its accept4 log.
const SPANNED = [
  '# Notes',
  '',
  '- `ls /proc/1/fd | wc -l` = **1024/1024** (limite soft atingido).',
  '',
  '``ls -l /proc/32098/fd | wc -l`` prints "1024" (32098 is traefik)',
  '',
  '```',
  'accept4: too many open files',
  '```',
];

test('a counting command in a code span, its count after `=` or `prints` on the same line', () => {
  assert.deepEqual(listedResult('- `ls /proc/1/fd | wc -l` = **1024/1024** (limite soft atingido).'), {
    command: 'ls /proc/1/fd | wc -l',
    result: '1024',
  });
  assert.deepEqual(listedResult('``ls -l /proc/32098/fd | wc -l`` prints "1024" (32098 is traefik)'), {
    command: 'ls -l /proc/32098/fd | wc -l',
    result: '1024',
  });
  assert.deepEqual(listedResult('- `lsof -p 4242 | grep -c state.db` → 50'), { command: 'lsof -p 4242 | grep -c state.db', result: '50' });
});

test('a code span in a sentence, or one that counts nothing, is none', () => {
  assert.equal(listedResult('Running `ls /proc/1/fd | wc -l` = 1024 showed it.'), null);
  assert.equal(listedResult('- `ulimit -n` = 1024'), null);
  assert.equal(listedResult('- `ls /proc/1/fd | wc -l` = 1024 and rising after every request'), null);
});

test('in a Markdown write-up, each spanned note is its command with its count', () => {
  const items = splitTranscript(SPANNED).filter((i) => i.command !== null);
  assert.deepEqual(
    items.map((i) => [i.command, i.output.map((o) => o.text)]),
    [
      ['ls /proc/1/fd | wc -l', ['1024']],
      ['ls -l /proc/32098/fd | wc -l', ['1024']],
    ],
  );
});
