// `lsof -p 8738 | grep CLOSE_WAIT | wc -l` = 878 beside `lsof -p 8738` rows without a TID column:
// lsof ends only a TCP socket's row with its state, so each row the grep kept is one fd, and the
// process holds 878 fds at least — not the 48 its highest listed fd says. Real lines:
// gh-typhoeus-ruby-irb-lsof-close-wait-878 (typhoeus/typhoeus#406, round 47).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { picksFdRowsOnly } from '../../src/model/row-counts.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const TYPHOEUS = readFileSync(join(CASES_DIR, 'gh-typhoeus-ruby-irb-lsof-close-wait-878', 'transcript.md'), 'utf8');

const analyzeText = (text: string) => analyzeTranscript(text, 'transcript.md', now);

test('picksFdRowsOnly: lsof TCP states (as lsof spells them) and fd-only TYPE words; not ss spellings or other words', () => {
  for (const p of ['CLOSE_WAIT', '(CLOSE_WAIT)', 'ESTABLISHED', 'close_wait', 'TCP', 'FIFO', 'a_inode']) assert.ok(picksFdRowsOnly(p), p);
  for (const p of ['CLOSE-WAIT', 'java', 'deleted', 'CLOSE_WAIT.*java', 'REG']) assert.ok(!picksFdRowsOnly(p), p);
});

test('a count of lsof rows a grep for CLOSE_WAIT kept is that many fds at least, when the listing repeats no row', async () => {
  const result = await analyzeText(TYPHOEUS);
  const s = result.suspects[0];
  assert.equal(s?.pid, 8738);
  assert.equal(s?.leak?.kind, 'socket-close-wait');
  assert.equal(s?.fdCount, 878);
  assert.equal(s?.fdCountMeasure, 'at-least');
});

test('with a TID column in the listing, the grep’s rows may repeat per thread: no fd count from them', async () => {
  const threaded = TYPHOEUS.replace(/^irb {5}8738 ubuntu/gm, 'irb     8738 8740 ubuntu');
  const result = await analyzeText(threaded);
  assert.notEqual(result.suspects[0]?.fdCount, 878);
});
