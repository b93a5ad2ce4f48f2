// A Markdown table of fd counts over time: the rows are the threads' own, cosmic-panel#643's (an age
// column, no pid) and auto-mobile#5930's (a clock column, a pid column, kqueue and socket columns).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fdCountTable } from '../../src/sources/fd-count-table.js';
import { parseLines } from '../../src/sources/run.js';
import { UNNAMED_PID } from '../../src/sources/artifacts.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

const COSMIC = [
  '| panel age | total fds | `memfd` | `anon_inode:sync_file` |',
  '|---|---|---|---|',
  '| 2 min  | 487 | 167 | 49 |',
  '| 20 min | 567 | 167 | 129 |',
  '| 64 min | 673 | 167 | 235 |',
];

const AUTO_MOBILE = [
  '| time (UTC) | daemon PID | uptime | cycles | RSS (MB) | fdTotal | kqueue | sockets |',
  '|---|---|---|---|---|---|---|---|',
  '| 04:00:45 | 87960 | 52:51 | 60 | 846 | 269 | 110 | 137 |',
  '| 04:20:47 | 65555 | 15:57 | 85 | 672 | 188 | 36 | 132 |',
  '| 05:40:58 | 65555 | 1:36:08 | 151 | 1063 | 283 | 197 | 66 |',
];

test('an age column times each row from the start; kind columns count their kind', () => {
  assert.ok(fdCountTable.detect({ head: COSMIC, name: 'transcript.md' }) > 0.5);
  const r = parseLines(fdCountTable, COSMIC);
  assert.deepEqual(
    r.artifact.samples.map((s) => [s.at, s.pid, s.total, s.byKind]),
    [
      ['+120s', UNNAMED_PID, 487, { file: 167, anon: 49 }],
      ['+1200s', UNNAMED_PID, 567, { file: 167, anon: 129 }],
      ['+3840s', UNNAMED_PID, 673, { file: 167, anon: 235 }],
    ],
  );
});

test('a clock column beats an uptime one; a pid column says whose each row is; cycles and RSS are no fds', () => {
  const r = parseLines(fdCountTable, AUTO_MOBILE);
  assert.deepEqual(
    r.artifact.samples.map((s) => [s.at, s.pid, s.total, s.byKind]),
    [
      ['04:00:45', 87960, 269, { anon: 110, 'socket-other': 137 }],
      ['04:20:47', 65555, 188, { anon: 36, 'socket-other': 132 }],
      ['05:40:58', 65555, 283, { anon: 197, 'socket-other': 66 }],
    ],
  );
});

// openclaw#86701 (the fix's description quoting #86613): a `time` column of offsets after one
// memory_search call, a note in parentheses in two of them, a `baseline` row and an untimed last
// row, a `REG FDs` column, bold cells and thousands separators.
const OPENCLAW = [
  '| time | total FDs | REG FDs | **mem-tree REG** |',
  '|------|-----------|---------|------------------|',
  '| baseline | 159 | 91 | **0** |',
  '| t+0s (curl `--max-time 30` timed out; call never returned) | 308 | 239 | **142** |',
  '| t+15s | 1,875 | 1,806 | **1,712** |',
  '| t+45s | 5,201 | 5,131 | **5,037** |',
  '| t+93s | 7,632 | 7,562 | **7,469** |',
  '| t+157s | 7,786 | 7,716 | **7,613** |',
  '| t+7m (no further probes; natural agent traffic only) | — | — | **12,591** |',
];

test('offsets after an event (`t+15s`, a note after one) time the rows; `REG FDs` counts files; a baseline is no sample', () => {
  assert.ok(fdCountTable.detect({ head: OPENCLAW, name: 'transcript.md' }) > 0.5);
  const r = parseLines(fdCountTable, OPENCLAW);
  assert.deepEqual(
    r.artifact.samples.map((s) => [s.at, s.total, s.byKind]),
    [
      ['+0s', 308, { file: 239 }],
      ['+15s', 1875, { file: 1806 }],
      ['+45s', 5201, { file: 5131 }],
      ['+93s', 7632, { file: 7562 }],
      ['+157s', 7786, { file: 7716 }],
    ],
  );
});

test('a table with no fd total, no time, or one row is not this', () => {
  const none = (head: string[]) => fdCountTable.detect({ head, name: 'x.md' });
  assert.equal(none(['| Metric | Old Server (leaked) | Fresh Server |', '|---|---|---|', '| **Total FDs** | **4,321** | 69 |']), 0);
  assert.equal(none(['| host | total fds |', '|---|---|', '| a | 10 |', '| b | 12 |']), 0);
  assert.equal(none(COSMIC.slice(0, 3)), 0);
});

test("auto-mobile's daemon 65555 gains kqueues over 80 minutes: a leak of anonymous inodes", async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-auto-mobile-5930-macos-bun-daemon-kqueue-samples-table', 'transcript.md'));
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0]?.pid, 65555);
  assert.equal(result.suspects[0]?.leak?.kind, 'anon-inode');
});

test("cosmic-panel's table, pasted with no process named, is the process the bundle is about: sync_file fds climb, a leak", async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-cosmic-panel-sync-file-samples-table', 'transcript.md'));
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0]?.pid, null);
  assert.equal(result.suspects[0]?.leak?.kind, 'anon-inode');
});
