// A `uniq -c` tally of one process's lsof rows by TYPE, each row annotated by the paster with a
// shell comment after its key, the process's pid redacted in the command (colbymchenry/codegraph#644,
// macOS, accuracy round 161). The note is no part of the key (`REG`, not `REG      # regular …`),
// and `lsof -p <daemon>` is one process's lsof — its pid not shown — as for a tally by NAME.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { countTable } from '../../src/sources/count-table.js';
import { parseLines } from '../../src/sources/run.js';
import { lsofPicksOneProcess } from '../../src/model/type-counts.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

const COMMAND = "lsof -p <daemon> -n | awk 'NR>1{print $5}' | sort | uniq -c | sort -rn";
const LINES = [
  '52057 REG      # regular files held open at idle',
  '    3 KQUEUE   # the actual file watcher — only 3, working fine',
  '    4 DIR',
  '    4 PIPE',
  '    2 CHR',
];

test("a paster's `# note` after a row's key is no part of the key", () => {
  assert.ok(countTable.detect({ head: LINES, name: 'x', command: COMMAND }) >= 0.9);
  const { artifact, warnings } = parseLines(countTable, LINES, { command: COMMAND });
  assert.deepEqual(
    artifact.rows.map((r) => [r.count, r.key]),
    [
      [52057, 'REG'],
      [3, 'KQUEUE'],
      [4, 'DIR'],
      [4, 'PIPE'],
      [2, 'CHR'],
    ],
  );
  assert.deepEqual(warnings, []);
  // A `#` inside a key, or after one blank only, is the key's.
  const kept = parseLines(countTable, ['   12 /srv/a#b', '    3 /srv/c # d'], {
    command: "ls -l /proc/1/fd | awk '{print $11}' | sort | uniq -c",
  });
  assert.deepEqual(
    kept.artifact.rows.map((r) => r.key),
    ['/srv/a#b', '/srv/c # d'],
  );
});

test('`lsof -p PLACEHOLDER` selects one process; a host-wide lsof does not', () => {
  assert.equal(lsofPicksOneProcess(COMMAND), true);
  assert.equal(lsofPicksOneProcess("lsof -np 4242 | awk '{print $5}' | sort | uniq -c"), true);
  assert.equal(lsofPicksOneProcess("lsof -n | awk '{print $5}' | sort | uniq -c"), false);
  assert.equal(lsofPicksOneProcess("ls -l /proc/1/fd | awk '{print $5}' | sort | uniq -c"), false);
});

test('the case: one unnamed process holding 52,057 regular files of macOS lsof rows', async () => {
  const { result: r } = await analyzeBundle(join(CASES_DIR, 'gh-codegraph-644-macos-lsof-type-tally-52057-reg', 'transcript.md'));
  const ps = r.processes ?? [];
  assert.equal(ps.length, 1);
  assert.equal(ps[0].pid, null);
  assert.equal(ps[0].kinds.file, 52057);
  assert.equal(ps[0].kinds.anon, 3);
});
