// The JDK's IOException when it cannot start a child (`error=%d, %s`: the errno's number, then
// strerror's text) says EMFILE by its number when the text after it is cut or folded. Real lines:
// OpenGrok Bugzilla #18227 (oracle/opengrok#502, imported; test/accuracy/cases/
// bz-opengrok-18227-p4-error24-wrapped-log), whose `error=24, Too ma` goes on as `ny open files`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ranOutErrno } from '../../src/sources/exhaustion-text.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const P4 =
  'java.io.IOException: Cannot run program "p4" (in directory "/x/search/opengrok/stage1/source/ContentSuite_8.0-cefix/appsvcs-ui/src/jsp/serviceprovider/role/images"): java.io.IOException: error=24, Too ma';
const JDK7 = 'java.io.IOException: Cannot run program "git": error=24';

test("the JDK's `error=24` says EMFILE, `error=23` ENFILE; other numbers and other words say nothing", () => {
  assert.equal(ranOutErrno(P4), 'EMFILE');
  assert.equal(ranOutErrno(JDK7), 'EMFILE');
  assert.equal(ranOutErrno('Caused by: java.io.IOException: Cannot run program "git" (in directory "/src"): error=24'), 'EMFILE');
  assert.equal(ranOutErrno(P4.replace('error=24, Too ma', 'error=23, Too ma')), 'ENFILE');
  assert.equal(ranOutErrno(P4.replace('error=24, Too ma', 'error=2, No such file or directory')), null);
  assert.equal(ranOutErrno(P4.replace('error=24, Too ma', 'error=240')), null);
  assert.equal(ranOutErrno('curl: (7) error=24 while parsing the reply'), null);
});

test('OpenGrok Bugzilla #18227: the folded line is where fds ran out, tied to no process', async () => {
  const result = await analyzeTranscript(
    [
      'Apr 28, 2011 3:20:45 PM org.opensolaris.opengrok.util.Executor exec',
      'SEVERE: Failed to read from process: p4',
      P4,
      'ny open files',
      '        at java.lang.ProcessBuilder.start(ProcessBuilder.java:460)',
      '',
    ].join('\n'),
    'indexer.log',
    new Date('2026-01-01T00:00:00Z'),
    { folder: true },
  );
  assert.equal(result.verdict, 'inconclusive');
  assert.match(result.unownedRanOut?.message ?? '', /error=24/);
});
