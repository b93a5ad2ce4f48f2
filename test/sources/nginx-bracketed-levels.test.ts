// nginx's error log (and OpenResty's, Kong's, APISIX's) levels a record with a lowercase syslog
// word in brackets after its time stamp: `[alert]`, `[crit]`, `[emerg]`, `[notice]` besides
// `[error]`/`[warn]`/`[info]` (src/sources/log-stamps.ts). Real lines of Kong/kong#11603 (accuracy
// round 209: test/accuracy/cases/gh-kong-11603-worker-connections-not-enough-no-emfile-log-only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { levelOf, parseStamp } from '../../src/sources/log-stamps.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

const KONG = [
  'error log:',
  '2023/09/19 07:29:36 [alert] 73#0: 16384 worker_connections are not enough',
  '2023/09/19 07:29:36 [alert] 73#0: 16384 worker_connections are not enough',
  '2023/09/19 07:29:36 [alert] 73#0: failed to create fake connection to run timer (co: 00007F9FA4AD4398)',
];

test("nginx's bracketed syslog levels are a record's level", () => {
  assert.equal(levelOf(parseStamp(KONG[1])?.rest ?? ''), 'FATAL');
  assert.equal(levelOf('[crit] 26281#26281: accept4() failed (24: Too many open files)'), 'FATAL');
  assert.equal(levelOf('[emerg] 1#1: bind() to 0.0.0.0:80 failed (98: Address already in use)'), 'FATAL');
  assert.equal(levelOf('[notice] 1#1: signal process started'), 'INFO');
  // Near misses: a word that is no level, a level glued to the next word.
  assert.equal(levelOf('[alerts] 73#0: x'), null);
  assert.equal(levelOf('[alert]73#0: x'), null);
});

test("Kong#11603: a paste of nginx's alerts alone is a log; worker connections running out blame nobody", async () => {
  const result = await analyzeTranscript(`${KONG.join('\n')}\n`, 'transcript.md', now);
  assert.ok(result.sources.some((s) => s.kind === 'app-log'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
});
