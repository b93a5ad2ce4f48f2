// A command line cut at the terminal's width ends in a `>` glued to its last word: no shell runs a
// line that ends in `>`, so the mark is dropped and the word before it is the start of the word
// typed (src/model/command-segments.ts `withoutCutMark`). A grep for a path's start then still
// picks rows by their own path (docs/diagnosis.md, "Adding up a case").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withoutCutMark } from '../../src/model/command-segments.js';
import { rowFilters } from '../../src/model/pipeline.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

// fluent-bit#486: the reporter's prompt line, cut at the terminal's width, and the rows it printed
// (the fourth row cut as our copy has it).
const C = '01318066a03ddb3bf06479d57337ea11bf4ec620a6e4f2553e63976f0e037a6a';
const FLUENT_BIT = [
  '-----',
  'Mutiple FDs for a log ',
  '-----',
  '',
  'root@s40:/proc/38376/fd# ls -al | grep /var/lib/docker/containers/01318066a03d>',
  `lr-x------ 1 root root 64 Jan 14 04:42 1102 -> /var/lib/docker/containers/${C}/${C}-json.log`,
  `lr-x------ 1 root root 64 Jan 14 05:24 1246 -> /var/lib/docker/containers/${C}/${C}-json.log`,
  `lr-x------ 1 root root 64 Jan 14 07:37 1392 -> /var/lib/docker/containers/${C}/${C}-json.log`,
  'lr-x------ 1 root root 64 Jan 14 12:29 1538 -> /var/lib/docker/containers/01318066a03ddb3bf06479d57337ea11bf4ec620a6e4f2553e63976',
];

test("a grep word cut at the terminal's width is the start of the word typed", () => {
  assert.deepEqual(rowFilters('ls -al | grep /var/lib/docker/containers/01318066a03d>'), ['/var/lib/docker/containers/01318066a03d']);
  assert.equal(withoutCutMark('lsof -p 12 | grep app.lo>'), 'lsof -p 12 | grep app.lo');
});

test('no cut mark: a redirect, an append, a word anchor, an arrow, a placeholder', () => {
  for (const c of [
    'ls /proc/1/fd 2>',
    'ls /proc/1/fd >>',
    "grep 'word\\>'",
    'grep word\\>',
    'grep ->',
    'ss -tlnp | grep <my port>',
    'ls >',
    'ls -l',
  ]) {
    assert.equal(withoutCutMark(c), c, c);
  }
});

test("rows a cut grep picked by their path's start name the candidate's kind (fluent-bit's json log)", async () => {
  const r = await analyzeTranscript(FLUENT_BIT, 'transcript.md', now);
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0].pid, 38376);
  assert.equal(r.suspects[0].leak.kind, 'file');
});
