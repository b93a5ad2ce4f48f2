// Knative's queue-proxy appends /proc/net/sockstat to every reverse-proxy error it logs, inside the
// JSON record's message, its line breaks escaped (`\n`). Round 242's knative/serving#14818 pasted one
// such record pretty-printed, knative/serving#14730 and others one record a line: it is the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sockstatLines } from '../../src/sources/sockstat.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

// knative/serving#14818, the message line as the thread shows it.
const PRETTY =
  '  "message": "error reverse proxying request; sockstat: sockets: used 36\\nTCP: inuse 23 orphan 0 tw 17 alloc 55 mem 31\\nUDP: inuse 0 mem 0\\nUDPLITE: inuse 0\\nRAW: inuse 0\\nFRAG: inuse 0 memory 0\\n",';

test('an escaped sockstat inside a log line is read as its lines', () => {
  assert.deepEqual(sockstatLines(PRETTY), [
    'sockets: used 36',
    'TCP: inuse 23 orphan 0 tw 17 alloc 55 mem 31',
    'UDP: inuse 0 mem 0',
    'UDPLITE: inuse 0',
    'RAW: inuse 0',
    'FRAG: inuse 0 memory 0',
  ]);
  // A plain line is itself; a line that only mentions sockets is no escaped file.
  assert.deepEqual(sockstatLines('TCP: inuse 7 orphan 0 tw 1 alloc 7 mem 0'), ['TCP: inuse 7 orphan 0 tw 1 alloc 7 mem 0']);
  assert.deepEqual(sockstatLines('sockets: used 9 and more\\n'), ['sockets: used 9 and more\\n']);
});

test("queue-proxy's pretty-printed JSON error is read: counters only, nobody blamed", async () => {
  const text = [
    'Looking at the queue proxy logs, I see the following error message:',
    '```json',
    '{',
    '  "severity": "ERROR",',
    '  "timestamp": "2024-01-16T05:50:22.87372292Z",',
    '  "logger": "queueproxy",',
    '  "caller": "network/error_handler.go:33",',
    PRETTY,
    '  "commit": "2659cc3",',
    '  "knative.dev/key": "default/semi-structured-form-workflow-00002",',
    '  "knative.dev/pod": "semi-structured-form-workflow-00002-deployment-6dd9676c96-d9f2z",',
    '  "error": "context canceled",',
    '```',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', now);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
});

test('one record a line (knative/serving#14730, cut before its stacktrace) is read too', async () => {
  const line =
    '{"severity":"ERROR","timestamp":"2023-12-15T18:39:13.687636069Z","logger":"queueproxy","caller":"network/error_handler.go:33","message":"error reverse proxying request; sockstat: sockets: used 7\\nTCP: inuse 0 orphan 0 tw 13 alloc 191 mem 22\\nUDP: inuse 0 mem 0\\nUDPLITE: inuse 0\\nRAW: inuse 0\\nFRAG: inuse 0 memory 0\\n","commit":"9402a71-dirty","knative.dev/key":"test/plugin-wiz-containerscan-00001","knative.dev/pod":"plugin-wiz-containerscan-00001-deployment-76696dfbb5-pwjgn","error":"EOF",';
  assert.equal(sockstatLines(line)[1], 'TCP: inuse 0 orphan 0 tw 13 alloc 191 mem 22');
  const result = await analyzeTranscript(['```', line, '```', ''].join('\n'), 'transcript.md', now);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
});
