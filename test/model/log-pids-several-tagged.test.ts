// Logs alone whose "Too many open files" lines name several pids, each by its own syslog tag
// (`dnsdist[17920]:`, another user's `dnsdist[14983]:`): each pid is a process the bundle is about,
// as one pid alone is. Lines naming their pid without a tag (nginx's `21114#21114:`), or a bundle
// that also shows other processes, name nobody for certain (the hestia case stays unowned).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

// PowerDNS/pdns#3300: the reporter's dnsdist log, then a third user's line from another host.
const DNSDIST = [
  "Jan 25 01:34:26 hostname dnsdist[17920]: Marking downstream 127.0.0.1:5300 as 'down'",
  "Jan 25 01:34:27 hostname dnsdist[17920]: Marking downstream 127.0.0.1:5300 as 'up'",
  "Jan 25 01:49:28 hostname dnsdist[17920]: Marking downstream 127.0.0.1:5300 as 'down'",
  'Jan 25 01:49:58 hostname dnsdist[17920]: Problem sending carbon data: Too many open files',
  'Jan 25 01:50:47 hostname dnsdist[17920]: While reading a TCP question: accepting new connection on socket: Too many open files',
  'Jan 25 01:50:58 hostname dnsdist[17920]: Problem sending carbon data: Too many open files',
  'Jan 25 01:52:58 hostname dnsdist[17920]: message repeated 2 times: [ Problem sending carbon data: Too many open files]',
  'Jan 25 01:53:57 hostname dnsdist[17920]: While reading a TCP question: accepting new connection on socket: Too many open files',
  '',
  'dnsdist[14983]: Had an error accepting new webserver connection: accepting new connection on socket: Too many open files',
  'after an oparation time of 2 - 3 houers :(',
];

test('two syslog-tagged pids that ran out are both suspects, the one with most lines first', async () => {
  const r = await analyzeTranscript(DNSDIST, 'session.md', now);
  assert.equal(r.verdict, 'inconclusive');
  assert.deepEqual(
    r.suspects.map((s) => s.pid),
    [17920, 14983],
  );
  assert.match(r.suspects[0]?.ranOut?.message ?? '', /Problem sending carbon data: Too many open files/);
  assert.equal(r.unownedRanOut, undefined);
});

// hestiacp/hestiacp#3286: nginx's own error log names pids by `pid#tid`, not by a tag.
const NGINX = [
  '```sh',
  '$ sudo tail -2 /var/log/nginx/error.log',
  '2023/02/20 11:56:01 [emerg] 21114#21114: socket() 212.224.115.156:80 failed (24: Too many open files)',
  '2023/02/20 11:56:01 [emerg] 21122#21122: socket() 212.224.115.156:80 failed (24: Too many open files)',
  '```',
];

test('two untagged pids of one log name nobody', async () => {
  const r = await analyzeTranscript(NGINX, 'session.md', now);
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects.length, 0);
  assert.match(r.unownedRanOut?.message ?? '', /Too many open files/);
});
