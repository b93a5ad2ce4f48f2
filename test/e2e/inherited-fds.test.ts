// Forks that copy fds into children, through the whole pipeline on real captures: only copies a
// child still holds after its execve are a signal (`inherited-fds`) and fail `cloexec-fork-race`;
// copies the child closes first (close_range, the JDK's spawn helper) never do; copies whose fate
// the capture does not show point at the process and say what would decide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureLines, fixturePath } from '../helpers.js';
import { analyzeBundle } from '../../src/analysis.js';
import type { AnalysisResult, Finding } from '../../src/result.js';

async function analyzeCapture(...parts: string[]): Promise<AnalysisResult> {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-inherit-'));
  cpSync(fixturePath(...parts), join(dir, 'strace.txt'));
  return (await analyzeBundle(join(dir, 'strace.txt'))).result;
}

function race(r: AnalysisResult): Finding {
  const f = r.findings.find((x) => x.id === 'cloexec-fork-race');
  assert.ok(f, 'cloexec-fork-race finding');
  return f;
}

const inheritedSignals = (r: AnalysisResult) => r.suspects.flatMap((s) => s.reasons.filter((x) => x.signal === 'inherited-fds'));

test('/bin/sleep helpers still holding their copies when the capture ends: a strong signal, a failing finding of medium severity', async () => {
  const lines = fixtureLines('strace', 'c-cloexec-race', 'race-sleep-f-tt-T-y.strace');
  const r = await analyzeCapture('strace', 'c-cloexec-race', 'race-sleep-f-tt-T-y.strace');
  const f = race(r);
  assert.deepEqual([f.status, f.severity], ['fail', 'medium']);
  assert.match(f.detail, /^9 fds copied into 5 children before FD_CLOEXEC were still open in the child after its execve; e\.g\. /);
  // Five children, nine copies: fewer than MANY_KEEPERS and MANY_KEPT.
  const [s] = inheritedSignals(r);
  assert.deepEqual([s?.weight, s?.count, r.suspects[0].leak.kind], [2, 9, 'inherited']);
  // It cites the creation, the fork, the FD_CLOEXEC set and the child's execve of /bin/sleep.
  const cited = f.evidence.map((e) => lines[e.line - 1]);
  assert.equal(cited.length, 4);
  assert.match(cited[0], / (socket|openat)\(/);
  assert.match(cited[1], / clone\(|<\.\.\. clone resumed>/);
  assert.match(cited[2], / fcntl\(.*FD_CLOEXEC/);
  assert.match(cited[3], / execve\("\/bin\/sleep"|<\.\.\. execve resumed>/);
});

test('strace without -f: every copy unknown; the signal stays at 1 and names what would decide', async () => {
  const r = await analyzeCapture('strace', 'c-cloexec-race', 'race-nof-tt-T-y.strace');
  const f = race(r);
  assert.equal(f.status, 'info');
  assert.match(f.detail, /whose fate the capture does not show: the capture holds no line of these children \(strace without -f does not follow them\); strace -f following the children past their execve, or `ls -l \/proc\/CHILD\/fd` of a few children/);
  const signals = inheritedSignals(r);
  assert.deepEqual(signals.map((s) => s.weight), [1]);
  assert.match(signals[0].statement, /whether they kept them after execve is not shown/);
  assert.notEqual(r.verdict, 'leak');
});

for (const [dir, name, how] of [
  ['c-close-range', 'close-f-tt-T-y.strace', /closed by the child before execve \(as the JDK's spawn helper does\)/],
  ['c-close-range', 'cloexec-f-tt-T-y.strace', /were close-on-exec in the child when it execed/],
  ['java-processbuilder', 'posix-spawn-f-tt-T-y.strace', /closed by the child before execve \(as the JDK's spawn helper does\)/],
  ['java-processbuilder', 'vfork-f-tt-T-y.strace', /closed by the child before execve \(as the JDK's spawn helper does\)/],
] as const) {
  test(`${dir}/${name}: copies the children never held past execve are no signal and fail nothing`, async () => {
    const lines = fixtureLines('strace', dir, name);
    const r = await analyzeCapture('strace', dir, name);
    const f = race(r);
    assert.deepEqual([f.status, f.severity], ['info', 'info']);
    assert.match(f.detail, how);
    assert.deepEqual(inheritedSignals(r), []);
    assert.ok(r.suspects.every((s) => s.leak.kind !== 'inherited'));
    // Only the capture's own quality may fail (no capture names the traced pid).
    assert.deepEqual(r.findings.filter((x) => x.status === 'fail').map((x) => x.id), ['capture-quality']);
    // The example ends with the child's own line that settles it: its close, close_range or execve.
    const child = /forked child (\d+)/.exec(f.detail)?.[1];
    const settles = lines[f.evidence[f.evidence.length - 1].line - 1];
    assert.ok(settles.startsWith(`${child} `), settles);
    assert.match(settles, / (close|close_range|execve)\(|<\.\.\. (close|close_range|execve) resumed>/);
  });
}
