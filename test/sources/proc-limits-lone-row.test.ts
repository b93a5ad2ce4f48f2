// One `/proc/PID/limits` row pasted alone, without its command: the kernel's wording and unit word
// say which file it is. Real line: mattshma/bigdata#57 (an HBase RegionServer's limits).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PARSERS } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';
import { procLimits } from '../../src/sources/proc-limits.js';

function winner(head: string[], command?: string): string {
  const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect({ head, name: 'x.txt', command }) })).sort((a, b) => b.score - a.score);
  return scores[0].score > 0 ? scores[0].id : 'none';
}

const ROW = 'Max open files            32768                32768                files ';

test('a lone `Max open files … files` row is the open-files limit of a process nobody names', () => {
  assert.equal(winner([ROW]), 'proc-limits');
  const r = parseLines(procLimits, [ROW], {});
  assert.equal(r.artifact.pid, undefined);
  assert.deepEqual([r.artifact.openFiles?.soft, r.artifact.openFiles?.hard], [32768, 32768]);
});

test('without its unit word, or among other lines, the row alone is not read', () => {
  assert.equal(winner(['Max open files            32768                32768']), 'none');
  assert.notEqual(winner([ROW, 'some prose after it']), 'proc-limits');
});

// podman#21912: the one row kept from `cat /proc/self/limits`, the rest elided with `...` above
// and below it (real lines, trailing blanks and all).
test('the lone row between `...` elisions is still that file, the elisions no rows', () => {
  const head = ['...', 'Max open files            1024                 1024                 files     ', '...'];
  assert.equal(winner(head), 'proc-limits');
  const r = parseLines(procLimits, head, {});
  assert.deepEqual([r.artifact.openFiles?.soft, r.artifact.openFiles?.hard], [1024, 1024]);
  assert.equal(r.artifact.records, 1);
  assert.equal(r.warnings.filter((w) => /not a \/proc\/PID\/limits row/.test(w.message)).length, 0);
});
