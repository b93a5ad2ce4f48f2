// The writer's notes between an ss command and its table (accuracy round 251). Real lines:
// warmcat/libwebsockets#3328's `watch 'ss -tp dst :8080'`, each sample under a `-- 1th job start`
// note, the header below it, and a `====` rule the writer drew between samples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ssSockets } from '../../src/sources/ss-sockets.js';

const COMMAND = "sudo watch -n 0.2 'ss -tp dst :8080'";
const LINES = [
  '-- 1th job start',
  'State   Recv-Q   Send-Q     Local Address:Port     Peer Address:Port  Process',
  'ESTAB  0       0        192.168.0.190:42146    192.168.0.190:http-alt   users:(("rcpserver",pid=2817846,fd=21))',
  '-- 1th job end',
  'State   Recv-Q   Send-Q     Local Address:Port     Peer Address:Port  Process',
  '===========================================================================',
];

test("a note over ss's header, under an ss command, is still ss's output", () => {
  assert.ok(ssSockets.detect({ head: LINES, name: 'transcript.md', command: COMMAND }) >= 0.9);
  // Without the ss command the note makes it nobody's table; nor does a header far down count.
  assert.equal(ssSockets.detect({ head: LINES, name: 'transcript.md' }), 0);
  const far = ['a', 'b', 'c', 'd', ...LINES.slice(1)];
  assert.equal(ssSockets.detect({ head: far, name: 'transcript.md', command: COMMAND }), 0);
});

test('the row under the note is read, the notes are warned about, not counted', () => {
  const warnings: string[] = [];
  const sink = ssSockets.sink({ file: 'transcript.md', command: COMMAND, warn: (_n, m) => warnings.push(m) });
  for (const [i, l] of LINES.entries()) sink.line(l, i + 1);
  const t = sink.end();
  assert.equal(t.byState.ESTABLISHED, 1);
  const p = t.byProcess.find((b) => b.pid === 2817846);
  assert.equal(p?.command, 'rcpserver');
  assert.equal(p?.maxFd?.fd, 21);
  assert.ok(warnings.length >= 2);
});
