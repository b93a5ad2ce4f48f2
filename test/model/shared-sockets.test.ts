// One TCP socket in the lsof rows of processes of two programs (accuracy round 86). Real lines:
// FoldingAtHome/fah-client-bastet#361, `lsof -i tcp:7396 -a -c FahCore_ -c fah-client`: the
// client's accepted connections (DEVICE 1803652, 2157736) also held by the cores it started.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { lsof } from '../../src/sources/lsof.js';
import { parseLines } from '../../src/sources/run.js';
import { sharedSockets } from '../../src/model/shared-sockets.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

const ROWS = [
  'COMMAND      PID    USER   FD   TYPE  DEVICE SIZE/OFF NODE NAME',
  'fah-clien 406867 fahtest    9u  IPv4 2157736      0t0  TCP localhost:7396->localhost:34940 (ESTABLISHED)',
  'fah-clien 406867 fahtest   10u  IPv4 1803050      0t0  TCP localhost:7396 (LISTEN)',
  'fah-clien 406867 fahtest   27u  IPv4 1803652      0t0  TCP localhost:7396->localhost:47630 (ESTABLISHED)',
  'FahCore_2 465571 fahtest   24u  IPv4 2110072      0t0  TCP localhost:7396->localhost:33774 (CLOSE_WAIT)',
  'FahCore_2 465571 fahtest   27u  IPv4 1803652      0t0  TCP localhost:7396->localhost:47630 (ESTABLISHED)',
  'FahCore_a 466366 fahtest    9u  IPv4 2157736      0t0  TCP localhost:7396->localhost:34940 (ESTABLISHED)',
  'FahCore_a 466366 fahtest   27u  IPv4 1803652      0t0  TCP localhost:7396->localhost:47630 (ESTABLISHED)',
];

function shared(rows: string[]) {
  const { artifact } = parseLines(lsof, rows, { file: 'x.txt', command: 'lsof -i tcp:7396 -a -c FahCore_ -c fah-client' });
  return sharedSockets(artifact.holders, 'x.txt');
}

test("lsof's DEVICE of an internet socket is its inode: the same socket in processes of two programs", () => {
  const found = shared(ROWS).map((x) => [x.owners.map((o) => o.pid), x.ev.line]);
  assert.deepEqual(found, [
    [[406867, 466366], 2],
    [[406867, 465571, 466366], 4],
  ]);
  // Workers of one program share their master's sockets by fork alone; other inodes share nothing.
  assert.deepEqual(shared(ROWS.map((r) => r.replace(/^FahCore_[2a]/, 'fah-clien'))), []);
  assert.deepEqual(shared(ROWS.map((r, i) => r.replace(/ (1803652|2157736) /, ` ${i}00 `))), []);
});

test('the client whose sockets its cores keep is the suspect (inherited-listener)', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-fah-client-sockets-inherited-by-fahcore-lsof', 'transcript.md'), {
    now: new Date('2026-12-07T00:00:00Z'),
  });
  assert.equal(result.verdict, 'leak');
  assert.deepEqual([result.suspects[0].pid, result.suspects[0].leak.kind], [406867, 'inherited']);
  assert.equal(result.suspects[0].reasons[0].signal, 'inherited-listener');
});
