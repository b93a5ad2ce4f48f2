// A runtime's exception line that says it ran out is the program's report, whatever output is
// pasted around it (round 57's real lines, process-exporter#268).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { exceptionRanOut } from '../../src/sources/ran-out-shapes.js';

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

// jestjs/jest#1767 (round 73): Node's crash on an unhandled 'error' event under macOS's own log
// lines, here with their seconds (`10:49:01`), which make them stamped lines with no level.
test("JavaScript's bare `Error:` (and a bare `Exception:`) heads an exception: Node's crash under stamped lines is a log", () => {
  const lines = [
    '2016-09-22 10:49:01 node[79167] (FSEvents.framework) FSEventStreamStart: register_with_server: ERROR: f2d_register_rpc() => (null) (-22)',
    '2016-09-22 10:49:01 node[79167] (FSEvents.framework) FSEventStreamStart: register_with_server: ERROR: f2d_register_rpc() => (null) (-22)',
    'events.js:160',
    "      throw er; // Unhandled 'error' event",
    '      ^',
    'Error: Error watching file for changes: EMFILE',
    '    at exports._errnoException (util.js:1036:11)',
    '    at FSEvent.FSWatcher._handle.onchange (fs.js:1406:11)',
  ];
  assert.equal(exceptionRanOut(lines[5]), true);
  assert.ok(appLog.detect({ head: lines, name: 'f' }) > 0);
  assert.equal(exceptionRanOut('Exception: [Errno 24] Too many open files'), true);
  // A word before the colon that is no type is no exception.
  assert.equal(exceptionRanOut('error: Too many open files'), false);
});

test('a level word that starts in the first 80 characters of a record is read whole, also where it crosses the 80th', async () => {
  const { levelOf } = await import('../../src/sources/log-stamps.js');
  // jest#1767's macOS line after its time: `ERROR` ends exactly at the 80th character, its `:` after it.
  assert.equal(
    levelOf('node[79167] (FSEvents.framework) FSEventStreamStart: register_with_server: ERROR: f2d_register_rpc() => (null) (-22)'),
    'ERROR',
  );
  assert.equal(levelOf(`${'x'.repeat(85)} ERROR: late`), null);
});
