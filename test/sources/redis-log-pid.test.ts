// Redis's log prefix names the writer's pid; KeyDB's adds its thread (src/sources/redis-log.ts, read
// by log-pids.ts). Real lines: Snapchat/KeyDB#537
// (test/accuracy/cases/gh-keydb-fifo-type-tally-accept-emfile-log-two-hosts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { syslogSource } from '../../src/sources/log-pids.js';
import { redisLogSource } from '../../src/sources/redis-log.js';

const KEYDB = [
  '2932708:2932723:S 05 Jan 2023 23:16:20.414 # Accepting client connection: accept: Too many open files',
  '2932708:2932722:S 05 Jan 2023 23:16:20.414 # Accepting client connection: accept: Too many open files',
  '2932708:2932723:S 05 Jan 2023 23:16:20.415 # Accepting client connection: accept: Too many open files',
];

test('the Redis-family prefix names the pid, and KeyDB its thread; other shapes name none', () => {
  assert.deepEqual(redisLogSource(KEYDB[0]), { pid: 2932708, tid: 2932723 });
  assert.deepEqual(syslogSource(KEYDB[1]), { pid: 2932708 });
  assert.deepEqual(redisLogSource('1:M 05 Jan 2023 23:16:20.414 # Error accepting a client connection: accept: Too many open files'), {
    pid: 1,
  });
  // Not a time of day (`12:30 …`), nor a role letter Redis does not print, nor a line without its level mark.
  assert.equal(redisLogSource('12:30 M 05 Jan 2023 23:16:20.414 # x'), null);
  assert.equal(redisLogSource('1234:Q 05 Jan 2023 23:16:20.414 # x'), null);
  assert.equal(redisLogSource('1234:M 05 Jan 2023 23:16:20.414 x'), null);
});

test('KeyDB#537: the log names pid 2932708 as the process that ran out', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-redis-log-'));
  try {
    writeFileSync(join(dir, 'keydb-server.log'), `${KEYDB.join('\n')}\n`);
    const { result } = await analyzeBundle(dir, { now: new Date('2026-01-01T00:00:00Z') });
    assert.equal(result.verdict, 'inconclusive');
    assert.equal(result.suspects[0]?.pid, 2932708);
    assert.match(result.suspects[0]?.ranOut?.message ?? '', /accept: Too many open files/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('KeyDB#537: where it ran out is the thread the first line names', async () => {
  const { loggedThread } = await import('../../src/sources/log-thread.js');
  assert.equal(loggedThread(KEYDB[0], 2932708), 2932723);
  assert.equal(loggedThread(KEYDB[0], 1), null);
  assert.equal(loggedThread('1:M 05 Jan 2023 23:16:20.414 # accept: Too many open files', 1), null);
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-redis-tid-'));
  try {
    writeFileSync(join(dir, 'keydb-server.log'), `${KEYDB.join('\n')}\n`);
    const { result } = await analyzeBundle(dir, { now: new Date('2026-01-01T00:00:00Z') });
    assert.equal(result.suspects[0]?.ranOut?.tid, 2932723);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
