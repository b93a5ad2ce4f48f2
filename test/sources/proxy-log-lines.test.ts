// Network daemons' own words for running out of fds, from real pastes: NGINX Unit's log header
// (nginx/unit#628, test/accuracy/cases/gh-nginx-unit-accept4-pid-tid-alert) and HAProxy's
// "reached process FD limit" (balena-io/open-balena-vpn#193,
// test/accuracy/cases/gh-balena-haproxy-reached-fd-limit-soft-37563) and 389 Directory Server's
// "too many fds open" (389ds/389-ds-base#7377,
// test/accuracy/cases/gh-389ds-7377-accept-thread-too-many-fds-open-log-only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

async function analyzeText(text: string, name = 'transcript.md') {
  return analyzeTranscript(text, name, now);
}

const UNIT = [
  '2021/12/26 19:29:51 [info] 23661#23748 no available connections, close idle connection',
  '2021/12/26 19:29:51 [alert] 23661#23753 accept4(29) failed (24: Too many open files)',
].join('\n');

test("NGINX Unit's `PID#TID ` header (no colon) names the process that ran out", async () => {
  const result = await analyzeText(`${UNIT}\n`, 'unit.log');
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 23661);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /Too many open files/);
});

test('the thread id after # and the fd in accept4(29) are no pids', async () => {
  const result = await analyzeText(`${UNIT}\n`, 'unit.log');
  const pids = result.suspects.map((s) => s.pid);
  assert.ok(!pids.includes(23753) && !pids.includes(23748) && !pids.includes(29));
});

const HAPROXY =
  "Nov 13 17:28:45 open-balena-vpn-799b5b7d66-27nc9 haproxy[110]: Proxy tcp-443 reached process FD limit (maxsock=37563). Please check 'ulimit-n' and restart.";

test("HAProxy's `reached process FD limit` is EMFILE: the process that logs it ran out", async () => {
  const result = await analyzeText(`${HAPROXY}\n${HAPROXY}\n`, 'haproxy.log');
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 110);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /reached process FD limit/);
});

test("HAProxy's `reached system FD limit` is ENFILE: the host's table, not the process that logs it", async () => {
  const line = HAPROXY.replace('process FD limit (maxsock=37563)', 'system FD limit (actconn=37000)');
  const result = await analyzeText(`${line}\n`, 'haproxy.log');
  assert.notEqual(result.verdict, 'leak');
  assert.equal(result.suspects[0]?.ranOut, undefined);
});

// 389ds/389-ds-base#7377: two lines of ns-slapd's errors log, pasted without their bracketed time.
const DS389 = [
  '**Issue Description**',
  'Unable to connect more than ~64000 concurrent connections. When the value of concurrent connections comes close to 64000, the server stops responding and an error message occurs:',
  '',
  'ERR - accept_thread - Not listening for new connections - too many fds open',
  'followed by:',
  'ERR - accept_thread - Listening for new connections again',
  '',
].join('\n');

test("389-DS's `Not listening for new connections - too many fds open` says the server ran out; its level-first lines are a log", async () => {
  const result = await analyzeText(DS389);
  assert.equal(result.verdict, 'inconclusive');
  assert.match(result.unownedRanOut?.message ?? '', /Not listening for new connections - too many fds open/);
  // The older wording with two dashes says the same.
  const old = await analyzeText(DS389.replace('connections - too', 'connections -- too'));
  assert.match(old.unownedRanOut?.message ?? '', /too many fds open/);
});

test("389-DS's `Listening for new connections again` says nothing ran out", async () => {
  const again = DS389.split('\n')
    .filter((l) => !l.includes('Not listening'))
    .join('\n');
  const result = await analyzeText(again).catch(() => undefined);
  assert.equal(result?.unownedRanOut, undefined);
  assert.ok(!result?.suspects.some((s) => s.ranOut !== undefined));
});
