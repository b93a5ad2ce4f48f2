// The comparison on the real pairs of test/fixtures/diff (a leak, the same leak a minute later, the
// fix after a restart), on the repository's samples, and on results edited to reach each branch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { diffResults } from '../../src/diff/diff.js';
import { exitCodeOf } from '../../src/diff/view.js';
import type { DiffResult, Value } from '../../src/diff/result.js';
import type { AnalysisResult } from '../../src/result.js';
import { ROOT, fixturePath } from '../helpers.js';
import { analysed } from './results.js';
import { loadResult } from '../report/results.js';

const NOW = new Date('2026-12-06T05:00:00Z');
const diff = (a: AnalysisResult, b: AnalysisResult) => diffResults(a, b, { now: NOW });

/** Every value of the diff cites a line that exists in the bundle of its own side. */
function assertCitations(d: DiffResult, dirA: string, dirB: string): void {
  const check = (v: Value | null, dir: string, what: string) => {
    if (!v) return;
    assert.ok(v.evidence.length > 0, `${what}: cited`);
    for (const e of v.evidence) {
      const lines = readFileSync(resolve(dir, e.file), 'utf8').split('\n');
      assert.ok(e.line >= 1 && e.line <= lines.length, `${what}: ${e.file}:${e.line} is a line of ${dir}`);
      if (e.text !== undefined) assert.equal(lines[e.line - 1], e.text, `${what}: the quoted text is that line`);
    }
  };
  for (const p of d.pairs) {
    for (const r of p.rows) {
      check(r.a, dirA, `${r.id} in A`);
      check(r.b, dirB, `${r.id} in B`);
    }
  }
  for (const c of d.conclusions) {
    check(c.a, dirA, `conclusion in A`);
    check(c.b, dirB, `conclusion in B`);
  }
}

