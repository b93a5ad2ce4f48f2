// The situations issue 14 found fdleak getting wrong, each pinned on the real case of the corpus
// that reproduces it, beyond the fields the scorer compares.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import type { AnalysisResult } from '../../src/result.js';
import { CASES_DIR, readCase } from './score.js';

async function analyze(id: string): Promise<AnalysisResult> {
  return (await analyzeBundle(join(CASES_DIR, id, readCase(id).input), { now: new Date('2026-01-01T00:00:00Z') })).result;
}

function finding(r: AnalysisResult, id: string) {
  const f = r.findings.find((x) => x.id === id);
  assert.ok(f, `finding ${id}`);
  return f;
}

test('a C daemon whose children keep its fds is a leak of kind inherited, although its own count is flat', async () => {
  const r = await analyze('c-agentd-cloexec-children');
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0].pid, 22317);
  assert.equal(r.suspects[0].leak.kind, 'inherited');
  assert.ok(r.suspects[0].reasons.some((x) => x.signal === 'inherited-fds-held' && x.evidence.some((e) => e.file.startsWith('child-'))));
});

test('the root cause names the process, not a thread of it, when ps -T and jstack say which', async () => {
  const r = await analyze('java-trace-reporter-unconnected');
  assert.equal(r.rootCause?.pid, 17079);
  assert.equal(r.rootCause?.tid, 17100);
  assert.doesNotMatch(r.rootCause!.statement, /pid 17087/);
});

test("a limits file that names no pid is the process's own limit, not the shell's ulimit -a", async () => {
  const r = await analyze('rs-hookd-close-wait-limits-txt');
  assert.equal(r.suspects[0].fdLimit, 1024);
  const headroom = finding(r, 'fd-limit-headroom');
  assert.match(headroom.detail, /limits\.txt: it names no pid; pid 25919 is the process the bundle is about\)/);
  assert.notEqual(headroom.status, 'pass');
});

test('a JVM that runs commands through ProcessBuilder is not blamed for the fds its spawn helper closes', async () => {
  const r = await analyze('java-processbuilder-healthy');
  // Nobody is blamed. Not `no-leak`: the host's fd-counts.txt also shows another case's relay (767
  // fds, kinds and limit unknown) running beside it.
  assert.deepEqual(r.suspects, []);
  assert.equal(r.verdict, 'inconclusive');
  assert.match(r.summary, /pid 29128 holds 767 fds/);
  assert.notEqual(finding(r, 'cloexec-fork-race').status === 'fail' && finding(r, 'cloexec-fork-race').severity === 'high', true);
});

test('a healthy busy server: no root cause, no failing step 8, nothing high in the findings', async () => {
  const r = await analyze('node-busy-gateway-healthy');
  assert.equal(r.verdict, 'no-leak');
  assert.equal(r.rootCause, null);
  assert.ok(r.findings.every((f) => f.status !== 'fail' || (f.severity !== 'high' && f.severity !== 'critical')));
});

test('the same strace window as -ff files and as one merged file is read once, not added up', async () => {
  const r = await analyze('c-relay-unix-ff-and-merged');
  assert.match(finding(r, 'leaker-writes').detail, /wrote 125 times/);
  assert.match(finding(r, 'capture-quality').detail, /the same strace window as strace\/merged\/relay\.strace in another form; read once/);
});

test('a capture-session log gives the strace its pid; timed fd counts give the growth', async () => {
  const r = await analyze('c-spoold-strace-no-f');
  assert.equal(r.rootCause?.pid, 21422);
  assert.equal(r.rootCause?.tid, 21422);
  assert.equal(r.sources.find((s) => s.file === 'capture-session.log')?.kind, 'capture-log');
  assert.equal(r.sources.find((s) => s.file === 'fd-count.txt')?.kind, 'fd-count-samples');
  assert.ok(r.suspects[0].reasons.some((x) => x.signal === 'fd-growth'));
});

test('the head and tail of one lsof, a grep -c of its deleted rows and the log: deleted files at the limit', async () => {
  const r = await analyze('node-render-worker-deleted-transcript');
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0].leak.kind, 'deleted-file');
  assert.equal(r.suspects[0].leak.count, 1004);
  assert.match(r.rootCause?.message ?? '', /EMFILE: too many open files/);
});

test('an lsof listing pasted in two blocks, only the first with its header, is read as one listing', async () => {
  const r = await analyze('gh-syncthing-quic-udp');
  assert.equal(r.suspects[0].leak.kind, 'socket-udp');
  assert.ok(r.sources.some((s) => s.warnings.some((w) => /continuation of the listing above/.test(w))));
});

test('a count of tens of thousands of lsof rows next to a short listing of pipes and eventpoll', async () => {
  const r = await analyze('gh-xxl-job-selector-pipes');
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0].leak.kind, 'pipe');
  assert.match(r.suspects[0].fdCountBasis ?? '', /lsof -p 16113 \| wc -l: lines of lsof output, not distinct fds/);
});
