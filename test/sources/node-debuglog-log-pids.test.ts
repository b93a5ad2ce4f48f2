// Node's util.debuglog prefix names the writer's pid (src/sources/node-debuglog.ts), and a level word
// where a syslog tag would be is no program (src/sources/log-pids.ts). Real lines: SAP/node-hdb#85
// (test/accuracy/cases/gh-node-hdb-debuglog-pid-getaddrinfo-emfile), cfdp/opeka#39
// (gh-opeka-forever-log-socketio-accept-emfile).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { debuglogPid } from '../../src/sources/node-debuglog.js';
import { syslogSource } from '../../src/sources/log-pids.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const HDB = [
  "HDB_CONN 34859: Opening connection. Hosts: [ { host: 'localhost', port: 30015 } ]",
  'HDB_CONN 34859: Connection to localhost:30015 failed with: getaddrinfo EMFILE localhost:30015',
  "HDB_CONN 34859: Opening connection. Hosts: [ { host: 'localhost', port: 30915 } ]",
  "HDB_CONN 34859: Opening connection. Hosts: [ { host: 'localhost', port: 30615 } ]",
  'HDB_CONN 34859: Connection to localhost:30615 failed with: getaddrinfo EMFILE localhost:30615',
];

test('util.debuglog: the number after the section is the pid; a level word and a status are not a section', () => {
  assert.equal(debuglogPid(HDB[1]), 34859);
  assert.equal(debuglogPid('NET 12345: listen2 0.0.0.0 8080 4 false undefined'), 12345);
  assert.deepEqual(syslogSource(HDB[1]), { pid: 34859 });
  assert.equal(debuglogPid('ERROR 500: Internal Server Error'), undefined);
  assert.equal(debuglogPid('Net 12345: lower case is no section'), undefined);
  assert.equal(debuglogPid('NET 0: no pid 0'), undefined);
});

test("winston's `TIME - level: ` is no syslog tag: no program named `info`", () => {
  assert.equal(syslogSource('2014-05-20T16:41:26.325Z - info: Regular user disconnected. CPIyp4FSWt-et93Vuzrx'), null);
  // A real tag and a tag with a pid stay.
  assert.deepEqual(syslogSource('2024-03-01T10:00:00.123+0100 host myapp: started'), { program: 'myapp' });
  assert.deepEqual(syslogSource('Dec  5 10:00:01 host info[123]: x'), { program: 'info', pid: 123 });
});

async function analyzeText(text: string) {
  return analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
}

test('node-hdb#85: the NODE_DEBUG lines that say getaddrinfo EMFILE name pid 34859 as the one that ran out', async () => {
  const r = await analyzeText(['```', ...HDB, '```', ''].join('\n'));
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0]?.pid, 34859);
  assert.match(r.suspects[0]?.ranOut?.message ?? '', /getaddrinfo EMFILE/);
});

test('opeka#39: forever.log of winston records and accept EMFILE lines blames no process named info', async () => {
  const r = await analyzeText(
    [
      '```',
      '2014-05-20T16:41:26.325Z - info: Regular user disconnected. CPIyp4FSWt-et93Vuzrx',
      '2014-05-20T16:41:26.326Z - info: Logout: User chat start:  23343394',
      'warn: client not handshaken client should reconnect',
      'warn: error raised: Error: accept EMFILE',
      'warn: error raised: Error: accept EMFILE',
      '```',
      '',
    ].join('\n'),
  );
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects.length, 0);
  assert.match(r.unownedRanOut?.message ?? '', /accept EMFILE/);
});
