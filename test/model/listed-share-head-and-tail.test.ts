// Two excerpts of one lsfd listing (accuracy round 146): node-thumbs-spawn-pipes pastes
// `lsfd -p 22294 -Q 'FD >= 0' | head -30` — node's own fds 0-19 (stdio, epoll, eventfds, its
// loop's pipes, its log) and the first unix sockets — and `lsfd -p 22294 | tail -8`, fds 592-601,
// every one a UNIX-STREAM socket, beside `ls /proc/22294/fd | wc -l` = 600. The head is the
// process's first fds; the tail, the top of its 600-fd table, is the sample that says what fills it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

const now = new Date('2026-01-01T00:00:00Z');
const CASE = join(CASES_DIR, 'node-thumbs-spawn-pipes', 'transcript.md');

test("node thumbs: the lsfd tail's unix sockets say what the head's runtime fds cannot", async () => {
  const { result } = await analyzeBundle(CASE, { now });
  assert.equal(result.verdict, 'leak');
  const s = result.suspects[0];
  assert.equal(s.pid, 22294);
  assert.equal(s.leak.kind, 'socket-unix');
  const share = s.reasons.find((r) => r.signal === 'listed-kind-share');
  assert.equal(share?.weight, 2);
  assert.match(
    share?.statement ?? '',
    /^8 of the 8 fds listed in transcript\.md are unix-domain sockets; the listing is an excerpt of at least 600/,
  );
  // The rows cited are the tail's (line 41: fd 592), not the head's.
  assert.equal(share?.evidence[0].line, 41);
});

test('node thumbs: the head alone (9 unix sockets of 29 fds) is no share', async () => {
  const lines = readFileSync(CASE, 'utf8').split('\n');
  const cut = lines.findIndex((l) => l.includes('| tail -8'));
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-head-'));
  const file = join(dir, 'transcript.md');
  writeFileSync(file, `${lines.slice(0, cut).join('\n')}\n\`\`\`\n`);
  const { result } = await analyzeBundle(file, { now });
  assert.equal(result.verdict, 'inconclusive');
  assert.ok(!result.suspects[0]?.reasons.some((r) => r.signal === 'listed-kind-share'));
});
