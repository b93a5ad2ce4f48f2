// A syslog line pasted with its time but not its date (python-websockets/websockets#822: `17:30:14
// app python3[1775]: …`, the date cut from every line) still names its host, program and pid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syslogSource } from '../../src/sources/log-pids.js';
import { analyzeTranscript } from '../analyze-transcript.js';

// python-websockets/websockets#822, as pasted.
const WEBSOCKETS = [
  '```',
  '17:30:14 app python3[1775]:   File "/usr/lib/python3.6/socket.py", line 205, in accept',
  '17:30:14 app python3[1775]: OSError: [Errno 24] Too many open files',
  '17:30:14 app python3[1775]: socket.accept() out of system resource',
  "17:30:14 app python3[1775]: socket: <socket.socket fd=8, family=AddressFamily.AF_INET, type=2049, proto=6, laddr=('0.0.0.0', 443)>",
  '17:30:14 app python3[1775]: Traceback (most recent call last):',
  '17:30:14 app python3[1775]:   File "/usr/lib/python3.6/asyncio/selector_events.py", line 168, in _accept_connection',
  '17:30:14 app python3[1775]:     conn, addr = sock.accept()',
  '```',
];

test('a syslog line without its date: the program and pid of its prefix', () => {
  assert.deepEqual(syslogSource(WEBSOCKETS[2]), { program: 'python3', pid: 1775 });
  assert.deepEqual(syslogSource('17:30:14.123 app python3[1775]: x'), { program: 'python3', pid: 1775 });
  // The pid in brackets is required: a time, a word and a tag alone are not this shape.
  assert.equal(syslogSource('17:30:14 app python3: OSError: [Errno 24] Too many open files'), null);
  assert.equal(syslogSource('17:30:14 python3[1775]x'), null);
  assert.equal(syslogSource(`17:30:14 ${'a'.repeat(5000)} p[1]: x`), null);
});

test("websockets#822: the EMFILE is pid 1775's, its message without the prefix", async () => {
  const r = await analyzeTranscript(WEBSOCKETS, 'transcript.md');
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0].pid, 1775);
  assert.equal(r.suspects[0].ranOut?.message, 'OSError: [Errno 24] Too many open files');
});
