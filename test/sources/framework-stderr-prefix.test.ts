// A macOS framework's message on a process's stderr names the process and its pid:
// `2016-09-22 10:49 node[79167] (FSEvents.framework) …` (jestjs/jest#1767, the time to the minute as
// pasted). Node's crash under it continues node 79167's record, so the EMFILE is that pid's, not
// the name-only `jest` the command names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frameworkStderrSource } from '../../src/sources/record-pids.js';
import { syslogSource } from '../../src/sources/log-pids.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const FSEVENTS =
  '2016-09-22 10:49 node[79167] (FSEvents.framework) FSEventStreamStart: register_with_server: ERROR: f2d_register_rpc() => (null) (-22)';

// jestjs/jest#1767, as pasted.
const JEST = [
  '$ jest --watch',
  FSEVENTS,
  FSEVENTS,
  FSEVENTS,
  'events.js:160',
  "      throw er; // Unhandled 'error' event",
  '      ^',
  '',
  'Error: Error watching file for changes: EMFILE',
  '    at exports._errnoException (util.js:1036:11)',
  '    at FSEvent.FSWatcher._handle.onchange (fs.js:1406:11)',
];

test("a framework's message on stderr: the process's name and pid", () => {
  assert.deepEqual(frameworkStderrSource(FSEVENTS), { program: 'node', pid: 79167 });
  assert.deepEqual(syslogSource(FSEVENTS), { program: 'node', pid: 79167 });
  assert.deepEqual(frameworkStderrSource(FSEVENTS.replace('10:49', '10:49:01.123')), { program: 'node', pid: 79167 });
  // No framework in parentheses, or no pid: not this shape.
  assert.equal(frameworkStderrSource('2016-09-22 10:49 node[79167] FSEventStreamStart: x'), null);
  assert.equal(frameworkStderrSource('2016-09-22 10:49 node (FSEvents.framework) x'), null);
  assert.equal(frameworkStderrSource(`2016-09-22 10:49 ${'n'.repeat(5000)}[1] (X.framework) y`), null);
});

test("jest#1767: Node's EMFILE under the framework's lines is node 79167's", async () => {
  const r = await analyzeTranscript(JEST, 'transcript.md');
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0].pid, 79167);
  assert.equal(r.suspects[0].command, 'node');
  assert.match(r.suspects[0].ranOut?.message ?? '', /EMFILE/);
  assert.ok(!r.suspects.some((s) => s.command === 'jest'));
});
