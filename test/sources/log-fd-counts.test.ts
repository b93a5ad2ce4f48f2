// A program's own fd count in its log's stats lines (`open_fds=N`, beside `max_fds=N`). The lines are
// round 193's captured cases: rust-tiler-log-open-fds-pipes (a Rust logger's ISO stamp and level) and
// go-sessiond-log-open-fds-emfile (Go's log package stamp, no level).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ownFdCountReport } from '../../src/sources/log-fd-counts.js';
import { appLog } from '../../src/sources/app-log.js';
import { appLogScore } from '../../src/sources/log-shape.js';
import { parseLines } from '../../src/sources/run.js';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

const TILER = [
  '2026-12-07T10:25:50Z INFO stats jobs_done=99 open_fds=202 max_fds=20000',
  '2026-12-07T10:25:52Z INFO stats jobs_done=109 open_fds=222 max_fds=20000',
  '2026-12-07T10:25:54Z INFO stats jobs_done=118 open_fds=240 max_fds=20000',
  '2026-12-07T10:25:56Z INFO stats jobs_done=128 open_fds=260 max_fds=20000',
];

const SESSIOND = [
  '2026/12/07 10:26:41 stats logins=227 audit_errors=0 open_fds=235 max_fds=256',
  '2026/12/07 10:26:46 stats logins=244 audit_errors=0 open_fds=252 max_fds=256',
  '2026/12/07 10:26:48 http: Accept error: accept tcp 127.0.0.1:19304: accept4: too many open files; retrying in 5ms',
  '2026/12/07 10:26:48 audit: dial unix /tmp/acc193/sessiond-h/audit.sock: socket: too many open files',
  '2026/12/07 10:26:51 stats logins=261 audit_errors=13 open_fds=256 max_fds=256',
];

test('a stats line reports its writer’s fd count and limit', () => {
  assert.deepEqual(ownFdCountReport(TILER[0]), { count: 202, limit: 20000 });
  assert.deepEqual(ownFdCountReport(SESSIOND[4]), { count: 256, limit: 256 });
  assert.deepEqual(ownFdCountReport('level=info msg=stats open_fds=8,'), { count: 8 });
});

test('other lines, other keys, two counts: no report', () => {
  assert.equal(ownFdCountReport(SESSIOND[2]), undefined);
  assert.equal(ownFdCountReport('stats child_fds=40 total_fds=900'), undefined);
  assert.equal(ownFdCountReport('stats open_fds=40 fd_count=41'), undefined);
  // A limit below the count is no limit of this count: the count alone.
  assert.deepEqual(ownFdCountReport('open_fds=300 max_fds=256'), { count: 300 });
});

test("the log's stamped stats lines are samples at their times, the limit once", () => {
  const r = parseLines(appLog, TILER);
  assert.deepEqual(
    r.artifact.ownFdCounts?.map((x) => [x.at, x.count, x.pid, x.ev.line]),
    [
      ['2026-12-07T10:25:50', 202, undefined, 1],
      ['2026-12-07T10:25:52', 222, undefined, 2],
      ['2026-12-07T10:25:54', 240, undefined, 3],
      ['2026-12-07T10:25:56', 260, undefined, 4],
    ],
  );
  assert.deepEqual(
    r.artifact.ownLimits?.map((l) => [l.soft, l.ev.line]),
    [[20000, 1]],
  );
});

test("Go's log stamp (2026/12/07 10:26:41) dates the samples; the EMFILE lines stay read", () => {
  const r = parseLines(appLog, SESSIOND);
  assert.deepEqual(
    r.artifact.ownFdCounts?.map((x) => [x.at, x.count]),
    [
      ['2026-12-07T10:26:41', 235],
      ['2026-12-07T10:26:46', 252],
      ['2026-12-07T10:26:51', 256],
    ],
  );
  assert.equal(r.artifact.exhaustion.emfile, 2);
});

test('an unstamped line is not a sample (a time is what makes the count a point of a trend)', () => {
  const r = parseLines(appLog, ['stats open_fds=999 max_fds=20000', ...TILER.slice(0, 1)]);
  assert.deepEqual(
    r.artifact.ownFdCounts?.map((x) => x.count),
    [202],
  );
});

test("the samples are the one known process's: tiler's climb 202 -> 420 is fd-growth, its fds pipes", async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'rust-tiler-log-open-fds-pipes', 'transcript.md'), {
    now: new Date('2026-12-08T00:00:00Z'),
  });
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0].pid, 23431);
  assert.equal(result.suspects[0].leak?.kind, 'pipe');
  assert.equal(result.suspects[0].reasons.find((r) => r.signal === 'fd-growth')?.weight, 3);
});

// sgl-project/sglang#24671: a debug print the PR's author added at the end of batch_set_v1 /
// batch_get_v1 — a bare time, the call's name, the count; no level word, no date.
const SGLANG = [
  '08:46:46  batch_set_v1: open_fds=167   keys=16',
  '08:47:54  batch_set_v1: open_fds=1351  keys=128  (+2 fds/key/call)',
  '08:49:24  batch_get_v1: open_fds=4167  keys=128',
];

test('stamped stats lines with no level word are a log: its own fd counts make its records', () => {
  assert.ok(appLogScore({ head: SGLANG, name: 'transcript.md' }) >= 0.6);
  const r = parseLines(appLog, SGLANG);
  assert.deepEqual(
    r.artifact.ownFdCounts?.map((x) => [x.at, x.count]),
    [
      ['08:46:46', 167],
      ['08:47:54', 1351],
      ['08:49:24', 4167],
    ],
  );
});

test('stamped lines with neither a level nor an fd count stay no log', () => {
  const lines = ['08:46:46  batch_set_v1: keys=16', '08:47:54  batch_set_v1: keys=128', '08:49:24  batch_get_v1: keys=128'];
  assert.equal(appLogScore({ head: lines, name: 'transcript.md' }), 0);
  // Nor is an unstamped count a record.
  assert.equal(appLogScore({ head: ['open_fds=167', 'open_fds=1351'], name: 'x.txt' }), 0);
});
