// The fds one creating call is handed, rising strictly until its thread fails with EMFILE, are
// growth caught in a strace (the lowest free fd is handed out); a few fds near the top of the table,
// or fds freed and handed out again, are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeBundle } from '../../src/analysis.js';
import { fdsRose } from '../../src/model/signals/strace-fd-rise.js';

test('fds handed out ever higher, the table at least doubled, are growth (tio: open = 3, 4, 5 … 8191)', () => {
  assert.equal(fdsRose([3, 4, 5, 8191]), true);
  // A server handed a few fds near the top of its table, or fds that were freed and reused: no growth shown.
  assert.equal(fdsRose([1021, 1022, 1023]), false);
  assert.equal(fdsRose([3, 9, 7, 20]), false);
  assert.equal(fdsRose([3, 8191]), false);
});

test('tio issue 14: open() of /dev/null handed 3, 4, 5 … 8191 then EMFILE is a leak, not only running out', async () => {
  const file = 'test/accuracy/cases/gh-tio-devnull-strace-emfile/transcript.md';
  const r = (await analyzeBundle(file, { now: new Date('2026-12-06T00:00:00Z') })).result;
  assert.equal(r.verdict, 'leak');
  const rose = r.suspects[0].reasons.find((x) => x.signal === 'strace-fd-rose');
  assert.ok(rose, 'strace-fd-rose');
  assert.ok(r.suspects[0].reasons.some((x) => x.signal === 'emfile-in-strace'));
});
