// watchman's poison report, relayed whole by its clients: Metro's jest-haste-map printed it under
// `make run-metro` on macOS (status-im/status-legacy#16341, accuracy round 73). The line after the
// time it failed at names the call and says the host's file table was full (ENFILE).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { parseLines } from '../../src/sources/run.js';
import { errorReportRanOut, someErrorReportRanOut } from '../../src/sources/error-report-lines.js';

const LINES = [
  'To reload the app press "r"',
  'To open developer menu press "d"',
  '',
  'jest-haste-map: Watchman crawl failed. Retrying once with node crawler.',
  "  Usually this happens when watchman isn't running. Create an empty `.watchmanconfig` file in your project's root folder or initialize a git or hg repository in your project.",
  '  Error: Watchman error: A non-recoverable condition has triggered.  Watchman needs your help!',
  'The triggering condition was at timestamp=1687360117: opendir(/Users/vkjr/work/projects/status/tmp/status-mobile/node_modules/get-value) -> Too many open files in system',
  'All requests will continue to fail with this message until you resolve',
  'the underlying problem.  You will find more information on fixing this at',
  'https://facebook.github.io/watchman/docs/troubleshooting.html#poison-opendir. Make sure watchman is running for this project. See https://facebook.github.io/watchman/docs/troubleshooting.',
  'Failed to construct transformer:  TypeError: child.send is not a function',
  '    at ChildProcessWorker.initialize (/Users/vkjr/work/projects/status/status-mobile/node_modules/metro/node_modules/jest-worker/build/workers/ChildProcessWorker.js:173:11)',
];

test("watchman's poison line says it ran out, among its client's other output", () => {
  assert.equal(errorReportRanOut(LINES[6]), true);
  assert.equal(someErrorReportRanOut(LINES), true);
  assert.ok(appLog.detect({ head: LINES, name: 'f' }) > 0);
  const { artifact } = parseLines(appLog, LINES);
  assert.equal(artifact.exhaustion.enfile, 1);
  assert.equal(artifact.exhaustion.emfile, 0);
});

test('the same words without the poison head, or a poison line of another error, are not it', () => {
  assert.equal(errorReportRanOut('The triggering condition was at timestamp=1687360117: opendir(/x) -> Permission denied'), false);
  assert.equal(errorReportRanOut('the triggering condition was at timestamp=1: opendir(/x) -> Too many open files'), false);
});
