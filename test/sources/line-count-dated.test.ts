// A count timed by a `date` run first: date's line, then the count. Real lines:
// discourse-haproxy-maxconn-close-wait-count-60 (https://discourse.haproxy.org/t/maxconn-causing-close-wait/6226).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PARSERS } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';
import { lineCount } from '../../src/sources/line-count.js';
import { withoutDate } from '../../src/bundle/timed-count.js';
import type { DetectInput } from '../../src/sources/parser.js';

function winner(input: DetectInput): string {
  const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect(input) })).sort((a, b) => b.score - a.score);
  return scores[0].score > 0 ? scores[0].id : 'none';
}

const command = 'date; ss -antp | grep listener-ip | grep -i close | wc -l';
const head = ['Fri Feb  5 15:47:46 UTC 2021', '60'];

test("date's line above a count is its time, not a second number", () => {
  assert.equal(winner({ head, name: 'transcript.md', command }), 'line-count');
  const { artifact, warnings } = parseLines(lineCount, head, { command });
  assert.equal(artifact.value, 60);
  assert.deepEqual(warnings, []);
});

test('only under a command that runs date first, and only date(1) output', () => {
  assert.equal(lineCount.detect({ head, name: 'transcript.md', command: 'ss -antp | grep -i close | wc -l' }), 0);
  assert.equal(lineCount.detect({ head: ['15:47:46', '60'], name: 'transcript.md', command }), 0);
});

test('what a date run first timed is the command after it', () => {
  assert.equal(withoutDate(command), 'ss -antp | grep listener-ip | grep -i close | wc -l');
  assert.equal(withoutDate('date && lsof -p 1 | wc -l'), 'lsof -p 1 | wc -l');
  assert.equal(withoutDate('ss -antp | wc -l'), 'ss -antp | wc -l');
});
