// A client's line quoting a server's reply says the server ran out, not the client
// (src/sources/peer-reply.ts). Real lines: systemd/systemd#8854
// (test/accuracy/cases/gh-journal-upload-relayed-http-500-emfile-remote), a journal-upload client
// whose journal-remote server ran out of fds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotesPeerReply } from '../../src/sources/peer-reply.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const UPLOAD = [
  'Mar 29 10:58:22.919364 client02 systemd-journal-upload[26814]: Upload to https://xxx:19532/upload failed with code 500: Too many open files',
  'Mar 29 10:58:22.983876 client02 systemd[1]: systemd-journal-upload.service: Main process exited, code=exited, status=1/FAILURE',
  "Mar 29 10:58:22.984245 client02 systemd[1]: systemd-journal-upload.service: Failed with result 'exit-code'.",
];

test('an HTTP 5xx or a daemon error response before the words that say it ran out is a quoted reply', () => {
  assert.equal(quotesPeerReply(UPLOAD[0]), true);
  assert.equal(quotesPeerReply('Error response from daemon: open /var/lib/docker/x: too many open files'), true);
  assert.equal(quotesPeerReply('GET /api returned 503 Service Unavailable: EMFILE'), true);
  assert.equal(quotesPeerReply('request failed: HTTP/1.1 500 Internal Server Error: too many open files'), true);
  // The process's own failure, then a status: not a reply it quotes.
  assert.equal(quotesPeerReply('accept4: too many open files; answering with code 500'), false);
  // systemd's exit status and a gRPC client's own failed dial are no server's reply.
  assert.equal(quotesPeerReply('Main process exited, code=exited, status=1/FAILURE: Too many open files'), false);
  assert.equal(
    quotesPeerReply(
      'rpc error: code = Unavailable desc = transport: Error while dialing dial unix /run/x.sock: socket: too many open files',
    ),
    false,
  );
});

test("systemd#8854: the upload client quoting journal-remote's 500 is not blamed", async () => {
  const result = await analyzeTranscript(
    `after a month:\n\n\`\`\`\n${UPLOAD.join('\n')}\n\`\`\`\n`,
    'transcript.md',
    new Date('2026-01-01T00:00:00Z'),
  );
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /failed with code 500: Too many open files/);
});