test('before → after: fixed; the restarted service is paired by its command line; every number cites its own side', async () => {
  const d = diff(await analysed('before'), await analysed('after'));
  assert.equal(d.outcome, 'fixed');
  assert.equal(exitCodeOf(d.outcome), 0);
  const p = d.pairs[0];
  assert.equal(p.match.by, 'cmdline');
  assert.equal(p.match.text, 'same command line (pid 19530 → 21055)');
  assert.equal(p.a?.role, 'leak');
  assert.equal(p.b?.role, 'none');
  const row = (id: string) => p.rows.find((r) => r.id === id)!;
  assert.deepEqual([row('fds').a?.value, row('fds').b?.value, row('fds').change], [198, 8, -190]);
  assert.deepEqual([row('unconnected').a?.value, row('unconnected').b?.value], [191, 1]);
  assert.deepEqual([row('limit').a?.value, row('limit').b?.value], [4096, 4096]);
  assert.match(row('growth').b?.detail ?? '', /\+1 fd in 4 s over 3 samples \(7 → 8\): flat/);
  assert.equal(d.conclusions.length, 1);
  const c = d.conclusions[0];
  assert.equal(c.status, 'gone');
  assert.deepEqual([c.pidA, c.pidB, c.kind], [19530, 21055, 'socket-unconnected']);
  assert.equal(c.text, "pid 19530's unconnected sockets: 191 → 1 (pid 21055 in B), flat over 4 s: the leak is gone");
  assert.deepEqual(
    c.a?.evidence.map((e) => `${e.file}:${e.line}`),
    ['snapshots.txt:4'],
  );
  assert.match(d.conclusion, /^Fixed: .*B's analysis finds no leak\.$/);
  assert.deepEqual(d.decide, []);
  assertCitations(d, fixturePath('diff', 'before'), fixturePath('diff', 'after'));
});

test('before → later: still leaking, the same pid, with the growth rate B measured', async () => {
  const later = await analysed('later');
  const d = diff(await analysed('before'), later);
  assert.equal(d.outcome, 'still-leaking');
  assert.equal(exitCodeOf(d.outcome), 1);
  assert.equal(d.pairs[0].match.text, 'same pid');
  const c = d.conclusions[0];
  assert.equal(c.status, 'still-leaking');
  assert.deepEqual([c.a?.value, c.b?.value], [191, 778]);
  const perMinute = later.processes!.find((p) => p.pid === 19530)!.growth!.perMinute;
  const perHour = Math.round(perMinute * 60).toLocaleString('en-US');
  assert.equal(c.text, `pid 19530's unconnected sockets: 191 → 778 in 59 s, still growing at ${perHour}/h: still leaking`);
  assert.ok(perMinute * 60 > 30000 && perMinute * 60 < 40000, `about ten sockets a second (${perMinute}/min)`);
  assertCitations(d, fixturePath('diff', 'before'), fixturePath('diff', 'later'));
});

test('after → before: the leak is new in B (a healthy A is no proof of a fixed B)', async () => {
  const d = diff(await analysed('after'), await analysed('before'));
  assert.equal(d.outcome, 'new-leak');
  assert.equal(d.conclusions[0].status, 'new-leak');
  assert.match(
    d.conclusions[0].text,
    /^a new leak in B: pid 19530 \(python3\) holds 191 unconnected sockets \(1 in A, pid 21055\), growing at [\d,]+\/h$/,
  );
});

test('after → after: healthy on both sides, exit 0', async () => {
  const d = diff(await analysed('after'), await analysed('after'));
  assert.equal(d.outcome, 'healthy');
  assert.equal(exitCodeOf(d.outcome), 0);
  assert.deepEqual(d.conclusions, []);
});

test('the samples: Tomcat against the healthy Python server is not comparable (no process of B is the java service)', async () => {
  const d = diff(
    await analysed(resolve(ROOT, 'samples', 'tomcat-cat-leak')),
    await analysed(resolve(ROOT, 'samples', 'py-healthy-server')),
  );
  assert.equal(d.outcome, 'not-comparable');
  assert.deepEqual(
    d.conclusions.map((c) => [c.pidA, c.status]),
    [
      [25204, 'not-comparable'],
      [4730, 'not-comparable'],
    ],
  );
  assert.match(d.conclusions[0].text, /B shows no process with its pid, command line or command and user/);
  assert.ok(d.pairs.some((p) => p.match.by === 'only-b' && p.b?.facts.pid === 31486));
  assert.ok(d.decide.length > 0);
});

test('a B with no per-process fd counts is not comparable, and says what would decide', async () => {
  const b = await analysed('after');
  b.processes = [];
  const d = diff(await analysed('before'), b);
  assert.equal(d.outcome, 'not-comparable');
  assert.match(d.conclusions[0].text, /^pid 19530 \(python3\): not comparable: B has no per-process fd counts \(what would decide: /);
  assert.match(d.decide[0].command, /lsof/);
});

test('never "fixed" without B showing health: no listing by kind, near the limit, still rising, or an inconclusive B', async () => {
  const before = await analysed('before');
  const edited = async (edit: (p: NonNullable<AnalysisResult['processes']>[number], r: AnalysisResult) => void) => {
    const b = await analysed('after');
    edit(b.processes!.find((p) => p.pid === 21055)!, b);
    return diff(before, b);
  };
  const noKinds = await edited((p) => {
    p.kinds = {};
    p.kindsFrom = null;
    p.unconnected = null;
  });
  assert.equal(noKinds.outcome, 'not-comparable');
  assert.equal(noKinds.conclusions[0].status, 'not-shown');
  assert.match(noKinds.conclusions[0].text, /191 → unknown .*what the 8 fds of pid 21055 are is not in B/);
  assert.match(noKinds.decide[0].command, /^lsof -n -P -p 21055 /);

  const near = await edited((p) => {
    p.fdLimit = 8;
  });
  assert.match(near.conclusions[0].text, /pid 21055 holds 100% of its open-files limit in B/);

  const growing = await edited((p) => {
    p.growth = { ...p.growth!, rising: true, flat: false, perMinute: 30 };
    p.signals = ['fd-growth'];
  });
  assert.equal(growing.outcome, 'still-leaking');
  assert.match(growing.conclusions[0].text, /still growing at 1,800\/h: still leaking$/);

  // A rise too small for B's analysis to call growth is not called a leak either; it only keeps B from showing health.
  const rising = await edited((p) => {
    p.growth = { ...p.growth!, rising: true, flat: false, perMinute: 3 };
  });
  assert.equal(rising.outcome, 'not-comparable');
  assert.match(
    rising.conclusions[0].text,
    /but B does not show it healthy: the fd count of pid 21055 rose across B's samples \(what would decide: whether the fd count of pid 21055 stays flat\)$/,
  );

  const inconclusive = await edited((_, r) => {
    r.verdict = 'inconclusive';
    r.summary = 'logs/app.log reports 3 times that fds ran out ("Too many open files"), and nothing ties it to a process in the bundle.';
  });
  assert.equal(inconclusive.outcome, 'not-comparable');
  assert.match(inconclusive.conclusions[0].text, /but B as a whole does not show health: logs\/app\.log reports 3 times/);
});

test('pairing: the same pid running another program is not the same process; identical workers are not paired at random', async () => {
  const a = await analysed('before');
  const b = await analysed('after');
  // The service (A: pid 19530, B: its restart 21055); the host's other processes, from collect's
  // fd-counts.txt, pair among themselves.
  const service = (r: AnalysisResult) => r.processes!.find((p) => p.pid === 19530 || p.pid === 21055)!;
  const ofService = (d: DiffResult) =>
    d.pairs.filter((p) => [p.a?.facts.pid, p.b?.facts.pid].some((x) => x === 19530 || x === 21055 || x === 21056));
  service(b).pid = 19530;
  service(b).cmdline = 'nginx: worker process';
  const reused = diff(a, b);
  assert.deepEqual(
    ofService(reused)
      .map((p) => p.match.by)
      .sort(),
    ['only-a', 'only-b'],
  );
  assert.match(
    ofService(reused).find((p) => p.match.by === 'only-a')!.match.note ?? '',
    /pid 19530 runs `nginx: worker process` in B: not the same process/,
  );

  const twins = await analysed('after');
  twins.processes!.push({ ...service(twins), pid: 21056 });
  const pool = diff(a, twins);
  assert.ok(ofService(pool).every((p) => p.match.by === 'only-a' || p.match.by === 'only-b'));
  assert.ok(ofService(pool).some((p) => /1 process in A and 2 in B have the command line: not paired/.test(p.match.note ?? '')));
  assert.equal(pool.outcome, 'not-comparable');
});

test('without a command line, the same command and user pair a restart', async () => {
  const a = await analysed('before');
  const b = await analysed('after');
  a.processes!.find((p) => p.pid === 19530)!.cmdline = null;
  b.processes!.find((p) => p.pid === 21055)!.cmdline = null;
  const d = diff(a, b);
  assert.equal(d.pairs.find((p) => p.a?.facts.pid === 19530)?.match.text, 'same command and user (pid 19530 → 21055)');
  assert.equal(d.outcome, 'fixed');
});

test('analyze records every process whose fds it counts: the fixed service, with its kinds and lines', async () => {
  const r = await analysed('after');
  assert.deepEqual(r.suspects, []);
  const p = r.processes!.find((x) => x.pid === 21055)!;
  assert.equal(p.fdCount, 8);
  assert.equal(p.fdCountMeasure, 'fds');
  assert.equal(p.kindsFrom, 'listing');
  assert.deepEqual(p.kinds, { device: 2, file: 3, pipe: 1, 'socket-tcp': 1 });
  // The listing shows no socket in no connection table; the last snapshot caught one between its connect and its close.
  assert.deepEqual([p.unconnected?.value, p.unconnected?.evidence.file, p.unconnected?.evidence.line], [1, 'snapshots.txt', 4]);
  assert.equal(p.growth?.flat, true);
  assert.deepEqual(p.signals, []);
  assert.equal(p.fdLimit, 4096);
  assert.equal(p.evidence.fdLimit?.file, 'proc-21055-limits.txt');
});

test('a result without processes[] (written before it existed): its leak is not comparable, never healthy', () => {
  const [a, b] = [loadResult('tomcat'), loadResult('no-leak')];
  delete a.processes;
  delete b.processes;
  const d = diff(a, b);
  assert.equal(d.outcome, 'not-comparable');
  assert.equal(d.conclusion, "Not comparable: A's analysis finds a leak in no process its result lists.");
});
