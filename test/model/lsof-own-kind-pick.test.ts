// lsof's own pick of one kind of file, `-U` (unix sockets) or `-iUDP`, ANDed with a process (`-a -p
// PID`), is a grep for that kind's words: its rows shown are that kind by construction (no sample of
// what fills the table), and its count less lsof's header is the process's fds of that kind. Real
// lines: perl-mailer-unix-peer-gone-lsof-U (round 175, a Perl mailer captured here: `sudo lsof -U -a
// -p 9037 | head -8`, `| wc -l` = 456, `sudo ss -xp | grep mailer | head -6`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lsofAnds, lsofSelection } from '../../src/command-words.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const MAILER = readFileSync(join(CASES_DIR, 'perl-mailer-unix-peer-gone-lsof-U', 'transcript.md'), 'utf8');

test('what lsof selects files by, and whether it ANDs its selections', () => {
  assert.equal(lsofSelection('sudo lsof -U -a -p 9037'), 'unix');
  assert.equal(lsofSelection('lsof -a -iUDP -p 10151'), 'network');
  assert.equal(lsofSelection('sudo lsof +L1'), 'unlinked');
  assert.equal(lsofSelection('lsof +D /var/log'), 'place');
  assert.equal(lsofSelection('lsof -n -P -p 6914 +c0'), null);
  assert.equal(lsofAnds('sudo lsof -U -a -p 9037'), true);
  assert.equal(lsofAnds('lsof -aU -p 9037'), true);
  assert.equal(lsofAnds('lsof -nPa -i -p 9037'), true);
  // Without -a lsof ORs them; an `a` in an option's value (`-p1a`, `-Fa`) is no -a.
  assert.equal(lsofAnds('sudo lsof -U -p 9037'), false);
  assert.equal(lsofAnds('lsof -Fa -p 9037'), false);
  assert.equal(lsofAnds('lsof -c java'), false);
});

test("the mailer's `lsof -U -a -p` count is 455 unix sockets of it, and its -U rows are no sample of its table", async () => {
  const result = await analyzeTranscript(MAILER, 'transcript.md', now);
  const s = result.suspects[0];
  assert.equal(s?.pid, 9037);
  assert.equal(s?.leak.kind, 'socket-unix');
  assert.equal(s?.fdCount, 455);
  assert.equal(s?.fdCountMeasure, 'at-least');
  const signals = s?.reasons.map((r) => r.signal) ?? [];
  assert.ok(!signals.includes('listed-kind-share'), signals.join());
  assert.equal(s?.reasons.find((r) => r.signal === 'socket-unix-pile')?.count, 455);
});

test('without -a the count is of every unix socket of the host and every file of the pid: no count of its unix sockets', async () => {
  const ored = MAILER.replace('sudo lsof -U -a -p 9037 | wc -l', 'sudo lsof -U -p 9037 | wc -l');
  const s = (await analyzeTranscript(ored, 'transcript.md', now)).suspects[0];
  assert.equal(s?.pid, 9037);
  assert.equal(s?.fdCountMeasure, 'rows');
  assert.ok(!s?.reasons.some((r) => r.signal === 'socket-unix-pile'));
});
