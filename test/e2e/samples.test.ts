// The write-up's incidents, end to end: bundle in, analysis out. Golden results catch any drift;
// `UPDATE_GOLDEN=1 npm test` rewrites them (review the diff).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from '../helpers.js';
import { analyzeBundle } from '../../src/analysis.js';
import type { AnalysisResult } from '../../src/result.js';

const NOW = new Date('2026-01-01T00:00:00Z');
const SEED = resolve(ROOT, 'test', 'fixtures', 'writeup', 'socket-fd-leak-investigation.zh.md');

async function analyze(path: string): Promise<AnalysisResult> {
  return (await analyzeBundle(path, { now: NOW })).result;
}

function cites(result: AnalysisResult, findingId: string): string[] {
  const f = result.findings.find((x) => x.id === findingId);
  assert.ok(f, `finding ${findingId}`);
  return f.evidence.map((e) => `${e.file}:${e.line}`);
}

function golden(name: string, result: AnalysisResult): void {
  const path = resolve(ROOT, 'test', 'golden', `${name}.json`);
  const text = JSON.stringify({ ...result, tool: { ...result.tool, version: 'X' } }, null, 2) + '\n';
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    writeFileSync(path, text);
    return;
  }
  assert.equal(text, readFileSync(path, 'utf8'), `${name}: result differs from test/golden/${name}.json (UPDATE_GOLDEN=1 to accept)`);
}

test('Tomcat sample: the java process leaks unconnected sockets at its limit', async () => {
  const r = await analyze(resolve(ROOT, 'samples', 'tomcat-cat-leak'));
  assert.equal(r.verdict, 'leak');
  const s = r.suspects[0];
  assert.equal(s.pid, 25204);
  assert.equal(s.command, 'java');
  assert.equal(s.leak.kind, 'socket-unconnected');
  assert.equal(s.fdCount, 65966);
  assert.equal(s.leak.count, 64214);
  assert.equal(s.fdLimit, 65536);
  assert.deepEqual(cites(r, 'ss-closed-sockets'), ['ss-s.txt:2', 'ss-s.txt:8', 'ss-s.txt:1']);
  assert.deepEqual(cites(r, 'socket-alloc-gap'), ['proc-net-sockstat.txt:2', 'proc-net-sockstat.txt:1']);
  assert.equal(r.findings.find((f) => f.id === 'fd-limit-headroom')?.status, 'info', 'lsof rows only bound the use of the limit');
  // Steps 8-11: the write-up's root cause, from the reconstructed strace, lsof -d 369 and the CAT log.
  const rc = r.rootCause;
  assert.ok(rc, 'root cause');
  assert.equal(rc.tid, 4783);
  assert.equal(rc.fd, 369);
  assert.equal(rc.path, '/data/applogs/cat/cat_20190722.log');
  assert.match(rc.message ?? '', /Error when try connecting to \/host:2280/);
  assert.match(rc.statement, /Cat-ChannelManager/);
  assert.ok(rc.evidence.some((e) => e.file === 'strace-4730.log'));
  assert.ok(rc.evidence.some((e) => e.file === 'logs/data/applogs/cat/cat_20190722.log'));
  assert.equal(r.findings.find((f) => f.id === 'cloexec-fork-race')?.status, 'fail');
  golden('tomcat-cat-leak', r);
});

test('flume sample: pid 4684 holds the sockets netstat cannot see', async () => {
  const r = await analyze(resolve(ROOT, 'samples', 'flume-redis-host'));
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0].pid, 4684);
  assert.equal(r.suspects[0].leak.kind, 'socket-unconnected');
  assert.equal(r.suspects[0].leak.count, 157598);
  assert.equal(r.findings.find((f) => f.id === 'netstat-blind-spot')?.status, 'fail');
  assert.equal(r.rootCause, null);
  assert.ok(
    r.missing.some((m) => m.rule === 'leaking-thread' && m.command.includes('strace -f -tt -T -y') && m.command.includes('-p 4684')),
  );
  golden('flume-redis-host', r);
});

test('the seed write-up itself, read as a transcript, gives the same numbers', async () => {
  const r = await analyze(SEED);
  const s = r.suspects[0];
  assert.equal(s.pid, 25204);
  assert.equal(s.leak.kind, 'socket-unconnected');
  assert.equal(s.fdCount, 65966);
  assert.equal(s.leak.count, 64214);
  assert.equal(s.fdLimit, 65536);
  const file = 'socket-fd-leak-investigation.zh.md';
  assert.ok(
    s.evidence.some((e) => e.file === file && e.line === 119),
    'cites the uniq -c row',
  );
  assert.ok(
    s.evidence.some((e) => e.file === file && e.line === 158),
    'cites the wc -l count',
  );
  // The other host of the write-up: flume's `lsof | grep sock` rows at fds of 10,000 and above,
  // with the host's 157k sockets in no table, make pid 4684 a suspect too.
  const flume = r.suspects.find((x) => x.pid === 4684);
  assert.ok(flume, `flume (pid 4684) is a suspect: ${r.suspects.map((x) => x.pid).join(', ')}`);
  assert.equal(flume.leak.kind, 'socket-unconnected');
  assert.ok(
    flume.evidence.some((e) => e.file === file && e.line >= 64 && e.line <= 69),
    'cites its lsof | grep sock rows',
  );
  golden('seed-write-up', r);
});

test('healthy control: a busy server with 613 fds is not blamed', async () => {
  const r = await analyze(resolve(ROOT, 'samples', 'py-healthy-server'));
  assert.equal(r.verdict, 'no-leak');
  assert.deepEqual(r.suspects, []);
  assert.equal(r.findings.find((f) => f.id === 'socket-alloc-gap')?.status, 'pass');
  assert.equal(r.findings.find((f) => f.id === 'fd-holders')?.status, 'pass');
  golden('py-healthy-server', r);
});

test('live Java leaker: suspect, leaking thread, log file and message from a real capture', async () => {
  const r = await analyze(resolve(ROOT, 'samples', 'java-cat-leak-live'));
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0].pid, 10256);
  assert.equal(r.suspects[0].leak.kind, 'socket-unconnected');
  const rc = r.rootCause;
  assert.ok(rc, 'root cause');
  assert.equal(rc.pid, 10256);
  assert.equal(rc.tid, 10281);
  assert.equal(rc.path, '/tmp/jl/applogs/cat/cat_20261125.log');
  assert.match(rc.message ?? '', /Error when try connecting to \/127\.0\.0\.1:2290/);
  assert.equal(r.findings.find((f) => f.id === 'fd-growth')?.status, 'fail');
});
