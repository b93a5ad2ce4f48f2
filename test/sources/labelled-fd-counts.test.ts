// A program's or script's own labelled fd count, `LABEL: N` (src/sources/fd-count-statements.ts,
// labelledFdCount). Real lines: nodejs/node#48794 (test/accuracy/cases/gh-node20-net-connect-localhost-lsof-count-rising,
// a repro printing `lsof count:` of its own lsof -p rows) and Dispatcharr#1674
// (test/accuracy/cases/gh-dispatcharr-uwsgi-combined-worker-fds-133-151, a sum over every uwsgi worker).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PARSERS } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';
import { fdCountStatements, labelledFdCount } from '../../src/sources/fd-count-statements.js';
import { UNNAMED_PID } from '../../src/sources/artifacts.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const NODE = ['lsof count: 47', 'lsof count: 49', 'lsof count: 50', 'lsof count: 51', 'lsof count: 56', '...'];
const DISPATCHARR = [
  'combined uwsgi worker fds before: 133',
  'combined uwsgi worker fds after:  151',
  '=> ~3.6 fds leaked per tune-in, never reclaimed',
];

function winner(head: string[]): string {
  const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect({ head, name: 'transcript.md' }) })).sort((a, b) => b.score - a.score);
  return scores[0].score > 0 ? scores[0].id : 'none';
}

test("a repro's `lsof count: N` lines are counts of an unnamed process, the last one kept", () => {
  assert.equal(winner(NODE), 'fd-count-statements');
  const { artifact } = parseLines(fdCountStatements, NODE, {});
  assert.deepEqual(
    artifact.samples.map((s) => [s.pid, s.total, s.ev.line]),
    [[UNNAMED_PID, 56, 5]],
  );
});

test("a script's combined count over several processes is read as nobody's", () => {
  assert.equal(winner(DISPATCHARR), 'fd-count-statements');
  assert.deepEqual(labelledFdCount(DISPATCHARR[0]), { count: 133, summed: true });
  const { artifact } = parseLines(fdCountStatements, DISPATCHARR, {});
  assert.deepEqual(artifact.samples, []);
});

test('near misses: a limit, a difference, a rate, a label that names no fd count, prose are no labelled count', () => {
  assert.equal(labelledFdCount('Max open files: 1024'), null);
  assert.equal(labelledFdCount('fds leaked: 3'), null);
  assert.equal(labelledFdCount('fds per request: 2'), null);
  assert.equal(labelledFdCount('baseline: 315'), null);
  assert.equal(labelledFdCount('Memory used: 4096'), null);
  assert.equal(labelledFdCount('We counted the open files and found: 42 of them'), null);
  assert.deepEqual(labelledFdCount('open fds: 312'), { count: 312, summed: false });
  // A table of unrelated metrics with one fd line among them is no output of fd counts.
  assert.equal(winner(['cpu: 12', 'memory: 319', 'open fds: 312', 'uptime: 3600']), 'none');
});

test('nodejs#48794 and Dispatcharr#1674: read, nobody named (no pid, no process in the paste)', async () => {
  for (const output of [NODE, DISPATCHARR]) {
    const text = ['```', '$ node repro.js', ...output, '```', ''].join('\n');
    const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
    assert.ok(result.sources.some((s) => s.kind === 'fd-count-statements'));
    assert.equal(result.suspects.length, 0);
  }
});
