// A shell loop printing several counts a round, and a prompt typed on a code fence's own line.
// Real lines: gh-montysolr-container-lsof-grep-index-counts-negative (a MontySolr pod's
// `while true; do lsof | wc -l ;lsof | grep index | wc -l ;  curl …; sleep 1; done`, pasted as
// ```` ```root@solr-searcher-us-east-1b-0:/app# while true; … ````).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loopCounts, withLoopCounts } from '../../src/bundle/loop-counts.js';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { CASES_DIR } from '../accuracy/score.js';

const MONTYSOLR = readFileSync(join(CASES_DIR, 'gh-montysolr-container-lsof-grep-index-counts-negative', 'transcript.md'), 'utf8');

test('a prompt typed on the opening fence line is the block first line: its loop is the command of the numbers under it', () => {
  const items = splitTranscript(MONTYSOLR.split('\n'));
  const first = items[0];
  assert.equal(first?.command, 'lsof | wc -l');
  assert.deepEqual(
    first?.output.map((o) => o.text),
    ['137630'],
  );
});

test("the loop's numbers are dealt to its two counts in turn, one item a number; the curl errors stay apart", () => {
  const items = splitTranscript(MONTYSOLR.split('\n'));
  const of = (c: string) => items.filter((i) => i.command === c).map((i) => i.output[0]?.text);
  assert.deepEqual(of('lsof | wc -l'), ['137630', '138338', '139216', '140604']);
  assert.deepEqual(of('lsof | grep index | wc -l'), ['56516', '56800', '57084', '57652']);
  assert.ok(items.some((i) => i.command === null && i.output.some((o) => o.text.startsWith('curl: (28)'))));
});

test('the counts of a loop body; a loop of one count, or no loop, is left as it is', () => {
  assert.deepEqual(loopCounts("while true; do lsof | wc -l ;lsof | grep index | wc -l ;  curl -m 2 'x' ; sleep 1; done"), [
    'lsof | wc -l',
    'lsof | grep index | wc -l',
  ]);
  assert.deepEqual(loopCounts('lsof | wc -l'), []);
  const one = { command: 'while [ -z $FOO ]; do lsof -p 2098 | wc -l;sleep 1;done', commandLine: 1, output: [{ text: '320', line: 2 }] };
  assert.deepEqual(withLoopCounts([one]), [one]);
});

test('a plain terminal paste of the same loop (no fences) is read the same way', () => {
  const block = MONTYSOLR.split('\n').filter((l) => !l.startsWith('```') || l.startsWith('```root@'));
  const start = block.findIndex((l) => l.startsWith('```root@'));
  const terminal = block.slice(start, start + 9).map((l) => l.replace(/^```/, ''));
  assert.ok(!terminal.some((l) => l.startsWith('```')));
  const items = splitTranscript(terminal);
  const of = (c: string) => items.filter((i) => i.command === c).map((i) => i.output[0]?.text);
  assert.deepEqual(of('lsof | wc -l'), ['137630', '138338', '139216']);
  assert.deepEqual(of('lsof | grep index | wc -l'), ['56516', '56800', '57084']);
});
