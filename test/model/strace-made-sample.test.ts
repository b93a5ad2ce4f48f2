// The fds a strace shows a process making and still holding at the end are the newest rows of its
// table: anonymous inodes among them are a sample of what fills a table far larger than they are
// (strace-made-sample), as an excerpt of a listing is (listed-kind-share).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const NOMAD = 'gh-nomad-pidfd-open-strace';

async function analyzeEdited(edit: (text: string) => string) {
  return analyzeTranscript(edit(readFileSync(join(CASES_DIR, NOMAD, 'transcript.md'), 'utf8')), 'transcript.md', now);
}

test('nomad: pidfd_open = 90771 ... 90783 in four threads, none closed: 9 pidfds atop a table of at least 90,784 fds are a sample of it — a leak of anonymous inodes', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, NOMAD, 'transcript.md'), { now });
  assert.equal(result.verdict, 'leak');
  const s = result.suspects[0];
  assert.equal(s.leak.kind, 'anon-inode');
  const sample = s.reasons.find((r) => r.signal === 'strace-made-sample');
  assert.equal(sample?.weight, 2);
  assert.equal(sample?.count, 9);
  assert.match(
    sample?.statement ?? '',
    /9 of the 9 fds it made and still held at the end are anonymous inodes \(pidfd_open\(.*in 4 threads\): the newest rows of a table of at least 90,784/,
  );
  assert.ok(s.reasons.some((r) => r.signal === 'fds-unexplained'));
});

test('the same window as sockets (connects in flight) says nothing of the table; as pidfds at fds 71 ... 83 it is no large table', async () => {
  const sockets = await analyzeEdited((t) => t.replace(/pidfd_open\(\d+, 0/g, 'socket(AF_INET, SOCK_STREAM, IPPROTO_TCP'));
  assert.ok(!sockets.suspects[0].reasons.some((r) => r.signal === 'strace-made-sample'));
  assert.equal(sockets.verdict, 'inconclusive');
  const small = await analyzeEdited((t) => t.replace(/= 907(\d\d)$/gm, '= $1'));
  assert.ok(!small.suspects[0]?.reasons.some((r) => r.signal === 'strace-made-sample'));
  assert.notEqual(small.verdict, 'leak');
});
