import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ranOutErrno } from '../../src/sources/exhaustion-text.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

// unix.stackexchange.com/questions/532709: a .NET app on EC2; .NET's FileSystemWatcher says it
// ran out in its own words, not strerror's (inotify_init failed with EMFILE).
const SE_LINE = ' System.IO.IOException: The configured user limit (128) on the number of INotify instances has been reached.';
// The same exception as newer runtimes word it (a blog's pasted stack trace).
const NEWER =
  'System.IO.IOException: The configured user limit (128) on the number of inotify instances has been reached, or the per-process limit on the number of open file descriptors has been reached.';

test(".NET's inotify instance limit message is an EMFILE line; prose about the limit is not", () => {
  assert.equal(ranOutErrno(SE_LINE), 'EMFILE');
  assert.equal(ranOutErrno(NEWER), 'EMFILE');
  assert.equal(ranOutErrno('fs.inotify.max_user_instances = 128'), null);
  assert.equal(ranOutErrno('the configured user limit on inotify instances can be raised with sysctl'), null);
});

test('the SE question: the exception line alone is an unowned ran-out line, nobody blamed', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'se-unix-dotnet-inotify-instances-user-limit-128', 'transcript.md'), {
    now: new Date('2026-01-01T00:00:00Z'),
  });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /configured user limit \(128\) on the number of INotify instances/);
});
