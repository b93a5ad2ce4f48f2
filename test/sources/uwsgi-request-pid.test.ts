// uWSGI's request line for a failed request names the worker that served it: the traceback's last
// line right above it (`OSError: [Errno 24] Too many open files: …`) was that worker's
// (src/sources/record-pids.ts uwsgiFailedRequestPid, the claim in app-log.ts).
// Real lines: uWSGI 2.0 with three workers, captured here
// (test/accuracy/cases/uwsgi-filehandler-per-request-same-file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uwsgiFailedRequestPid } from '../../src/sources/record-pids.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const REQUEST =
  '[pid: 11555|app: 0|req: 254/658] 127.0.0.1 () {24 vars in 266 bytes} [Mon Dec  7 19:11:16 2026] GET /api/orders => generated 0 bytes in 0 msecs (HTTP/1.1 500) 0 headers in 0 bytes (0 switches on core 0)';
const ERROR = "OSError: [Errno 24] Too many open files: '/tmp/r286/uw-handler/run/audit.log'";
const TRACE = [
  '  File "/tmp/r286/uw-handler/app.py", line 10, in audit_logger',
  '  File "/usr/lib/python3.11/logging/__init__.py", line 1181, in __init__',
  '  File "/usr/lib/python3.11/logging/__init__.py", line 1213, in _open',
];

test("the pid of uWSGI's line for a failed request", () => {
  assert.equal(uwsgiFailedRequestPid(REQUEST), 11555);
  // A request that succeeded, or the master's line about a worker it spawned: no pid.
  assert.equal(uwsgiFailedRequestPid(REQUEST.replace('HTTP/1.1 500', 'HTTP/1.1 200')), undefined);
  assert.equal(uwsgiFailedRequestPid('spawned uWSGI worker 1 (pid: 11555, cores: 1)'), undefined);
});

test('the Errno 24 right above it is that worker’s', async () => {
  const block = ['uwsgi.log:', '```', ...TRACE, ERROR, REQUEST, '```'];
  const r = await analyzeTranscript(`${block.join('\n')}\n`, 'transcript.md', new Date('2026-12-08T00:00:00Z'));
  assert.equal(r.suspects[0]?.pid, 11555);
  assert.match(r.suspects[0]?.ranOut?.message ?? '', /Too many open files/);
});

test('an Errno 24 with other lines between it and the request line is nobody’s', async () => {
  const block = ['uwsgi.log:', '```', ...TRACE, ERROR, 'Mon Dec  7 19:11:16 2026 - worker 2 buried', REQUEST, '```'];
  const r = await analyzeTranscript(`${block.join('\n')}\n`, 'transcript.md', new Date('2026-12-08T00:00:00Z'));
  assert.ok(!r.suspects.some((s) => s.pid === 11555));
});
