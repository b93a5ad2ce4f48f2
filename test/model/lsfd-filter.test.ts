// `lsfd -p PID -Q 'TYPE == "FIFO"' | wc -l`: lsfd's filter keeps one kind of the process's fds.
// Real lines: c-fiforelay-lsfd-q-fifo-wc-l-dated-counts (captured here, lsfd 2.38.1: five dated
// counts, 18 … 207 lines, each with lsfd's header) and py-rpcshim-lsfd-n-q-sock-wc-clock-prompts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lsfdFilterKind } from '../../src/model/lsfd-filter.js';
import { analyzeTranscript } from '../analyze-transcript.js';
import { CASES_DIR } from '../accuracy/score.js';

const FIFORELAY = readFileSync(join(CASES_DIR, 'c-fiforelay-lsfd-q-fifo-wc-l-dated-counts', 'transcript.md'), 'utf8');

test("a filter on one TYPE or SOURCE names its kind; lsfd's header is counted unless -n", () => {
  assert.deepEqual(lsfdFilterKind(`lsfd -p 8378 -Q 'TYPE == "FIFO"' | wc -l`), { kind: 'pipe', header: true });
  assert.deepEqual(lsfdFilterKind(`lsfd -n -p 8378 -Q 'TYPE == "FIFO"' | wc -l`), { kind: 'pipe', header: false });
  assert.deepEqual(lsfdFilterKind(`lsfd -p 8378 --filter "TYPE == \\"UNIX-STREAM\\"" --noheadings | wc -l`), {
    kind: 'socket-unix',
    header: false,
  });
  assert.deepEqual(lsfdFilterKind(`lsfd -p 8378 -Q 'SOURCE == "anon_inodefs"' | wc -l`), { kind: 'anon', header: true });
});

test('a filter of no one kind, or of several conditions, names none', () => {
  // lsfd 2.38 types every socket SOCK: which sockets, the filter does not say.
  assert.equal(lsfdFilterKind(`lsfd -n -p 8385 -Q 'TYPE == "SOCK"' | wc -l`), null);
  assert.equal(lsfdFilterKind(`lsfd -p 8378 -Q 'TYPE == "FIFO" or TYPE == "REG"' | wc -l`), null);
  assert.equal(lsfdFilterKind(`lsfd -p 8378 | wc -l`), null);
  assert.equal(lsfdFilterKind(`lsof -p 8378 -Q 'TYPE == "FIFO"'`), null);
});

test('five dated lsfd FIFO counts climbing: a leak of pipes, the last count less the header', async () => {
  const r = await analyzeTranscript(FIFORELAY, 'transcript.md');
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0].pid, 8378);
  assert.equal(r.suspects[0].leak?.kind, 'pipe');
  assert.match(r.summary, /206 pipes/);
});
