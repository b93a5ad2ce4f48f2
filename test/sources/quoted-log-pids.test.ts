// Pids of log lines quoted as a Markdown blockquote, and of Sphinx's searchd log (round 41's real lines).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bracketPid, codeSpanText, syslogSource } from '../../src/sources/log-pids.js';

test('a PgBouncer line quoted as a blockquote keeps its pid (pgbouncer#1548)', () => {
  const line = '> 2026-08-16 00:00:32.332 UTC [3989387] ERROR accept() failed: Too many open files';
  assert.equal(codeSpanText(line), line.slice(2));
  assert.deepEqual(syslogSource(line), { pid: 3989387 });
  // `>>` is a nested quote or an append, not one level of quote.
  assert.equal(codeSpanText('>> x'), '>> x');
});

test("Sphinx's searchd: the pid in brackets after a bracketed ctime with milliseconds (thinking-sphinx#1095)", () => {
  const line =
    "[Thu Apr 12 10:45:01.597 2018] [21282] WARNING: rotating index 'activation_description_core': prealloc: failed to open file '/var/www/shared/db/sphinx/activation_description_core.new.spm': 'Too many open files'; using old index";
  assert.deepEqual(bracketPid(line), { pid: 21282 });
  assert.deepEqual(bracketPid('[Thu Apr 12 10:45:01 2018] [21282] x'), { pid: 21282 });
  // Apache's level in the second brackets is no pid.
  assert.equal(bracketPid('[Thu Apr 12 10:45:01.597 2018] [error] [client 1.2.3.4] x'), null);
});
