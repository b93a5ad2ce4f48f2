import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ranOutErrno } from '../../src/sources/exhaustion-text.js';
import { analyzeBundle } from '../../src/analysis.js';
import { join } from 'node:path';
import { CASES_DIR } from '../accuracy/score.js';

// xapi-project/squeezed#23: squeezed's syslog, OCaml's Unix_error printed by Printexc's generic
// printer, the errno as its index in Unix.error (EMFILE is 15).
const SQUEEZED = [
  'May  9 19:44:50 epun squeezed: [error|epun|3||xenops] watch_xenstore: Xenctrl.Error("Unable to open XC interface")',
  'May  9 19:44:51 epun squeezed: [error|epun|0||memory] Failed to connect to xenstore. The raw error was: Unix.Unix_error(15, "socket", "")',
  'May  9 19:44:51 epun squeezed: [error|epun|0||memory] Caught Unix.Unix_error(15, "socket", "") connecting to xenstore; waiting 5s before retrying',
];

test('OCaml Unix_error by index: 15 is EMFILE, 18 ENFILE; other errnos and the named form as before', () => {
  assert.equal(ranOutErrno(SQUEEZED[0]), null);
  assert.equal(ranOutErrno(SQUEEZED[1]), 'EMFILE');
  assert.equal(ranOutErrno(SQUEEZED[2]), 'EMFILE');
  assert.equal(ranOutErrno('Unix.Unix_error(18, "open", "/var/xapi/db")'), 'ENFILE');
  assert.equal(ranOutErrno('Unix.Unix_error(Unix.EMFILE, "accept", "")'), 'EMFILE');
  // ECONNREFUSED, ENOENT by index: not out of fds; nor a count of 15 in prose.
  assert.equal(ranOutErrno('Unix.Unix_error(63, "connect", "")'), null);
  assert.equal(ranOutErrno('Unix.Unix_error(20, "open", "/etc/x")'), null);
  assert.equal(ranOutErrno('retrying 15 times'), null);
});

test('squeezed with 1024 fds and its Unix_error(15) lines: the process ran out there', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-squeezed-no-xen-ls-fd-1024-unix-error-15', 'transcript.md'), {
    now: new Date('2026-01-01T00:00:00Z'),
  });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 16224);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /Unix\.Unix_error\(15, "socket"/);
});
