import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ranOutErrno } from '../../src/sources/exhaustion-text.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

// signalapp/Signal-Android#6284 (and AdguardForAndroid#1659's same banner): Android's SQLite names
// EMFILE inside its extended code, `SQLITE_CANTOPEN_EMFILE`, and says it in words of its own.
const CODE = '02-22 05:56:01.309 17204 17239 E AndroidRuntime: Error Code : 2062 (SQLITE_CANTOPEN_EMFILE)';
const CAUSE =
  '02-22 05:56:01.309 17204 17239 E AndroidRuntime: Caused By : Application has opened two many files. Maximum of available file descriptors in one process is 1024 in default.';
const CANTOPEN = '02-22 05:56:01.309 17204 17239 E AndroidRuntime: \t(unable to open database file (code 2062))';

test("Android SQLite's SQLITE_CANTOPEN_EMFILE banner is an EMFILE line; its other lines are not", () => {
  assert.equal(ranOutErrno(CODE), 'EMFILE');
  assert.equal(ranOutErrno(CAUSE), 'EMFILE');
  assert.equal(ranOutErrno(CANTOPEN), null);
  assert.equal(ranOutErrno('Error Code : 14 (SQLITE_CANTOPEN)'), null);
});

test("Signal's logcat: pid 17204 ran out in thread 17239", async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-signal-android-logcat-sqlite-cantopen-emfile-17204', 'transcript.md'), {
    now: new Date('2026-01-01T00:00:00Z'),
  });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 17204);
  assert.equal(result.suspects[0]?.ranOut?.tid, 17239);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /SQLITE_CANTOPEN_EMFILE/);
});
