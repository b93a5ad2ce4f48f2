// A record whose first line is stamped and whose exception, the EMFILE, follows on the next lines:
// New Relic's Node agent in newrelic/node-newrelic#24 (gh-newrelic-node-sampler-emfile-panic,
// accuracy round 39).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { firstRecordRanOut } from '../../src/sources/ran-out-shapes.js';
import { parseLines } from '../../src/sources/run.js';

const PANIC = [
  '[2013-04-21 15:05:35.022 UTC] CRIT   PANIC: panic due to uncaught exception:    ',
  'EXCEPTION: Error: Error: EMFILE, too many open files',
  'at sampleMemory    ',
  '(/usr/local/sites/coinage.org/node_modules/newrelic/lib/sampler.js:24:23)',
  'at Timer.Proxy.callback.args.(anonymous function) ',
  '(/usr/local/sites/coinage.org/node_modules/nodetime/lib/core/proxy.js:131:20)',
  'at Timer.exports.setInterval.timer.ontimeout (timers.js:234:14)',
];

test('a panic record whose next line says EMFILE is read as a log that ran out', () => {
  assert.ok(firstRecordRanOut(PANIC));
  assert.ok(appLog.detect({ head: PANIC, name: 'f' }) > 0);
  const { artifact } = parseLines(appLog, PANIC);
  assert.equal(artifact.exhaustion.emfile, 1);
});

test('the first record ends at the next stamped line; an unstamped first line opens none', () => {
  assert.equal(firstRecordRanOut(['2024-01-01 10:00:00 INFO start', '2024-01-01 10:00:01 INFO x', 'too many open files']), false);
  assert.equal(firstRecordRanOut(['panic: something', 'EMFILE, too many open files']), false);
  assert.equal(firstRecordRanOut([]), false);
});
