// sysstat's `pidstat -v`: each process's fd count (`fd-nr`). Real lines: haproxy/haproxy#2574
// (accuracy round 87, gh-haproxy-pidstat-fd-nr-266148-netstat-unix-count); the `-t` and `-h`
// layouts are pidstat's own for the same report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PARSERS } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';
import { pidstat } from '../../src/sources/pidstat.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

const HAPROXY = ['07:43:57 PM   UID       PID threads   fd-nr  Command', '07:43:57 PM   401    129505      64  266148  haproxy'];

function winner(head: string[]): string {
  const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect({ head, name: 'transcript.md' }) })).sort((a, b) => b.score - a.score);
  return scores[0].score > 0 ? scores[0].id : 'none';
}

test("pidstat -v: the row under its header is the process's fd count at the row's time (24-hour), named", () => {
  assert.equal(winner(HAPROXY), 'pidstat');
  const { artifact, warnings } = parseLines(pidstat, HAPROXY, {});
  assert.deepEqual(
    artifact.samples.map((s) => [s.pid, s.total, s.at, s.ev.line]),
    [[129505, 266148, '19:43:57', 2]],
  );
  assert.deepEqual(artifact.names, [{ pid: 129505, name: 'haproxy' }]);
  assert.deepEqual(warnings, []);
});

test("-t's thread rows and the Average: summary are no samples; -h's epoch lines up under `# Time`", () => {
  const threads = [
    '19:43:57      UID      TGID       TID threads   fd-nr  Command',
    '19:43:57      401    129505         -      64  266148  haproxy',
    '19:43:57      401         -    129506       1  266148  |__haproxy',
    '',
    'Average:      UID      TGID       TID threads   fd-nr  Command',
    'Average:      401    129505         -      64  266148  haproxy',
  ];
  assert.deepEqual(
    parseLines(pidstat, threads, {}).artifact.samples.map((s) => [s.pid, s.total, s.at]),
    [[129505, 266148, '19:43:57']],
  );
  const epoch = ['#      Time   UID       PID threads   fd-nr  Command', ' 1716234237   401    129505      64  266148  haproxy'];
  assert.deepEqual(
    parseLines(pidstat, epoch, {}).artifact.samples.map((s) => [s.pid, s.total, s.at]),
    [[129505, 266148, '1716234237']],
  );
  // A report without fd-nr (`pidstat -u`) is not this source's.
  assert.equal(
    pidstat.detect({ head: ['07:43:57 PM   UID       PID    %usr %system  %guest   %wait    %CPU   CPU  Command'], name: 'x' }),
    0,
  );
});

test('the case: pid 129505 (haproxy) is the first suspect of an inconclusive verdict', async () => {
  const { result: r } = await analyzeBundle(join(CASES_DIR, 'gh-haproxy-pidstat-fd-nr-266148-netstat-unix-count', 'transcript.md'));
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0]?.pid, 129505);
  assert.equal(r.suspects[0]?.command, 'haproxy');
});
