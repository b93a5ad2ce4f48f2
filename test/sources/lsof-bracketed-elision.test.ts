// An lsof excerpt the writer headed with their own words in brackets (pytorch/pytorch#973, ivanprado:
// `[some typical entries]`, `...`, then the rows kept; test/accuracy/cases/
// gh-pytorch-dataloader-lsof-del-shm-map-row). The bracketed phrase marks rows left out, as `[...]`
// does; it is no stranger's line that makes the block something other than lsof's rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isElision } from '../../src/sources/fd-kind.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const ROW = 'python  27103 ivan  DEL    REG               0,25              3543 /dev/shm/torch_27123_166186690';

test("the writer's bracketed words are an elision", () => {
  assert.ok(isElision('[some typical entries]'));
  assert.ok(!isElision(ROW));
});

test('the excerpt is read as lsof: pid 27103 and one DEL mapping, which is no fd; nobody blamed', async () => {
  const text = ['```', '[some typical entries]', '...', ROW, '```', ''].join('\n');
  const result = await analyzeTranscript(text, 'issue.md', now);
  assert.equal(result.verdict, 'inconclusive');
  assert.deepEqual(result.suspects, []);
  assert.ok((result.processes ?? []).some((p) => p.pid === 27103));
});
