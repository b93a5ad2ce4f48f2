// A process's fd count stated in words by a script or check. Real lines:
// gh-cilium-agent-ci-523-fds-count-inconclusive (https://github.com/cilium/cilium/issues/39968, the
// CI check's output); the `PID N (NAME) has N open file descriptors` form is an agent's alert text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PARSERS } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';
import { fdCountStatement, fdCountStatements } from '../../src/sources/fd-count-statements.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

const CILIUM = [
  'cilium-agent(8263) has 282 file descriptors open',
  'cilium-agent(7867) has 523 file descriptors open',
  'cilium-agent(7867) has more than 500 file descriptors (potential leak)',
];

function winner(head: string[]): string {
  const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect({ head, name: 'transcript.md' }) })).sort((a, b) => b.score - a.score);
  return scores[0].score > 0 ? scores[0].id : 'none';
}

test("a check's `NAME(PID) has N file descriptors open`: one sample per process, named", () => {
  assert.equal(winner(CILIUM), 'fd-count-statements');
  const { artifact, warnings } = parseLines(fdCountStatements, CILIUM, {});
  assert.deepEqual(
    artifact.samples.map((s) => [s.pid, s.total, s.ev.line]),
    [
      [8263, 282, 1],
      [7867, 523, 2],
    ],
  );
  assert.deepEqual(artifact.names, [
    { pid: 8263, name: 'cilium-agent' },
    { pid: 7867, name: 'cilium-agent' },
  ]);
  assert.deepEqual(warnings, []);
});

test('the other wordings; not a sentence around it, nor other words after the count', () => {
  assert.deepEqual(fdCountStatement('PID 4242 (nginx) has 1019 open file descriptors'), { pid: 4242, name: 'nginx', count: 1019 });
  assert.deepEqual(fdCountStatement('process 812 has 4070 open files.'), { pid: 812, count: 4070 });
  assert.equal(fdCountStatement('We saw that cilium-agent(7867) has 523 file descriptors open'), null);
  assert.equal(fdCountStatement('cilium-agent(7867) has 523 endpoints'), null);
  assert.equal(fdCountStatement('cilium-agent(7867) has more than 500 file descriptors (potential leak)'), null);
  // An output with other lines that are not about fds is not this source's.
  assert.equal(fdCountStatements.detect({ head: ['cilium-agent(7867) has 523 file descriptors open', 'level=info msg=ok'], name: 'x' }), 0);
});

test('the case: pid 7867 is the first suspect, inconclusive (a bare count over half the default)', async () => {
  const { result: r } = await analyzeBundle(join(CASES_DIR, 'gh-cilium-agent-ci-523-fds-count-inconclusive', 'transcript.md'));
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0]?.pid, 7867);
  assert.equal(r.suspects[0]?.command, 'cilium-agent');
});

// go-ethereum#22420 (accuracy round 44): the one line a geth operator pasted from a script.
test('`pid = N with N fds: NAME`: the same statement with the pid after `=`, `with` for `has`, the name after the words', () => {
  const GETH = ['pid = 11527 with 341265 fds: geth'];
  assert.deepEqual(fdCountStatement(GETH[0]), { pid: 11527, name: 'geth', count: 341265 });
  assert.deepEqual(fdCountStatement('pid=812 with 4070 open files'), { pid: 812, count: 4070 });
  assert.equal(fdCountStatement('pid = 11527 with 341265 peers: geth'), null);
  assert.equal(winner(GETH), 'fd-count-statements');
});

