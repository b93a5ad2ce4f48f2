// A program's output file printed at a prompt (LearnBoost/cluster#106: `tail -n 20 nohup.out`): its
// lines are the program's log when one says it ran out, whatever their format (cluster's
// `  info - worker 1 spawned`, then `pipe(): Too many open files` and a Node stack).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { readsLogFile } from '../../src/sources/log-shape.js';
import { parseLines } from '../../src/sources/run.js';

const NOHUP_OUT = [
  '  info - worker 1 spawned',
  '  info - worker 0 connected',
  '  error - worker 0 uncaught exception failed!',
  '  warning - worker 0 died',
  'pipe(): Too many open files',
  '',
  'child_process.js:243',
  '  var fds = this._internal.spawn(path,',
  '                           ^',
  'Error: Error spawning',
  '    at ChildProcess.spawn (child_process.js:243:28)',
  '    at child_process.js:31:15',
];

test('the output file a command prints is a log when a line of it ran out', () => {
  assert.ok(readsLogFile('tail -n 20 nohup.out '));
  assert.ok(readsLogFile('sudo cat /var/log/app/error.log'));
  assert.equal(readsLogFile('tail -n 20 nohup.out | grep error'), false);
  assert.equal(readsLogFile('cat /proc/1/limits'), false);
  assert.ok(appLog.detect({ head: NOHUP_OUT, name: 'x', command: 'tail -n 20 nohup.out' }) > 0);
  assert.equal(appLog.detect({ head: NOHUP_OUT, name: 'x', command: 'node error.js' }), 0);
  const { artifact } = parseLines(appLog, NOHUP_OUT, { command: 'tail -n 20 nohup.out' });
  assert.equal(artifact.exhaustion?.emfile, 1);
  assert.match(artifact.exhaustion?.samples[0]?.ev.text ?? '', /pipe\(\): Too many open files/);
});
