// A per-process count loop whose printf prints words around the pid and the count (accuracy round
// 54, juanfont/headscale#132: `PID   8588 has 1024 FDs`). The format in the command says where the
// values are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PARSERS } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';
import { countTable } from '../../src/sources/count-table.js';
import { loopFormat, loopRowText } from '../../src/sources/proc-fd-count-loop.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

const LOOP = 'for pid in /proc/[0-9]*; do printf "PID %6d has %4d FDs\\n" $(basename $pid) $(ls $pid/fd | wc -l); done';
const LINE = 'PID   8588 has 1024 FDs';

test("the loop's printf format gives the words around its two values", () => {
  assert.deepEqual(loopFormat(LOOP), ['PID ', ' has ', ' FDs ']);
  assert.equal(loopRowText(LINE, loopFormat(LOOP)), '8588 1024');
  // A line of another shape is no row of it.
  assert.equal(loopRowText('PID 8588 holds 1024 FDs', loopFormat(LOOP)), undefined);
  assert.equal(loopRowText('PID has FDs', loopFormat(LOOP)), undefined);
  // fdleak collect's own `%7d %s` prints no words: its lines read as they are.
  const collect = "for p in /proc/[0-9]*; do printf '%7d %s\\n' $(ls $p/fd 2>/dev/null | wc -l) ${p#/proc/}; done | sort -nr";
  assert.deepEqual(loopFormat(collect), ['', ' ', ' ']);
  assert.equal(loopRowText('   1024 8588', loopFormat(collect)), '   1024 8588');
  // An echo, a format of three values, no loop, an unclosed quote: no format.
  assert.equal(loopFormat('for p in /proc/[0-9]*; do echo "$(ls $p/fd | wc -l) $p"; done'), null);
  assert.equal(loopFormat('for p in /proc/[0-9]*; do printf "%d %d %s\\n" $(basename $p) $(ls $p/fd | wc -l) x; done'), null);
  assert.equal(loopFormat('printf "PID %d has %d FDs\\n" 1 2'), null);
  assert.equal(loopFormat(`for p in /proc/[0-9]*; do printf "${'%'.repeat(5000)} $(ls $p/fd | wc -l)`), null);
});

test('the line is read as a count of pid 8588, and the case gives its 1,024 fds', async () => {
  const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect({ head: [LINE], name: 'transcript.md', command: LOOP }) }));
  assert.equal(scores.sort((a, b) => b.score - a.score)[0].id, 'count-table');
  const r = parseLines(countTable, [LINE], { command: LOOP });
  assert.deepEqual(
    r.artifact.rows.map((row) => [row.count, row.key]),
    [[8588, '1024']],
  );
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-headscale-proc-fd-loop-1024-journal-sqlite-emfile', 'transcript.md'), {
    now: new Date('2026-01-01T00:00:00Z'),
  });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0].pid, 8588);
  const holder = result.processes?.find((p) => p.pid === 8588);
  assert.equal(holder?.fdCount, 1024);
  assert.equal(holder?.evidence.fdCount?.line, 20);
});
