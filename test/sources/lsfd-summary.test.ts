// lsfd's `--summary=only` (test/fixtures/sources/lsfd-summary/README.md): one process's open files by
// type, stamped by the date(1) run before it; a whole host's summary is no one's; two summaries of a
// leaking process a minute apart are its growth.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureLines } from '../helpers.js';
import { PARSERS } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';
import { lsfdSummary } from '../../src/sources/lsfd-summary.js';
import { UNNAMED_PID } from '../../src/sources/artifacts.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-12-08T01:00:00Z');

function winner(head: string[]): string {
  const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect({ head, name: 'summary.txt' }) })).sort((a, b) => b.score - a.score);
  return scores[0].score > 0 ? scores[0].id : 'none';
}

test('one process: `open files` is its fd count, the type counters its fds by kind, dated by date(1) before it', () => {
  const lines = fixtureLines('sources', 'lsfd-summary', 'ruby-resizer-dated.txt');
  assert.equal(winner(lines), 'lsfd-summary');
  const r = parseLines(lsfdSummary, lines, { command: 'date; lsfd --summary=only -p 2820' });
  assert.deepEqual(
    r.artifact.samples.map((s) => [s.pid, s.total, s.at, s.byKind, s.ev.line]),
    [[2820, 94, '2026-12-08T00:04:10', { pipe: 89, device: 3, other: 2 }, 6]],
  );
  // Without `-p` in the command (or with none known) it is the process the bundle is about.
  const bare = parseLines(lsfdSummary, lines.slice(1));
  assert.equal(bare.artifact.samples[0].pid, UNNAMED_PID);
  assert.equal(parseLines(lsfdSummary, lines, { command: 'lsfd --summary=only --pid=2820' }).artifact.samples[0].pid, 2820);
});

test("the whole host's summary (145 processes) adds every process's fds up: no sample", () => {
  const lines = fixtureLines('sources', 'lsfd-summary', 'host-all-processes.txt');
  const r = parseLines(lsfdSummary, lines, { command: 'lsfd --summary=only' });
  assert.equal(r.artifact.samples.length, 0);
  assert.match(r.warnings[0].message, /145 processes/);
  // Two pids in `-p` name no one process either: its `processes` counter says 2.
  const two = ['VALUE COUNTER', '    2 processes', '  300 open files', '  290 fifos/pipes'];
  assert.equal(parseLines(lsfdSummary, two, { command: 'lsfd --summary=only -p "1 2"' }).artifact.samples.length, 0);
});

test('two summaries of one process a minute apart (ruby-resizer-open3-popen2-kept-lsfd-summary-twice): growth of pipes, a leak', async () => {
  const first = fixtureLines('sources', 'lsfd-summary', 'ruby-resizer-dated.txt');
  const second = first.map((l) =>
    l.replace('00:04:10', '00:05:10').replace('   94 open files', '  361 open files').replace('   89 fifos/pipes', '  356 fifos/pipes'),
  );
  const text = ['```', '$ date; lsfd --summary=only -p 2820', ...first, '$ date; lsfd --summary=only -p 2820', ...second, '```', ''];
  const r = await analyzeTranscript(text.join('\n'), 'issue.md', now);
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0]?.pid, 2820);
  assert.equal(r.suspects[0]?.leak.kind, 'pipe');
  assert.ok(r.suspects[0]?.reasons.some((x) => x.signal === 'fd-growth'));
});