// A summary of `key=value` fields after the process's name (accuracy round 90). Real line:
// omacom/omarchy#8331, the reporter's summary of the Quickshell desktop shell.
test('a `NAME pid=N … fds=N` summary line is a count of that process', () => {
  assert.deepEqual(fdCountStatement('quickshell  pid=56066  uptime=3251s  fds=5122  RSS=623 MB'), {
    pid: 56066,
    name: 'quickshell',
    count: 5122,
  });
  assert.deepEqual(fdCountStatement('pid=56066 fds=5122'), { pid: 56066, count: 5122 });
  // Prose around the fields, two pids, or no fd count: no statement.
  assert.equal(fdCountStatement('I saw pid=56066 with fds=5122 yesterday'), null);
  assert.equal(fdCountStatement('quickshell pid=1 pid=2 fds=5'), null);
  assert.equal(fdCountStatement('quickshell  pid=56066  uptime=3251s  RSS=623 MB'), null);
  // ss's users column is no such summary.
  assert.equal(fdCountStatement('users:(("x",pid=1,fd=5))'), null);
});

// A monitor's stamped `key=value` samples (accuracy round 161). Real lines: openai/codex#25882, a
// root launchd job sampling syspolicyd with lsof (a label before the stamp, the pid's key naming
// the process, the count as `total_fd`); the watchdog line is openai/codex#27662's.
const SYSPOLICYD = [
  'first sample:               2026-06-03 16:13:34 syspolicyd_pid=489 total_fd=35 codex_main_fd=0 max_fd=26',
  'last sample before spike:    2026-06-03 16:40:27 syspolicyd_pid=489 total_fd=1024 codex_main_fd=983 max_fd=1008',
  'first codex_main_fd >=1000:  2026-06-03 16:40:33 syspolicyd_pid=489 total_fd=1396 codex_main_fd=1355 max_fd=1380',
  'later live snapshot:         2026-06-03 17:07:37 syspolicyd_pid=489 total_fd=2575 codex_main_fd=2535 max_fd=2559',
  'max observed:                total_fd=2576 codex_main_fd=2536 max_fd=2559',
];

test("a monitor's stamped `NAME_pid=N … total_fd=N` lines: one sample a line, each at its time", () => {
  assert.equal(winner(SYSPOLICYD), 'fd-count-statements');
  assert.deepEqual(fdCountStatement(SYSPOLICYD[0]), { pid: 489, name: 'syspolicyd', count: 35, at: '2026-06-03T16:13:34' });
  assert.deepEqual(
    fdCountStatement(
      '2026-07-22T12:57:39+0800 TRIGGER pid=29117 rss_kb=1035888 etime=25:13 errors_5m=103521 fds=2575 rss_max_kb=512000 err_max=5',
    ),
    { pid: 29117, count: 2575, at: '2026-07-22T12:57:39' },
  );
  // A parent's pid is not the sampled process's; a line with no pid (the summary) is none.
  assert.equal(fdCountStatement('2026-06-03 16:13:34 parent_pid=1 total_fd=35'), null);
  assert.equal(fdCountStatement(SYSPOLICYD[4]), null);
  // A stamp without a label's colon before it is no label: prose then fields is no statement.
  assert.equal(fdCountStatement('we saw 2026-06-03 16:13:34 pid=489 total_fd=35'), null);
  const { artifact, warnings } = parseLines(fdCountStatements, SYSPOLICYD, {});
  assert.deepEqual(
    artifact.samples.map((s) => [s.pid, s.at, s.total]),
    [
      [489, '2026-06-03T16:13:34', 35],
      [489, '2026-06-03T16:40:27', 1024],
      [489, '2026-06-03T16:40:33', 1396],
      [489, '2026-06-03T17:07:37', 2575],
    ],
  );
  assert.deepEqual(artifact.names, [{ pid: 489, name: 'syspolicyd' }]);
  assert.deepEqual(warnings, []);
});

test('the case: syspolicyd pid 489, its fds climbing across the samples, is a leak', async () => {
  const { result: r } = await analyzeBundle(join(CASES_DIR, 'gh-codex-25882-macos-syspolicyd-lsof-samples-codex-main-fd', 'transcript.md'));
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0]?.pid, 489);
  assert.equal(r.suspects[0]?.command, 'syspolicyd');
});
