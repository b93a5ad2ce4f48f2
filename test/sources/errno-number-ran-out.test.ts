// A ran-out line that gives the errno's number with the word errno instead of strerror's text
// (src/sources/exhaustion-text.ts ERRNO_NUMBER). Real lines: csync's error in owncloud/client#430
// (test/accuracy/cases/gh-owncloud-client-opendir-errno24-lsof-c-count-1249) and abseil's
// symbolizer in envoy's journal (gh-envoy-journal-socket2-emfile-assert-4138).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ranOutErrno } from '../../src/sources/exhaustion-text.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const CSYNC = 'opendir failed for [...] (errno 24)';

test('`errno 24` / `errno=24` / `errno: 24` is EMFILE, `errno 23` ENFILE; other numbers are not', () => {
  assert.equal(ranOutErrno(CSYNC), 'EMFILE');
  assert.equal(ranOutErrno('[symbolize_elf.inc : 965] RAW: /proc/self/task/4138/maps: errno=24'), 'EMFILE');
  assert.equal(ranOutErrno('open failed (errno: 24)'), 'EMFILE');
  assert.equal(ranOutErrno('opendir failed for [...] (errno 23)'), 'ENFILE');
  assert.equal(ranOutErrno('opendir failed for [...] (errno 2)'), null);
  assert.equal(ranOutErrno('opendir failed for [...] (errno 240)'), null);
  assert.equal(ranOutErrno('read 24 bytes, errno unchanged'), null);
});

test('owncloud/client#430: the csync line beside an lsof -c row count says a process ran out, no pid', async () => {
  const text = [
    'I observed the following csync error message:',
    '',
    '```',
    CSYNC,
    '```',
    '',
    '```',
    '$ lsof -c owncloud | wc -l',
    '$ 1249',
    '```',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  const said = result.suspects[0]?.ranOut?.message ?? result.unownedRanOut?.message ?? '';
  assert.match(said, /errno 24/);
});
