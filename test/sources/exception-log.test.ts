// A runtime's exception line that says it ran out is the program's report, whatever output is
// pasted around it (round 57's real lines, process-exporter#268).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog, exceptionRanOut } from '../../src/sources/app-log.js';

test("Python's IOError [Errno 24] line between a script's progress lines and its prompt is a log (process-exporter#268)", () => {
  const lines = [
    '...',
    'Opened file number ... 1020',
    'Opened file number ... 1021',
    "IOError:  [Errno 24] Too many open files: 'test-1022'",
    'Press any key to exit',
  ];
  assert.equal(exceptionRanOut(lines[3]), true);
  assert.ok(appLog.detect({ head: lines, name: 'f' }) > 0);
  // Java's fully qualified form says it too.
  assert.equal(exceptionRanOut('java.io.IOException: Too many open files'), true);
  // An exception that does not say it ran out, a sentence about one, and the progress lines alone are not.
  assert.equal(exceptionRanOut("FileNotFoundError: [Errno 2] No such file or directory: 'x'"), false);
  assert.equal(exceptionRanOut('I keep getting OSError: [Errno 24] Too many open files'), false);
  assert.equal(appLog.detect({ head: lines.slice(0, 3).concat(lines[4]), name: 'f' }), 0);
});
