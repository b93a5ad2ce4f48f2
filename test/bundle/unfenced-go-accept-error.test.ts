// Go's net/http server logs a failed accept as `http: Accept error: …: accept4: too many open files;
// retrying in 1s` — its errors' text in lower case, the retry after it. Pasted as plain text above
// the commands, with no time (vmware-archive/vsphere-storage-for-docker#95, test/accuracy/cases/
// gh-vsphere-docker-vmdk-plugin-95-accept4-shell-ulimit), it is a line of output of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareLogRecord } from '../../src/bundle/code-spans.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const ACCEPT = 'http: Accept error: accept unix /run/docker/plugins/vmdk.sock: accept4: too many open files; retrying in 1s';

test("Go's wrapped error ending in its lower-case text is a bare log record; a sentence with one colon is not", () => {
  assert.equal(bareLogRecord(ACCEPT), true);
  // A proxy's own Go log, as gh-clash-dashboard-log-xiawu-three-line-socket-emfile-zh/transcript.md has it.
  assert.equal(bareLogRecord('dial DIRECT error: dial tcp4 110.75.129.15:443: socket: too many open files'), true);
  assert.equal(bareLogRecord('We keep getting this error: too many open files'), false);
  assert.equal(bareLogRecord('http: Accept error: accept4: too many open files; retrying in soon'), false);
});

test('the accept error above the only prompt is the line that says fds ran out', async () => {
  const result = await analyzeTranscript(
    [
      'Left plugin running overnight and noticed console was flooded with following error;',
      '',
      ACCEPT,
      '',
      'Not sure if this is case of socket leak or just need to bump file limit.',
      '',
      '$ulimit -n',
      '1024',
    ],
    'transcript.md',
  );
  assert.match(result.summary, /reports 1 time that fds ran out/);
  assert.notEqual(result.verdict, 'no-leak');
});
