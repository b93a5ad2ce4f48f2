// A mail's or a tracker comment's whole text pasted as one block (accuracy round 148), on the real
// lines of OpenGrok Bugzilla #19215 (oracle/opengrok#556, imported): the paragraphs of sentences
// over the `ls -l` rows are an item of their own, and the rows a listing of theirs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { procFd } from '../../src/sources/proc-fd.js';

const ROWS = ['frq', 'prx', 'fdt', 'fdx', 'nrm', 'tis'].map(
  (ext, k) => `> lr-x------ 1 jetty nogroup 64 Jun  4 05:00 ${94 + k} -> /opt/opengrok-new/data/index/PHP_TRUNK/_9.${ext}`,
);
const COMMENT = [
  '```',
  "> Each search is leaking 6 additional five descriptors in the mrcurial tip ccc849159329. I haven't tested earlier versions. Forcing garbage collection doesn't close these file descriptors.",
  '> ',
  '> The opened file descriptors look like this:',
  '> ',
  ...ROWS,
  '```',
];

test('OpenGrok Bugzilla #19215: the sentences over the fd rows are no line of their listing', () => {
  const items = splitTranscript(COMMENT);
  const rows = items.find((it) => it.output.some((o) => o.text.includes(' 94 -> ')));
  assert.ok(rows);
  assert.equal(rows.command, null);
  assert.deepEqual(
    rows.output.map((o) => o.text),
    ROWS.map((r) => r.slice(2)),
  );
  assert.ok(procFd.detect({ head: rows.output.map((o) => o.text), name: 'transcript.md' }) > 0);
});

test('a block whose first paragraph is output, not sentences, stays one output', () => {
  const items = splitTranscript(['```', 'java.io.IOException: Too many open files', '', ...ROWS.map((r) => r.slice(2)), '```']);
  assert.equal(items.length, 1);
  assert.equal(items[0].output.filter((o) => o.text.trim() !== '').length, 7);
});

test('a command’s output keeps its sentence-like paragraphs', () => {
  const items = splitTranscript(['```', '$ cat notes.txt', 'The service was restarted by the night shift.', '', 'first', '```']);
  assert.equal(items.length, 1);
  assert.equal(items[0].output.filter((o) => o.text.trim() !== '').length, 2);
});

/**
 * Asked at each blank line, whether the lines above are prose alone must not cost their number: a
 * block of sentences, one other line, then blank-separated lines took minutes at 60,000 lines.
 */
test('a long block of sentences over many blank-separated lines splits in time linear in its lines', () => {
  const block = (n: number) => [
    '```',
    ...Array.from({ length: n }, (_, i) => `This is sentence ${i} about the server.`),
    '@@@ 12 34',
    ...Array.from({ length: n }, (_, i) => ['', `zz${i} 1`]).flat(),
    '```',
  ];
  const cpu = (lines: string[]) => {
    let best = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 3; run++) {
      const start = process.cpuUsage();
      splitTranscript(lines);
      const used = process.cpuUsage(start);
      best = Math.min(best, used.user + used.system);
    }
    return best;
  };
  const small = block(500);
  const big = block(5_000);
  cpu(small); // warm-up
  const ratio = cpu(big) / Math.max(cpu(small), 1);
  // Linear: about 10; quadratic: about 100.
  assert.ok(ratio < 40, `ten times the lines took ${ratio.toFixed(0)} times the CPU`);
});
