// ZeroMQ's errno_assert line (strerror's text, then the source file and line that checked it)
// pasted as plain text above a command is a line of output of its own (src/bundle/code-spans.ts
// bareLogRecord, ZMQ_ERRNO_ASSERT). Real lines: nilsnolde/docker-valhalla#176
// (test/accuracy/cases/gh-docker-valhalla-epoll-emfile-ulimit) and a Valhalla deployment's
// post-mortem quoting `Too many open files (src/ipc_listener.cpp:297)`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bareLogRecord } from '../../src/bundle/code-spans.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

test("ZeroMQ's `Too many open files (src/epoll.cpp:38)` is a record; prose naming the error is not", () => {
  assert.equal(bareLogRecord('Too many open files (src/epoll.cpp:38)'), true);
  assert.equal(bareLogRecord('Too many open files (src/ipc_listener.cpp:297)'), true);
  assert.equal(bareLogRecord('Too many open files (see the ulimit above)'), false);
  assert.equal(bareLogRecord('I still get Too many open files (src/epoll.cpp:38) after raising it'), false);
});

test('docker-valhalla#176: the assertion above `ulimit -n` is read as the line that ran out, nobody blamed', async () => {
  const text = readFileSync(join(CASES_DIR, 'gh-docker-valhalla-epoll-emfile-ulimit', 'transcript.md'), 'utf8');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.equal(result.unownedRanOut?.message, 'Too many open files (src/epoll.cpp:38)');
});
