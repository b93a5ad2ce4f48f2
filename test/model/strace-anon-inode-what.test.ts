// A pile strace caught of one anonymous-inode call says which anonymous inode it is: the suspect's
// leak reads "32 io_uring instances", not the kind's general label.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { anonInodeMadeBy, fdMadeBy } from '../../src/sources/strace/calls.js';
import { CASES_DIR } from '../accuracy/score.js';

const now = new Date('2026-01-01T00:00:00Z');

test('each anonymous-inode call has its words, and only those calls', () => {
  assert.equal(anonInodeMadeBy('io_uring_setup'), 'io_uring instances');
  assert.equal(anonInodeMadeBy('perf_event_open'), 'perf events');
  assert.equal(anonInodeMadeBy('eventfd2'), 'eventfds');
  assert.equal(anonInodeMadeBy('openat'), undefined);
  assert.equal(fdMadeBy('io_uring_setup'), 'anon-inode');
});

test('an io_uring ring per request, caught by strace -f -y: the leak is of io_uring instances', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'c-ringq-io-uring-per-request-strace-f-y-emfile-log', 'bundle'), { now });
  const s = result.suspects[0];
  assert.equal(s.pid, 7941);
  assert.equal(s.leak.kind, 'anon-inode');
  assert.equal(s.leak.what, 'io_uring instances');
  assert.match(result.summary, /32 of them io_uring instances/);
});
